"""Curating the question bank in the picker: edit, recategorise, delete and undo, by keys."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from followup_tui.domain.models import BankQuestion
from followup_tui.services.bank import bank_entries, starter_entries
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.prep.bank_picker import BankPickerDialog
from tests.ui.test_prep import _app, _interview, _open, _settle, notes, screen_text


async def _picker(app: FollowupApp, pilot: Pilot[None], repo: Repository, words: str) -> BankPickerDialog:
    await _open(app, pilot, _interview(repo))
    await pilot.press("B")
    await pilot.pause()
    assert isinstance(app.screen, BankPickerDialog)
    await pilot.press(*words, "tab")  # filter, then into the list
    await pilot.pause()
    assert isinstance(app.focused, OptionList)
    return app.screen


def _texts(repo: Repository) -> list[str]:
    return [e.text for e in bank_entries(repo)]


async def test_edit_a_question_of_mine_in_the_picker(repo: Repository) -> None:
    repo.add(BankQuestion(text="Who would I shadow in week one?", category="role"))
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _picker(app, pilot, repo, "shadow")
        await pilot.press("e")
        await pilot.pause()
        box = app.screen.query_one("#dialog-text", Input)
        box.value = ""
        await pilot.press(*"Whom would I shadow first?", "enter")
        await _settle(app, pilot)
        assert "Whom would I shadow first?" in screen_text(app)
    assert [(q.text, q.category) for q in repo.all(BankQuestion)] == [("Whom would I shadow first?", "role")]


async def test_recategorise_a_starter_question_makes_it_mine(repo: Repository) -> None:
    first = starter_entries()[0]
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _picker(app, pilot, repo, "first 90 days")
        await pilot.press("g")
        await pilot.pause()
        await pilot.press("tab", *"first weeks", "enter")
        await _settle(app, pilot)
    assert [(q.text, q.category) for q in repo.all(BankQuestion)] == [(first.text, "first weeks")]
    assert _texts(repo).count(first.text) == 1


async def test_delete_then_undo_in_the_picker(repo: Repository) -> None:
    repo.add(BankQuestion(text="Who would I shadow in week one?", category="role"))
    first = starter_entries()[0]
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _picker(app, pilot, repo, "shadow")
        await pilot.press("x")
        await _settle(app, pilot)
        assert screen.query_one("#bank-list", OptionList).option_count == 0
        assert "Question deleted from the bank · u undoes" in notes(app)
        assert "Who would I shadow in week one?" not in _texts(repo)
        await pilot.press("u")
        await _settle(app, pilot)
        assert "Who would I shadow in week one?" in _texts(repo)
        assert screen.query_one("#bank-list", OptionList).option_count == 2  # heading and question
        screen.query_one("#bank-filter", Input).value = "first 90 days"
        await pilot.pause()
        await pilot.press("delete")
        await _settle(app, pilot)
        assert first.text not in _texts(repo)
    assert repo.all(BankQuestion)[0].id  # mine is back with its id


async def test_a_ticked_bank_question_unticks_with_enter_at_60x20(repo: Repository) -> None:
    from followup_tui.domain.models import Question

    repo.add(BankQuestion(text="Who would I shadow in week one?", category="role"))
    app = _app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        picker = await _picker(app, pilot, repo, "shadow")
        await pilot.press("enter")  # ticked: on the list
        await _settle(app, pilot)
        assert picker.added == 1
        await pilot.press("enter")  # again: off the list
        await _settle(app, pilot)
        assert picker.added == 0
        interview_id = repo.interviews()[0].id
    assert [q.text for q in repo.children(Question, interview_id)] == []
