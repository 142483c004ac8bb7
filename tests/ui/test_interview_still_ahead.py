"""An interview still ahead, at 60x20: the card says how to change the date; the Debrief and
the Board say it has not happened yet and still take what is typed."""

from __future__ import annotations

from typing import cast

from textual.app import App

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text as _screen_text
from tests.helpers.wait import settle, until


def screen_text(app: FollowupApp) -> str:
    return " ".join(_screen_text(cast("App[object]", app)).split())


def tomorrow(repo: Repository) -> Interview:
    return repo.add(Interview(company="Initech", when="2026-11-26 10:00"))


async def test_the_card_for_a_future_interview_says_how_to_change_the_date(repo: Repository) -> None:
    tomorrow(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("c")
        assert await until(pilot, lambda: app.screen.title == "Thank-you card")
        await settle(app, pilot)
        assert "correct its date: escape, then e" in screen_text(app)


async def test_the_debrief_says_not_happened_yet_and_still_captures(repo: Repository) -> None:
    interview = tomorrow(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: app.screen.title == "Debrief")
        await settle(app, pilot)
        assert "Not happened yet: the interview is on Thu 26 Nov 2026, 10:00" in screen_text(app)
        await pilot.press(*"Nervous already", "enter")
        await settle(app, pilot)
    assert [c.text for c in repo.children(Concern, interview.id)] == ["Nervous already"]


async def test_the_board_says_not_happened_yet(repo: Repository) -> None:
    tomorrow(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("b")
        assert await until(pilot, lambda: app.screen.title == "Worry vs. actual error")
        await settle(app, pilot)
        assert "not happened yet" in screen_text(app)
