"""The Debrief's suggestions list shows every entry: the screen scrolls, not a list inside it."""

from __future__ import annotations

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.lists import SuggestionList
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


async def test_every_suggestion_shows_at_60x20(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    lines = [f"Thing number {n} I forgot" for n in range(1, 15)]
    repo.update_debrief(interview.id, forgot_to_ask="\n".join(lines))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: app.screen.title == "Debrief")
        await settle(app, pilot)
        listed = app.screen.query_one(SuggestionList)
        assert listed.option_count == len(lines)
        assert listed.max_scroll_y == 0  # nothing hidden inside the list
