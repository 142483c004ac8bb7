"""SVG snapshots of the Insights screen and the outcome dialog, on the demo data, at 100x30 and 60x20."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from followup_tui.domain.models import Interview
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW

SIZES = [(100, 30), (60, 20)]


@pytest.fixture
def demo_app(repo: Repository) -> FollowupApp:
    """The app on the demo data, at the fixed clock."""
    fill_demo(repo, FIXED_NOW)
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def _interview_named(repo: Repository, company: str) -> str:
    return next(i.id for i in repo.all(Interview) if i.company.startswith(company))


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "60x20"])
def test_insights(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    async def open_insights(pilot: Pilot[None]) -> None:
        pilot.app.open_screen("insights", None)  # type: ignore[attr-defined]
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=open_insights)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "60x20"])
def test_insights_scrolled_down(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    async def open_and_scroll(pilot: Pilot[None]) -> None:
        pilot.app.open_screen("insights", None)  # type: ignore[attr-defined]
        await pilot.pause()
        pilot.app.screen.query_one("#insights").scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=open_and_scroll)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "60x20"])
def test_outcome_dialog(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    from followup_tui.ui.screens.insights.outcome import OutcomeDialog

    async def open_dialog(pilot: Pilot[None]) -> None:
        iid = _interview_named(demo_app.repo, "Copperleaf")
        await pilot.app.push_screen(OutcomeDialog(iid))
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=open_dialog)


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "60x20"])
def test_outcome_dialog_settling_a_prediction(
    snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]
) -> None:
    from followup_tui.ui.screens.insights.outcome import OutcomeDialog

    async def choose_rejected(pilot: Pilot[None]) -> None:
        iid = _interview_named(demo_app.repo, "Copperleaf")
        await pilot.app.push_screen(OutcomeDialog(iid))
        await pilot.pause()
        await pilot.press("r")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()

    assert snap_compare(demo_app, terminal_size=size, run_before=choose_rejected)
