"""The demo says it is a demo on every screen; real data has no demo mark."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from followup_tui.store.repository import Repository
from tests.helpers.app import make_app
from tests.helpers.screen import screen_text
from tests.helpers.terminal import Terminal, visible


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
