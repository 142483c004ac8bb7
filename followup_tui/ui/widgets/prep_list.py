"""An ordered list of prep records (questions, likely questions, checklist items).

The list only shows records and tracks the highlighted one; the Prep screen owns the
records and saves every change. Each row is a small Rich grid so long text wraps with a
hanging indent. User text goes in through ``safe_text`` and is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from followup_tui.domain.models import ChecklistItem, LikelyQuestion, Question
from followup_tui.services.bank import category_label
from followup_tui.ui.display import safe_text

RowRenderer = Callable[[Any, int, bool], RenderableType]
"""Draws one record: (record, position from 1, narrow layout) -> renderable."""


def wrapping(value: str, style: str = "") -> Text:
    """Return user text as one clean line of Rich Text that may wrap."""
    text = safe_text(value, style=style)
    text.no_wrap = False
    text.end = "\n"
    return text


def question_row(question: Question, position: int, narrow: bool) -> RenderableType:
    """One question to ask: order, must-ask star, category (wide only), text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2, justify="right", style="dim")
    grid.add_column(width=1)
    if not narrow:
        grid.add_column(width=10, no_wrap=True)
    grid.add_column(ratio=1)
    star = Text("★", style="bold yellow") if question.must_ask else Text("·", style="dim")
    cells: list[RenderableType] = [Text(str(position)), star]
    if not narrow:
        label = category_label(question.category) if question.category.strip() else ""
        cells.append(safe_text(label, width=10, style="italic"))
    cells.append(wrapping(question.text, "bold" if question.must_ask else ""))
    grid.add_row(*cells)
    return grid


def likely_row(item: LikelyQuestion, position: int, narrow: bool) -> RenderableType:
    """One question they may ask me, with a hint of whether talking points exist."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2, justify="right", style="dim")
    grid.add_column(ratio=1)
    lines = [line for line in item.talking_points.splitlines() if line.strip()]
    body = wrapping(item.question or "(no question)")
    hint = f"  {len(lines)} point{'s' if len(lines) != 1 else ''}" if lines else "  no points yet"
    body.append(hint, style="dim italic")
    grid.add_row(Text(str(position)), body)
    return grid


def checklist_row(item: ChecklistItem, position: int, narrow: bool) -> RenderableType:
    """One checklist item: a box, ticked when done, and its text."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=3)
    grid.add_column(ratio=1)
    box = Text("[x]", style="bold green") if item.done else Text("[ ]")
    grid.add_row(box, wrapping(item.text, "dim strike" if item.done else ""))
    return grid


class PrepList(OptionList):
    """A list of records of one kind, drawn by a row renderer.

    Args:
        render: Draws one record.
        id: The widget id.
    """

    DEFAULT_CSS = """
    PrepList { height: 1fr; border: none; padding: 0; }
    PrepList:focus { border: none; }
    """

    def __init__(self, render: RowRenderer, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._render_row = render
        self.records: list[Any] = []
        """The records shown, in order (owned by the screen)."""
        self.narrow = False
        """Draw rows for a narrow terminal (fewer columns)."""

    def show(self, records: Sequence[Any], select_id: str | None = None) -> None:
        """Show these records, keeping the highlight on ``select_id`` or the same position.

        Args:
            records: The records, in order.
            select_id: The record to highlight; by default the one highlighted before.
        """
        previous = self.highlighted
        if select_id is None and self.selected is not None:
            select_id = self.selected.id
        self.records = list(records)
        self.set_options(
            Option(self._render_row(record, n, self.narrow), id=record.id)
            for n, record in enumerate(self.records, start=1)
        )
        ids = [record.id for record in self.records]
        if not ids:
            self.highlighted = None
        elif select_id in ids:
            self.highlighted = ids.index(select_id)
        else:
            self.highlighted = min(previous or 0, len(ids) - 1)

    @property
    def selected(self) -> Any | None:
        """The highlighted record, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.records):
            return None
        return self.records[index]
