"""The ``bank`` commands: list, remove and edit questions of the question bank from the shell.

No Textual here. Ids are those ``followup bank list`` prints: the user's own questions keep
their record ids, starter questions are "s1", "s2"... A starter question removed is hidden
(the app's bank picker can bring it back with undo only in the same session; here, editing it
back is the way), one edited becomes the user's own.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup_tui.cli.common import guarded, open_repo
from followup_tui.domain.text import one_line
from followup_tui.services.bank import bank_entries, category_label, delete_entry, edit_entry, find_entry


@click.group()
def bank() -> None:
    """Curate the question bank: list, remove and edit questions.

    Example: followup bank list --mine
    """


@bank.command("list")
@click.option("--mine", is_flag=True, help="Only the questions you added (not the starter set).")
@click.option("--category", help="Only this category.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a list.")
@click.pass_obj
@guarded
def list_bank(path: Path, mine: bool, category: str | None, as_json: bool) -> None:
    """List the bank's questions with their ids, grouped by category.

    --json prints a list of objects with the keys id, text, category and mine.

    Example: followup bank list --category growth
    """
    entries = bank_entries(open_repo(path))
    if mine:
        entries = [e for e in entries if e.mine]
    if category is not None:
        wanted = " ".join(category.casefold().split())
        entries = [e for e in entries if e.category == wanted]
    if as_json:
        import json

        items = [{"id": e.id, "text": e.text, "category": e.category, "mine": e.mine} for e in entries]
        click.echo(json.dumps(items, ensure_ascii=True, indent=2))
        return
    if not entries:
        click.echo("No questions match.", err=True)
        return
    shown = None
    for entry in entries:
        if entry.category != shown:
            if shown is not None:
                click.echo("")
            shown = entry.category
            click.echo(one_line(category_label(entry.category), 60))
        mark = "*" if entry.mine else " "
        click.echo(f"  {entry.id:<6}{mark} {one_line(entry.text)}")


@bank.command("rm")
@click.argument("entry_id", metavar="ID")
@click.pass_obj
@guarded
def remove(path: Path, entry_id: str) -> None:
    """Remove a question from the bank (a starter question is hidden).

    Example: followup bank rm k3m9p
    """
    repo = open_repo(path)
    removed = delete_entry(repo, find_entry(repo, entry_id))
    click.echo(f"Removed: {one_line(removed.entry.text, 70)}")


@bank.command("edit")
@click.argument("entry_id", metavar="ID")
@click.option("--text", help="The new wording (without it and --category: your $EDITOR opens).")
@click.option("--category", help="Move it to this category.")
@click.pass_obj
@guarded
def edit(path: Path, entry_id: str, text: str | None, category: str | None) -> None:
    """Change a question's wording or category.

    Example: followup bank edit s12 --category "first weeks"
    """
    repo = open_repo(path)
    entry = find_entry(repo, entry_id)
    if text is None and category is None:
        typed = click.edit(entry.text + "\n", require_save=True)
        if typed is None:
            click.echo("Nothing changed.", err=True)
            return
        text = typed
    edited = edit_entry(repo, entry, entry.text if text is None else text, category or entry.category)
    click.echo(f"{edited.id}  {category_label(edited.category)}: {one_line(edited.text, 70)}")
