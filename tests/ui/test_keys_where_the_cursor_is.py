"""Keys do what the screen says where the cursor is, at 60x20: the gut in one key, escape
leaves a field before the screen, Tab reaches every field, the marks move on."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from followup_tui.domain.models import Concern, Debrief, Interview, Question
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.debrief import DebriefScreen
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.prep.prep import PrepScreen
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def past_interview(repo: Repository) -> Interview:
    return repo.add(Interview(company="Initech", when="2026-11-20 10:00"))


async def open_debrief(app: FollowupApp, pilot: object) -> None:
    await pilot.press("d")  # type: ignore[attr-defined]
    assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "capture")


async def test_d_then_a_digit_rates_the_gut_and_types_nothing(repo: Repository) -> None:
    interview = past_interview(repo)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_debrief(app, pilot)
        await pilot.press("4")
        await settle(app, pilot)
        assert app.screen.query_one("#capture", Input).value == ""
        assert "1-5 rate the gut if empty" in str(app.screen.query_one(".section").render())
    assert repo.get(Debrief, interview.id).gut == 4
    assert repo.children(Concern, interview.id) == []


async def test_words_and_enter_still_capture_a_concern_with_digits_in_it(repo: Repository) -> None:
    interview = past_interview(repo)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_debrief(app, pilot)
        await pilot.press(*"Said 3 years", "enter")
        await settle(app, pilot)
    assert [c.text for c in repo.children(Concern, interview.id)] == ["Said 3 years"]
    assert repo.debrief(interview.id).gut is None


async def test_escape_in_a_debrief_field_leaves_the_field_then_the_screen(repo: Repository) -> None:
    past_interview(repo)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_debrief(app, pilot)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert not isinstance(app.focused, (Input, TextArea))
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))


async def test_escape_in_a_debrief_box_leaves_the_box_first(repo: Repository) -> None:
    past_interview(repo)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_debrief(app, pilot)
        app.screen.query_one("#felt_off", TextArea).focus()
        await pilot.press(*"late", "escape")
        await settle(app, pilot)
        assert isinstance(app.screen, DebriefScreen)
        assert not isinstance(app.focused, TextArea)


async def test_tab_in_prep_reaches_why_i_want_this_job(repo: Repository) -> None:
    interview = past_interview(repo)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("p")
        assert await until(pilot, lambda: isinstance(app.screen, PrepScreen))
        await settle(app, pilot)
        await pilot.press("tab")
        assert app.focused is app.screen.query_one("#why-this-job")
        await pilot.press(*"I like data 2 a day")
        await settle(app, pilot)
        assert isinstance(app.screen, PrepScreen)  # no "a" dialog, no "2" tab
        assert app.screen.query_one("#why-this-job", Input).value == "I like data 2 a day"
        await pilot.press("escape")  # out of the line, onto the list
        await settle(app, pilot)
        assert isinstance(app.screen, PrepScreen)
        assert app.focused is app.screen.query_one("#questions-list")
    assert repo.get(Interview, interview.id).why_this_job == "I like data 2 a day"


async def test_space_in_asked_marks_and_moves_on_as_y_and_n_do(repo: Repository) -> None:
    interview = past_interview(repo)
    first = repo.add(Question(interview_id=interview.id, text="Team size?", order=1.0))
    second = repo.add(Question(interview_id=interview.id, text="On-call?", order=2.0))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_debrief(app, pilot)
        app.screen.query_one("#questions").focus()
        await pilot.press("space", "space")
        await settle(app, pilot)
    assert repo.get(Question, first.id).asked == "yes"
    assert repo.get(Question, second.id).asked == "yes"
