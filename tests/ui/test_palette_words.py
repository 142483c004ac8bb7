"""The palette's own entries say what they do: exports ask for a folder, dates read as dates."""

from __future__ import annotations

from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.commands import followup_commands
from followup_tui.ui.screens.save_where import SaveWhereDialog
from tests.conftest import FIXED_NOW
from tests.helpers.wait import until


async def test_export_entries_say_a_folder_is_asked_for_and_dates_read_as_dates(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        commands = {c.title: c for c in followup_commands(app)}
        export = commands["Export interviews as Markdown"]
        assert "home folder" not in export.help
        assert "folder you choose" in export.help
        export.callback()

        def asking() -> bool:
            return isinstance(app.screen, SaveWhereDialog) and getattr(app.focused, "id", "") == "where"

        assert await until(pilot, asking)  # a folder is asked for, as the entry says
        larkspur = next(i for i in repo.interviews() if i.company == "Larkspur Analytics")
        assert larkspur.when == "2026-11-26 10:00"  # the demo's next interview, at FIXED_NOW
        jump = commands["Open Larkspur Analytics - Senior Data Engineer"]
        assert jump.help == "Jump to this interview (Thu 26 Nov 2026, 10:00)"
