"""The interview form: create, validate, cancel, edit, interviewers."""

from __future__ import annotations

import errno
import os
from typing import cast

import pytest
from textual.app import App
from textual.widgets import Input, Static

from followup_tui.domain.models import Interview, Interviewer
from followup_tui.services import autosave
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.dialog import ConfirmDialog
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from followup_tui.ui.screens.interview.interviewer_row import InterviewerRow
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text as _screen_text
from tests.helpers.wait import settle, until


def screen_text(app: FollowupApp) -> str:
    """What the app shows, as plain text."""
    return _screen_text(cast("App[object]", app))


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def field(app: FollowupApp, field_id: str) -> Input:
    """One input of the open form."""
    return app.screen.query_one(f"#{field_id}", Input)


def error_text(app: FollowupApp, error_id: str) -> str:
    """The inline error under a field, or "" when it is hidden."""
    error = app.screen.query_one(f"#{error_id}", Static)
    return str(error.render()) if error.has_class("-shown") else ""


async def test_create_an_interview_through_the_form(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormDialog)
        assert "New interview" in screen_text(app)
        await pilot.press(
            *"Fernhill Robotics", "enter", *"QA Lead", "enter", *"2026-12-03 09:30", "enter", "enter"
        )
        await pilot.press("tab", *"Main gate", "enter", "enter")  # format left as on site; no job link
        await pilot.press(*"Ines Duarte", "tab", *"Head of QA", "tab", *"ines@fernhill.example")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        home = app.screen
        assert isinstance(home, HomeScreen)
        (stored,) = repo.interviews()
        assert stored.company == "Fernhill Robotics"
        assert stored.role == "QA Lead"
        assert stored.when == "2026-12-03 09:30"
        assert stored.location == "Main gate"
        assert stored.format == "onsite"
        assert stored.interviewers == [Interviewer("Ines Duarte", "Head of QA", "ines@fernhill.example")]
        assert "Fernhill Robotics" in screen_text(app)
        assert home.selected_id == stored.id


