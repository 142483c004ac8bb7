"""A text typed on the phone and on the laptop before either saw the other: the screen that holds
it offers it once, with keep / use that / combine (issue 21)."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from textual.app import App

from followup_tui.domain.models import Concern, Interview
from followup_tui.services.actions import field_conflicts
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.board.board import BoardScreen
from followup_tui.ui.screens.conflict import ConflictDialog
from followup_tui.ui.screens.interview.hub import HubScreen
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.two_devices import bring_back, device_name, edit_on_phone, phone_in_a_copy
from tests.helpers.wait import settle, until

LAPTOP_NOTES = "Ask about the on-call rota."
PHONE_NOTES = "They run [b]two[/b] teams; ask which one."
"""Typed on the phone: markup in it must show as typed."""


def _notes_on_both(db_path: Path, tmp_path: Path) -> tuple[Repository, Interview, str]:
    """The laptop's repository, an interview whose notes were typed on both devices (the laptop
    later), and the phone's name."""
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme", when="2026-11-24 10:00", notes="Before the trip"))
    phone = phone_in_a_copy(db_path, tmp_path)
    edit_on_phone(phone, "interviews", interview.id, "notes", PHONE_NOTES)
    repo.update(Interview, interview.id, notes=LAPTOP_NOTES)
    bring_back(phone, db_path)
    return repo, interview, device_name(phone)


def _text(app: FollowupApp) -> str:
    return screen_text(cast("App[object]", app))


async def _open(app: FollowupApp, pilot: Any, name: str, interview_id: str) -> None:
    app.open_screen(name, interview_id)
    await pilot.pause()
    assert await until(pilot, lambda: isinstance(app.screen, ConflictDialog)), type(app.screen)


def test_the_two_devices_really_disagree(db_path: Path, tmp_path: Path) -> None:
    repo, interview, phone = _notes_on_both(db_path, tmp_path)
    assert repo.get(Interview, interview.id).notes == LAPTOP_NOTES  # the later text is shown
    [conflict] = field_conflicts(repo)
    assert (conflict.field, conflict.other_text, conflict.other_device) == ("notes", PHONE_NOTES, phone)


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_the_hub_shows_the_other_devices_text_beside_the_one_shown(
    db_path: Path, tmp_path: Path, size: tuple[int, int]
) -> None:
    repo, interview, phone = _notes_on_both(db_path, tmp_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        await _open(app, pilot, "hub", interview.id)
        shown = _text(app)
        for expected in ("The interview's notes", f"Also edited on {phone}:", PHONE_NOTES, LAPTOP_NOTES):
            assert expected in " ".join(shown.split()), (expected, shown)
        for key in ("Keep", "Use that", "Combine"):
            assert key in shown


@pytest.mark.parametrize(
    ("key", "notes"),
    [("k", LAPTOP_NOTES), ("u", PHONE_NOTES), ("c", f"{LAPTOP_NOTES}\n\n{PHONE_NOTES}")],
)
async def test_keep_use_that_and_combine_settle_the_text_for_good(
    db_path: Path, tmp_path: Path, key: str, notes: str
) -> None:
    repo, interview, _ = _notes_on_both(db_path, tmp_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "hub", interview.id)
        await pilot.press(key)
        await settle(app, pilot)
        assert isinstance(app.screen, HubScreen)
        assert repo.get(Interview, interview.id).notes == notes
        assert field_conflicts(repo) == []


async def test_later_leaves_it_for_the_next_session_and_it_is_offered_once(
    db_path: Path, tmp_path: Path
) -> None:
    repo, interview, _ = _notes_on_both(db_path, tmp_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, "hub", interview.id)
        await pilot.press("escape")  # later
        await pilot.pause()
        assert isinstance(app.screen, HubScreen)
        await pilot.press("escape")  # back home, and the hub again: not offered twice
        await pilot.pause()
        app.open_screen("hub", interview.id)
        await settle(app, pilot)
        assert isinstance(app.screen, HubScreen)
    assert [c.other_text for c in field_conflicts(repo)] == [PHONE_NOTES]
    again = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with again.run_test(size=(100, 30)) as pilot:
        await _open(again, pilot, "hub", interview.id)  # a new session offers it again


async def test_the_board_offers_a_concern_typed_on_both_and_other_screens_do_not(
    db_path: Path, tmp_path: Path
) -> None:
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme", when="2026-11-24 10:00"))
    concern = repo.add(Concern(interview_id=interview.id, text="Forgot the rota"))
    phone = phone_in_a_copy(db_path, tmp_path)
    edit_on_phone(phone, "concerns", concern.id, "text", "Forgot to ask about the rota")
    repo.update(Concern, concern.id, text="Forgot the on-call rota")
    bring_back(phone, db_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("card", interview.id)  # the card does not hold concerns' text
        await settle(app, pilot)
        assert not isinstance(app.screen, ConflictDialog)
        await pilot.press("escape")
        await _open(app, pilot, "board", interview.id)
        assert "A concern" in _text(app) and "Forgot to ask about the rota" in _text(app)
        await pilot.press("u")
        await settle(app, pilot)
        assert isinstance(app.screen, BoardScreen)
        assert repo.get(Concern, concern.id).text == "Forgot to ask about the rota"
