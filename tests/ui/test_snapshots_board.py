"""SVG snapshots of the debrief, the board and the triage dialog at 100x30 and 60x20 (fixed data)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import seed_debrief, seed_interview
from tests.helpers.screen import steady_cursors

SIZES = [(100, 30), (60, 20)]
IDS = ["100x30", "60x20"]


@pytest.fixture
def seeded(repo: Repository) -> tuple[FollowupApp, str]:
    """The app on one debriefed interview with five concerns, and that interview's id."""
    interview = seed_interview(repo)
    seed_debrief(repo, interview.id)
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False), interview.id


def _opener(name: str, interview_id: str, *keys: str) -> Any:
    async def run_before(pilot: Pilot[None]) -> None:
        pilot.app.open_screen(name, interview_id)  # type: ignore[attr-defined]
        await pilot.pause()
        await steady_cursors(pilot)  # a blinking cursor would be caught on or off at random
        await pilot.pause(0.2)  # and let the screen's first focus land before the picture
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_debrief(snap_compare: Any, seeded: tuple[FollowupApp, str], size: tuple[int, int]) -> None:
    app, iid = seeded
    assert snap_compare(app, terminal_size=size, run_before=_opener("debrief", iid))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_debrief_suggestions(
    snap_compare: Any, seeded: tuple[FollowupApp, str], size: tuple[int, int]
) -> None:
    app, iid = seeded
    keys = ("tab",) * 8  # down to the suggestions list
    assert snap_compare(app, terminal_size=size, run_before=_opener("debrief", iid, *keys))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_board(snap_compare: Any, seeded: tuple[FollowupApp, str], size: tuple[int, int]) -> None:
    app, iid = seeded
    assert snap_compare(app, terminal_size=size, run_before=_opener("board", iid))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_board_actual_errors(
    snap_compare: Any, seeded: tuple[FollowupApp, str], size: tuple[int, int]
) -> None:
    app, iid = seeded
    assert snap_compare(app, terminal_size=size, run_before=_opener("board", iid, "shift+tab"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_triage_dialog(snap_compare: Any, seeded: tuple[FollowupApp, str], size: tuple[int, int]) -> None:
    app, iid = seeded
    assert snap_compare(app, terminal_size=size, run_before=_opener("board", iid, "t", "y", "n"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_concern_dialog(snap_compare: Any, seeded: tuple[FollowupApp, str], size: tuple[int, int]) -> None:
    app, iid = seeded
    assert snap_compare(app, terminal_size=size, run_before=_opener("board", iid, "tab", "enter"))