async def test_new_interview_is_selected_among_others(repo: Repository) -> None:
    for n in range(5):
        repo.add(Interview(company=f"Company {n}", when=f"2026-11-0{n + 1} 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Zeta Works", "ctrl+s")
        await settle(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        home = app.screen
        assert isinstance(home, HomeScreen)
        stored = next(i for i in repo.interviews() if i.company == "Zeta Works")
        assert home.selected_id == stored.id


async def test_invalid_date_is_rejected_inline(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Acme", "tab", "tab", *"next tuesday", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormDialog)
        assert "is not a date and time; use YYYY-MM-DD HH:MM." in error_text(app, "when-error")
        assert "use YYYY-MM-DD HH:MM" in screen_text(app)
        assert app.focused is field(app, "when")
        await settle(app, pilot)
        assert repo.interviews() == []
        field(app, "when").value = ""
        await pilot.press(*"2026-02-30 10:00", "ctrl+s")
        await pilot.pause()
        assert error_text(app, "when-error")
        assert repo.interviews() == []
        field(app, "when").value = ""
        await pilot.press(*"2026-02-27")
        await pilot.pause()
        assert error_text(app, "when-error") == ""


async def test_company_is_required(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "tab", *"Engineer", "ctrl+s")
        await pilot.pause()
        assert error_text(app, "company-error") == "Company is required."
        assert app.focused is field(app, "company")
        assert repo.interviews() == []


async def test_bad_email_and_nameless_interviewer_are_rejected(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Acme")
        row = app.screen.query_one(InterviewerRow)
        row.query_one(".person-name", Input).value = "Kim"
        row.query_one(".person-email", Input).value = "not-an-address"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "is not an email address" in screen_text(app)
        assert repo.interviews() == []
        row.query_one(".person-name", Input).value = ""
        row.query_one(".person-email", Input).value = "kim@acme.example"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "An interviewer needs a name." in screen_text(app)
        assert repo.interviews() == []


async def test_add_and_remove_interviewer_rows(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Acme", "ctrl+n")
        await pilot.pause()
        await pilot.press(*"Lee Park")
        await pilot.press("ctrl+n")
        await pilot.pause()
        await pilot.press(*"Ada Moss")
        rows = list(app.screen.query(InterviewerRow))
        assert len(rows) == 3
        await pilot.click(rows[0].query_one("Button"))
        await pilot.pause()
        assert len(app.screen.query(InterviewerRow)) == 3 - 1
        await pilot.press("ctrl+n", *"Gone Soon", "ctrl+r")
        await pilot.pause()
        assert len(app.screen.query(InterviewerRow)) == 2
        await pilot.press("ctrl+s")
        await settle(app, pilot)
    (stored,) = repo.interviews()
    assert [p.name for p in stored.interviewers] == ["Lee Park", "Ada Moss"]


async def test_escape_with_changes_asks_before_discarding(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", "escape")  # nothing typed: closes at once
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n", *"Acme", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Discard your changes" in screen_text(app)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormDialog)
        assert field(app, "company").value == "Acme"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await settle(app, pilot)
    assert repo.interviews() == []


async def test_edit_changes_only_the_form_fields(repo: Repository) -> None:
    stored = repo.add(
        Interview(
            company="Acme",
            role="Developer",
            when="2026-11-20 10:00",
            outcome="offer",
            interviewers=[Interviewer("Kim", "CTO")],
        )
    )
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        assert "Edit interview" in screen_text(app)
        assert field(app, "role").value == "Developer"
        assert field(app, "when").value == "2026-11-20 10:00"
        repo.update(Interview, stored.id, outcome="advanced")  # recorded elsewhere meanwhile
        await pilot.press("tab", "end", *" II", "ctrl+s")
        await settle(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        assert "Developer II" in screen_text(app)
    after = repo.get(Interview, stored.id)
    assert after.role == "Developer II"
    assert after.outcome == "advanced"
    assert after.interviewers == [Interviewer("Kim", "CTO")]
    assert after.created == stored.created


async def test_form_fits_a_small_terminal(repo: Repository) -> None:
    repo.add(Interview(company="Acme", interviewers=[Interviewer("Kim", "CTO", "kim@acme.example")]))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        text = screen_text(app)
        for label in ("Company", "When", "Format", "Interviewers", "Notes", "Save", "Cancel"):
            assert label in text
        assert "kim@acme.example" in text


async def test_a_new_interview_waits_in_the_save_queue_while_the_disk_is_full(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(autosave, "RETRY_AFTER", 0.05)
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        monkeypatch.setattr(os, "fsync", full_disk)
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "company")
        await pilot.press(*"Quarry Labs", "ctrl+s")
        assert await until(pilot, lambda: "Not saved yet" in error_text(app, "form-error"))
        assert isinstance(app.screen, InterviewFormDialog)
        assert app.saver.pending >= 1 and repo.interviews() == []  # the interview waits in the queue
        monkeypatch.setattr(os, "fsync", real_fsync)
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        (stored,) = repo.interviews()
        assert stored.company == "Quarry Labs"
        assert await until(pilot, lambda: app.screen.selected_id == stored.id)  # type: ignore[attr-defined]


async def test_add_interviewer_is_reached_with_tab_and_enter_steps_past_it(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        field(app, "job_link").focus()
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "add-person"
        await pilot.press("enter")  # pressing it adds a row and types its name
        assert await until(pilot, lambda: len(app.screen.query(InterviewerRow)) == 2)
        assert app.focused is app.screen.query(InterviewerRow).last().query_one(".person-name", Input)
        field(app, "job_link").focus()
        await pilot.press("enter")  # enter goes from field to field: the first name, not the button
        assert app.focused is app.screen.query(InterviewerRow).first().query_one(".person-name", Input)


async def test_an_interview_with_a_thousand_interviewers_opens_with_rows_for_some_and_keeps_all(
    repo: Repository,
) -> None:
    from followup_tui.ui.screens.interview.interviewer_row import ROWS_SHOWN, InterviewerRow

    people = [Interviewer(f"Person {n}", "", f"person{n}@example.com") for n in range(1000)]
    stored = repo.add(Interview(company="Acme", when="2026-11-20 10:00", interviewers=people))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        assert await until(pilot, lambda: "Edit interview" in screen_text(app))
        assert len(app.screen.query(InterviewerRow)) == ROWS_SHOWN
        beyond = str(app.screen.query_one("#people-beyond", Static).render())
        assert beyond == f"and {1000 - ROWS_SHOWN:,} more interviewers, kept as they are"
        await pilot.press("tab", "end", *" II", "ctrl+s")
        await settle(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    after = repo.get(Interview, stored.id)
    assert after.role == "II" and after.interviewers == people
