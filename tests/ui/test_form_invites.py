"""The interview form's time zone field and its "from an invitation…", driven by keys."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.events import Paste
from textual.widgets import Input, Static

from followup_tui.domain import zones
from followup_tui.domain.models import Interview, Interviewer
from followup_tui.services.invites import MY_EMAIL, apply_invitation, read_invitation
from followup_tui.store.repository import Repository
from followup_tui.ui.screens.dialog import ConfirmDialog
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from followup_tui.ui.screens.interview.invite_dialog import InviteDialog, clean_path
from tests.helpers.wait import until
from tests.ui.test_form import field, make_app, screen_text

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invitations"
GOOGLE = str(FIXTURES / "google-calendar.ics")


@pytest.fixture(autouse=True)
def in_berlin(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This machine runs on Berlin time, and tzlocal says so."""
    with monkeypatch.context() as patch:  # undone alone: the test's own folders stay in place
        patch.setenv("TZ", "Europe/Berlin")
        time.tzset()
        zones.forget_this_machine()
        patch.setattr("tzlocal.get_localzone_name", lambda: "Europe/Berlin")
        yield
    time.tzset()
    zones.forget_this_machine()


def test_dropped_paths_are_cleaned() -> None:
    assert clean_path("'/home/me/My Invites/a.ics' ") == "/home/me/My Invites/a.ics"
    assert clean_path("/home/me/My\\ Invites/a\\(1\\).ics") == "/home/me/My Invites/a(1).ics"
    assert clean_path("file:///home/me/My%20Invites/a.ics") == "/home/me/My Invites/a.ics"


