"""The card screen at 60x20 says what its keys do: marking keys in the footer, the draft
scrolls with the arrows, one meaning for "written", errors to clarify counted from the draft."""

from __future__ import annotations

from typing import cast

from textual.app import App
from textual.widgets import Static, TextArea

from followup_tui.domain.models import Card, Concern, Interview
from followup_tui.services import actions
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.board.board import BoardScreen
from followup_tui.ui.screens.card.card import CardScreen
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import KAFKA_TO_KNOW, fill_card_data
from tests.helpers.screen import screen_text as _screen_text
from tests.helpers.wait import settle, until


def screen_text(app: FollowupApp) -> str:
    return _screen_text(cast("App[object]", app))


def state(app: FollowupApp) -> str:
    return str(app.screen.query_one("#card-state", Static).content)


async def open_card(app: FollowupApp, pilot: object, interview: Interview) -> None:
    app.open_screen("card", interview.id)
    assert await until(pilot, lambda: isinstance(app.screen, CardScreen))
    await settle(app, pilot)


async def test_the_footer_at_60_columns_names_written_and_sent(repo: Repository) -> None:
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_card(app, pilot, interview)
        footer = screen_text(app).splitlines()[-1]
        assert "w Written" in footer and "s Sent" in footer


async def test_down_and_page_down_scroll_the_draft_at_60x20(repo: Repository) -> None:
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_card(app, pilot, interview)
        area = app.screen.query_one(TextArea)
        assert not area.has_focus and area.max_scroll_y > 0  # more than fits
        await pilot.press("down")
        await settle(app, pilot)
        assert area.scroll_y == 1
        await pilot.press("pagedown")
        await settle(app, pilot)
        assert area.scroll_y == area.max_scroll_y or area.scroll_y > 1
        await pilot.press("up")
        await settle(app, pilot)
        assert area.scroll_y < area.max_scroll_y or area.max_scroll_y == 1


async def test_not_written_has_one_meaning_on_the_card_screen(repo: Repository) -> None:
    interview = fill_card_data(repo, written=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_card(app, pilot, interview)
        text = screen_text(app)
        assert "Not marked written" in state(app)
        assert "Still to write:" in text
        assert "Not written yet" not in text


async def test_an_error_to_clarify_clears_once_its_clarification_is_in_the_draft(repo: Repository) -> None:
    interview = fill_card_data(repo, written=False)  # Kafka's error has no words yet
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_card(app, pilot, interview)
        assert "1 error to clarify" in state(app)
        area = app.screen.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)
        await pilot.press("enter", *KAFKA_TO_KNOW)  # written straight into the card
        await settle(app, pilot)
        kafka = next(c for c in repo.children(Concern, interview.id) if "Kafka" in c.text)
        repo.update(Concern, kafka.id, to_know=KAFKA_TO_KNOW)  # and as what I want them to know
        app.refresh_screens()
        assert await until(pilot, lambda: "to clarify" not in state(app))


async def test_a_new_error_for_the_card_makes_a_written_card_a_draft_again(repo: Repository) -> None:
    interview = fill_card_data(repo)
    for card_name in ("Sam Okafor", "Dr. Lena Brandt"):
        actions.update_card(repo, interview.id, card_name, written="2026-11-25")
    worry = repo.add(Concern(interview_id=interview.id, text="Never said I speak German", kind="error"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("board", interview.id)
        assert await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        board = app.screen
        assert isinstance(board, BoardScreen)
        await settle(app, pilot)
        board.apply_dialog_change(worry.id, {"action": "clarify-in-card"})
        await settle(app, pilot)
        assert await until(pilot, lambda: actions.REOPENED_NOTICE in [n.message for n in app._notifications])
    assert [c.written for c in repo.children(Card, interview.id)] == [None, None]
