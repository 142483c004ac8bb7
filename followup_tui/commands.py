"""Our entries in the command palette: new interview, jump to an interview, screens, export."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand

from followup_tui.text import one_line

if TYPE_CHECKING:
    from followup_tui.app import FollowupApp


def followup_commands(app: FollowupApp) -> Iterator[SystemCommand]:
    """Yield the palette commands for the current data."""
    from followup_tui.screens.home import HomeScreen

    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
    if home is not None:
        yield SystemCommand("New interview", "Add an interview", home.action_new)
    for interview in app.repo.interviews():
        label = one_line(f"Open {interview.company}" + (f" - {interview.role}" if interview.role else ""), 60)
        when = interview.when or "no date"
        yield SystemCommand(label, f"Jump to this interview ({when})", _opener(app, interview.id))


def _opener(app: FollowupApp, interview_id: str):  # type: ignore[no-untyped-def]
    def open_hub() -> None:
        app.open_screen("hub", interview_id)

    return open_hub
