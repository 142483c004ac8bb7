"""The debrief, driven by the keyboard only, and its suggestions for the board."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input, TextArea

from followup_tui.domain.models import Concern, Debrief, Question
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.debrief import DebriefScreen
from followup_tui.ui.screens.debrief.gut import GutRating
from followup_tui.ui.screens.debrief.lists import ClarificationList, QuestionChecklist, SuggestionList
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import HOSTILE, seed_interview
from tests.helpers.wait import settle as settle_app


def keys(text: str) -> list[str]:
    """The key presses that type ``text`` (spaces and line breaks by name)."""
    return ["space" if c == " " else "enter" if c == "\n" else c for c in text]


async def settle(pilot: Any) -> None:
    """Let the screen catch up, then write every queued save."""
    await settle_app(pilot.app, pilot)


async def test_full_debrief_by_keyboard(repo: Repository) -> None:
    interview = seed_interview(repo, with_concerns=False)
    iid = interview.id
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        # home -> d lands on the quick capture line: 1 key, then the text, then enter.
        await pilot.press("d")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, DebriefScreen) and screen.title == "Debrief"
        assert isinstance(app.focused, Input) and app.focused.id == "capture"
        await pilot.press(*keys("Rambled about Kafka\n"))
        await pilot.press(*keys("They never saw my demo\n"))
        await pilot.pause()
        assert app.focused.id == "capture" and app.focused.value == ""
        assert "2 concerns on the board" in str(screen.query_one("#captured").render())

        await pilot.press("tab", "4")  # gut rating
        assert screen.query_one(GutRating).value == 4
        await pilot.press("tab", "y", "n", "space")  # first asked, second not, third cycles to asked
        await pilot.press("tab", *keys("the release cadence\nthe budget"))
        await pilot.press("tab", *keys("my teaching experience"))
        await pilot.press("tab", *keys("the cold open"))
        await pilot.press("tab", "a")  # clarifications: add one
        await pilot.pause()
        await pilot.press(*keys("Why this company\n"), *keys("money"), "tab", *keys("the mission"), "ctrl+s")
        await pilot.pause()
        assert isinstance(app.focused, ClarificationList)
        await pilot.press("tab")
        await pilot.pause()
        assert isinstance(app.focused, SuggestionList)
        suggestions = app.focused
        offered = [o.id for o in suggestions.options]
        assert offered == [
            "q:" + repo.children(Question, iid)[1].id,
            "forgot:the release cadence",
            "forgot:the budget",
            "not-learned:my teaching experience",
            "felt-off:the cold open",
            "clarify:why this company",
        ]
        await pilot.press("a", "x")  # accept the must-ask, dismiss the release cadence
        await pilot.press("tab", *keys("hearing about the roadmap"))  # a moment worth mentioning
        await pilot.press("tab", *keys("call the recruiter"))
        await settle(pilot)
        assert [o.id for o in suggestions.options] == offered[2:]

    debrief = repo.get(Debrief, iid)
    assert debrief.gut == 4
    assert debrief.forgot_to_ask == "the release cadence\nthe budget"
    assert debrief.not_learned == "my teaching experience"
    assert debrief.felt_off == "the cold open"
    assert [(c.question, c.said, c.should_have) for c in debrief.clarifications] == [
        ("Why this company", "money", "the mission")
    ]
    assert debrief.notes == "call the recruiter"
    assert debrief.worth_mentioning == "hearing about the roadmap"
    assert debrief.dismissed == ["forgot:the release cadence"]
    assert [q.asked for q in repo.children(Question, iid)] == ["yes", "no", "yes"]
    concerns = repo.children(Concern, iid)
    assert [(c.text, c.kind, c.source) for c in concerns] == [
        ("Rambled about Kafka", "unsorted", ""),
        ("They never saw my demo", "unsorted", ""),
        ("Did not ask: What would my first ninety days look like?", "error", offered[0]),
    ]
    assert concerns[2].error_kind == "forgot-to-ask"


async def test_suggestions_survive_reediting_without_duplicates(repo: Repository) -> None:
    interview = seed_interview(repo, with_concerns=False)
    iid = interview.id
    repo.update_debrief(iid, forgot_to_ask="the budget", felt_off="the late start")
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("debrief", iid)
        await pilot.pause()
        listed = app.screen.query_one(SuggestionList)
        keys_before = [o.id for o in listed.options]
        assert "forgot:the budget" in keys_before and "felt-off:the late start" in keys_before
        listed.focus()
        await pilot.press("A")  # accept all
        await settle(pilot)
        assert listed.option_count == 0 and not listed.display
        # Edit a prompt again: only the new line is offered.
        area = app.screen.query_one("#forgot_to_ask", TextArea)
        area.focus()
        await pilot.press("end", "ctrl+end", *keys("\n- The Budget.\nparking"))
        await settle(pilot)
        assert [o.id for o in listed.options] == ["forgot:parking"]
        await pilot.press("escape")
        await pilot.pause()
        app.open_screen("debrief", iid)  # reopen: still only the new one
        await pilot.pause()
        assert [o.id for o in app.screen.query_one(SuggestionList).options] == ["forgot:parking"]
    sources = [c.source for c in repo.children(Concern, iid)]
    assert len(sources) == len(set(sources)) == len(keys_before)
    assert "forgot:the budget" in sources


async def test_hostile_text_shows_literally(repo: Repository) -> None:
    interview = seed_interview(repo, with_concerns=False)
    repo.add(Question(interview_id=interview.id, text=HOSTILE, must_ask=True, asked="no"))
    repo.update_debrief(interview.id, felt_off=HOSTILE)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("debrief", interview.id)
        await pilot.pause()
        checklist = app.screen.query_one(QuestionChecklist)
        shown = str(checklist.get_option_at_index(3).prompt)
        assert "[/] [@click=app.quit]quit[/] red [b]bold?" in shown and "\x1b" not in shown
        suggestions = [str(o.prompt) for o in app.screen.query_one(SuggestionList).options]
        assert any("[@click=app.quit]quit[/] red" in s for s in suggestions)
        assert app.is_running


async def test_missing_interview_says_so(repo: Repository) -> None:
    seed_interview(repo, with_concerns=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("debrief", "nope2")
        await pilot.pause()
        assert "no longer exists" in str(app.screen.query_one("#gone").render())
