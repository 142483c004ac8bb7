"""The talking points box says which likely question it belongs to, on a line of its own."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from followup_tui.domain.models import Interview, LikelyQuestion
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle


@pytest.mark.parametrize("size", [(60, 20), (100, 30)])
async def test_the_talking_points_name_their_question(repo: Repository, size: tuple[int, int]) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-30 10:00"))
    repo.add(LikelyQuestion(interview_id=interview.id, question="Why do you want to leave?", order=1.0))
    repo.add(LikelyQuestion(interview_id=interview.id, question="Tell me about a failure", order=2.0))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("p")
        await settle(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        label = app.screen.query_one("#points-label", Label)
        assert "for: Why do you want to leave?" in str(label.render())
        await pilot.press("down")
        await settle(app, pilot)
        assert "for: Tell me about a failure" in str(label.render())
        assert label.region.height == 1
