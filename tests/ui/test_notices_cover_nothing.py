"""A notification covers nothing at 100x30 or 60x20: no border, count, control or line being
read is under a toast (the board's columns at 100x30 filled the screen, and a toast cut the
right column's border); the screen makes room for it instead."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets._toast import Toast, ToastHolder, ToastRack

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import settle, until

SIZES = [(100, 30), (60, 20)]


def covered(app: FollowupApp) -> list[tuple[str, str]]:
    """Every (toast, widget) pair where a shown toast is drawn over a shown widget."""
    toasts = list(app.screen.query(Toast))
    assert toasts
    under = []
    for widget in app.screen.query(Widget):
        if isinstance(widget, (Toast, ToastHolder, ToastRack)) or not widget.display:
            continue
        if not widget.region or widget.styles.layer not in ("", "default"):
            continue  # a container's own rows are its children's, checked one by one
        for toast in toasts:
            if toast.region.overlaps(widget.region) and not widget.children:
                under.append((str(toast.region), repr(widget)))
    return under


async def notices_after(app: FollowupApp, pilot: Pilot[None], screen: str, iid: str, *keys: str) -> None:
    """Open ``screen`` on the interview, press ``keys`` and wait for their notices to show."""
    app.open_screen(screen, iid)
    assert await until(pilot, lambda: app.screen.__class__.__name__ != "HomeScreen")
    await settle(app, pilot)
    await pilot.press(*keys)
    assert await until(pilot, lambda: bool(app.screen.query(Toast)))
    await settle(app, pilot)
    await pilot.pause(0.2)


def board_data(repo: Repository) -> Interview:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    for text in ("Rambled", "Forgot the rota", "Said 3 years", "They looked bored"):
        repo.add(Concern(interview_id=interview.id, text=text))
    return interview


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "60x20"])
async def test_the_boards_notices_cover_no_column(repo: Repository, size: tuple[int, int]) -> None:
    interview = board_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        await notices_after(app, pilot, "board", interview.id, "shift+left", "x")  # sorted, deleted
        assert covered(app) == []


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "60x20"])
async def test_the_cards_notices_cover_neither_the_draft_nor_its_count(
    repo: Repository, size: tuple[int, int]
) -> None:
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        await notices_after(app, pilot, "card", interview.id, "w", "y")  # marked written, copied
        assert covered(app) == []


@pytest.mark.parametrize("size", SIZES, ids=["100x30", "60x20"])
async def test_the_homes_notices_cover_no_row(repo: Repository, size: tuple[int, int]) -> None:
    board_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size, notifications=True) as pilot:
        await settle(app, pilot)
        app.notify("A notice to read.")
        app.notify("A longer notice, to read to its end: " + "every word of it wraps in its box " * 4)
        assert await until(pilot, lambda: bool(app.screen.query(Toast)))
        await settle(app, pilot)
        await pilot.pause(0.2)
        assert covered(app) == []
