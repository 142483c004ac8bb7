"""The home table draws its cells itself, exactly as Textual's DataTable would draw them."""

from __future__ import annotations

import inspect
from datetime import timedelta

import pytest
from rich.style import Style
from textual.widgets import DataTable

from followup_tui.domain.models import Interview
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.home.table import InterviewTable
from tests.conftest import FIXED_NOW

ROW_STYLES = [Style(), Style.parse("on #202020"), Style.parse("bold red on blue")]
"""Row styles the cells are drawn over: none, a zebra stripe's, one with a colour and text style."""


def test_datatable_still_draws_cells_through_the_method_overridden() -> None:
    """InterviewTable overrides DataTable._render_cell: if Textual renames it or changes its
    parameters, or stops using it for the rows, this fails."""
    parameters = list(inspect.signature(DataTable._render_cell).parameters)
    assert parameters == ["self", "row_index", "column_index", "base_style", "width", "cursor", "hover"]
    assert "self._render_cell" in inspect.getsource(DataTable._render_line_in_row)


@pytest.mark.parametrize("size", [(100, 30), (60, 20), (130, 30)])
async def test_every_cell_is_drawn_as_datatable_draws_it(repo: Repository, size: tuple[int, int]) -> None:
    fill_demo(repo, FIXED_NOW)
    # wide characters, a name longer than its column, one that fits exactly, an upcoming one
    for company in ["株式会社ノースウィンド", "Northwind " * 8, "N" * 20, "Soon Ltd"]:
        soon = FIXED_NOW + timedelta(days=2)
        repo.add(Interview(company=company, role="Engineer", when=f"{soon:%Y-%m-%d} 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        table = app.screen.query_one(InterviewTable)
        assert table.row_count > 10
        widths = [column.get_render_width(table) for column in table.ordered_columns]
        compared = 0
        for row in range(table.row_count):
            for column, width in enumerate(widths):
                for style in ROW_STYLES:
                    for cursor, hover in [(False, False), (True, False), (False, True), (True, True)]:
                        table._cell_render_cache.clear()
                        ours = table._render_cell(row, column, style, width, cursor, hover)
                        table._cell_render_cache.clear()
                        textual = DataTable._render_cell(table, row, column, style, width, cursor, hover)
                        assert ours == textual, (row, column, style, cursor, hover)
                        compared += 1
        assert compared > 10 * len(widths) * len(ROW_STYLES) * 4
