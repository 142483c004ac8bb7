"""The worry vs. actual error board: moving, editing, deleting with undo, outside changes."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from textual.widgets import Checkbox, SelectionList, Tab, Tabs, TextArea

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.board.board import BoardScreen
from followup_tui.ui.screens.board.column import ConcernList
from followup_tui.ui.screens.board.concern_dialog import ConcernDialog
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import HOSTILE, seed_interview
from tests.helpers.wait import settle as settle_app
from tests.helpers.wait import until

ROOT = Path(__file__).resolve().parents[2]


async def open_board(pilot: Any, interview: Interview) -> BoardScreen:
    """Open the board of an interview and return it."""
    pilot.app.open_screen("board", interview.id)
    await pilot.pause()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, BoardScreen)
    return screen


def column(screen: BoardScreen, kind: str) -> ConcernList:
    return screen.query_one(f"#col-{kind}", ConcernList)


def shown_ids(screen: BoardScreen, kind: str) -> list[str | None]:
    return [o.id for o in column(screen, kind).options if not o.disabled]


async def settle(pilot: Any) -> None:
    """Let the screen catch up, then write every queued save."""
    await settle_app(pilot.app, pilot)


def fields(concern: Concern) -> dict[str, Any]:
    record = concern.to_record()
    return {k: v for k, v in record.items() if k not in ("kind", "updated", "order")}


async def test_moving_between_columns_keeps_every_field(repo: Repository) -> None:
    interview = seed_interview(repo)
    worry = next(c for c in repo.children(Concern, interview.id) if c.traps)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        assert screen.title == "Worry vs. actual error"
        assert column(screen, "worry").border_title == "Worries (2)"
        await pilot.press("tab")  # unsorted -> worries
        assert screen.selected() is not None and screen.selected().id == worry.id  # type: ignore[union-attr]
        await pilot.press("shift+right")
        await settle(pilot)
        assert worry.id in shown_ids(screen, "error")
        assert column(screen, "error").border_title == "Actual errors (3)"
        assert column(screen, "worry").border_title == "Worries (1)"
        stored = repo.get(Concern, worry.id)
        assert stored.kind == "error" and fields(stored) == fields(worry)
        await pilot.press("L")  # nothing right of the actual errors: stays
        await pilot.press("H", "shift+left")  # back to worries, then to unsorted
        await settle(pilot)
        stored = repo.get(Concern, worry.id)
        assert stored.kind == "unsorted" and fields(stored) == fields(worry)
        assert worry.id in shown_ids(screen, "unsorted")


async def test_sorting_the_inbox_stays_in_it(repo: Repository) -> None:
    interview = seed_interview(repo, with_concerns=False)
    for text in ("one", "two", "three"):
        repo.add(Concern(interview_id=interview.id, text=text))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("H", "L", "shift+left")
        await settle(pilot)
        assert screen.query_one(Tabs).active == "tab-worry"  # the inbox emptied: followed the last one
        assert screen.selected() is not None and screen.selected().text == "three"  # type: ignore[union-attr]
    kinds = {c.text: c.kind for c in repo.children(Concern, interview.id)}
    assert kinds == {"one": "worry", "two": "error", "three": "worry"}


async def test_reorder_within_a_column(repo: Repository) -> None:
    interview = seed_interview(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("tab")
        before = shown_ids(screen, "worry")
        await pilot.press("J")
        await settle(pilot)
        assert shown_ids(screen, "worry") == before[::-1]
        assert screen.selected().id == before[0]  # type: ignore[union-attr]
        await pilot.press("shift+up")
        await settle(pilot)
        assert shown_ids(screen, "worry") == before
        await pilot.press("J")
        await settle(pilot)
    stored = [c.id for c in repo.children(Concern, interview.id) if c.kind == "worry"]
    assert stored == before[::-1]


async def test_worry_traps_thought_and_prediction_are_stored(repo: Repository) -> None:
    interview = seed_interview(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("tab", "down", "enter")  # the second worry
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConcernDialog)
        concern_id = screen.selected().id  # type: ignore[union-attr]
        await pilot.press(*"It is one company".replace(" ", "_"))  # the balanced thought
        await pilot.press("tab", "down", "space", "down", "down", "space")  # fortune telling, all-or-nothing
        await pilot.press("tab")
        assert isinstance(app.focused, Checkbox) and app.focused.value is True  # already a prediction
        await pilot.press("space", "space")
        await pilot.press("escape")
        await settle(pilot)
        assert "fortune telling, all-or-nothing" in str(
            column(screen, "worry").get_option(concern_id).prompt
        ).replace(" · ", ", ")
    stored = repo.get(Concern, concern_id)
    assert stored.traps == ["fortune-telling", "all-or-nothing"]
    assert stored.balanced_thought == "It_is_one_company"
    assert stored.prediction is True
    assert stored.kind == "worry"


async def test_error_action_and_resolved_are_stored(repo: Repository) -> None:
    interview = seed_interview(repo)
    error = next(c for c in repo.children(Concern, interview.id) if c.kind == "error" and not c.resolved)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("shift+tab")  # to the actual errors
        assert screen.selected().id == error.id  # type: ignore[union-attr]
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConcernDialog)
        await pilot.press("tab", "a")  # from the sort to the action: a for "Ask in the next round"
        await pilot.pause()
        await pilot.press("escape")
        await pilot.press("r")
        await settle(pilot)
        prompt = str(column(screen, "error").get_option(error.id).prompt)
        assert "Ask in the next round" in prompt and "resolved" in prompt
    stored = repo.get(Concern, error.id)
    assert (stored.action, stored.resolved, stored.kind) == ("ask-next-round", True, "error")


async def test_delete_and_undo(repo: Repository) -> None:
    interview = seed_interview(repo)
    repo.add(Concern(interview_id=interview.id, text="From a suggestion", kind="worry", source="forgot:x"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("tab", "end")
        victim = screen.selected()
        assert victim is not None and victim.text == "From a suggestion"
        await pilot.press("x")
        await settle(pilot)
        assert victim.id not in shown_ids(screen, "worry")
        assert len(repo.children(Concern, interview.id)) == 5
        assert "forgot:x" in repo.debrief(interview.id).dismissed  # not suggested again
        await pilot.press("u")
        await settle(pilot)
        await pilot.pause()
        assert victim.id in shown_ids(screen, "worry")
        assert screen.selected().id == victim.id  # type: ignore[union-attr]
    assert fields(repo.get(Concern, victim.id)) == fields(victim)


async def test_add_lands_in_the_current_column(repo: Repository) -> None:
    interview = seed_interview(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("tab", "tab", "a", *"typo", "enter")
        await settle(pilot)
        await pilot.pause()
        added = [c for c in repo.children(Concern, interview.id) if c.text == "typo"]
        assert len(added) == 1 and added[0].kind == "error"
        assert added[0].id in shown_ids(screen, "error")


async def test_narrow_board_uses_tabs(repo: Repository) -> None:
    interview = seed_interview(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        screen = await open_board(pilot, interview)
        assert screen.has_class("-narrow")
        tabs = screen.query_one(Tabs)
        assert tabs.display and tabs.active == "tab-unsorted"
        assert [str(t.label) for t in tabs.query(Tab)] == [
            "Unsorted (1)",
            "Worries (2)",
            "Actual errors (2)",
        ]
        await pilot.press("tab")
        await pilot.pause()
        assert tabs.active == "tab-worry"
        assert column(screen, "worry").display and not column(screen, "unsorted").display
        assert column(screen, "worry").region.width >= 50
        await pilot.press("tab", "tab")
        assert tabs.active == "tab-unsorted"


async def test_hostile_text_shows_literally(repo: Repository) -> None:
    interview = seed_interview(repo, with_concerns=False)
    repo.add(Concern(interview_id=interview.id, text=HOSTILE, kind="worry"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        shown = str(column(screen, "worry").get_option_at_index(0).prompt)
        assert shown == "[/] [@click=app.quit]quit[/] red [b]bold?"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConcernDialog)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert "[@click=app.quit]quit[/]" in str(app.screen.query_one("#concern").render())
        assert app.is_running


async def test_note_from_another_process_appears(repo: Repository, db_path: Path) -> None:
    interview = seed_interview(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("tab", "down")
        selected = screen.selected()
        env = {**os.environ, "FOLLOWUP_DB": str(db_path)}
        command = [sys.executable, "-m", "followup_tui", "note", "Forgot to mention the visa", "--worry"]
        command += ["--interview", interview.id]
        done = await asyncio.to_thread(
            subprocess.run, command, env=env, cwd=ROOT, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        new_id = done.stdout.strip()
        assert await until(pilot, lambda: new_id in shown_ids(screen, "worry"))
        assert column(screen, "worry").border_title == "Worries (3)"
        assert screen.selected() == selected  # the selection stayed put


async def test_edit_from_another_repository_keeps_typing_alone(repo: Repository, db_path: Path) -> None:
    interview = seed_interview(repo)
    other = Repository(db_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("tab", "enter")
        await pilot.pause()
        area = app.screen.query_one("#balanced_thought", TextArea)
        area.focus()
        await pilot.press("end", "ctrl+end", "!")
        other.add(Concern(interview_id=interview.id, text="Another window", kind="error"))
        assert await until(pilot, lambda: len(shown_ids(screen, "error")) == 3)
        assert area.text.endswith("migration.!")
        assert isinstance(app.screen.query_one("#traps"), SelectionList)


async def test_the_footer_names_where_left_and_right_take_the_concern_in_each_column(
    repo: Repository,
) -> None:
    from textual.widgets._footer import FooterKey

    interview = seed_interview(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)

        def moves() -> dict[str, str]:
            keys = {k.key: k.description for k in app.screen.query(FooterKey)}
            return {key: keys[key] for key in ("shift+left", "shift+right") if key in keys}

        expected = {
            "unsorted": {"shift+left": "Worry", "shift+right": "Error"},
            "worry": {"shift+left": "Unsorted", "shift+right": "Error"},
            "error": {"shift+left": "Worry"},
        }
        for (kind, keys), key in zip(expected.items(), ("left", "right", "right"), strict=True):
            assert await until(pilot, lambda kind=kind: column(screen, kind).has_focus), kind
            assert await until(pilot, lambda keys=keys: moves() == keys), (kind, moves())
            await pilot.press(key)  # the cursor to the next column: worries, then actual errors


async def test_arrows_and_h_l_move_the_cursor_between_columns_not_the_concern(repo: Repository) -> None:
    interview = seed_interview(repo)
    before = {c.id: c.kind for c in repo.children(Concern, interview.id)}
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        assert isinstance(app.focused, ConcernList) and app.focused.kind == "unsorted"
        visited = []
        # the unsorted band lies above both columns: left goes down to the worries, right to the
        # actual errors, as shift with the same arrow would take a concern
        for key in ("right", "right", "left", "h", "h", "l", "l", "h", "h", "left"):
            await pilot.press(key)
            assert await until(pilot, lambda: isinstance(app.focused, ConcernList))
            visited.append(app.focused.kind)  # type: ignore[union-attr]
        assert visited == [
            "error",
            "error",
            "worry",
            "unsorted",
            "worry",
            "error",
            "error",
            "worry",
            "unsorted",
            "worry",
        ]
        await settle(pilot)
        assert {c.id: c.kind for c in repo.children(Concern, interview.id)} == before
        assert screen.selected() is not None and screen.selected().kind == "worry"  # type: ignore[union-attr]


async def test_u_undoes_the_last_move_delete_or_reorder_in_turn(repo: Repository) -> None:
    interview = seed_interview(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_board(pilot, interview)
        await pilot.press("left")  # the cursor down from the unsorted band to the worries
        first, second = shown_ids(screen, "worry")
        await pilot.press("J")  # reorder: the first worry goes down
        await pilot.press("L")  # move it to the actual errors
        await pilot.press("x")  # delete it there
        await settle(pilot)
        assert first not in [c.id for c in repo.children(Concern, interview.id)]
        await pilot.press("u")  # the delete
        assert await until(pilot, lambda: first in shown_ids(screen, "error"))
        await pilot.press("u")  # the move
        assert await until(pilot, lambda: first in shown_ids(screen, "worry"))
        assert shown_ids(screen, "worry") == [second, first]
        await pilot.press("u")  # the reorder
        await settle(pilot)
        assert shown_ids(screen, "worry") == [first, second]
        stored = [c for c in repo.children(Concern, interview.id) if c.kind == "worry"]
        assert [c.id for c in stored] == [first, second]
        await pilot.press("u")  # nothing left to undo: nothing changes
        await settle(pilot)
        assert shown_ids(screen, "worry") == [first, second]
