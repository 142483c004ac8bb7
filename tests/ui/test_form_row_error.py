"""An interviewer row's error goes away as soon as the missing name is typed."""

from __future__ import annotations

from textual.widgets import Input, Static

from followup_tui.domain.models import Interviewer
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from followup_tui.ui.screens.interview.interviewer_row import InterviewerRow
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


async def test_typing_the_name_clears_the_rows_error(repo: Repository) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n", *"Globex")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        form = app.screen
        row = form.query_one(InterviewerRow)
        error = row.query_one(".form-error", Static)
        row.query_one(".person-title", Input).focus()
        await pilot.press(*"Eng manager", "ctrl+s")
        assert await until(pilot, lambda: error.has_class("-shown"))
        assert "needs a name" in str(error.render())
        assert isinstance(app.screen, InterviewFormDialog)  # not saved
        row.query_one(".person-name", Input).focus()
        await pilot.press(*"Dana")
        assert await until(pilot, lambda: not error.has_class("-shown"))
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, InterviewFormDialog))
        await settle(app, pilot)
    (stored,) = repo.interviews()
    assert stored.interviewers == [Interviewer("Dana", "Eng manager", "")]
