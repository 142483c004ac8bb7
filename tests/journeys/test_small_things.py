"""Small things a new user notices: the demo mark, an assumed time, the checklist for the format,
a gut rating read from a file, wrapped questions (issue 14, items 13-16)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from textual.widgets import Input

from followup_tui.domain.models import Debrief, Interview, Question
from followup_tui.services.exporting import export_json, export_markdown
from followup_tui.services.json_import import import_json
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.prep.prep import PrepScreen
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.terminal import Terminal, visible
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


@pytest.mark.slow
def test_the_demo_says_it_is_a_demo_on_every_screen(db_path: Path) -> None:
    term = Terminal([sys.executable, "-m", "followup_tui", "--demo"], size=(60, 20))
    try:
        assert term.wait_for(b"DEMO"), term.output[-2000:]
        start = len(term.output)
        term.send("b")  # another screen: still marked
        assert term.wait_for(b"Worry vs. actual error")
        assert b"DEMO" in visible(term.output[start:])
        term.send("\x11")  # ctrl+q
        assert term.finish() is not None
    finally:
        term.close()
    assert not db_path.exists()  # the real data file was never touched


async def test_the_header_has_no_demo_mark_on_real_data(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "DEMO" not in screen_text(app)  # type: ignore[arg-type]


async def test_a_date_without_a_time_says_nine_is_assumed(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Acme", "tab", "tab", *"2026-12-03")
        note = app.screen.query_one("#when-note")
        assert await until(pilot, lambda: "09:00 is assumed" in str(note.render()) and note.display)
        await pilot.press("space", *"14:30")
        assert await until(pilot, lambda: not note.has_class("-shown"))
        assert app.screen.query_one("#when", Input).value == "2026-12-03 14:30"


@pytest.mark.parametrize(
    ("fmt", "present", "absent"), [("video", "camera", "Route"), ("onsite", "Route", "camera")]
)
async def test_the_checklist_follows_the_interview_format(
    repo: Repository, fmt: str, present: str, absent: str
) -> None:
    repo.add(Interview(company="Acme", when="2026-12-03 10:00", format=fmt))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("p")
        assert await until(pilot, lambda: isinstance(app.screen, PrepScreen))
        await pilot.press("3")  # the checklist tab
        await settle(app, pilot)
        shown = screen_text(app)  # type: ignore[arg-type]
        assert present in shown and absent not in shown


async def test_a_gut_rating_read_from_a_file_shows_as_a_whole_number(repo: Repository, db_path: Path) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    repo.update_debrief(interview.id, gut=3)
    exported = json.loads(export_json(repo))
    for row in exported["debriefs"]:
        row["gut"] = 3.0  # as another tool writes a JSON number
    other = Repository(db_path.parent / "other.json")
    import_json(other, json.dumps(exported))
    assert other.get(Debrief, interview.id).gut == 3
    assert type(other.get(Debrief, interview.id).gut) is int
    assert "Gut feeling: 3/5" in export_markdown(other)
    app = make_app(other)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the hub
        assert await until(pilot, lambda: "Gut feeling: 3 of 5 (so-so)" in screen_text(app))  # type: ignore[arg-type]


async def test_a_long_question_wraps_under_its_text_not_its_mark(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    long = (
        "How does the team decide which customer problems to work on next quarter, and who has the last word?"
    )
    repo.add(Question(interview_id=interview.id, text=long, must_ask=True))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: bool(app.screen.query("#questions")))
        await settle(app, pilot)
        questions = app.screen.query_one("#questions")
        prompt = str(questions.get_option_at_index(0).prompt)  # type: ignore[attr-defined]
        first, *rest = prompt.splitlines()
        assert rest, prompt  # it wrapped
        assert first.startswith("? ★ How does")
        assert all(line.startswith("    ") and line.strip() for line in rest), prompt
        assert " ".join(line.strip() for line in [first[4:], *rest]) == long
