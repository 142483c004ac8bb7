"""A paste the terminal types out (a line feed after each line, no bracketing): every line
break means what it means where the cursor is, and no two lines are ever glued together."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

import pytest
from textual.app import App
from textual.events import Paste
from textual.widgets import Input, TextArea

from followup_tui.domain.models import ChecklistItem, Concern, Debrief, Interview, Question
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.keys import type_fast
from tests.helpers.screen import screen_text as _screen_text
from tests.helpers.wait import settle, until

LINES = ("I led the migration to dbt", "I mentor two juniors", "I speak Spanish")


def typed_out_paste(*lines: str) -> list[str]:
    """The keys a terminal sends for a paste it does not bracket: each line, then a line feed."""
    keys: list[str] = []
    for line in lines:
        keys.extend([*line, "ctrl+j"])
    return keys


def screen_text(app: FollowupApp) -> str:
    return _screen_text(cast("App[object]", app))


def make_app(repo: Repository) -> FollowupApp:
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


async def keys_to_field(app: FollowupApp, pilot: object, keys: tuple[str, ...], field_id: str) -> None:
    """Press ``keys`` one by one (the screen settling after each), until the cursor is in a line."""
    for key in keys:
        await pilot.press(key)  # type: ignore[attr-defined]
        await settle(app, pilot)
    assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == field_id)


def _typed_out(app: FollowupApp) -> None:
    type_fast(app, *typed_out_paste(*LINES))


def _bracketed_with_carriage_returns(app: FollowupApp) -> None:
    """Many terminals (tmux among them) paste each line ending in a carriage return."""
    app.post_message(Paste("\r".join(LINES) + "\r"))


@pytest.mark.parametrize("paste", [_typed_out, _bracketed_with_carriage_returns], ids=["typed-out", "cr"])
async def test_a_paste_in_a_debrief_box_keeps_its_lines(
    repo: Repository, paste: Callable[[FollowupApp], None]
) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await keys_to_field(app, pilot, ("d",), "capture")
        app.screen.query_one("#not_learned", TextArea).focus()
        await pilot.pause()
        paste(app)
        await settle(app, pilot)
        assert app.screen.query_one("#not_learned", TextArea).text == "\n".join(LINES) + "\n"
    assert repo.get(Debrief, interview.id).not_learned.splitlines() == list(LINES)


async def test_a_typed_out_paste_in_quick_capture_is_one_concern_per_line(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await keys_to_field(app, pilot, ("d",), "capture")
        type_fast(app, *typed_out_paste(*LINES))
        assert await until(pilot, lambda: len(repo.children(Concern, interview.id)) == 3)
        await settle(app, pilot)
        assert app.screen.query_one("#capture", Input).value == ""
    assert [c.text for c in repo.children(Concern, interview.id)] == list(LINES)


async def test_a_typed_out_paste_in_a_one_line_field_joins_its_lines_with_spaces(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await keys_to_field(app, pilot, ("n",), "company")
        type_fast(app, *typed_out_paste("Initech", "Data platform"))
        await settle(app, pilot)
        assert app.screen.query_one("#company", Input).value == "Initech Data platform "


async def test_three_lines_pasted_into_add_a_question_make_three_questions(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await keys_to_field(app, pilot, ("p", "a"), "dialog-text")
        app.post_message(Paste("Q one?\nQ two?\nQ three?"))
        await settle(app, pilot)
        assert "3 from the paste" in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
    assert [q.text for q in repo.children(Question, interview.id)] == ["Q one?", "Q two?", "Q three?"]


async def test_a_typed_out_paste_into_add_a_checklist_item_makes_one_item_per_line(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await keys_to_field(app, pilot, ("p", "3", "a"), "dialog-text")
        before = len(repo.children(ChecklistItem, interview.id))
        type_fast(app, *typed_out_paste("Umbrella", "Water"), *"Snack", "enter")
        await settle(app, pilot)
    texts = [c.text for c in repo.children(ChecklistItem, interview.id)][before:]
    assert texts == ["Umbrella", "Water", "Snack"]
