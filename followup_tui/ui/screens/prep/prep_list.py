"""An ordered list of prep records (questions, likely questions, checklist items).

The list shows records, tracks the highlighted one and owns its keys: each key posts a
``PrepList.Requested`` message that the Prep screen carries out (the screen owns the records and
saves every change). ``QuestionList`` adds the keys of questions to ask, ``ChecklistList`` the
tick. Each row is a small Rich grid so long text wraps with a hanging indent. User text goes in
through ``safe_text`` and is never parsed as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Literal

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
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


PrepRequest = Literal[
    "add", "edit", "delete", "move_up", "move_down", "tick", "must", "category", "save_bank", "bank", "reuse"
]
"""What a key of a Prep list asks the screen to do (the argument of its ``request`` action)."""


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
    BINDINGS: ClassVar[list[BindingType]] = [
        # The focused list's keys come first in the footer; escape is the screen's, listed
        # here so "esc Back" keeps its place before them.
        Binding("escape", "screen.back", "Back"),
        Binding("a", "request('add')", "Add"),
        Binding("e", "request('edit')", "Edit"),
        Binding("x,delete", "request('delete')", "Delete"),
        Binding("u", "screen.undo", "Undo delete"),
        Binding("K,shift+up", "request('move_up')", "Move up", show=False),
        Binding("J,shift+down", "request('move_down')", "Move down", show=False),
    ]

    NEEDS_NO_SELECTION: ClassVar[frozenset[str]] = frozenset({"add"})
    """Requests that apply with nothing highlighted (the others act on the highlighted record)."""

    @dataclass
    class Requested(Message):
        """A key asked for something to be done to the list or its highlighted record."""

        prep_list: PrepList
        """The list the key was pressed in."""
        what: PrepRequest
        """What the key asks for."""

        @property
        def control(self) -> PrepList:
            """The list, so ``@on(PrepList.Requested, "#questions-list")`` picks one."""
            return self.prep_list

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
    def name_of_list(self) -> str:
        """Which list this is: the id without ``-list`` (questions, likely, checklist)."""
        return (self.id or "").removesuffix("-list")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer the keys that act on a record only while one is highlighted."""
        if action == "request" and parameters and parameters[0] not in self.NEEDS_NO_SELECTION:
            return self.selected is not None
        return True

    def action_request(self, what: PrepRequest) -> None:
        """Ask the screen to do it."""
        self.post_message(self.Requested(self, what))

    @property
    def selected(self) -> Any | None:
        """The highlighted record, if any."""
        index = self.highlighted
        if index is None or not 0 <= index < len(self.records):
            return None
        return self.records[index]


class QuestionList(PrepList):
    """The questions to ask, with their own keys: must-ask, category, the bank, reuse."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "request('must')", "Must-ask"),
        Binding("B", "request('bank')", "Bank"),
        Binding("g", "request('category')", "Set category", show=False),
        Binding("s", "request('save_bank')", "Save to my bank", show=False),
        Binding("r", "request('reuse')", "Reuse from earlier interview", show=False),
    ]
    NEEDS_NO_SELECTION = frozenset({"add", "bank", "reuse"})


class ChecklistList(PrepList):
    """The checklist, whose space ticks the highlighted item."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("space", "request('tick')", "Tick")]
