"""The answer-to-clarify dialog says what it is for and shows its buttons whole at 60x20."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Button
from textual.widgets._footer import FooterKey

from followup_tui.domain.models import Debrief, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.clarify import ClarificationDialog
from followup_tui.ui.screens.debrief.lists import ClarificationList
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


@pytest.mark.parametrize("size", [(60, 20), (100, 30)])
async def test_the_buttons_show_without_scrolling(repo: Repository, size: tuple[int, int]) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: bool(app.screen.query(ClarificationList)))
        app.screen.query_one(ClarificationList).focus()
        await pilot.press("a")
        assert await until(pilot, lambda: isinstance(app.screen, ClarificationDialog))
        dialog = app.screen
        await pilot.pause()
        frame = dialog.query_one(".dialog-frame", VerticalScroll)
        assert frame.max_scroll_y == 0  # everything fits: nothing to scroll to
        assert frame.border_title == "Add an answer to clarify"
        add = dialog.query_one("#keep", Button)
        assert str(add.label) == "Save"
        footer = {key.key: key.description for key in dialog.query(FooterKey)}
        assert footer.get("ctrl+s") == "Save"  # the button and its key say the same word
        assert add.region.bottom <= frame.region.bottom - 1  # inside the frame, above its border
        await pilot.press(*"Why Kafka?", "tab", *"Because", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, ClarificationDialog))
        await settle(app, pilot)
    (kept,) = repo.get(Debrief, interview.id).clarifications
    assert (kept.question, kept.said) == ("Why Kafka?", "Because")
