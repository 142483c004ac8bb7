"""Interviews (home): upcoming first, then past. (First cut; the home issue completes it.)"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Footer, Header

from followup_tui.display import safe_text
from followup_tui.screens.base import FollowupScreen


class HomeScreen(FollowupScreen):
    """The list of interviews."""

    SCREEN_TITLE = "Interviews"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new", "New"),
        Binding("p", "open('prep')", "Prep"),
        Binding("d", "open('debrief')", "Debrief"),
        Binding("b", "open('board')", "Board"),
        Binding("c", "open('card')", "Card"),
    ]

    def compose(self) -> ComposeResult:
        """Header, the table, footer."""
        yield Header()
        yield DataTable(cursor_type="row")
        yield Footer()

    def on_mount(self) -> None:
        """Fill the table."""
        table = self.query_one(DataTable)
        table.add_columns("Company", "Role", "When")
        self.refresh_data()

    def refresh_data(self) -> None:
        """Reload the interviews."""
        table = self.query_one(DataTable)
        table.clear()
        for interview in self.repo.interviews():
            table.add_row(
                safe_text(interview.company),
                safe_text(interview.role),
                interview.when or "",
                key=interview.id,
            )

    def action_new(self) -> None:
        """Add an interview (the form comes with the home issue)."""

    def action_open(self, name: str) -> None:
        """Open a screen for the selected interview."""
        table = self.query_one(DataTable)
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            self.app.open_screen(name, key)
