"""The one-page sheet as the Prep screen shows it (the same lines the Markdown export writes)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from followup_tui.domain.sheet import SheetLine
from followup_tui.ui.screens.prep.prep_list import wrapping

_PLAIN: dict[str, str] = {"title": "bold", "meta": "dim", "heading": "bold underline", "empty": "italic dim"}
"""Lines shown on their own, with their style."""

_ITEMS: dict[str, tuple[str, str, str, int]] = {
    "must": ("★", "bold yellow", "bold", 3),
    "question": ("•", "", "", 3),
    "likely": ("?", "dim", "italic", 3),
    "point": ("–", "dim", "", 5),
    "person": ("•", "", "", 3),
}
"""Lines shown as list items: kind -> (marker, marker style, text style, marker column width)."""


def sheet_renderable(lines: list[SheetLine]) -> RenderableType:
    """Return the sheet as a Rich renderable; list items wrap under their own text."""
    parts: list[RenderableType] = []
    grid: Table | None = None
    grid_width = 0
    for line in lines:
        item = _ITEMS.get(line.kind)
        if item is None:
            grid = None
            if line.kind == "heading":
                parts.append(Text(""))
            parts.append(wrapping(line.text, _PLAIN.get(line.kind, "")))
            continue
        marker, marker_style, text_style, width = item
        if grid is None or grid_width != width:
            grid, grid_width = Table.grid(padding=(0, 1)), width
            grid.add_column(width=width, no_wrap=True)
            grid.add_column(ratio=1)
            parts.append(grid)
        grid.add_row(Text(marker, style=marker_style, justify="right"), wrapping(line.text, text_style))
    return Group(*parts)


class SheetView(Static):
    """Shows the one-page sheet."""

    DEFAULT_CSS = """
    SheetView { height: auto; padding: 0 1; }
    """

    def show(self, lines: list[SheetLine]) -> None:
        """Show these sheet lines."""
        self.update(sheet_renderable(lines))
