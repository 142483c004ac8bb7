"""The interview form holds each field to its limit while typing and pasting, as the debrief does."""

from __future__ import annotations

from textual.events import Paste
from textual.widgets import Input, TextArea

from followup_tui.domain.models import SHORT_LIMIT, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def messages(app: FollowupApp) -> list[str]:
    """The notifications shown so far."""
    return [n.message for n in app._notifications]


async def test_a_role_pasted_past_its_limit_is_refused_at_once(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n", *"Acme", "tab")
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "role")
        app.post_message(Paste("r" * (SHORT_LIMIT + 50)))  # as a terminal pastes
        assert await until(pilot, lambda: any("The paste is too long" in m for m in messages(app)))
        role = app.screen.query_one("#role", Input)
        assert role.value == ""
        app.post_message(Paste("Staff engineer"))
        assert await until(pilot, lambda: role.value == "Staff engineer")


async def test_typing_stops_at_the_limit_and_says_so(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n", *"Acme", "tab")
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "role")
        role = app.screen.query_one("#role", Input)
        role.value = "x" * (SHORT_LIMIT - 1)
        await pilot.press("y", "z", "z")
        assert role.value == "x" * (SHORT_LIMIT - 1) + "y"
        assert f"This field is full: it holds {SHORT_LIMIT} characters." in messages(app)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, InterviewFormDialog))
        await settle(app, pilot)
    (stored,) = repo.interviews()
    assert stored.role == "x" * (SHORT_LIMIT - 1) + "y"  # what was shown is what was saved


async def test_notes_pasted_past_their_limit_are_refused(repo: Repository) -> None:
    limit = Interview.TEXT_LIMITS["notes"]
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Acme")
        assert await until(pilot, lambda: bool(app.screen.query("#notes")))
        notes = app.screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.pause()
        app.post_message(Paste("n" * (limit + 1)))
        assert await until(pilot, lambda: any("The paste is too long" in m for m in messages(app)))
        assert notes.text == ""


async def test_several_lines_pasted_into_a_field_arrive_joined_by_spaces(repo: Repository) -> None:
    """A plain Input keeps the first line and drops the rest without a word; ours keeps them all."""
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: app.focused is not None and app.focused.id == "company")
        app.post_message(Paste("Acme\r\n  Industrial\n\nWidgets  \n"))  # as copied across lines
        company = app.screen.query_one("#company", Input)
        assert await until(pilot, lambda: company.value == "Acme Industrial Widgets")
        await pilot.press("home")
        app.post_message(Paste("The\nNew"))
        assert await until(pilot, lambda: company.value == "The NewAcme Industrial Widgets")
        app.post_message(Paste("x\n" * SHORT_LIMIT))  # joined, it is too long: refused whole
        assert await until(pilot, lambda: any("The paste is too long" in m for m in messages(app)))
        assert company.value == "The NewAcme Industrial Widgets"
