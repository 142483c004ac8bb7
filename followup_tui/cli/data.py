"""The data commands of ``followup``: export, import, import-questions and doctor."""

from __future__ import annotations

from pathlib import Path

import click

from followup_tui.cli.common import guarded, open_repo
from followup_tui.cli.complete import INTERVIEW
from followup_tui.cli.lookup import find
from followup_tui.cli.streams import OUTPUT_HELP, read_source_text, source_name, write_output
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.services import doctor as doctor_module
from followup_tui.services import doctor_fixes
from followup_tui.services.exporting import BYTE_ORDER_MARK, FORMATS, render
from followup_tui.services.question_import import QUESTIONS_FILE_LIMIT, import_questions


def _terminal_line(line: str) -> str:
    """A report line with any control characters (say, from a hostile table name) removed."""
    return strip_controls(line).replace("\n", " ")


@click.command(short_help="Export as JSON, Markdown or CSV.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@click.option("--interview", "interview_id", type=INTERVIEW, help="Only this interview (id or company).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help=OUTPUT_HELP)
@click.option("--force", is_flag=True, help="Overwrite the -o file if it exists.")
@click.option("--bom", is_flag=True, help="Start a CSV with a byte order mark, for Excel on Windows.")
@click.pass_obj
@guarded
def export(
    path: Path, fmt: str, interview_id: str | None, output: str | None, force: bool, bom: bool
) -> None:
    """Export interviews as JSON (complete), Markdown (to read) or CSV (one row each).

    With -o, "Wrote PATH" goes to stderr: stdout only ever carries the export. CSV is plain
    UTF-8; --bom marks it so that Excel on Windows reads its accents right.

    Example: followup export --format markdown -o interviews.md
    """
    if bom and fmt != "csv":
        raise click.UsageError("--bom only applies to --format csv.")
    repo = open_repo(path)
    chosen = None if interview_id is None else find(repo, interview_id).id
    text = render(repo, fmt, chosen)
    write_output(output, BYTE_ORDER_MARK + text if bom else text, force=force)


@click.command("import", short_help="Merge a JSON export (never duplicates).")
@click.argument("source", metavar="PATH")
@click.pass_obj
@guarded
def import_command(path: Path, source: str) -> None:
    """Merge a JSON export into the data; records already here are kept, never duplicated.

    PATH '-' reads standard input.

    Example: followup import followup-export.json
    """
    from followup_tui.services.json_import import IMPORT_LIMIT, ImportFileError, import_json

    text = read_source_text(source, IMPORT_LIMIT)
    try:
        summary = import_json(open_repo(path), text)
    except ImportFileError as exc:
        raise click.ClickException(one_line(f"Cannot import {source_name(source)}: {exc}")) from None
    click.echo(summary.line())


@click.command("import-questions", short_help="Add Markdown list items to the question bank.")
@click.argument("source", metavar="PATH.md")
@click.option("--dry-run", is_flag=True, help="List what would be added and skipped; change nothing.")
@click.pass_obj
@guarded
def import_questions_command(path: Path, source: str, dry_run: bool) -> None:
    """Add the list items of a Markdown file to the question bank (headings become categories).

    Items that are only a link, or a word or two with no verb or question mark, are skipped
    and counted. PATH.md '-' reads standard input.

    Example: followup import-questions my-questions.md --dry-run
    """
    text = read_source_text(source, QUESTIONS_FILE_LIMIT)
    result = import_questions(open_repo(path), text, dry_run=dry_run)
    if dry_run:
        for question in result.new:
            where = f"[{one_line(question.category, 30)}] " if question.category else ""
            click.echo(f"add   {where}{one_line(question.text)}")
        for item in result.skipped:
            click.echo(f"skip  ({item.reason}) {one_line(item.text)}")
    click.echo(result.summary(dry_run=dry_run) + ".")


@click.command(short_help="Check the data file; restore a backup or repair odd values.")
@click.option(
    "--restore", is_flag=True, help="Replace a damaged or empty data file with the newest good backup."
)
@click.option(
    "--repair",
    is_flag=True,
    help="Write back the values followup had to guess at (a copy of the file is kept first).",
)
@click.pass_obj
@guarded
def doctor(path: Path, restore: bool, repair: bool) -> None:
    """Check the data file, its schema, backups, integrity and values; optionally restore a
    backup or repair odd values.

    Exits with status 1 while a problem remains.

    Example: followup doctor --restore
    """
    if restore:
        for line in doctor_fixes.restore(path):
            click.echo(_terminal_line(line))
    if repair:
        for line in doctor_fixes.repair(path):
            click.echo(_terminal_line(line))
    health = doctor_module.examine(path)
    for line in doctor_module.report(health):
        click.echo(_terminal_line(line))
    if not health.healthy:
        raise click.exceptions.Exit(1)
