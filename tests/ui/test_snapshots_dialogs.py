"""SVG snapshots of the help and of every dialog not shown by another snapshot file, at 100x30
and 60x20, on the demo data (the card's dialogs on the card fixtures): nothing cut, nothing
over a border."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.screen import Screen

from followup_tui.domain.conflicts import FieldConflict
from followup_tui.domain.models import Interview, Question
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.other_window import OtherWindowDialog
from followup_tui.ui.screens.conflict import ConflictDialog
from followup_tui.ui.screens.debrief.lists import ClarificationList
from followup_tui.ui.screens.prep.reuse import ReuseDialog
from followup_tui.ui.screens.save_where import SaveWhereDialog
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.screen import steady_cursors

SIZES = [(100, 30), (60, 20)]
IDS = ["100x30", "60x20"]


def _open(
    screen: str | None,
    company: str,
    *keys: str,
    focus: str = "",
    push: Callable[[FollowupApp, str], Screen[Any]] | None = None,
) -> Any:
    """A run_before: open ``screen`` on the interview of ``company`` (home when None), focus
    ``focus``, press ``keys`` or push what ``push`` makes for the interview, and settle."""

    async def run_before(pilot: Pilot[None]) -> None:
        app: FollowupApp = pilot.app  # type: ignore[assignment]
        await pilot.pause()
        iid = next(i.id for i in app.repo.all(Interview) if i.company.startswith(company))
        if screen is not None:
            app.open_screen(screen, iid)
            await pilot.pause(0.2)
        if focus:
            app.screen.query_one(focus).focus()
            await pilot.pause()
        if push is not None:
            app.push_screen(push(app, iid))
        await pilot.press(*keys)
        await app.workers.wait_for_complete()
        await pilot.pause(0.2)
        app.clear_notifications()
        await pilot.pause()
        await steady_cursors(pilot)

    return run_before


DEMO_DIALOGS = {
    "help_home": _open(None, "Copperleaf", "question_mark"),
    "help_board": _open("board", "Copperleaf", "question_mark"),
    "delete_interview": _open(None, "Copperleaf", "delete"),
    "invitation": _open(None, "Copperleaf", "n", "ctrl+o"),
    "new_concern": _open("board", "Copperleaf", "a", *"Spoke too fast"),
    "worry": _open("board", "Copperleaf", "tab", "enter"),
    "actual_error": _open("board", "Copperleaf", "tab", "tab", "enter"),
    "likely_question": _open("prep", "Larkspur", "2", "a", *"Tell me about a hard migration"),
    "category": _open("prep", "Larkspur", "g"),
    "reuse": _open(
        "prep",
        "Larkspur",
        push=lambda app, iid: ReuseDialog(
            [
                (
                    "Copperleaf Health · 23 Nov",
                    app.repo.children(
                        Question,
                        next(i.id for i in app.repo.all(Interview) if i.company.startswith("Copperleaf")),
                    ),
                )
            ]
        ),
    ),
    "clarification": _open("debrief", "Copperleaf", "a", focus=ClarificationList.__name__),
    "conflict": _open(
        None,
        "Copperleaf",
        push=lambda app, iid: ConflictDialog(
            FieldConflict(  # id, table, record, field, shown, other, device, interview
                "c1",
                "interviews",
                iid,
                "notes",
                "Bring the audit-log diagram.",
                "Bring the audit-log diagram and the rota.",
                "phone",
                iid,
            )
        ),
    ),
}


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("name", list(DEMO_DIALOGS))
def test_dialog(snap_compare: Any, repo: Repository, name: str, size: tuple[int, int]) -> None:
    fill_demo(repo, FIXED_NOW)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=DEMO_DIALOGS[name])


CARD_DIALOGS = {
    "write_missing": _open("card", "Northwind", "m"),
    "export_card": _open(
        "card", "Northwind", push=lambda app, iid: SaveWhereDialog("the card as text", Path("/home/you"))
    ),
    "other_window": _open("card", "Northwind", push=lambda app, iid: OtherWindowDialog()),
}


@pytest.mark.parametrize("size", SIZES, ids=IDS)
@pytest.mark.parametrize("name", list(CARD_DIALOGS))
def test_card_dialog(snap_compare: Any, repo: Repository, name: str, size: tuple[int, int]) -> None:
    fill_card_data(repo, written=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    assert snap_compare(app, terminal_size=size, run_before=CARD_DIALOGS[name])
