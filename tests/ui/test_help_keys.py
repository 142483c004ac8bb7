"""The help screen (`?`) names each key once and every key of an action: the board's moves
show as ⇧←/H and ⇧→/L, not ⇧← twice."""

from __future__ import annotations

from typing import cast

from textual.app import App

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.help import HelpDialog
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import settle, until


async def test_the_boards_help_lists_shift_arrows_once_and_h_and_l(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    repo.add(Concern(interview_id=interview.id, text="Rambled", kind="worry"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("b")
        assert await until(pilot, lambda: app.screen.title == "Worry vs. actual error")
        await settle(app, pilot)
        await pilot.press("question_mark")
        assert await until(pilot, lambda: isinstance(app.screen, HelpDialog))
        await settle(app, pilot)
        text = screen_text(cast("App[object]", app))
        assert text.count("⇧←") == 1 and text.count("⇧→") == 1
        assert "⇧← H" in text and "⇧→ L" in text
