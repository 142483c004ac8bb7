"""SVG snapshots of the Prep screen (each tab) and its dialogs, on the demo data, at 100x30 and 60x20."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot

from followup_tui.domain.models import Interview
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.screen import steady_cursors

SIZES = [(100, 30), (60, 20)]
SIZE_IDS = ["100x30", "60x20"]


@pytest.fixture
def demo_app(repo: Repository) -> FollowupApp:
    """The app on the demo data, at the fixed clock."""
    fill_demo(repo, FIXED_NOW)
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def _open_prep(*keys: str) -> Any:
    async def run_before(pilot: Pilot[None]) -> None:
        app: FollowupApp = pilot.app  # type: ignore[assignment]
        iid = next(i.id for i in app.repo.all(Interview) if i.company.startswith("Larkspur"))
        app.open_screen("prep", iid)
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        await steady_cursors(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize(
    "keys",
    [(), ("2",), ("3",), ("4",)],
    ids=["questions", "likely", "checklist", "sheet"],
)
def test_prep_tabs(
    snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int], keys: tuple[str, ...]
) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_open_prep(*keys))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_prep_bank_picker_filtered(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_open_prep("B", *"team"))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_prep_add_question_dialog(snap_compare: Any, demo_app: FollowupApp, size: tuple[int, int]) -> None:
    assert snap_compare(demo_app, terminal_size=size, run_before=_open_prep("a", *"Who will I pair with?"))
