"""The interview hub: the whole story of one interview, and the keys to its parts."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from textual.app import App
from textual.content import Content

from followup_tui.domain.models import Interview
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from followup_tui.ui.screens.interview.hub import HubScreen
from followup_tui.ui.screens.interview.hub_sections import outcome_section, relative_day
from followup_tui.ui.widgets.hanging import flatten, hang
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text as _screen_text
from tests.helpers.wait import settle, until


def screen_text(app: FollowupApp) -> str:
    """What the app shows, as plain text."""
    return _screen_text(cast("App[object]", app))


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def demo_id(repo: Repository, company: str) -> str:
    """The id of a demo interview by company."""
    return next(i.id for i in repo.interviews() if i.company == company)


async def test_hub_tells_the_whole_story(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.open_screen("hub", demo_id(repo, "Copperleaf Health"))
        await pilot.pause()
        assert isinstance(app.screen, HubScreen)
        assert app.screen.title == "Interview"
        text = screen_text(app)
        for expected in (
            "Copperleaf Health",
            "Backend Engineer",
            "Mon 23 Nov 2026, 11:00 · 2 days ago",
            "Where  On site · Copperleaf campus",
            "Dana Okafor, Engineering Manager",
            "Must-asks: 1 asked, 1 not asked",
            "Gut feeling: 2 of 5 (shaky)",
            "2 worries · 3 actual errors · 1 unsorted",
            "No card yet. Press c to draft one.",
            "2 errors to clarify in the card",
            "Pending: no news yet",
        ):
            assert expected in text, expected


async def test_hub_of_an_upcoming_interview(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await pilot.press("home", "enter")
        await pilot.pause()
        text = screen_text(app)
        assert "Larkspur Analytics" in text
        assert "tomorrow" in text
        assert "5 questions to ask, 3 must-ask" in text


async def test_keys_jump_and_escape_goes_back(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "enter", "e")
        await pilot.pause()
        assert isinstance(app.screen, InterviewFormDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HubScreen)
        await pilot.press("d")
        await pilot.pause()
        assert app.screen.title == "Debrief"
        await pilot.press("escape", "escape")  # out of the quick capture line, then the screen
        await pilot.pause()
        assert isinstance(app.screen, HubScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_editing_from_the_hub_shows_the_change(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("home", "enter", "e", "tab", "end", *" (platform)", "ctrl+s")
        await settle(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, HubScreen))
        assert "Senior Data Engineer (platform)" in screen_text(app)
    assert repo.get(Interview, demo_id(repo, "Larkspur Analytics")).role == "Senior Data Engineer (platform)"


async def test_hub_after_the_interview_is_deleted_elsewhere(repo: Repository) -> None:
    stored = repo.add(Interview(company="Acme"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        repo.delete(Interview, stored.id)
        app.refresh_screens()
        await pilot.pause()
        assert "This interview was deleted." in screen_text(app)
        await pilot.press("p", "e")
        await pilot.pause()
        assert isinstance(app.screen, HubScreen)


def test_relative_day() -> None:
    now = datetime(2026, 11, 25, 18, 30)
    assert relative_day(datetime(2026, 11, 25, 9, 0), now) == "today"
    assert relative_day(datetime(2026, 11, 26, 9, 0), now) == "tomorrow"
    assert relative_day(datetime(2026, 11, 24, 9, 0), now) == "yesterday"
    assert relative_day(datetime(2026, 12, 2, 9, 0), now) == "in 7 days"
    assert relative_day(datetime(2026, 10, 11, 9, 0), now) == "6 weeks ago"


async def test_screens_opened_while_an_edit_is_still_queued_show_it_once_saved(repo: Repository) -> None:
    from followup_tui.domain.models import Interviewer
    from followup_tui.ui.screens.card.card import CardScreen
    from tests.helpers.wait import until

    iid = repo.add(
        Interview(company="Acme", when="2026-11-20 10:00", interviewers=[Interviewer(name="Dana")])
    ).id
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        for name, screen_type, company in (("hub", HubScreen, "Globex"), ("card", CardScreen, "Initech")):
            # an edit made a moment ago on the screen left behind, still waiting to be saved
            app.save(f"rename:{name}", lambda c=company: repo.update(Interview, iid, company=c), 0.4)
            app.open_screen(name, iid)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            assert await until(pilot, lambda c=company: c in screen_text(app)), screen_text(app)
            app.pop_screen()
            await pilot.pause()


def test_the_outcome_reads_as_the_outcome_dialog_words_it() -> None:
    for outcome, words in (
        ("rejected", "Rejected: they said no"),
        ("advanced", "Advanced: on to the next round"),
    ):
        section = outcome_section(Interview(company="Acme", outcome=outcome), [])
        assert flatten(section).plain == words


def test_a_labelled_line_wraps_under_its_own_text() -> None:
    label, body = Content("Forgot to ask  "), Content("How the team tests changes to patient records")
    lines = [line.plain for line in hang([(label, body), Content("Gut feeling: 2 of 5")], 40)]
    pad = " " * len(label.plain)
    assert lines[0] == "Forgot to ask  How the team tests"
    assert lines[1:3] == [pad + "changes to patient", pad + "records"]
    assert lines[3] == "Gut feeling: 2 of 5"
    narrow = [line.plain for line in hang([(label, body)], 20)]  # no room for a column
    assert narrow[0] == "Forgot to ask  " and not narrow[1].startswith(" ")


async def test_the_hub_at_60_columns_keeps_wrapped_text_beside_its_label(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    repo.update_debrief(
        interview.id, forgot_to_ask="Whether the platform team owns the deploy pipeline end to end"
    )
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("hub", interview.id)
        assert await until(pilot, lambda: "Forgot to ask" in screen_text(app))
        rows = screen_text(app).splitlines()
        first = next(n for n, row in enumerate(rows) if "Forgot to ask  Whether" in row)
        column = rows[first].index("Whether")
        following = rows[first + 1]
        assert following[column - 1] == " " and following[column].isalpha(), (rows[first], following)
        assert following[:column].strip(" │") == ""
