"""Two windows on one card: the open editor learns of the other's save and drops no word (issue 25, 13)."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Static, TextArea

from followup_tui.domain.models import Card, Interview
from followup_tui.services import actions
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from followup_tui.ui.screens.card.other_window import OtherWindowDialog, settle
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import until

NAME = "Sam Okafor"


def stored_text(repo: Repository, interview: Interview) -> str:
    return next(c.text for c in Repository(repo.path).children(Card, interview.id) if c.interviewer == NAME)


async def opened(app: FollowupApp, pilot: Any, interview: Interview) -> TextArea:
    app.open_screen("card", interview.id)
    assert await until(pilot, lambda: isinstance(app.screen, CardScreen) and bool(app.screen.query(TextArea)))
    await pilot.pause()
    app.saver.flush()
    return app.screen.query_one(TextArea)


def other_window_saves(repo: Repository, interview: Interview, text: str) -> None:
    actions.update_card(Repository(repo.path), interview.id, NAME, text=text)


@pytest.fixture
def interview(repo: Repository) -> Interview:
    return fill_card_data(repo)


async def test_typing_in_turn_each_window_shows_the_others_words(
    repo: Repository, interview: Interview
) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        box = await opened(app, pilot, interview)
        box.focus()  # the cursor is in this window's editor all along
        await pilot.pause()
        other_window_saves(repo, interview, "Sam, thank you. Their words.")
        app.refresh_screens()
        assert await until(pilot, lambda: box.text == "Sam, thank you. Their words.")
        assert not isinstance(app.screen, OtherWindowDialog)
        box.move_cursor(box.document.end)
        await pilot.press(*" Mine too.")
        app.saver.flush()
        assert stored_text(repo, interview) == "Sam, thank you. Their words. Mine too."


@pytest.mark.parametrize(
    ("key", "kept"),
    [
        ("b", "Sam, my words.\n\nSam, their words.\n"),
        ("m", "Sam, my words."),
        ("t", "Sam, their words."),
        ("escape", "Sam, my words.\n\nSam, their words.\n"),
    ],
)
async def test_typing_at_once_asks_and_keeps_both_unless_told(
    repo: Repository, interview: Interview, key: str, kept: str
) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        box = await opened(app, pilot, interview)
        box.focus()
        box.load_text("Sam, my words.")
        await pilot.pause()
        app.saver.flush()
        other_window_saves(repo, interview, "Sam, their words.")  # typed there without seeing mine
        app.refresh_screens()
        assert await until(pilot, lambda: isinstance(app.screen, OtherWindowDialog))
        await pilot.press(key)
        assert await until(pilot, lambda: isinstance(app.screen, CardScreen))
        assert await until(pilot, lambda: box.text == kept)
        app.saver.flush()
        assert stored_text(repo, interview) == kept


async def test_keeping_both_cards_keeps_the_greeting_and_sign_off_once(
    repo: Repository, interview: Interview
) -> None:
    mine = "Dear Sam,\n\nThank you for Tuesday. I led the Postgres 16 upgrade.\n\nKind regards,\nJo"
    theirs = "Dear Sam,\n\nThank you for Tuesday. I ran the on-call rota.\n\nKind regards,\nJo"
    kept = (
        "Dear Sam,\n\nThank you for Tuesday. I led the Postgres 16 upgrade.\n\n"
        "I ran the on-call rota.\n\nKind regards,\nJo\n"
    )
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        box = await opened(app, pilot, interview)
        box.focus()
        box.load_text(mine)
        await pilot.pause()
        app.saver.flush()
        other_window_saves(repo, interview, theirs)
        app.refresh_screens()
        assert await until(pilot, lambda: isinstance(app.screen, OtherWindowDialog))
        await pilot.press("b")
        assert await until(pilot, lambda: box.text == kept)
        flags = str(app.screen.query_one("#card-flags", Static).render())
        assert "speaks about" not in flags  # no second "Dear Sam," read as a note about Sam


def test_what_needs_no_question() -> None:
    draft = "Sam, thanks."
    assert settle("", "Sam, more.", draft) == "theirs"
    assert settle(draft, "Sam, more.", draft) == "theirs"
    assert settle("Sam, thanks.", "Sam, thanks. And more.", draft) == "theirs"
    assert settle("Sam, thanks. Mine.", "Sam, thanks.", draft) == "mine"
    assert settle("Sam, mine.", "Sam, theirs.", draft) is None
    assert settle("Sam, mine.", "", draft) is None  # they went back to the draft: ask
