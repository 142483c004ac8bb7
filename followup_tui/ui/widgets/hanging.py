"""Lines of text whose labelled lines wrap under their own text (a hanging indent).

"Forgot to ask  How does the team test changes that touch patient records?" at 60 columns
wraps its second line under "How", not under "Forgot": the label stays a column of its own.
A line is either plain ``Content`` (wrapped as usual) or a ``(prefix, body)`` pair.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import RenderResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

Line = Content | tuple[Content, Content]
"""A plain line, or a prefix (a label or a mark) and the text that wraps beside it."""

NEWLINE = Content("\n")


def hang(lines: Sequence[Line], width: int) -> list[Content]:
    """Wrap each line to ``width`` cells; a pair's body continues under its own first letter."""
    out: list[Content] = []
    width = max(1, width)
    for line in lines:
        if not isinstance(line, tuple):
            out.extend(line.wrap(width) or [Content("")])
            continue
        prefix, body = line
        pad = prefix.cell_length
        if pad * 2 > width:  # no room for a column: the text goes under its label
            out.append(prefix)
            out.extend(body.wrap(width) or [Content("")])
            continue
        first, *rest = body.wrap(width - pad) or [Content("")]
        out.append(prefix + first)
        out.extend(Content(" " * pad) + part for part in rest)
    return out


def flatten(lines: Sequence[Line]) -> Content:
    """The lines as one Content, unwrapped (for tests and plain reading)."""
    return NEWLINE.join(line[0] + line[1] if isinstance(line, tuple) else line for line in lines)


class HangingLines(Static):
    """A Static that shows ``Line``s, wrapping each labelled one under its own text."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._lines: list[Line] = []

    def show(self, lines: Sequence[Line]) -> None:
        """Show these lines (replacing what was shown)."""
        self._lines = list(lines)
        self.update(flatten(self._lines))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the lines take once wrapped to ``width``."""
        return (
            len(hang(self._lines, width))
            if self._lines
            else super().get_content_height(container, viewport, width)
        )

    def render(self) -> RenderResult:
        """The lines, wrapped to the width there is now."""
        if not self._lines:
            return super().render()
        return NEWLINE.join(hang(self._lines, self.content_size.width))
