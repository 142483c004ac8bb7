"""In-app measurements driven by Textual's Pilot, each paired with a bare Textual baseline."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Input, Label, TextArea

from benchmarks.probe import home_ready
from benchmarks.stats import ratio_stats

TEXT = ("Talked about the migration and the on-call rota; ask about the release train. " * 7)[:500]
SIZE = (100, 30)


class _BareTyping(App[None]):
    def compose(self) -> ComposeResult:
        yield TextArea(id="notes")


class _BareInput(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="filter")


class _BareScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        yield Label("a bare screen")


def _keys(text: str) -> list[str]:
    names = {" ": "space", ";": "semicolon", ",": "comma", ".": "full_stop"}
    return [names.get(ch, ch) for ch in text]


async def _bare_typing() -> float:
    app = _BareTyping()
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(TextArea).focus()
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press(*_keys(TEXT))
        await pilot.pause()
        return time.perf_counter() - start


async def _bare_keystroke() -> float:
    app = _BareInput()
    async with app.run_test(size=SIZE) as pilot:
        app.query_one(Input).focus()
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("N")
        await pilot.pause()
        return time.perf_counter() - start


async def _bare_open() -> float:
    app = _BareInput()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        await app.push_screen(_BareScreen())
        await pilot.pause()
        return time.perf_counter() - start


async def measure(db: Path, reps: int) -> dict[str, dict[str, Any]]:
    """Return the in-app ratios for the database at ``db``."""
    from followup_tui.store.repository import Repository
    from followup_tui.ui.app import FollowupApp

    typing: tuple[list[float], list[float]] = ([], [])
    filtering: tuple[list[float], list[float]] = ([], [])
    board: tuple[list[float], list[float]] = ([], [])
    insights: tuple[list[float], list[float]] = ([], [])
    for _ in range(reps):
        app = FollowupApp(Repository(db), watch=False)
        async with app.run_test(size=SIZE) as pilot:
            while not home_ready(app):
                await pilot.pause(0.01)
            home: Any = app.screen
            interview_id = home.selected_id
            # one keystroke into the home filter
            await pilot.press("slash")
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("N")
            await pilot.pause()
            filtering[0].append(time.perf_counter() - start)
            await pilot.press("escape")
            await pilot.pause()
            # opening the board and insights
            for name, bucket in (("board", board), ("insights", insights)):
                start = time.perf_counter()
                app.open_screen(name, interview_id)
                await pilot.pause()
                while name == "insights" and getattr(app.screen, "insights", None) is None:
                    await pilot.pause(0.01)  # counted on a worker: until the numbers are shown
                await pilot.pause()
                bucket[0].append(time.perf_counter() - start)
                app.pop_screen()
                await pilot.pause()
            # typing into the debrief notes, autosave on
            app.open_screen("debrief", interview_id)
            await pilot.pause()
            app.screen.query_one("#notes", TextArea).focus()
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press(*_keys(TEXT))
            await pilot.pause()
            typing[0].append(time.perf_counter() - start)
        typing[1].append(await _bare_typing())
        filtering[1].append(await _bare_keystroke())
        base_open = await _bare_open()
        board[1].append(base_open)
        insights[1].append(await _bare_open())
    return {
        "typing 500 chars": ratio_stats(*typing),
        "filter keystroke": ratio_stats(*filtering),
        "open board": ratio_stats(*board),
        "open insights": ratio_stats(*insights),
    }
