"""A date typed without a time says that 09:00 is assumed."""

from __future__ import annotations

from textual.widgets import Input

from followup_tui.store.repository import Repository
from tests.helpers.app import make_app
from tests.helpers.wait import until


async def test_a_date_without_a_time_says_nine_is_assumed(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Acme", "tab", "tab", *"2026-12-03")
        note = app.screen.query_one("#when-note")
        assert await until(pilot, lambda: "09:00 is assumed" in str(note.render()) and note.display)
        await pilot.press("space", *"14:30")
        assert await until(pilot, lambda: not note.has_class("-shown"))
        assert app.screen.query_one("#when", Input).value == "2026-12-03 14:30"
