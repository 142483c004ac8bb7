"""At 60x20 notifications never cover what is being read: the board's tab row and counts,
the card's end and word count; one shows at a time."""

from __future__ import annotations

from textual.widgets import Static
from textual.widgets._toast import Toast

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import settle, until


def toasts(app: FollowupApp) -> list[Toast]:
    return list(app.screen.query(Toast))


async def test_board_notices_keep_off_the_tab_row(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    for text in ("Rambled", "Forgot the rota", "Said 3 years"):
        repo.add(Concern(interview_id=interview.id, text=text))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.press("b")
        assert await until(pilot, lambda: app.screen.title == "Worry vs. actual error")
        await settle(app, pilot)
        await pilot.press("shift+left", "x")  # sorted, then deleted: two notices
        assert await until(pilot, lambda: bool(toasts(app)))
        await settle(app, pilot)
        tabs = app.screen.query_one("#board-tabs").region
        assert len(toasts(app)) == 1
        assert all(not toast.region.overlaps(tabs) for toast in toasts(app))


async def test_card_notices_keep_off_the_word_count(repo: Repository) -> None:
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        app.open_screen("card", interview.id)
        assert await until(pilot, lambda: isinstance(app.screen, CardScreen))
        await settle(app, pilot)
        await pilot.press("w", "y")  # marked written, then copied: two notices
        assert await until(pilot, lambda: bool(toasts(app)))
        await settle(app, pilot)
        meter = app.screen.query_one("#card-meter", Static).region
        assert len(toasts(app)) == 1
        assert all(not toast.region.overlaps(meter) for toast in toasts(app))
