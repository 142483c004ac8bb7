"""Undoing a delete on the board takes back the "deleted" notice instead of leaving it up."""

from __future__ import annotations

from textual.widgets._toast import Toast

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


def toasts(app: FollowupApp) -> list[str]:
    """The messages of the notifications on screen."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def test_undo_replaces_the_deleted_notice_and_the_count_starts_again(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    for n in range(4):
        repo.add(Concern(interview_id=interview.id, text=f"Worry {n}", kind="worry"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.press("b")
        assert await until(pilot, lambda: bool(app.screen.query("#col-worry")))
        await pilot.press("x", "x", "x")
        assert await until(pilot, lambda: any("3 concerns deleted, u undoes" in t for t in toasts(app)))
        await pilot.press("u")
        assert await until(pilot, lambda: toasts(app) == ["Brought back."]), toasts(app)
        await settle(app, pilot)
        assert len(repo.children(Concern, interview.id)) == 2
        await pilot.press("x")
        assert await until(pilot, lambda: any("Deleted. Press u to bring it back." in t for t in toasts(app)))
        assert not any("concerns deleted" in t for t in toasts(app)), toasts(app)
        await settle(app, pilot)
    assert len(repo.children(Concern, interview.id)) == 1
