"""Prep's new-category input keeps what is typed, joining characters (ZWJ) included."""

from __future__ import annotations

from textual import events
from textual.keys import _character_to_key

from followup_tui.domain.models import Interview, Question
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.prep.dialogs import CategoryDialog
from followup_tui.ui.screens.prep.prep import PrepScreen
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until

FAMILY = "👨\u200d👩\u200d👧"
"""One emoji of three people held together by two zero-width joiners."""


async def test_a_new_category_typed_with_an_emoji_family_keeps_its_joiners(repo: Repository) -> None:
    iid = repo.add(Interview(company="Acme", when="2026-11-27 10:00")).id
    repo.add(Question(interview_id=iid, text="Who is on the team?"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(PrepScreen(iid))
        await pilot.pause()
        await pilot.press("g")
        assert await until(pilot, lambda: isinstance(app.screen, CategoryDialog))
        app.screen.query_one("#dialog-new").focus()
        for character in f"{FAMILY} time":
            # as the terminal driver sends them (Pilot.press has no character for a joiner)
            app.post_message(events.Key(_character_to_key(character), character))
            await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
    (stored,) = repo.children(Question, iid)
    assert stored.category == f"{FAMILY} time"
