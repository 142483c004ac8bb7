"""Several lines pasted into the quick capture line: one concern per line, each once."""

from __future__ import annotations

from textual.events import Paste
from textual.widgets import Input

from followup_tui.domain.models import Concern, Interview
from followup_tui.services import actions
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.debrief import CaptureLine, DebriefScreen
from tests.conftest import FIXED_NOW
from tests.helpers.keys import type_fast
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def captured_line(app: FollowupApp) -> str:
    """What the debrief says under the quick capture line."""
    return str(app.screen.query_one("#captured").render())


async def test_an_unbracketed_paste_is_one_concern_per_line(repo: Repository) -> None:
    """Phone SSH clients type a paste out: the text and a return per line, all at once."""
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")
        type_fast(app, *"Raw one", "enter", *"Raw two", "enter", *"Raw three", "enter")
        assert await until(pilot, lambda: len(repo.children(Concern, interview.id)) == 3)
        await settle(app, pilot)
        assert [c.text for c in repo.children(Concern, interview.id)] == ["Raw one", "Raw two", "Raw three"]
        assert "3 concerns captured · 3 concerns on the board" in captured_line(app)


async def test_a_paste_typed_out_with_line_feeds_says_captured_once_for_all_its_lines(
    repo: Repository,
) -> None:
    """One notice for the paste ("3 concerns captured"), not "1 captured from the paste" per line."""
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")
        await pilot.press(*"Typed first", "enter")  # a concern of its own, before the paste
        await settle(app, pilot)
        type_fast(app, *"Raw one", "ctrl+j", *"Raw two", "ctrl+j", *"Raw three", "ctrl+j")
        assert await until(pilot, lambda: len(repo.children(Concern, interview.id)) == 4)
        await settle(app, pilot)
        line = captured_line(app)
        assert "3 concerns captured · 4 concerns on the board" in line, line
        assert line.count("captured") == 1


async def test_a_bracketed_paste_of_several_lines_captures_each_line_once(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")
        await pilot.press(*"Mumbled ")  # typed before the paste: it starts the first line
        app.post_message(Paste("the intro\r\n\r\nRaw two\n   \nRaw three\n"))
        assert await until(pilot, lambda: len(repo.children(Concern, interview.id)) == 3)
        await settle(app, pilot)
        texts = [c.text for c in repo.children(Concern, interview.id)]
        assert texts == ["Mumbled the intro", "Raw two", "Raw three"]
        screen = app.screen
        assert isinstance(screen, DebriefScreen)
        assert screen.query_one("#capture", Input).value == ""
        assert "3 concerns captured · 3 concerns on the board" in captured_line(app)


async def test_a_paste_of_one_line_stays_in_the_line_for_editing(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")
        app.post_message(Paste("Only one line\n"))
        await settle(app, pilot)
        assert app.screen.query_one("#capture", Input).value == "Only one line"
        assert repo.children(Concern, interview.id) == []


async def test_a_capture_not_yet_on_the_board_is_kept_when_leaving_and_brought_back(repo: Repository) -> None:
    """Escape, ctrl+q or a hang-up before enter never loses the line typed in the quick capture."""
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    key = actions.kept_input_key("capture", interview.id)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")
        await pilot.press(*"Spoke too fast", "escape", "escape")  # out of the line, then the screen
        assert await until(pilot, lambda: not isinstance(app.screen, DebriefScreen))
        await settle(app, pilot)
        assert actions.kept_input(repo, key) == {"capture": "Spoke too fast"}  # on disk, not only on screen
        assert repo.children(Concern, interview.id) == []
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")
        capture = app.screen.query_one("#capture", Input)
        assert capture.value == "Spoke too fast"
        await pilot.press("enter")  # on the board now: the kept input goes
        assert await until(pilot, lambda: len(repo.children(Concern, interview.id)) == 1)
        await settle(app, pilot)
        assert actions.kept_input(repo, key) is None
    assert [c.text for c in repo.children(Concern, interview.id)] == ["Spoke too fast"]


async def test_lines_typed_seconds_apart_are_each_their_own_even_when_handled_at_once(
    repo: Repository,
) -> None:
    """What makes a paste is when the terminal sent the lines, not when a busy app got to them:
    three lines typed two seconds apart, handled in one go, are three captures, not one paste."""
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")
        later = app.screen.query_one("#capture", CaptureLine).typed_at + 100.0
        for n, text in enumerate(("Raw one", "Raw two", "Raw three")):
            type_fast(app, *text, "enter", sent_at=later + 2.0 * n)
        assert await until(pilot, lambda: len(repo.children(Concern, interview.id)) == 3)
        await settle(app, pilot)
        line = captured_line(app)
        assert "captured" not in line, line
        assert "3 concerns on the board" in line, line
