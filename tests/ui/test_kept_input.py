"""Typed text in forms and dialogs survives ctrl+q, escape, SIGHUP and SIGTERM: it is kept (its kept
input) and offered back the next time the same form opens."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path
from typing import cast

import pytest
from textual.app import App
from textual.css.query import NoMatches
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from followup_tui.domain.models import Concern, Interview, Question
from followup_tui.services import actions
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.debrief.clarify import ClarificationDialog
from followup_tui.ui.screens.debrief.lists import ClarificationList
from followup_tui.ui.screens.dialog import ConfirmDialog
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from followup_tui.ui.screens.interview.interviewer_row import InterviewerRow
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text as _screen_text
from tests.helpers.terminal import Terminal, visible
from tests.helpers.wait import settle, until

NEW_FORM = actions.kept_input_key("interview", None)


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def screen_text(app: FollowupApp) -> str:
    """What the app shows, as plain text."""
    return _screen_text(cast("App[object]", app))


def value(app: FollowupApp, field_id: str) -> str | None:
    """What one input of the open form holds (None while it is not shown)."""
    try:
        return app.screen.query_one(f"#{field_id}", Input).value
    except NoMatches:
        return None


def kept(db: Repository, key: str) -> dict[str, object] | None:
    """The kept input stored in the file now (read afresh, as the next start would)."""
    return actions.kept_input(Repository(db.path), key)


async def test_a_form_without_a_company_survives_ctrl_q_and_is_offered_back(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        # no company: the form cannot be saved, so only its kept input can keep this
        await pilot.press("n", "tab", *"Staff Engineer", *["tab"] * 7, *"Ada Moss")  # past when and zone
        assert await until(pilot, lambda: value(app, "role") == "Staff Engineer")
        assert app.screen.query(InterviewerRow).first().values()["name"] == "Ada Moss"
        await pilot.press("ctrl+q")
    assert repo.interviews() == []
    typed = kept(repo, NEW_FORM)
    assert typed is not None and typed["role"] == "Staff Engineer"

    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        assert await until(pilot, lambda: value(app, "role") == "Staff Engineer")
        assert app.screen.query(InterviewerRow).first().values()["name"] == "Ada Moss"
        assert any("Brought back what you typed" in n.message for n in app._notifications)
        assert app.focused is app.screen.query_one("#company")
        await pilot.press(*"Fernhill", "ctrl+s")  # with a company it saves
        await settle(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    (stored,) = repo.interviews()
    assert (stored.company, stored.role) == ("Fernhill", "Staff Engineer")
    assert [p.name for p in stored.interviewers] == ["Ada Moss"]
    assert kept(repo, NEW_FORM) is None  # saved: the kept input is gone


async def test_escape_asks_and_discarding_drops_the_kept_input(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "tab", *"Lead")
        await settle(app, pilot)
        assert kept(repo, NEW_FORM) is not None  # kept as it is typed, not only on quit
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle(app, pilot)
        assert kept(repo, NEW_FORM) is None
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.pause()
        assert value(app, "role") == ""


async def test_an_edits_kept_input_belongs_to_its_interview(repo: Repository) -> None:
    acme = repo.add(Interview(company="Acme", role="Developer", when="2026-11-20 10:00"))
    other = repo.add(Interview(company="Birch", role="Tester", when="2026-11-21 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        cast(HomeScreen, app.screen).edit(acme.id)
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.press("ctrl+a", "ctrl+k")  # the company emptied: not valid, still kept
        await pilot.press("tab", "end", *" II")
        await pilot.press("ctrl+q")
    assert repo.get(Interview, acme.id).role == "Developer"  # nothing saved to the interview
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        cast(HomeScreen, app.screen).edit(other.id)
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.pause()
        assert value(app, "role") == "Tester"  # another interview: its own values
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        cast(HomeScreen, app.screen).edit(acme.id)
        assert await until(pilot, lambda: value(app, "role") == "Developer II")
        assert value(app, "company") == ""


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=lambda s: s.name)
def test_text_typed_in_the_form_survives_a_hang_up_and_is_offered_back(db_path: Path, signum: int) -> None:
    typed = f"KEPT-ROLE-{signal.Signals(signum).name}"  # upper case: no key of the form acts on it
    argv = [sys.executable, "-m", "followup_tui", "--db", str(db_path)]
    term = Terminal(argv)
    try:
        assert term.wait_for(b"Interviews"), term.output[-2000:]
        term.read(0.5)
        term.send("n")
        assert term.wait_for(b"New interview"), term.output[-2000:]
        term.read(1.0)  # let the form mount and focus the company
        term.send("\t")  # no company: the form cannot be saved yet
        term.read(0.3)
        term.send(typed)
        assert term.wait_for(typed.encode(), 10), "the typed text was never drawn"
        os.kill(term.pid, signum)  # well inside the autosave delay: the kept input is still queued
        status = term.finish()
        assert status is not None and os.WIFEXITED(status), f"the app did not exit cleanly ({status})"
    finally:
        term.close()
    assert Repository(db_path).interviews() == []
    term = Terminal(argv)
    try:
        assert term.wait_for(b"Interviews"), term.output[-2000:]
        term.read(0.5)
        term.send("n")
        assert term.wait_for(typed.encode(), 15), "the kept input was not offered back"
        assert b"Brought back" in visible(term.output) or term.wait_for(b"Brought back", 5)
        term.send("\x11")  # ctrl+q
        term.finish()
    finally:
        term.close()


async def _open(app: FollowupApp, pilot: Pilot[None], name: str, interview_id: str) -> None:
    await pilot.pause()
    app.open_screen(name, interview_id)
    assert await until(pilot, lambda: isinstance(app.screen, FollowupScreen) and app.screen.interview_id)
    await pilot.pause()


async def test_an_answer_to_clarify_survives_ctrl_q_and_escape_asks(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "debrief", interview.id)
        app.screen.query_one(ClarificationList).focus()
        await pilot.press("a", *"Why us", "enter", *"I said money")
        assert await until(pilot, lambda: isinstance(app.screen, ClarificationDialog))
        assert await until(pilot, lambda: app.screen.query_one("#said", TextArea).text == "I said money")
        await pilot.press("escape")  # typed text: escape asks
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "Discard what you typed?" in screen_text(app)
        await pilot.press("n")  # keep typing
        assert await until(pilot, lambda: isinstance(app.screen, ClarificationDialog))
        await pilot.press("ctrl+q")
    assert Repository(repo.path).debrief(interview.id).clarifications == []  # not kept as one yet
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "debrief", interview.id)
        app.screen.query_one(ClarificationList).focus()
        await pilot.press("a")
        assert await until(pilot, lambda: value(app, "question") == "Why us")
        assert app.screen.query_one("#said", TextArea).text == "I said money"
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, ClarificationDialog))
        await settle(app, pilot)
    (kept_one,) = Repository(repo.path).debrief(interview.id).clarifications
    assert (kept_one.question, kept_one.said) == ("Why us", "I said money")
    assert Repository(repo.path).setting(actions.KEPT_INPUT) == {}


async def test_a_new_concern_being_typed_survives_ctrl_q(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "board", interview.id)
        await pilot.press("a", *"They frowned at my answer")
        assert await until(pilot, lambda: value(app, "new-text") == "They frowned at my answer")
        await pilot.press("ctrl+q")
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "board", interview.id)
        await pilot.press("a")
        assert await until(pilot, lambda: value(app, "new-text") == "They frowned at my answer")
        await pilot.press("enter")
        await settle(app, pilot)
    assert [c.text for c in repo.children(Concern, interview.id)] == ["They frowned at my answer"]


async def test_a_prep_item_being_typed_survives_ctrl_q(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-12-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "prep", interview.id)
        await pilot.press("a", *"How do teams share on-call")
        assert await until(pilot, lambda: value(app, "dialog-text") == "How do teams share on-call")
        await pilot.press("ctrl+q")
    assert repo.children(Question, interview.id) == []
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "prep", interview.id)
        await pilot.press("a")
        assert await until(pilot, lambda: value(app, "dialog-text") == "How do teams share on-call")
