"""At 60x20 nothing covers a control or cuts a title: the kept-input notice over the clarify
buttons, a long company in the board's title."""

from __future__ import annotations

from typing import cast

from textual.app import App, ComposeResult
from textual.widgets import Button, Input, Static
from textual.widgets._toast import Toast

from followup_tui.domain.models import Interview
from followup_tui.services import actions
from followup_tui.store.repository import Repository
from followup_tui.ui.screens.debrief.clarify import ClarificationDialog
from followup_tui.ui.screens.debrief.lists import ClarificationList
from tests.helpers.app import make_app
from tests.helpers.screen import screen_text
from tests.helpers.wait import until


async def test_the_brought_back_notice_leaves_the_clarify_buttons_clear(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    key = actions.kept_input_key("clarification", interview.id, None)
    actions.keep_input(repo, key, {"question": "Why Kafka?", "said": "Because", "should_have": ""})
    app = make_app(repo)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: bool(app.screen.query(ClarificationList)))
        app.screen.query_one(ClarificationList).focus()
        await pilot.press("a")
        assert await until(pilot, lambda: isinstance(app.screen, ClarificationDialog))
        assert await until(pilot, lambda: bool(app.screen.query(Toast)))
        await pilot.pause(0.3)
        toasts = [toast.region for toast in app.screen.query(Toast)]
        buttons = [button.region for button in app.screen.query(Button)]
        assert toasts and buttons
        covered = [(t, b) for t in toasts for b in buttons if t.overlaps(b)]
        assert covered == [], covered


async def test_a_long_company_leaves_the_boards_title_whole_at_60_columns(repo: Repository) -> None:
    from followup_tui.ui.screens.board.board import BoardScreen

    company = "Northwind Laboratories International Holdings"
    interview = repo.add(Interview(company=company, when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await app.push_screen(BoardScreen(interview.id))
        assert await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.pause()
        header = screen_text(cast("App[object]", app)).splitlines()[0]
        assert "Worry vs. actual error — Northwind" in header, header
        assert header.rstrip().endswith("…")  # the company is cut, never the screen's title


class _ButtonsBelow(App[None]):
    """A field in the middle of the screen and buttons at its bottom, as in a dialog."""

    CSS = "Screen { layout: vertical; } .spacer { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield Static("top", classes="spacer")
        yield Input(id="middle")
        yield Static("", id="below", classes="spacer")
        yield Button("Save", id="save")


async def test_notices_go_to_the_top_when_the_focus_leaves_it_to_the_buttons_below() -> None:
    from followup_tui.ui.host import TOAST_RACK, Notices

    app = _ButtonsBelow()
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        app.query_one("#middle").focus()
        await pilot.pause()
        Notices(app).place()
        assert app.screen.get_child_by_id(TOAST_RACK).has_class("-notes-top")
        app.query_one("#save").focus()
        await pilot.pause()
        Notices(app).place()
        assert app.screen.get_child_by_id(TOAST_RACK).has_class("-notes-top")


async def test_the_card_sentence_dialogs_title_is_whole_at_60_columns(repo: Repository) -> None:
    from tests.helpers.card_fixtures import fill_card_data

    interview = fill_card_data(repo, written=False)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("card", interview.id)
        assert await until(pilot, lambda: app.screen.title == "Thank-you card")
        await pilot.pause()
        await pilot.press("m")
        assert await until(pilot, lambda: "What I want them to know" in screen_text(cast("App[object]", app)))
        top = next(
            line
            for line in screen_text(cast("App[object]", app)).splitlines()
            if "What I want them to know" in line
        )
        assert "What I want them to know · enter keeps it" in top and "…" not in top, top
