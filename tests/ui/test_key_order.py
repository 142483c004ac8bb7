"""Keys typed while a screen opens reach that screen, in order (typed without waiting)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from textual.widgets import Input

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.debrief import DebriefScreen
from followup_tui.ui.screens.home.home import HomeScreen
from tests.conftest import FIXED_NOW
from tests.helpers.keys import type_fast
from tests.helpers.terminal import Terminal
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


async def test_a_company_typed_as_the_form_opens_is_saved_whole(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_fast(app, "n", *"Globex", "enter", *"QA Lead", "ctrl+s")
        assert await until(pilot, lambda: len(repo.interviews()) == 1)
        await settle(app, pilot)
        (stored,) = repo.interviews()
        assert (stored.company, stored.role) == ("Globex", "QA Lead")
        assert isinstance(app.screen, HomeScreen)


async def test_keys_that_look_like_home_keys_go_into_the_form(repo: Repository) -> None:
    """'b', 'd', 'e' and 'p' open screens at home: typed into the opening form they are text."""
    repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_fast(app, "n", *"Bedpeb", "ctrl+s")
        assert await until(pilot, lambda: len(repo.interviews()) == 2)
        await settle(app, pilot)
        assert sorted(i.company for i in repo.interviews()) == ["Bedpeb", "Initech"]


async def test_a_concern_typed_as_the_debrief_opens_is_captured(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_fast(app, "d", *"Rambled on salary", "enter", *"Forgot the demo", "enter")
        assert await until(pilot, lambda: len(repo.children(Concern, interview.id)) == 2)
        await settle(app, pilot)
        assert isinstance(app.screen, DebriefScreen)
        texts = [c.text for c in repo.children(Concern, interview.id)]
        assert texts == ["Rambled on salary", "Forgot the demo"]
        assert app.screen.query_one("#capture", Input).value == ""


async def test_back_and_forth_fast_ends_where_the_keys_say(repo: Repository) -> None:
    repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        type_fast(app, "d", "escape", "b", "escape", "n", *"Hooli")
        assert await until(pilot, lambda: app.key_order.waiting == 0 and len(app.screen_stack) == 2)
        await settle(app, pilot)
        assert app.screen.query_one("#company", Input).value == "Hooli"


def _stored_companies(db_path: Path) -> list[str]:
    if not db_path.exists():
        return []
    return [i.company for i in Repository(db_path).interviews()]


@pytest.mark.slow
def test_typing_at_once_in_a_terminal_saves_every_key(db_path: Path) -> None:
    """In a real terminal, 'n', the company and ctrl+s arrive in one read, before the form exists."""
    term = Terminal([sys.executable, "-m", "followup_tui", "--db", str(db_path)])
    try:
        assert term.wait_for(b"Interviews"), term.output[-2000:]
        term.send("nGlobex\tQA Lead\x13")
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and not _stored_companies(db_path):
            term.read(0.1)
        term.send("\x11")  # ctrl+q
        assert term.finish() is not None
    finally:
        term.close()
    (stored,) = Repository(db_path).interviews()
    assert (stored.company, stored.role) == ("Globex", "QA Lead")
