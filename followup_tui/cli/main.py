"""The command line: ``followup`` opens the app; subcommands work without it.

Textual is imported only by the code path that opens the app, so ``followup list`` and
``followup note`` start quickly and work over a bare SSH session. Every command turns a
problem the user can fix into one clear line on stderr and exit status 1 (click's usage
errors exit with 2); nothing is written when a command fails.
"""

from __future__ import annotations

import os
from pathlib import Path

import click

from followup_tui import __version__
from followup_tui.cli.app_start import open_app
from followup_tui.cli.common import FollowupGroup, guarded, open_repo
from followup_tui.cli.complete import INTERVIEW, ZONE
from followup_tui.cli.lookup import find
from followup_tui.cli.note import capture, new_concern
from followup_tui.domain.ids import shown_id
from followup_tui.domain.models import FORMATS, OUTCOMES, Interview, Interviewer
from followup_tui.domain.text import fit_cells, one_line, pad_cells
from followup_tui.domain.zones import local_now
from followup_tui.store.locations import resolve_data_file


@click.group(
    cls=FollowupGroup,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
@click.option(
    "--db", "db", type=click.Path(dir_okay=False), help="Use this data file instead of the default."
)
@click.option("--demo", is_flag=True, help="Open a throwaway copy filled with sample data.")
@click.option(
    "--web",
    is_flag=True,
    help="Serve the app in a browser on this machine; open the address it prints (needs the [web] extra).",
)
@click.option(
    "--port", default=8000, show_default=True, type=click.IntRange(1, 65535), help="Port for --web."
)
@click.version_option(__version__, prog_name="followup")
@click.pass_context
def main(ctx: click.Context, db: str | None, demo: bool, web: bool, port: int) -> None:
    """Prepare for an interview, debrief after it, and follow up on what matters.

    Without a command, opens the app. The data file is --db, else $FOLLOWUP_DB, else the
    platform's data folder (see 'followup path').

    Examples: followup --db ~/interviews.json · followup --demo · followup --web --port 8000
    """
    ctx.obj = resolve_data_file(db)
    if ctx.invoked_subcommand is None:
        if web:
            from followup_tui.cli.web import serve

            serve(ctx.obj, demo, port)
        else:
            status = open_app(ctx.obj, demo=demo)
            if status:
                ctx.exit(status)
    elif demo or web:
        raise click.UsageError("--demo and --web only apply when opening the app (no command).")


@main.command()
@click.argument("company", required=False)
@click.option("--role", default="", help="The job title.")
@click.option(
    "--when",
    "when",
    help='Date and time in the interview\'s zone, "YYYY-MM-DD HH:MM", or ISO 8601 with an offset.',
)
@click.option(
    "--tz", "tz", type=ZONE, metavar="ZONE", help="The interview's time zone (default: this machine's)."
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="onsite", show_default=True)
@click.option("--interviewer", "interviewers", multiple=True, help="An interviewer's name (repeatable).")
@click.option(
    "--language",
    metavar="TAG",
    help="The card's language: de, en, es, fr, or with a region (de-AT); default: the locale's.",
)
@click.option(
    "--from-ics",
    "ics_file",
    metavar="FILE",
    help="Read the interview from a calendar invitation (.ics); the same invitation again updates it.",
)
@click.option(
    "--me",
    "my_email",
    metavar="EMAIL",
    help="Your own address, left out of an invitation's interviewers (remembered).",
)
@click.pass_obj
@guarded
def add(
    path: Path,
    company: str | None,
    role: str,
    when: str | None,
    tz: str | None,
    fmt: str,
    interviewers: tuple[str, ...],
    language: str | None,
    ics_file: str | None,
    my_email: str | None,
) -> None:
    """Add an interview and print its id.

    Example: followup add "Acme" --role "Data engineer" --when "2026-12-01 14:00" --tz Europe/Berlin

    An exact moment (--when 2026-12-01T14:00+01:00) is stored as the time it is in --tz, or
    in this machine's zone.

    From an invitation: followup add --from-ics invite.ics (the company is taken from its title
    unless given).
    """
    from followup_tui.domain.language import normalise_language
    from followup_tui.domain.when import parse_when_in
    from followup_tui.domain.zones import local_zone_name, parse_zone
    from followup_tui.services.language_setting import default_language

    if ics_file is not None:
        from followup_tui.cli.invites import add_from_ics

        add_from_ics(path, ics_file, company, role or None, my_email)
        return
    if company is None:
        raise click.UsageError("Missing argument 'COMPANY' (or give --from-ics FILE).")
    zone_name = parse_zone(tz) if tz is not None else local_zone_name()
    tag = normalise_language(language) if language else ""
    record = Interview(
        company=company,
        role=role,
        when=parse_when_in(when, zone_name),
        tz=zone_name,
        format=fmt,
        interviewers=[Interviewer(name=name) for name in interviewers],
        language=tag,
    )
    repo = open_repo(path)
    if not tag:
        record.language = default_language(repo, os.environ)
    click.echo(repo.add(record).id)


@main.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_obj
@guarded
def list_interviews(path: Path, as_json: bool) -> None:
    """List the interviews, newest first.

    Example: followup list --json
    """
    from followup_tui.domain.models import WHEN_FORMAT, Card
    from followup_tui.domain.status import follow_up_state
    from followup_tui.domain.when import iso_moment

    repo = open_repo(path)
    now = local_now()
    cards_of: dict[str, list[Card]] = {}
    for card in repo.shared(Card):  # read only: no copies, and concerns are only counted
        cards_of.setdefault(card.interview_id, []).append(card)
    open_counts = repo.open_concern_counts()
    rows = []
    for interview in repo.interviews():
        state = follow_up_state(
            interview, cards_of.get(interview.id, []), open_counts.get(interview.id, 0), now
        )
        rows.append((interview, state))
    if as_json:
        items = [
            {
                "id": i.id,
                "company": i.company,
                "role": i.role,
                "when": i.when,
                "when_iso": iso_moment(i.moment, i.tz),
                "tz": i.tz,
                "format": i.format,
                "outcome": i.outcome,
                "interviewers": [p.name for p in i.interviewers],
                "follow_up": {
                    "card": s.card,
                    "card_overdue": s.card_overdue,
                    "open_concerns": s.open_concerns,
                    "cards_sent": s.cards_sent,
                    "cards": s.cards,
                },
            }
            for i, s in rows
        ]
        import json

        click.echo(json.dumps(items, ensure_ascii=True, indent=2))
        return
    if not rows:
        click.echo("No interviews yet. Add one with: followup add COMPANY", err=True)
        return
    from followup_tui.domain.zones import here_first

    # on this machine's clock, the interview's own beside it when its zone keeps another
    times = [here_first(i.moment, i.tz, WHEN_FORMAT) if i.moment else "no date" for i, _ in rows]
    width = max(16, *(len(t) for t in times))
    for (i, s), when in zip(rows, times, strict=True):
        company = fit_cells(one_line(i.company), 28)
        who = pad_cells(company + (f" · {fit_cells(one_line(i.role), 24)}" if i.role else ""), 40)
        click.echo(f"{shown_id(i.id):5}  {when:{width}}  {who}  {i.outcome:<11}  {s.label()}".rstrip())


@main.command(short_help="Capture a concern; prints its id.")
@click.argument("text")
@click.option(
    "--interview",
    "interview_id",
    type=INTERVIEW,
    help="The interview's id or company (default: the latest that has started).",
)
@click.option("--worry", is_flag=True, help="Put it straight in the Worries column.")
@click.option("--error", "is_error", is_flag=True, help="Put it straight in the Actual errors column.")
@click.pass_obj
@guarded
def note(path: Path, text: str, interview_id: str | None, worry: bool, is_error: bool) -> None:
    """Capture a concern for an interview and print its id (unsorted unless a flag says).

    Example: followup note "I never asked about the on-call rota" --error
    """
    if worry and is_error:
        raise click.UsageError("Choose --worry or --error, not both.")
    concern = new_concern(text, "worry" if worry else "error" if is_error else "unsorted")
    new_id, said = capture(open_repo(path), concern, interview_id)
    click.echo(new_id)
    click.echo(said, err=True)


@main.command(epilog=f"Outcomes: {', '.join(OUTCOMES)}.")
@click.argument("interview_id", metavar="INTERVIEW", type=INTERVIEW)
@click.argument("value", metavar="OUTCOME", type=click.Choice(OUTCOMES))
@click.pass_obj
@guarded
def outcome(path: Path, interview_id: str, value: str) -> None:
    """Record what happened after an interview (INTERVIEW: its id or company).

    Example: followup outcome k3m9p advanced · followup outcome acme offer
    """
    repo = open_repo(path)
    interview = repo.update(Interview, find(repo, interview_id).id, outcome=value)
    click.echo(f"{one_line(interview.company, 40)}: {value}")


@main.command()
@click.pass_obj
def path(path: Path) -> None:
    """Print the data file's path.

    Example: followup --db ~/interviews.json path
    """
    click.echo(str(path))
