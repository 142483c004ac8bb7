"""The Insights screen driven like a user would: what it shows, and "add to next prep"."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from textual.screen import Screen
from textual.widgets import OptionList, Static

from followup_tui.domain.models import Concern, Interview, Question
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.insights.bars import InsightsBars
from followup_tui.ui.screens.insights.insights import InsightsScreen
from tests.conftest import FIXED_NOW
from tests.helpers.screen import rendered, screen_text
from tests.helpers.wait import until

HOSTILE = "[/] [@click=app.quit]Ask about [b]pay[/b]"
WEEK = "What does a normal week look like?"


@dataclass
class Sample:
    """The ids of the hand-made interviews."""

    good: str
    bad: str
    soon: str
    later: str


def fill(repo: Repository, upcoming: bool = True) -> Sample:
    """Two past interviews (one felt bad and still advanced), two upcoming ones."""
    bad = repo.add(Interview(company="Alder Works", when="2026-11-10 10:00", outcome="advanced"))
    good = repo.add(Interview(company="Birch Labs", when="2026-11-12 10:00", outcome="rejected"))
    repo.update_debrief(bad.id, gut=1)
    repo.update_debrief(good.id, gut=4)
    repo.add(Question(interview_id=bad.id, text=WEEK, category="Team", asked="no"))
    repo.add(Question(interview_id=good.id, text=WEEK.lower(), category="Team", asked="no"))
    repo.add(Question(interview_id=good.id, text=HOSTILE, category="Pay [i]", asked="no"))
    repo.add(Question(interview_id=good.id, text="Who leads the team?", asked="yes"))
    repo.add(Concern(interview_id=bad.id, text="They hated my answer", kind="worry", traps=["mind-reading"]))
    soon = later = ""
    if upcoming:
        later = repo.add(Interview(company="Cedar & Co", when="2026-12-05 09:00")).id
        soon = repo.add(Interview(company="Dune [red]Corp[/red]", when="2026-11-27 10:00")).id
    return Sample(good=good.id, bad=bad.id, soon=soon, later=later)


def text_of(screen: Screen[Any], selector: str) -> str:
    """The plain text a Static shows."""
    return str(screen.query_one(selector, Static).render())


def forgotten(screen: Screen[Any]) -> list[str]:
    """The plain text of each option in the forgotten-questions list."""
    options = screen.query_one("#forget-list", OptionList)
    return [rendered(options.get_option_at_index(n).prompt) for n in range(options.option_count)]


def make_app(repo: Repository) -> FollowupApp:
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


async def test_answers_both_questions_at_a_glance(repo: Repository) -> None:
    fill(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", None)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        assert screen.title == "Insights"
        assert text_of(screen, "#gut-summary").startswith("So far a bad feeling did not mean a worse result.")
        gut_lines = [str(line) for line in screen.query_one("#gut-bars", InsightsBars).lines(60)]
        assert gut_lines[1].startswith("Felt bad (gut 1-2)") and gut_lines[1].endswith("1 of 1")
        assert gut_lines[2].startswith("Felt fine or unrated") and gut_lines[2].endswith("0 of 1")
        assert text_of(screen, "#forget-summary") == f"Most often left unasked (2 times): {WEEK.lower()}"
        assert forgotten(screen)[0] == f"2× {WEEK.lower()}  · Team"
        assert "Dune [red]Corp[/red] (Fri 27 Nov 2026, 10:00)" in text_of(screen, "#forget-hint")
        assert text_of(screen, "#traps-summary") == "Most common: Mind reading (1 time)."
        for key in ("gut", "forget"):  # both key sections are on the first screen, not scrolled to
            assert screen.query_one(f"#{key}").region.bottom <= 29


async def test_small_screen_shows_the_gut_answer_first(repo: Repository) -> None:
    fill(repo)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("insights", None)
        await pilot.pause()
        screen = app.screen
        assert screen.has_class("-narrow")
        assert screen.query_one("#gut-summary").region.y < 5
        assert screen.query_one("#forget-list", OptionList).has_focus
        assert screen.query_one("#forget-list").region.y < 19


async def test_add_to_next_prep_adds_a_must_ask_to_the_next_upcoming_interview(repo: Repository) -> None:
    sample = fill(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", None)
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        app.saver.flush()
        added = repo.children(Question, sample.soon)
        assert [(q.text, q.category, q.must_ask, q.asked) for q in added] == [
            (WEEK.lower(), "Team", True, "unknown")
        ]
        assert repo.children(Question, sample.later) == []
        message = list(app._notifications)[-1].message
        assert message == "Added to the prep for Dune [red]Corp[/red] (Fri 27 Nov 2026, 10:00) as a must-ask."
        assert "✓ added" in forgotten(app.screen)[0]
        await pilot.press("a")  # a second press does not add it twice
        await pilot.pause()
        app.saver.flush()
        assert len(repo.children(Question, sample.soon)) == 1
        assert list(app._notifications)[-1].message.startswith("Already in the prep for Dune")


async def test_add_to_prep_of_the_selected_upcoming_interview(repo: Repository) -> None:
    sample = fill(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", sample.later)
        await pilot.pause()
        await pilot.press("down", "a")
        await pilot.pause()
        app.saver.flush()
        assert [q.text for q in repo.children(Question, sample.later)] == [HOSTILE]
        assert repo.children(Question, sample.soon) == []


async def test_add_to_prep_is_disabled_without_an_upcoming_interview(repo: Repository) -> None:
    sample = fill(repo, upcoming=False)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", sample.bad)  # a past interview is not a prep target
        await pilot.pause()
        screen = app.screen
        assert screen.check_action("add_to_prep", ()) is None
        before = len(repo.all(Question))
        await pilot.press("a")
        await pilot.pause()
        app.saver.flush()
        assert len(repo.all(Question)) == before
        assert text_of(screen, "#forget-hint") == "No upcoming interview to add a question to."


async def test_hostile_question_text_shows_literally(repo: Repository) -> None:
    fill(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", None)
        await pilot.pause()
        assert f"1× {HOSTILE}  · Pay [i]" in forgotten(app.screen)
        category_lines = [str(line) for line in app.screen.query_one("#forget-bars", InsightsBars).lines(60)]
        assert any(line.startswith("Pay [i]") for line in category_lines)
        assert app.is_running


async def test_a_long_unasked_question_wraps_under_its_own_text(repo: Repository) -> None:
    """The count stands alone on the left; the second line starts where the text started."""
    interview = repo.add(Interview(company="Elm Studio", when="2026-11-10 10:00"))
    long = "How do the people who build the internal tools decide what gets done first each quarter?"
    repo.add(Question(interview_id=interview.id, text=long, asked="no"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("insights", None)
        assert await until(pilot, lambda: "Elm" in screen_text(app) or "How do the" in screen_text(app))
        options = app.screen.query_one("#forget-list", OptionList)
        lines = rendered(options.get_option_at_index(0).prompt, width=40).splitlines()
        assert len(lines) >= 2 and lines[0].startswith("1× How do the")
        assert all(line.startswith("   ") and line.strip() for line in lines[1:]), lines


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_empty_file_says_not_enough_data(repo: Repository, size: tuple[int, int]) -> None:
    app = make_app(repo)
    async with app.run_test(size=size) as pilot:
        app.open_screen("insights", None)
        await pilot.pause()
        screen = app.screen
        assert text_of(screen, "#gut-summary") == "Not enough data yet: no interviews recorded."
        assert text_of(screen, "#forget-summary") == "Nothing left unasked so far."
        assert not screen.query_one("#forget-list").display
        assert screen.query_one("#gut-bars", InsightsBars).lines(60) == []
        assert screen.check_action("add_to_prep", ()) is None


async def test_refresh_data_recomputes(repo: Repository) -> None:
    sample = fill(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", None)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        repo.update(Interview, sample.good, outcome="offer")  # as another process would
        repo.update_debrief(sample.good, gut=2)
        screen.refresh_data()
        await pilot.pause()
        assert screen.insights is not None and screen.insights.bad.went_forward == 2
        assert text_of(screen, "#gut-summary") == "Felt bad, went forward: 2 of 2. The others: none yet."


async def test_opening_computes_once_and_coming_back_computes_again(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(repo)
    runs: list[str] = []
    real = InsightsScreen.refresh_data

    def counted(self: InsightsScreen) -> None:
        runs.append("refresh")
        real(self)

    monkeypatch.setattr(InsightsScreen, "refresh_data", counted)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", None)
        await pilot.pause()
        await pilot.pause(0.2)
        assert runs == ["refresh"]
        await pilot.press("question_mark")  # the help screen covers it, then goes
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, InsightsScreen)
        assert runs == ["refresh", "refresh"]


async def test_a_long_history_is_counted_on_a_worker_and_shown_the_same(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.ui.screens.insights import insights as insights_module
    from tests.helpers.wait import until

    fill(repo)
    monkeypatch.setattr(insights_module, "WORKER_FROM", 1)  # as if the history were long
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("insights", None)
        screen = app.screen
        assert isinstance(screen, InsightsScreen)
        assert await until(pilot, lambda: screen.insights is not None)
        await pilot.pause()
        assert text_of(screen, "#gut-summary").startswith("So far a bad feeling did not mean a worse result.")
        assert forgotten(screen)[0] == f"2× {WEEK.lower()}  · Team"
        assert screen.query_one("#forget-list", OptionList).has_focus
