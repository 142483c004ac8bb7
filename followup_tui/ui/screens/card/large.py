"""The large-print view of a card: big, well-spaced lines to copy by hand, one marked at a time.

A terminal cannot draw bigger letters, so large print is bold and letter-spaced ("T h a n k
y o u", three cells between words; wide CJK characters as they are) and fills the width, at
60 columns as at 100. The whole card is shown to its last line: lines get a blank line between
them when the screen has room for that, else only paragraphs are spaced, and the view scrolls
with the marked line.
``↓``/``j``/``space`` step to the next line to copy, ``↑``/``k`` back; ``y`` copies the card
to the clipboard.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.widget import Widget
from textual.widgets import Static

from followup_tui.domain.text import spread_letters, strip_controls, wrap_cells
from followup_tui.ui.display import template
from followup_tui.ui.screens.card.copying import copy_card
from followup_tui.ui.screens.dialog import FollowupDialog
from followup_tui.ui.widgets.key_footer import KeyFooter

MARK = "▶ "
"""Drawn before the line being copied (other lines get two spaces)."""

LINE_WIDTH = 120
"""The most cells a line of large print takes (about 60 letters spread), so the eye can follow it."""


def spaced_lines(text: str, width: int, *, spaced: bool = True) -> list[str]:
    """Wrap a card to ``width`` columns as large print shows it (``spread_letters``), with
    blank lines for the eye.

    Args:
        text: The card, paragraphs separated by blank lines.
        width: The columns available to a line once its letters are spread.
        spaced: A blank line after every line (two between paragraphs); False spaces only
            the paragraphs.

    Returns:
        The lines to show, blank lines included.
    """
    lines: list[str] = []
    for paragraph in strip_controls(text).split("\n"):
        if not paragraph.strip():
            if spaced and len(lines) >= 2 and lines[-1] == "" and lines[-2] != "":
                lines.append("")  # paragraphs get two blank lines between them, lines one
            elif not spaced and lines and lines[-1] != "":
                lines.append("")
            continue
        for line in wrap_cells(paragraph, max(width, 10), spread=True) or [""]:
            lines.extend([line, ""] if spaced else [line])
    while lines and not lines[-1]:
        lines.pop()
    return lines


def fitted_lines(text: str, width: int, height: int) -> list[str]:
    """The card's lines spaced out when they fit in ``height`` rows, else only paragraphs spaced."""
    lines = spaced_lines(text, width)
    return lines if len(lines) <= height else spaced_lines(text, width, spaced=False)


class LargePrint(Widget):
    """A card in bold, letter-spaced lines that re-wrap to the width, with the line being copied
    marked. ``lines`` are the card's words as wrapped; ``render`` spreads their letters.

    Args:
        text: The card (user text, shown literally).
    """

    DEFAULT_CSS = """
    LargePrint { height: auto; text-style: bold; }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text
        self.cursor = 0
        """Which line with words on it is marked (0 is the first)."""

    def lines(self, width: int | None = None) -> list[str]:
        """The lines at this width (or the widget's own), fitted to the rows the view has."""
        width = (width if width is not None else self.content_region.width) or LINE_WIDTH
        height = self.parent.size.height if isinstance(self.parent, Widget) else 0
        return fitted_lines(self._text, min(width, LINE_WIDTH + len(MARK)) - len(MARK), height or 1_000)

    def word_rows(self) -> list[int]:
        """The rows that hold words (the blank ones are skipped when stepping)."""
        return [row for row, line in enumerate(self.lines()) if line]

    def render(self) -> Content:
        """The lines, the marked one drawn reversed after an arrow."""
        rows = self.word_rows()
        marked = rows[min(self.cursor, len(rows) - 1)] if rows else -1
        parts = []
        for row, line in enumerate(self.lines()):
            if row == marked:
                parts.append(Content.styled(MARK + spread_letters(line), "reverse"))
            else:
                parts.append(Content("  " + spread_letters(line) if line else ""))
        return Content("\n").join(parts)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the lines need at this width."""
        return max(len(self.lines(width)), 1)


class LargePrintDialog(FollowupDialog[None]):
    """The card in large print, filling the screen, to copy by hand line by line.

    Args:
        text: The card to show.
        recipient: Whom the card is for, shown above it.
    """

    DEFAULT_CSS = """
    LargePrintDialog { background: $surface; align: left top; }
    LargePrintDialog #large-title { color: $text-muted; padding: 0 1; height: 1; }
    LargePrintDialog VerticalScroll { height: 1fr; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j,space,enter", "step(1)", "Next line"),
        Binding("up,k", "step(-1)", "Back a line"),
        Binding("home", "step(-1000)", "First", show=False),
        Binding("end", "step(1000)", "Last", show=False),
        Binding("y", "copy", "Copy"),
        Binding("escape,v,q", "close", "Close"),
    ]

    def __init__(self, text: str, recipient: str) -> None:
        super().__init__()
        self._text = text
        self._recipient = recipient

    def compose(self) -> ComposeResult:
        """Who it is for and which line, the card, the keys."""
        yield Static(id="large-title")
        with VerticalScroll(can_focus=False):  # its arrows would scroll, not step a line
            yield LargePrint(self._text)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Mark the first line once the card is laid out."""
        self.call_after_refresh(self._show_place)

    def on_resize(self) -> None:
        """The lines re-wrap: keep the marked one in view."""
        self.call_after_refresh(self._show_place)

    def action_step(self, lines: int) -> None:
        """Mark the next (or an earlier) line with words and bring it into view."""
        card = self.query_one(LargePrint)
        last = max(len(card.word_rows()) - 1, 0)
        card.cursor = max(0, min(last, card.cursor + lines))
        card.refresh(layout=True)
        self._show_place()

    def _show_place(self) -> None:
        card = self.query_one(LargePrint)
        rows = card.word_rows()
        if not rows:
            return
        card.cursor = min(card.cursor, len(rows) - 1)
        row = rows[card.cursor]
        scroll = self.query_one(VerticalScroll)
        if card.cursor == len(rows) - 1:
            scroll.scroll_end(animate=False)
        else:
            scroll.scroll_to_region(Region(0, row, 1, 2), animate=False, immediate=True)
        self.query_one("#large-title", Static).update(
            template(
                "Large print · to $name · line $n of $total",
                name=self._recipient or "the hiring team",
                n=str(card.cursor + 1),
                total=str(len(rows)),
            )
        )

    def action_copy(self) -> None:
        """Copy the whole card to the clipboard."""
        copy_card(self, self._text.strip())
