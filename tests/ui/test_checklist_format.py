"""The starter checklist follows the interview's format (onsite, video, phone)."""

from __future__ import annotations

import pytest

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.screens.prep.prep import PrepScreen
from tests.helpers.app import make_app
from tests.helpers.screen import screen_text
from tests.helpers.wait import settle, until


@pytest.mark.parametrize(
    ("fmt", "present", "absent"), [("video", "camera", "Route"), ("onsite", "Route", "camera")]
)
async def test_the_checklist_follows_the_interview_format(
    repo: Repository, fmt: str, present: str, absent: str
) -> None:
    repo.add(Interview(company="Acme", when="2026-12-03 10:00", format=fmt))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        assert await until(pilot, lambda: isinstance(app.screen, PrepScreen))
        await pilot.press("3")  # the checklist tab
        await settle(app, pilot)
        shown = screen_text(app)  # type: ignore[arg-type]
        assert present in shown and absent not in shown
