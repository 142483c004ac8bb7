"""The ``card`` and ``ics`` commands: the thank-you card and the calendar, without the app.

No Textual here: these commands work over a bare SSH session and start quickly.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from followup_tui.cli.common import error_message, open_repo
from followup_tui.cli.complete import INTERVIEW
from followup_tui.cli.lookup import find
from followup_tui.cli.streams import OUTPUT_HELP, write_output
from followup_tui.domain.calendar import build_calendar
from followup_tui.domain.card.draft import draft_notes, not_ready
from followup_tui.domain.card.warnings import card_warnings
from followup_tui.domain.language import LANGUAGES, base_language
from followup_tui.domain.models import Card, ValidationError
from followup_tui.domain.status import all_cards_sent
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.zones import local_now, local_zone_name, zone
from followup_tui.services.card_inputs import CardInputs, gather, recipients
from followup_tui.store.repository import NotFoundError, Repository
from followup_tui.store.storage import StorageError

T = TypeVar("T")


def _fail(message: str) -> NoReturn:
    """One line on stderr, exit status 1: the same form as every other command's errors."""
    raise click.ClickException(one_line(message))


def _guarded(work: Callable[[], T]) -> T:
    """Run a command's work; a known error becomes one line on stderr and exit status 1."""
    try:
        return work()
    except (StorageError, NotFoundError, ValidationError, FileExistsError) as exc:
        _fail(error_message(exc))


def card_text(
    repo: Repository, interview_id: str, interviewer: str | None, now: datetime, language: str | None = None
) -> tuple[CardInputs, str, list[str]]:
    """Return what the card is made from, what it says now, and what the draft's size says.

    The card says the user's text when there is any, else the draft; with ``language`` it is
    drafted once in that language (the user's text is in the interview's).

    Raises:
        ValidationError: If the interview has not happened yet (no card before it), or the
            interviewer or language is unknown.
    """
    inputs = gather(repo, interview_id, interviewer, language)
    reason = not_ready(inputs.interview, now)
    if reason:
        raise ValidationError(f"No card yet: {reason}")
    made = inputs.draft(now)
    saved = inputs.saved()
    if language or saved is None or not saved.text.strip():
        return inputs, made.text, draft_notes(made)
    return inputs, saved.text, []


@click.command()
@click.argument("interview_key", metavar="INTERVIEW", type=INTERVIEW)
@click.option("--interviewer", help="Whose card, when there are several (a first name will do).")
@click.option("--language", metavar="TAG", help="Draft it once in another language (de, en, es, fr).")
@click.pass_obj
def card(path: Path, interview_key: str, interviewer: str | None, language: str | None) -> None:
    """Print the thank-you card for an interview (INTERVIEW: its id or company).

    The card is your edited text, else the draft, in the interview's language; --language
    drafts it once in another one without changing the interview.

    Example: followup card k3m9p --interviewer "Ana Ruiz" · followup card acme --language de
    """

    def work() -> None:
        repo = open_repo(path)
        interview_id = find(repo, interview_key).id
        inputs, text, size_notes = card_text(repo, interview_id, interviewer, local_now(), language)
        name = inputs.recipient
        others = [n for n in recipients(inputs.interview) if n != name]
        click.echo(strip_controls(text).rstrip("\n"))  # stored text may come from an import
        parts = inputs.parts()
        lang = base_language(inputs.language)
        for line in [*size_notes, *card_warnings(text, parts, lang, recipient=name)]:
            click.echo(f"({line})", err=True)  # the same lines the card screen shows
        if parts:
            click.echo("(write them on the card screen: followup, c, then m)", err=True)
        saved = inputs.saved()
        if language and saved is not None and saved.text.strip():
            click.echo(f"(a fresh draft in {LANGUAGES[lang]}; your edited card stays as it is)", err=True)
        if interviewer is None and others:
            click.echo(
                f"(card for {one_line(name, 40)}; also: {', '.join(one_line(n, 40) for n in others)}; "
                "choose with --interviewer NAME)",
                err=True,
            )

    _guarded(work)


@click.command()
@click.argument("interview_key", metavar="INTERVIEW", type=INTERVIEW)
@click.option("-o", "output", type=click.Path(dir_okay=False), help=OUTPUT_HELP)
@click.option("--force", is_flag=True, help="Overwrite the -o file if it exists.")
@click.pass_obj
def ics(path: Path, interview_key: str, output: str | None, force: bool) -> None:
    """Write the interview (INTERVIEW: its id or company) and its reminders as an iCalendar file.

    The file holds the interview, a "send the card" reminder the next day and a "follow up if
    no news" reminder a week later, each with an alarm.

    Example: followup ics k3m9p -o reminders.ics --force
    """

    def work() -> None:
        repo = open_repo(path)
        interview = find(repo, interview_key)
        sent = all_cards_sent(interview, repo.children(Card, interview.id))
        data = build_calendar(interview, local_now(), zone(local_zone_name()), card_sent=sent)
        write_output(output, data.decode("utf-8"), force=force)

    _guarded(work)
