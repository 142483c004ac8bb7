"""SVG snapshots of home, the interview form and the hub, on the demo data, at 100x30 and 60x20."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.screen import steady_cursors

SIZES = [(100, 30), (60, 20)]
IDS = ["100x30", "60x20"]


@pytest.fixture
def demo_app(repo: Repository) -> FollowupApp:
    """The app on the demo data, at the fixed clock."""
    fill_demo(repo, FIXED_NOW)
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()


def _keys(*keys: str) -> Any:
    """A run_before that presses keys and lets the screen settle (layout classes, workers)."""

    async def run(pilot: Pilot[None]) -> None:
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await steady_cursors(pilot)

    return run


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_home(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_keys("down", "down"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_home_filtered(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_keys("t", "t", "u", "slash", "o"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_home_empty(snap_compare: Any, repo: Repository, size: tuple[int, int]) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_form_new(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    keys = ["n", *"Fernhill", "tab", "tab", *"2026-13-01", "tab"]
    assert snap_compare(demo_app, terminal_size=size, run_before=_keys(*keys))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_form_edit(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_keys("e"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_hub_past(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_keys("down", "down", "enter"))


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_hub_upcoming(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_keys("enter"))
