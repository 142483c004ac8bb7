"""The one-page sheet as the Prep screen shows it (the same lines the Markdown export writes)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from followup_tui.sheet import SheetLine
from followup_tui.widgets.prep_list import wrapping

_PLAIN: dict[str, str] = {"title": "bold", "meta": "dim", "heading": "bold underline", "empty": "italic dim"}
"""Lines shown on their own, with their style."""

_ITEMS: dict[str, tuple[str, str, str]] = {
    "must": ("★", "bold yellow", "bold"),
    "question": ("•", "", ""),
    "likely": ("?", "dim", "italic"),
    "point": ("  –", "dim", ""),
    "person": ("•", "", ""),
}
"""Lines shown as list items: kind -> (marker, marker style, text style)."""


def sheet_renderable(lines: list[SheetLine]) -> RenderableType:
    """Return the sheet as a Rich renderable; list items wrap under their own text."""
    parts: list[RenderableType] = []
    grid: Table | None = None
    for line in lines:
        item = _ITEMS.get(line.kind)
        if item is None:
            grid = None
            if line.kind == "heading":
                parts.append(Text(""))
            parts.append(wrapping(line.text, _PLAIN.get(line.kind, "")))
            continue
        if grid is None:
            grid = Table.grid(padding=(0, 1))
            grid.add_column(width=3, no_wrap=True)
            grid.add_column(ratio=1)
            parts.append(grid)
        marker, marker_style, text_style = item
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
