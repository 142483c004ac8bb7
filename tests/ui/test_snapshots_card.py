"""SVG snapshots of the thank-you card screen and its large-print view, at 100x30 and 60x20."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from followup_tui.domain.models import Interview
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.screen import steady_cursors

SIZES = [(100, 30), (60, 20)]
IDS = ["100x30", "60x20"]


def _opener(interview_id: str, *keys: str) -> Any:
    async def open_card(pilot: Pilot[None]) -> None:
        pilot.app.open_screen("card", interview_id)  # type: ignore[attr-defined]
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.pause()
            pilot.app.clear_notifications()
            await pilot.pause()
        await steady_cursors(pilot)

    return open_card


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_card_draft(snap_compare: Any, repo: Repository, size: tuple[int, int]) -> None:
    """A fresh draft to the first of two interviewers, every sentence written, on time until tonight."""
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=_opener(interview.id))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_card_demo_edited_and_written(snap_compare: Any, repo: Repository, size: tuple[int, int]) -> None:
    """The demo's Copperleaf card: a sendable draft of the user's sentences, marked written."""
    fill_demo(repo, FIXED_NOW)
    iid = next(i.id for i in repo.all(Interview) if i.company.startswith("Copperleaf"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=_opener(iid, "w"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_card_missing_sentences(snap_compare: Any, repo: Repository, size: tuple[int, int]) -> None:
    """A card with an error, the moment, the drive and the name still to write: listed, not invented."""
    interview = fill_card_data(repo, written=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=_opener(interview.id))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_large_print(snap_compare: Any, repo: Repository, size: tuple[int, int]) -> None:
    """The large-print view of the draft, the first line marked."""
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=_opener(interview.id, "v"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_large_print_last_line(snap_compare: Any, repo: Repository, size: tuple[int, int]) -> None:
    """The large-print view stepped to its last line: the signature is on screen and marked."""
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=_opener(interview.id, "v", "end"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_interviewer_chooser(snap_compare: Any, repo: Repository, size: tuple[int, int]) -> None:
    """Choosing whom the card is for."""
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=_opener(interview.id, "t"))
