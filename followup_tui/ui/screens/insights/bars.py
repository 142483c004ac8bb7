"""A small horizontal bar chart drawn with block characters, with the numbers beside each bar."""

from __future__ import annotations

from dataclasses import dataclass

from textual.content import Content
from textual.geometry import Size
from textual.widget import Widget

from followup_tui.ui.display import safe

FULL = "█"
EMPTY = "░"
MIN_BAR = 10
"""Below this many cells for the bar, the label goes on its own line above the bar."""


@dataclass(frozen=True)
class Bar:
    """One row of a bar chart."""

    label: str
    """What the bar counts; may be user text (it is shown literally)."""
    value: int
    """How much of the bar is filled."""
    total: int
    """What a full bar stands for (0 draws an empty bar)."""
    note: str
    """The numbers shown beside the bar, such as "2 of 3 went forward"."""
    style: str = "$primary"
    """The filled part's style."""


def bar_cells(value: int, total: int, width: int) -> int:
    """How many of ``width`` cells to fill: in proportion, and never zero for a value above zero.

    Args:
        value: The bar's value.
        total: The value of a full bar.
        width: The cells available.
    """
    if total <= 0 or value <= 0 or width <= 0:
        return 0
    return min(width, max(1, round(width * value / total)))


class InsightsBars(Widget):
    """Bars with labels and numbers; the layout adapts to the width it gets."""

    DEFAULT_CSS = """
    InsightsBars { height: auto; width: 1fr; }
    """

    def __init__(self, bars: list[Bar] | None = None, *, caption: str = "", id: str | None = None) -> None:
        super().__init__(id=id)
        self.bars: list[Bar] = list(bars or [])
        """The rows shown."""
        self.caption = caption
        """A short line above the bars saying what they count (ours, not user text)."""

    def set_bars(self, bars: list[Bar], caption: str = "") -> None:
        """Show these rows (and this caption) instead."""
        self.bars = list(bars)
        self.caption = caption
        self.refresh(layout=True)

    def render(self) -> Content:
        """Draw every bar for the current width."""
        return Content("\n").join(self.lines(self.content_size.width or self.size.width or 40))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One or two lines per bar, depending on the width."""
        return len(self.lines(width))

    def lines(self, width: int) -> list[Content]:
        """The chart as lines of at most ``width`` cells.

        Labels and bars share a line when the whole label fits beside a bar of ``MIN_BAR``
        cells; otherwise each label goes on its own line above its bar.

        Args:
            width: The cells available.
        """
        if not self.bars:
            return []
        lines: list[Content] = [Content.styled(self.caption, "dim")] if self.caption else []
        labels = [safe(bar.label, single_line=True) for bar in self.bars]
        note_width = max(Content(bar.note).cell_length for bar in self.bars)
        label_width = max(label.cell_length for label in labels)
        stacked = label_width + note_width + 2 + MIN_BAR > width
        bar_width = max(1, width - note_width - 1) if stacked else width - label_width - note_width - 2
        for bar, label in zip(self.bars, labels, strict=True):
            filled = bar_cells(bar.value, bar.total, bar_width)
            drawing = Content.assemble(
                (FULL * filled, bar.style), (EMPTY * (bar_width - filled), "$foreground 25%")
            )
            note = Content.styled(bar.note, "bold")
            if stacked:
                lines.append(safe(bar.label, width=width))
                lines.append(Content.assemble(drawing, " ", note))
            else:
                padded = label.extend_right(label_width - label.cell_length)
                lines.append(Content.assemble(padded, " ", drawing, " ", note))
        return lines