async def test_a_new_interview_gets_the_zone_typed_or_this_machines(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        assert await until(pilot, lambda: field(app, "tz").suggester is not None)
        await pilot.press(*"Acme", "enter", "enter", *"2026-12-01 10:00", "enter", *"new york")
        await pilot.pause()
        assert "10:00 New York · 16:00 here" in screen_text(app)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.press(*"Globex", "ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert sorted((i.company, i.tz) for i in repo.all(Interview)) == [
        ("Acme", "America/New_York"),
        ("Globex", "Europe/Berlin"),
    ]


async def test_a_zone_that_does_not_exist_is_refused_inline(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        field(app, "tz").value = "Mars/Olympus"
        await pilot.press(*"Acme", "ctrl+s")
        await pilot.pause()
        assert "'Mars/Olympus' is not a time zone" in screen_text(app)
        assert app.focused is field(app, "tz")
    assert repo.all(Interview) == []


async def test_an_invitation_fills_the_form_for_the_user_to_confirm(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.press("ctrl+o")
        assert await until(pilot, lambda: isinstance(app.screen, InviteDialog))
        await pilot.press(*GOOGLE, "tab", *"robin.candidate@example.net", "enter")
        assert await until(
            pilot, lambda: isinstance(app.screen, InterviewFormDialog) and field(app, "when").value != ""
        )
        assert field(app, "company").value == "Harborlight"
        assert field(app, "role").value == "Senior Platform Engineer"
        assert (field(app, "when").value, field(app, "tz").value) == ("2026-12-03 10:00", "America/New_York")
        assert "check the company and role it suggests" in str(
            app.screen.query_one("#invite-note", Static).render()
        )
        assert "10:00 New York · 16:00 here" in screen_text(app)
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.workers.wait_for_complete()
        assert await until(pilot, lambda: repo.setting(MY_EMAIL) == "robin.candidate@example.net")
    (stored,) = repo.all(Interview)
    assert (stored.company, stored.tz, stored.ends, stored.invite_uid, stored.format) == (
        "Harborlight",
        "America/New_York",
        "2026-12-03 10:45",
        "5k2v9qa7nmd1c0e3r8t6u4w2yb@google.com",
        "video",
    )
    assert [p.name for p in stored.interviewers] == ["Priya Natarajan", "Marcus Oyelaran"]


async def test_a_file_dropped_on_the_form_is_read_and_the_same_invitation_edits(repo: Repository) -> None:
    repo.set_setting(MY_EMAIL, "robin.candidate@example.net")
    first = repo.add(
        Interview(
            company="Harbor Light",
            role="Platform",
            when="2026-12-03 10:00",
            tz="America/New_York",
            invite_uid="5k2v9qa7nmd1c0e3r8t6u4w2yb@google.com",
            notes="mine",
        )
    )
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        dropped = f"'{FIXTURES / 'google-calendar-moved.ics'}'"  # as a terminal pastes a dropped file
        app.screen.query_one("#company", Input).post_message(Paste(dropped))
        assert await until(
            pilot,
            lambda: (
                isinstance(app.screen, InterviewFormDialog)
                and field(app, "when").value.startswith("2026-12-04")
            ),
        )
        assert "Edit interview" in screen_text(app)
        assert field(app, "company").value == "Harbor Light"  # the user's own company name kept
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.workers.wait_for_complete()
    (stored,) = repo.all(Interview)
    assert (stored.id, stored.when, stored.invite_sequence, stored.notes) == (
        first.id,
        "2026-12-04 14:00",
        1,
        "mine",
    )


async def test_a_cancelled_invitation_offers_withdrawn(repo: Repository) -> None:
    repo.set_setting(MY_EMAIL, "robin.candidate@example.net")
    first = repo.add(
        Interview(
            company="Harborlight",
            when="2026-12-03 10:00",
            tz="America/New_York",
            invite_uid="5k2v9qa7nmd1c0e3r8t6u4w2yb@google.com",
        )
    )
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.press("ctrl+o")
        assert await until(pilot, lambda: isinstance(app.screen, InviteDialog))
        await pilot.press(*str(FIXTURES / "google-calendar-cancelled.ics"), "enter")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert "is cancelled. Mark the interview withdrawn?" in screen_text(app)
        await pilot.press("y")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.workers.wait_for_complete()
        assert await until(pilot, lambda: repo.get(Interview, first.id).outcome == "withdrawn")


async def test_an_all_day_invitation_is_refused_in_the_dialog(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.press("ctrl+o")
        assert await until(pilot, lambda: isinstance(app.screen, InviteDialog))
        await pilot.press(*str(FIXTURES / "all-day.ics"), "enter")
        assert await until(pilot, lambda: "all-day event" in screen_text(app))
        assert isinstance(app.screen, InviteDialog)


async def test_the_form_changes_what_followup_add_from_ics_changes(repo: Repository, tmp_path: Path) -> None:
    """One rule: the form and the CLI make the same interview of the same invitation."""
    start = Interview(
        company="Harbor Light",
        role="Platform",
        invite_uid="5k2v9qa7nmd1c0e3r8t6u4w2yb@google.com",
        interviewers=[Interviewer("priya natarajan", "Head of Platform")],  # known here by name only
    )
    twin = Repository(tmp_path / "twin.json")
    for each in (repo, twin):
        each.set_setting(MY_EMAIL, "robin.candidate@example.net")
        each.add(Interview(**{k: v for k, v in vars(start).items() if k != "id"}))
    moved = FIXTURES / "google-calendar-moved.ics"
    by_cli = apply_invitation(twin, read_invitation(twin, moved)).interview
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        app.screen.query_one("#company", Input).post_message(Paste(str(moved)))
        assert await until(
            pilot,
            lambda: (
                isinstance(app.screen, InterviewFormDialog)
                and field(app, "when").value.startswith("2026-12-04")
            ),
        )
        await pilot.press("ctrl+s")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await app.workers.wait_for_complete()
    (by_form,) = repo.all(Interview)
    assert by_cli is not None
    compared = (
        "company",
        "role",
        "when",
        "ends",
        "tz",
        "location",
        "format",
        "notes",
        "interviewers",
        "invite_sequence",
    )
    assert {k: getattr(by_form, k) for k in compared} == {k: getattr(by_cli, k) for k in compared}
    assert [p.name for p in by_form.interviewers] == ["priya natarajan", "Marcus Oyelaran"]
