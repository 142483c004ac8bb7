"""Hostile text everywhere: every screen and export shows it literally and nothing crashes."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

import pytest
from textual.events import Paste
from textual.widgets import OptionList

from followup_tui.domain.models import Debrief, Interview, ValidationError
from followup_tui.store.repository import Repository, seeded_ids
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.hostile import CORPUS, MARKUP_SHOWN, fill_hostile
from tests.helpers.screen import screen_text
from tests.helpers.wait import settle, until

LEAKS = ["\x1b", "\x9b", "\x9d", "\x07", "pwned", "cHduZWQ", "c1-title", "\u202e"]
"""What must never reach the screen from user text (the sequences, and what they carried)."""

TRIED: dict[str, int] = {}
"""Screen name -> hostile entries it was shown with (reported by the last test)."""


async def _visit(app: FollowupApp, pilot: object, name: str, expect: str, literal: bool) -> str:
    await pilot.pause()  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert app._exception is None, f"{name} crashed"
    assert type(app.screen).__name__ == expect, f"{name}: {type(app.screen).__name__} is showing"
    text = screen_text(app)
    for leak in LEAKS:
        assert leak not in text, f"{name} shows {leak!r}"
    if literal:
        assert any(m in text for m in MARKUP_SHOWN), f"{name} shows no markup-like text literally"
    TRIED[name] = len(CORPUS)
    return text


def _stored(repo: Repository) -> list[dict[str, object]]:
    def plain(value: object) -> object:
        if isinstance(value, str):
            return value.replace("\r\n", "\n").replace("\r", "\n")
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items() if k != "updated"}
        return value

    records = [r.to_record() for cls in (Interview, Debrief) for r in repo.all(cls)]
    return [plain(r) for r in records]  # type: ignore[misc]


@pytest.mark.slow
@pytest.mark.parametrize("size", [(100, 30), (60, 20)], ids=["100x30", "60x20"])
async def test_every_screen_shows_hostile_text_literally(db_path: Path, size: tuple[int, int]) -> None:
    repo = Repository(db_path, id_factory=seeded_ids(11))
    main_id = fill_hostile(repo)
    before = _stored(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        await _visit(app, pilot, "home", "HomeScreen", literal=True)
        await pilot.press("question_mark")
        await _visit(app, pilot, "help", "HelpDialog", literal=False)
        await pilot.press("escape")
        await pilot.press("n")
        await _visit(app, pilot, "form", "InterviewFormDialog", literal=False)
        await pilot.press("escape")
        from followup_tui.ui.screens.interview.form import InterviewFormDialog

        app.push_screen(InterviewFormDialog(repo.get(Interview, main_id)))
        await _visit(app, pilot, "edit form", "InterviewFormDialog", literal=False)
        await pilot.press("escape")
        for name, cls, literal in (
            ("hub", "HubScreen", True),
            ("prep", "PrepScreen", True),
            ("debrief", "DebriefScreen", True),
            ("board", "BoardScreen", True),
            ("card", "CardScreen", False),
            ("insights", "InsightsScreen", False),
        ):
            app.open_screen(name, main_id)
            await _visit(app, pilot, name, cls, literal)
            if name == "board":
                app.set_focus(None)
                await pilot.press("t")
                await _visit(app, pilot, "triage", "TriageDialog", literal=False)
                await pilot.press("escape")
            if name == "card":
                app.set_focus(None)
                await pilot.press("v")
                await pilot.pause()
                assert app._exception is None
                if app.screen is not None and type(app.screen).__name__ != "CardScreen":
                    await pilot.press("escape")
            await pilot.pause()
            assert type(app.screen).__name__ == cls
            app.pop_screen()
            await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    # looking at hostile text changed nothing that was stored (but line endings: the debrief's
    # TextArea turns a lone "\r" or "\n" into "\r\n" when a text holds both, and saves that)
    assert _stored(Repository(db_path)) == before


async def test_the_palette_lists_hostile_company_names(db_path: Path) -> None:
    repo = Repository(db_path, id_factory=seeded_ids(11))
    fill_hostile(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.press("O", "p", "e", "n")

        def listed() -> list[str]:
            options = app.screen.query(OptionList)
            if not options:
                return []
            found = options.first()
            return [str(found.get_option_at_index(i).prompt) for i in range(found.option_count)]

        def both_listed() -> bool:
            shown = listed()
            return any(p.startswith("Open [bold red]x") for p in shown) and any(
                p.startswith("Open [@click=app.quit]") for p in shown
            )

        assert await until(pilot, both_listed), listed()  # the palette searches in the background
        await _visit(app, pilot, "palette", "CommandPalette", literal=False)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(p.startswith("Open [bold red]x") for p in prompts), prompts
        assert any(p.startswith("Open [@click=app.quit]") for p in prompts), prompts
        assert app.is_running


def _debrief_app(db_path: Path, notes: str = "") -> tuple[FollowupApp, str]:
    """The app on one interview (with these debrief notes), and the interview's id."""
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme", when="2026-11-24 10:00"))
    if notes:
        repo.update_debrief(interview.id, notes=notes)
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False), interview.id


async def _focus_in_debrief(app: FollowupApp, pilot: Any, interview_id: str, selector: str) -> Any:
    """Open the debrief and put the focus in one of its fields; return the field."""
    app.open_screen("debrief", interview_id)
    await pilot.pause()
    field = app.screen.query_one(selector)
    field.focus()
    return field


