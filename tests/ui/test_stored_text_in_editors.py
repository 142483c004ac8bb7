"""The app's text editors (card, talking points, form notes) and the form's one-line fields never
show raw control characters.

Text in the data file may come from an import or a hand edit. The editors load it through the
one sanitising path; opening them does not rewrite what is stored, and a paste is cleaned too.
"""

from __future__ import annotations

from pathlib import Path

from textual.events import Paste
from textual.widgets import Input, TextArea

from followup_tui.domain.models import Card, Interview, Interviewer, LikelyQuestion
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import settle, until

DIRTY = "Dear Ana,\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07 thank you\x00 for\x9b31m the \u202etalk.\x08"
CONTROLS = ("\x1b", "\x07", "\x00", "\x9b", "\u202e", "\x08")


def _stored(repo: Repository) -> list[dict[str, object]]:
    return [r.to_record() for cls in (Interview, Card, LikelyQuestion) for r in repo.all(cls)]


def _dirty_repo(db_path: Path) -> tuple[Repository, str]:
    repo = Repository(db_path)
    interview = repo.add(
        Interview(
            company="Acme",
            role="Lead\x1b]0;pwned\x07 engineer",
            when="2026-11-24 10:00",
            notes=DIRTY,
            interviewers=[Interviewer(name="Ana")],
        )
    )
    repo.add(Card(interview_id=interview.id, interviewer="Ana", text=DIRTY))
    repo.add(LikelyQuestion(interview_id=interview.id, question="Why us?", talking_points=DIRTY))
    return repo, interview.id


def _clean(area: TextArea) -> bool:
    return area.text != "" and not any(c in area.text for c in CONTROLS) and "thank you for" in area.text


async def test_the_three_editors_show_stored_text_without_controls(db_path: Path) -> None:
    repo, iid = _dirty_repo(db_path)
    before = _stored(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("card", iid)
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert await until(pilot, lambda: _clean(area)), repr(area.text)
        assert "pwned" not in screen_text(app)
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()

        app.open_screen("prep", iid)
        await pilot.pause()
        await pilot.press("2")
        points = app.screen.query_one("#points", TextArea)
        assert await until(pilot, lambda: _clean(points)), repr(points.text)
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()

        from followup_tui.ui.screens.interview.form import InterviewFormDialog

        app.push_screen(InterviewFormDialog(repo.get(Interview, iid)))
        await pilot.pause()
        notes = app.screen.query_one("#notes", TextArea)
        assert _clean(notes), repr(notes.text)
        assert app.screen.query_one("#role", Input).value == "Lead engineer"
        await pilot.pause()
        app.pop_screen()
        await pilot.pause()
        await settle(app, pilot)
    assert _stored(Repository(db_path)) == before  # looking rewrote nothing


async def test_a_paste_into_an_editor_is_cleaned(db_path: Path) -> None:
    repo, iid = _dirty_repo(db_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("card", iid)
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert await until(pilot, lambda: _clean(area))
        area.focus()
        area.load_text("")
        await pilot.pause()
        area.post_message(Paste("P.S.\x1b]0;pwned\x07 soon"))
        assert await until(pilot, lambda: area.text == "P.S. soon"), repr(area.text)
        await settle(app, pilot)
    assert [c.text for c in Repository(db_path).all(Card)] == ["P.S. soon"]
