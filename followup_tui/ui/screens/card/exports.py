"""The card's exports: its text as a file, and the interview's reminders as a calendar file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from followup_tui.domain.models import Interview
from followup_tui.domain.zones import local_zone_name, zone
from followup_tui.ui.screens.save_where import ask_and_save, export_stem


def export_text(
    screen: Screen[Any], interview: Interview, recipient: str, text: str, folder: Path | None
) -> None:
    """Ask where, then write the card's text as a .txt file named after the company and recipient."""
    ask_and_save(
        screen,
        "the card as text",
        export_stem("card", interview.company, recipient),
        ".txt",
        lambda: text,
        "Card saved to",
        folder=folder,
    )


def export_ics(screen: Screen[Any], interview: Interview, sent: bool, folder: Path | None) -> None:
    """Ask where, then write the interview and its follow-up reminders as an .ics file."""
    from followup_tui.domain.calendar import build_calendar

    app: Any = screen.app  # the FollowupHost, whose clock tests can set
    now = app.clock()

    def calendar() -> str:  # run by the export's worker: finding the zone takes a moment
        return build_calendar(interview, now, zone(local_zone_name()), card_sent=sent).decode("utf-8")

    ask_and_save(
        screen,
        "the reminders as a calendar file",
        export_stem("calendar", interview.company),
        ".ics",
        calendar,
        "Calendar saved to",
        folder=folder,
    )