async def test_a_one_megabyte_paste_gets_a_clear_limit_message(db_path: Path) -> None:
    app, iid = _debrief_app(db_path, notes="kept")
    paste = ("All the words I had on the train. " * 31_000)[:1_000_000]
    with pytest.raises(ValidationError, match=r"too long \(1,000,000 characters; the limit is 20,000\)"):
        app.repo.update_debrief(iid, notes=paste)
    async with app.run_test(size=(100, 30)) as pilot:
        notes = await _focus_in_debrief(app, pilot, iid, "#notes")
        app.post_message(Paste(paste))  # as a terminal pastes: to the focused field
        assert await until(pilot, lambda: bool(app._notifications))
        messages = [n.message for n in app._notifications]
        assert messages == [
            "The paste is too long (1,000,000 characters; this field holds 20,000 in all). "
            "Nothing was pasted."
        ]
        assert notes.text == "kept"  # refused before the text box laid it out
        assert app._exception is None
    assert Repository(db_path).get(Debrief, iid).notes == "kept"


async def test_typing_stops_at_the_limit_and_everything_typed_is_saved(db_path: Path) -> None:
    app, iid = _debrief_app(db_path, notes="kept")
    async with app.run_test(size=(100, 30)) as pilot:
        notes = await _focus_in_debrief(app, pilot, iid, "#notes")
        app.post_message(Paste("\n" + "w" * 19_990))  # as a terminal pastes; 19,995 in all fits
        await pilot.pause()
        await pilot.press("ctrl+end", *"abcdefgh")  # only five more fit
        assert await until(pilot, lambda: bool(app._notifications))
        assert [n.message for n in app._notifications] == ["This field is full: it holds 20,000 characters."]
        shown = notes.text
        assert len(shown) == 20_000 and "abcde" in shown and "abcdef" not in shown and "kept" in shown
        await settle(app, pilot)
    assert Repository(db_path).get(Debrief, iid).notes == shown  # nothing typed was lost


async def test_a_paste_too_long_for_the_quick_capture_line_says_so(db_path: Path) -> None:
    app, iid = _debrief_app(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        capture = await _focus_in_debrief(app, pilot, iid, "#capture")
        app.post_message(Paste("x" * 2_001))  # as a terminal pastes: to the focused field
        assert await until(pilot, lambda: bool(app._notifications))
        assert [n.message for n in app._notifications] == [
            "The paste is too long (2,001 characters; this field holds 2,000 in all). Nothing was pasted."
        ]
        assert capture.value == ""
        app.post_message(Paste("Forgot to ask about the rota"))
        await pilot.pause()
        assert capture.value == "Forgot to ask about the rota"  # a fitting paste goes in once


def test_every_export_of_hostile_data_stays_valid(db_path: Path) -> None:
    exporting = pytest.importorskip("followup_tui.services.exporting")
    intake = pytest.importorskip("followup_tui.services.json_import")
    repo = Repository(db_path, id_factory=seeded_ids(11))
    fill_hostile(repo)
    twin = Repository(db_path.parent / "twin.json", id_factory=seeded_ids(11))
    # the same records with harmless text (blank where the corpus is blank: sections follow it)
    fill_hostile(twin, text=lambda n: f"plain {n}" if CORPUS[n % len(CORPUS)].strip() else "")

    document = json.loads(exporting.export_json(repo))
    assert isinstance(document, dict)
    fresh = Repository(db_path.parent / "imported.json")
    intake.import_json(fresh, exporting.export_json(repo))
    for cls in (Interview, Debrief):
        assert sorted(r.to_record()["id"] for r in fresh.all(cls)) == sorted(r.id for r in repo.all(cls))
    assert {i.company for i in fresh.all(Interview)} == {i.company for i in repo.all(Interview)}

    rows = list(csv.reader(io.StringIO(exporting.export_csv(repo, now=FIXED_NOW))))
    twin_rows = list(csv.reader(io.StringIO(exporting.export_csv(twin, now=FIXED_NOW))))
    assert len(rows) == len(twin_rows) == len(repo.all(Interview)) + 1
    assert {len(r) for r in rows} == {len(rows[0])}
    for row in rows[1:]:
        assert not any(cell[:1] in ("=", "+", "-", "@") and cell != "-" for cell in row), row

    def headings(markdown: str) -> list[str]:
        return [line.split(" ", 1)[0] for line in markdown.splitlines() if line.startswith("#")]

    hostile_md = exporting.export_markdown(repo)
    # as many headings of each level (the order of undated interviews follows creation times)
    assert sorted(headings(hostile_md)) == sorted(headings(exporting.export_markdown(twin)))
    for leak in ("\x1b", "\x9b", "\x07"):
        assert leak not in hostile_md


@pytest.mark.slow
def test_no_escape_sequence_from_user_text_reaches_the_terminal(db_path: Path) -> None:
    from tests.helpers.terminal import Terminal

    repo = Repository(db_path)
    fill_hostile(repo, others=False)
    term = Terminal([sys.executable, "-m", "followup_tui", "--db", str(db_path)])
    try:
        assert term.wait_for(b"Interviews"), term.output[-2000:]
        term.read(1.0)
        for key in ("\r", "d", "b", "p", "c"):  # hub, debrief, board, prep, card, each and back
            term.send(key)
            term.read(0.8)
            term.send("\x1b")
            term.read(0.4)
        term.send("\x11")  # ctrl+q
        assert term.finish() is not None
    finally:
        term.close()
    raw = term.output
    assert b"Interviews" in raw
    for leak in (
        b"\x1b]0;pwned",
        b"pwned",
        b"\x1b]52",
        b"cHduZWQ",
        b"\x1b[2Jcleared",
        b"\xc2\x9b",
        b"\xc2\x9d",
    ):
        assert leak not in raw, f"{leak!r} reached the terminal"
    assert b"\xe2\x80\xae" not in raw  # U+202E RIGHT-TO-LEFT OVERRIDE
