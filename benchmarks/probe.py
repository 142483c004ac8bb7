"""Start-up probes, each run as a whole process by ``benchmarks.run``.

``python -m benchmarks.probe app DB`` starts followup the way the ``followup`` command does
(importing the CLI module, opening the repository, building the app) and exits as soon as the
home screen is interactive and shows the data. ``python -m benchmarks.probe bare`` does the same
for a bare Textual app (header, one label, footer). Both run headless.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

READY_POLL = 0.002


def _bare() -> None:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Label

    class Bare(App[None]):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Label("ready-marker", id="marker")
            yield Footer()

    async def until_ready(pilot: Any) -> None:
        while not pilot.app.query("#marker"):
            await pilot.pause(READY_POLL)
        await pilot.pause()
        pilot.app.exit()

    Bare().run(headless=True, size=(100, 30), auto_pilot=until_ready)


def home_ready(app: Any) -> bool:
    """True once the home screen shows its rows (or its first-run message when empty) and the
    app can act on them: its data is open (a start from the home index draws the rows first)."""
    from followup_tui.ui.screens.home.home import HomeScreen

    screen = app.screen
    if not isinstance(screen, HomeScreen) or not screen.is_mounted:
        return False
    if not getattr(app, "data_open", True):
        return False
    if screen.has_class("-empty"):
        return True
    return bool(screen.table.row_count)


def _app(path: str) -> None:
    from followup_tui.cli.app_start import build_app  # what the console script opens the app with

    app = build_app(Path(path))

    async def until_ready(pilot: Any) -> None:
        while not home_ready(pilot.app):
            await pilot.pause(READY_POLL)
        await pilot.pause()
        pilot.app.exit()

    app.run(headless=True, size=(100, 30), auto_pilot=until_ready)


def peak_kib() -> int:
    """This process's own peak resident memory (VmHWM). Unlike ru_maxrss it starts afresh at
    exec, so it does not include the memory of the benchmark process that started this one."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        _bare()
    else:
        _app(sys.argv[2])
    print(f"peak_kib={peak_kib()}")
