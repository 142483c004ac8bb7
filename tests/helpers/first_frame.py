"""The app started from a home index, seen before and after its data opens."""

from __future__ import annotations

from pathlib import Path

from followup_tui.ui import app as app_module
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.home.table import InterviewTable


def cells(app: FollowupApp) -> list[list[str]]:
    """Every row the home table holds, as plain text."""
    table = app.screen.query_one(InterviewTable)
    return [[cell.plain for cell in table.get_row_at(n)] for n in range(table.row_count)]


class OpensWhenTold(FollowupApp):
    """Opens the data only when the test says so (the app asks right after its first frame)."""

    CSS_PATH = str(Path(app_module.__file__).parent / FollowupApp.CSS_PATH)
    told = False

    def open_data(self) -> None:
        """Open the data only once the test said so."""
        if self.told:
            super().open_data()

    def open_now(self) -> None:
        """Open the data now (as the app does right after its first frame)."""
        self.told = True
        super().open_data()
