"""The Prep screen driven by keys: what is stored and what is shown."""

from __future__ import annotations

import stat
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList, TextArea

from followup_tui.domain.models import (
    BankQuestion,
    ChecklistItem,
    Interview,
    Interviewer,
    LikelyQuestion,
    Question,
)
from followup_tui.services.bank import DEFAULT_CHECKLIST
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.prep.prep import PrepScreen
from followup_tui.ui.screens.prep.prep_list import PrepList
from followup_tui.ui.screens.save_where import SaveWhereDialog
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


def screen_text(app: FollowupApp) -> str:
    """What the current screen shows, line by line, spaces kept."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def notes(app: FollowupApp) -> str:
    """Every notification shown so far, one a line."""
    return "\n".join(str(n.message) for n in app._notifications)


def _app(repo: Repository) -> FollowupApp:
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def _interview(repo: Repository, company: str = "Acme", **kw: object) -> str:
    values: dict[str, object] = {"role": "Engineer", "when": "2026-11-27 10:00", **kw}
    return repo.add(Interview(company=company, **values)).id  # type: ignore[arg-type]


async def _open(app: FollowupApp, pilot: Pilot[None], iid: str, export_dir: Path | None = None) -> PrepScreen:
    screen = PrepScreen(iid, export_dir=export_dir)
    await app.push_screen(screen)
    await pilot.pause()
    return screen


async def _settle(app: FollowupApp, pilot: Pilot[None]) -> None:
    await settle(app, pilot)


async def _add_question(pilot: Pilot[None], text: str) -> None:
    await pilot.press("a")
    await pilot.pause()
    await pilot.press(*text, "enter")
    await pilot.pause()


def _texts(repo: Repository, iid: str) -> list[str]:
    return [q.text for q in repo.children(Question, iid)]


def _shown(screen: PrepScreen, name: str = "questions") -> list[str]:
    records = screen.query_one(f"#{name}-list", PrepList).records
    return [getattr(r, "text", None) or r.question for r in records]


async def test_add_edit_category_and_must_ask_by_keys(repo: Repository) -> None:
    iid = _interview(repo)
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid)
        await _add_question(pilot, "Who sets the roadmap?")
        await _add_question(pilot, "How big is the team?")
        await _settle(app, pilot)
        assert _texts(repo, iid) == ["Who sets the roadmap?", "How big is the team?"]
        assert _shown(screen) == _texts(repo, iid)
        assert "How big is the team?" in screen_text(app)
        await pilot.press("g")  # categories: role, team, ...
        await pilot.pause()
        await pilot.press("down", "enter", "m")
        await _settle(app, pilot)
        stored = repo.children(Question, iid)[1]
        assert (stored.category, stored.must_ask) == ("team", True)
        shown = screen_text(app)
        assert "2 questions, 1 must-ask" in shown and "★ Team" in shown
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#dialog-text", Input).value = ""
        await pilot.press(*"How many people work on the team?", "enter")
        await _settle(app, pilot)
        assert _texts(repo, iid)[1] == "How many people work on the team?"
        assert repo.children(Question, iid)[1].category == "team"
        await pilot.press("m")
        await _settle(app, pilot)
        assert not repo.children(Question, iid)[1].must_ask
        assert "0 must-ask" in screen_text(app)


async def test_reorder_delete_and_undo_keep_the_order(repo: Repository) -> None:
    iid = _interview(repo)
    for n, text in enumerate(["One?", "Two?", "Three?", "Four?"], start=1):
        repo.add(Question(interview_id=iid, text=text, order=float(n)))
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid)
        await pilot.press("end", "K", "shift+up")
        await _settle(app, pilot)
        assert _texts(repo, iid) == ["One?", "Four?", "Two?", "Three?"] == _shown(screen)
        await pilot.press("J")
        await _settle(app, pilot)
        assert _texts(repo, iid) == ["One?", "Two?", "Four?", "Three?"] == _shown(screen)
        await pilot.press("x")
        await _settle(app, pilot)
        assert _texts(repo, iid) == ["One?", "Two?", "Three?"] == _shown(screen)
        assert "Deleted the question, press u to undo" in notes(app)
        await pilot.press("home", "delete")
        await _settle(app, pilot)
        assert _texts(repo, iid) == ["Two?", "Three?"]
        await pilot.press("u")
        await _settle(app, pilot)
        assert _texts(repo, iid) == ["One?", "Two?", "Three?"] == _shown(screen)
        await pilot.press("u")
        await _settle(app, pilot)
        assert _texts(repo, iid) == ["One?", "Two?", "Four?", "Three?"] == _shown(screen)
        assert screen.check_action("undo", ()) is False


async def test_pick_from_the_bank_search_narrows_and_adds_several(repo: Repository) -> None:
    iid = _interview(repo)
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid)
        await pilot.press("B")
        await pilot.pause()
        listing = app.screen.query_one("#bank-list", OptionList)
        everything = listing.option_count
        await pilot.press(*"promotions")
        await pilot.pause()
        assert listing.option_count == 2 < everything  # the Growth heading and one question
        await pilot.press("enter")
        await pilot.press(*["backspace"] * 10, *"first 90 days", "enter")
        await pilot.press("enter")  # the same one again takes it off (it is never added twice)
        await pilot.press("escape")
        await _settle(app, pilot)
        stored = repo.children(Question, iid)
        assert [(q.text[:24], q.category) for q in stored] == [("How are promotions decid", "growth")]
        assert _shown(screen) == [q.text for q in stored]
        assert "Added 1 question from the bank" in notes(app)


async def test_save_to_my_bank_without_duplicates(repo: Repository) -> None:
    iid = _interview(repo)
    repo.add(Question(interview_id=iid, text="Can I meet the team over lunch?", category="team"))
    repo.add(
        Question(
            interview_id=iid,
            text="What is the hardest problem the person in this seat will face in the first year?",
        )
    )
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, iid)
        await pilot.press("s")
        await _settle(app, pilot)
        await pilot.press("s")
        await _settle(app, pilot)
        assert "already in the bank" in notes(app)
        await pilot.press("down", "s")  # a starter bank question
        await _settle(app, pilot)
    assert [(b.text, b.category) for b in repo.all(BankQuestion)] == [
        ("Can I meet the team over lunch?", "team")
    ]


async def test_reuse_questions_from_an_earlier_interview_at_the_same_company(repo: Repository) -> None:
    old = _interview(repo, "ACME ", when=None)
    repo.add(Question(interview_id=old, text="Old must?", category="role", must_ask=True))
    repo.add(Question(interview_id=old, text="Old other?"))
    other = _interview(repo, "Globex")
    repo.add(Question(interview_id=other, text="Not this one"))
    iid = _interview(repo, "acme")
    repo.add(Question(interview_id=iid, text="old OTHER?"))
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid)
        await pilot.press("r")
        await pilot.pause()
        shown = screen_text(app)
        assert "Old must?" in shown and "Not this one" not in shown
        await pilot.press("t", "a")
        await _settle(app, pilot)
        assert "Reused 1 question (1 already on the list)" in notes(app)
        assert _shown(screen) == ["old OTHER?", "Old must?"]
    copies = repo.children(Question, iid)
    assert [(q.text, q.category, q.must_ask) for q in copies] == [
        ("old OTHER?", "", False),
        ("Old must?", "role", True),
    ]
    assert _texts(repo, old) == ["Old must?", "Old other?"]


async def test_checklist_seeded_once_and_toggled(repo: Repository) -> None:
    iid = _interview(repo)
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid)
        await _settle(app, pilot)
        assert [c.text for c in repo.children(ChecklistItem, iid)] == list(DEFAULT_CHECKLIST)
        assert repo.setting(f"checklist-seeded:{iid}") is True
        await pilot.press("3", "down", "space")
        await _settle(app, pilot)
        assert [c.done for c in repo.children(ChecklistItem, iid)][:3] == [False, True, False]
        assert f"1 of {len(DEFAULT_CHECKLIST)} done" in screen_text(app)
        await pilot.press(*["x"] * len(DEFAULT_CHECKLIST))
        await _settle(app, pilot)
        assert repo.children(ChecklistItem, iid) == [] and _shown(screen, "checklist") == []
        await pilot.press("escape")
        await _open(app, pilot, iid)
        await _settle(app, pilot)
        assert repo.children(ChecklistItem, iid) == []
        await pilot.press("3")
        await pilot.pause()
        assert "The checklist is empty" in screen_text(app)
        await pilot.press("a", *"Charge the laptop", "enter")
        await _settle(app, pilot)
    assert [c.text for c in repo.children(ChecklistItem, iid)] == ["Charge the laptop"]


async def test_talking_points_are_saved_after_typing(repo: Repository) -> None:
    iid = _interview(repo)
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid)
        points = screen.query_one("#points", TextArea)
        await pilot.press("2")
        assert str(points.placeholder) == "Pick or add a likely question first."
        await pilot.press("a", *"Why this company?", "enter")
        await pilot.pause()
        assert await until(pilot, lambda: "Pick or add" not in str(points.placeholder))  # one is there
        assert "talking points for this question" in str(points.placeholder)
        await pilot.press("enter")  # opens the talking points
        assert isinstance(screen.focused, TextArea)
        await pilot.press(*"Their pricing model", "enter", *"My two launches")
        await _settle(app, pilot)
        stored = repo.children(LikelyQuestion, iid)
        assert [(s.question, s.talking_points) for s in stored] == [
            ("Why this company?", "Their pricing model\nMy two launches")
        ]
        assert "1 with talking points" in screen_text(app)
        # a change from elsewhere shows up, and never replaces what is being typed
        repo.add(LikelyQuestion(interview_id=iid, question="Salary expectations?"))
        await pilot.press(*" (numbers)")
        screen.refresh_data()  # waits for the pending save, then reloads
        assert await until(pilot, lambda: "Salary expectations?" in _shown(screen, "likely"))
        await _settle(app, pilot)
        assert screen.query_one("#points", TextArea).text.endswith("launches (numbers)")
        assert "Salary expectations?" in _shown(screen, "likely")
        assert repo.children(LikelyQuestion, iid)[0].talking_points.endswith("(numbers)")
        await pilot.press("escape")
        assert isinstance(screen.focused, PrepList)


async def test_sheet_export_is_private_and_stays_in_the_folder(repo: Repository, tmp_path: Path) -> None:
    iid = _interview(repo, "../../evil", interviewers=[Interviewer("Ana Ruiz", "CTO")])
    repo.add(Question(interview_id=iid, text="Plain question?"))
    repo.add(Question(interview_id=iid, text="Must question?", must_ask=True))
    out = tmp_path / "out"
    out.mkdir()
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid, export_dir=out)
        assert screen.check_action("export", ()) is False
        await pilot.press("v")
        await pilot.pause()
        assert "Must question?" in screen_text(app)
        assert "m" not in screen.active_bindings and "x" not in screen.active_bindings  # the lists' keys
        await pilot.press("m", "x", "E")
        assert await until(pilot, lambda: isinstance(app.screen, SaveWhereDialog))
        await pilot.press("enter")  # the folder offered: the one this screen was given
        await app.workers.wait_for_complete()
        await pilot.pause()
        files = list(out.iterdir())
        assert len(files) == 1 and files[0].parent == out and files[0].suffix == ".md"
        assert f"Sheet saved to {files[0]}" in notes(app)
    text = files[0].read_text()
    assert [(q.text, q.must_ask) for q in repo.children(Question, iid)] == [
        ("Plain question?", False),
        ("Must question?", True),
    ]
    assert text.index("Must question?") < text.index("Plain question?") < text.index("Ana Ruiz, CTO")
    assert stat.S_IMODE(files[0].stat().st_mode) == 0o600
    assert not (tmp_path / "evil-sheet.md").exists()


async def test_hostile_text_shows_literally(repo: Repository) -> None:
    iid = _interview(repo, "[/] [@click=app.quit]")
    repo.add(Question(interview_id=iid, text="[@click=app.quit] really? [b]", must_ask=True))
    repo.add(LikelyQuestion(interview_id=iid, question="[/]", talking_points="[@click=app.quit]"))
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open(app, pilot, iid)
        assert "[@click=app.quit] really? [b]" in screen_text(app)
        await pilot.press("2")
        await pilot.pause()
        assert "[/]" in screen_text(app)
        await pilot.press("4")
        await pilot.pause()
        shown = screen_text(app)
        assert "[/] [@click=app.quit]" in shown and "[@click=app.quit] really?" in shown
        await pilot.click("#sheet-view")
        await pilot.press("1", "a", *"[/]", "enter")
        await _settle(app, pilot)
        assert app.is_running
    assert _texts(repo, iid)[-1] == "[/]"


def test_the_lists_own_their_keys_and_the_screen_inherits_no_list_machinery() -> None:
    from followup_tui.ui.screens.base import FollowupScreen
    from followup_tui.ui.screens.prep.prep_list import ChecklistList, QuestionList

    assert PrepScreen.__bases__ == (FollowupScreen,)

    def keys(cls: type) -> set[str]:
        bindings = [b for klass in cls.__mro__ for b in vars(klass).get("BINDINGS", [])]
        return {key.strip() for b in bindings for key in b.key.split(",")}

    assert {"a", "e", "x", "delete", "u", "K", "J"} <= keys(PrepList)
    assert {"m", "B", "g", "s", "r"} <= keys(QuestionList) and "space" not in keys(QuestionList)
    assert "space" in keys(ChecklistList) and "m" not in keys(ChecklistList)
    assert not {"a", "e", "m", "space"} & keys(PrepScreen)


async def test_a_key_on_one_list_acts_on_that_list_only(repo: Repository) -> None:
    iid = _interview(repo)
    repo.add(Question(interview_id=iid, text="Kept?"))
    app = _app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await _open(app, pilot, iid)
        await pilot.press("3")  # the checklist tab
        checklist = screen.query_one("#checklist-list", PrepList)
        assert await until(pilot, lambda: app.screen.focused is checklist)
        before = len(checklist.records)
        await pilot.press("x")
        await settle(app, pilot)
        assert len(checklist.records) == before - 1
        assert [q.text for q in repo.children(Question, iid)] == ["Kept?"]
