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
from followup_tui.cli.complete import INTERVIEW, find
from followup_tui.cli.streams import OUTPUT_HELP, write_output
from followup_tui.domain.calendar import build_calendar
from followup_tui.domain.card.draft import (
    SIGNER_SETTING,
    build_draft,
    card_parts,
    current_text,
    find_card,
    not_ready,
)
from followup_tui.domain.card.warnings import card_warnings
from followup_tui.domain.matching import find_name
from followup_tui.domain.models import Card, Concern, Interview, ValidationError
from followup_tui.domain.status import all_cards_sent
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.zones import local_now, local_zone_name, zone
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


def choose_interviewer(interview: Interview, wanted: str | None) -> str:
    """Return whom the card is for: the named interviewer, else the first one ("" for none).

    ``wanted`` may be the whole name or the first name, accents and case aside ("Zoe" for
    "Zoë Ångström").

    Raises:
        ValidationError: If ``wanted`` names nobody on this interview, or several.
    """
    names = [p.name for p in interview.interviewers if p.name.strip()]
    if wanted is None:
        return names[0] if names else ""
    found = find_name(names, wanted)
    if found is not None:
        return found
    listed = ", ".join(one_line(n, 40) for n in names) or "none recorded"
    raise ValidationError(
        f"No interviewer named '{one_line(wanted, 40)}' for this interview (interviewers: {listed})."
    )


def card_text(repo: Repository, interview_id: str, interviewer: str | None, now: datetime) -> tuple[str, str]:
    """Return whom the card is for and what it says now (the user's text, else the draft).

    Raises:
        ValidationError: If the interview has not happened yet (no card before it).
    """
    interview = repo.get(Interview, interview_id)
    reason = not_ready(interview, now)
    if reason:
        raise ValidationError(f"No card yet: {reason}")
    name = choose_interviewer(interview, interviewer)
    saved = find_card(repo.children(Card, interview_id), name)
    signer = repo.setting(SIGNER_SETTING, "")
    draft = build_draft(
        interview,
        repo.debrief(interview_id),
        repo.children(Concern, interview_id),
        name,
        signer=signer if isinstance(signer, str) else "",
        now=now,
    )
    return name, current_text(saved, draft)


@click.command()
@click.argument("interview_key", metavar="INTERVIEW", type=INTERVIEW)
@click.option("--interviewer", help="Whose card, when there are several (a first name will do).")
@click.pass_obj
def card(path: Path, interview_key: str, interviewer: str | None) -> None:
    """Print the thank-you card for an interview (INTERVIEW: its id or company).

    The card is your edited text, else the draft.

    Example: followup card k3m9p --interviewer "Ana Ruiz" · followup card acme --interviewer ana
    """

    def work() -> None:
        repo = open_repo(path)
        interview_id = find(repo, interview_key).id
        name, text = card_text(repo, interview_id, interviewer, local_now())
        others = [
            p.name
            for p in repo.get(Interview, interview_id).interviewers
            if p.name.strip() and p.name != name
        ]
        click.echo(strip_controls(text).rstrip("\n"))  # stored text may come from an import
        interview = repo.get(Interview, interview_id)
        signer = repo.setting(SIGNER_SETTING, "")
        parts = card_parts(
            interview,
            repo.debrief(interview_id),
            repo.children(Concern, interview_id),
            signer if isinstance(signer, str) else "",
            recipient=name,
        )
        for line in card_warnings(text, parts, recipient=name):
            click.echo(f"({line})", err=True)  # the same lines the card screen shows
        if parts:
            click.echo("(write them on the card screen: followup, c, then m)", err=True)
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
