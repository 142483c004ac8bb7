"""Render the docs' screenshots (SVG) of every screen from the demo data.

Usage: ``python docs/screenshots.py`` (writes ``docs/images/*.svg``). The clock is fixed and
the demo ids are seeded, so the pictures only change when a screen does.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from followup_tui.domain.models import Concern, Interview  # noqa: E402
from followup_tui.services.demo.build import create_demo_file  # noqa: E402
from followup_tui.store.repository import Repository  # noqa: E402
from followup_tui.ui.app import FollowupApp  # noqa: E402

NOW = datetime(2026, 11, 25, 18, 30)
OUT = ROOT / "docs" / "images"


def _story_interview(repo: Repository) -> Interview:
    """The past interview with the most on its board (the one the docs walk through)."""
    past = [i for i in repo.interviews() if i.moment and i.moment < NOW]
    return max(past, key=lambda i: (len(repo.children(Concern, i.id)), i.when or ""))


def _upcoming_interview(repo: Repository) -> Interview:
    upcoming = [i for i in repo.interviews() if i.moment and i.moment >= NOW]
    return min(upcoming, key=lambda i: i.when or "")


SHOTS: list[tuple[str, tuple[int, int], str, list[str]]] = [
    ("home", (100, 30), "", []),
    ("home-60x20", (60, 20), "", []),
    ("form", (100, 30), "", ["n"]),
    ("hub", (100, 30), "story", []),
    ("prep", (100, 30), "prep", []),
    ("prep-60x20", (60, 20), "prep", []),
    ("debrief", (100, 30), "debrief", []),
    ("debrief-60x20", (60, 20), "debrief", []),
    ("board", (100, 30), "board", []),
    ("board-60x20", (60, 20), "board", []),
    ("triage", (100, 30), "board", ["t"]),
    ("card", (100, 30), "card", []),
    ("card-60x20", (60, 20), "card", []),
    ("card-missing", (100, 30), "card:Orchard", []),
    ("card-large", (100, 30), "card", ["v"]),
    ("insights", (100, 30), "insights", []),
    ("insights-60x20", (60, 20), "insights", []),
    ("help", (100, 30), "board", ["question_mark"]),
    ("palette", (100, 30), "", ["ctrl+p"]),
]
"""(file name, terminal size, screen to open (":Company" picks the interview), keys to press then)."""


async def _shoot(folder: Path, name: str, size: tuple[int, int], screen: str, keys: list[str]) -> None:
    path = create_demo_file(folder / name, NOW)
    repo = Repository(path)
    story = _story_interview(repo)
    app = FollowupApp(repo, clock=lambda: NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        screen, _, company = screen.partition(":")
        target: Any = _upcoming_interview(repo) if screen == "prep" else story
        if company:
            target = next(i for i in repo.interviews() if i.company.startswith(company))
        if screen == "story":
            app.open_screen("hub", target.id)
        elif screen:
            app.open_screen(screen, target.id)
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
        await pilot.pause(0.3)
        app.save_screenshot(f"{name}.svg", str(OUT))
    app.saver.close()


async def main() -> None:
    """Render every screenshot."""
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for name, size, screen, keys in SHOTS:
            (Path(tmp) / name).mkdir()
            await _shoot(Path(tmp), name, size, screen, keys)
            print(f"docs/images/{name}.svg")


if __name__ == "__main__":
    asyncio.run(main())
