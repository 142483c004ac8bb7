"""Check boxes whose state shows in the mark itself, not only in its colour.

Textual draws an ``X`` in every box and tells ticked from unticked by colour alone, which is
hard to read on a small or monochrome terminal. Here an unticked box is drawn empty.
"""

from __future__ import annotations

from typing import TypeVar

from rich.segment import Segment
from textual.content import Content
from textual.strip import Strip
from textual.widgets import Checkbox, SelectionList
from textual.widgets.option_list import OptionDoesNotExist

V = TypeVar("V")


class TickBox(Checkbox):
    """A ``Checkbox`` drawn ``X`` when ticked and empty when not."""

    def render(self) -> Content:
        """Draw the box with the mark its value calls for."""
        self.BUTTON_INNER = Checkbox.BUTTON_INNER if self.value else " "
        return super().render()


class TickList(SelectionList[V]):
    """A ``SelectionList`` whose unticked boxes are drawn empty."""

    def render_line(self, y: int) -> Strip:
        """Draw the line as Textual does, then empty the box of an unticked option."""
        line = super().render_line(y)
        try:
            selection = self.get_option_at_index(self.scroll_offset.y + y)
        except OptionDoesNotExist:
            return line
        segments = list(line)
        if selection.value in self.selected or len(segments) < 2:
            return line
        mark = segments[1]
        if mark.text != Checkbox.BUTTON_INNER:
            return line
        segments[1] = Segment(" " * len(mark.text), mark.style, mark.control)
        return Strip(segments, line.cell_length)
