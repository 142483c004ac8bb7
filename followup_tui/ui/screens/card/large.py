"""The large-print view of a card: big, well-spaced lines to copy by hand."""

from __future__ import annotations

import textwrap
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Static

from followup_tui.domain.text import strip_controls
from followup_tui.ui.display import safe, template


def spaced_lines(text: str, width: int) -> list[str]:
    """Wrap a card to ``width`` columns with a blank line after every line (two between paragraphs).

    Args:
        text: The card, paragraphs separated by blank lines.
        width: The columns available.

    Returns:
        The lines to show, blank lines included.
    """
    lines: list[str] = []
    for paragraph in strip_controls(text).split("\n"):
        if not paragraph.strip():
            # Paragraphs get two blank lines between them, lines within one get one.
            if len(lines) >= 2 and lines[-1] == "" and lines[-2] != "":
                lines.append("")
            continue
        for line in textwrap.wrap(paragraph, max(width, 10), break_long_words=True) or [""]:
            lines.extend([line, ""])
    while lines and not lines[-1]:
        lines.pop()
    return lines


class LargePrint(Widget):
    """A card in bold, widely spaced lines that re-wrap to the width available.

    Args:
        text: The card (user text, shown literally).
    """

    DEFAULT_CSS = """
    LargePrint { height: auto; text-style: bold; }
    """

    def __init__(self, text: str) -> None:
        super().__init__()
        self._text = text

    def render(self) -> Content:
        """The spaced lines, as plain text."""
        return safe("\n".join(spaced_lines(self._text, self.content_region.width or 40)))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """As many rows as the spaced lines need at this width."""
        return max(len(spaced_lines(self._text, width)), 1)


class LargePrintScreen(ModalScreen[None]):
    """The card in large print over the card screen.

    Args:
        text: The card to show.
        recipient: Whom the card is for, shown above it.
    """

    DEFAULT_CSS = """
    LargePrintScreen { align: center middle; }
    LargePrintScreen > Vertical {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    LargePrintScreen .large-title { color: $text-muted; margin-bottom: 1; }
    LargePrintScreen VerticalScroll { height: auto; max-height: 1fr; padding: 0 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,v,q", "close", "Close"),
    ]

    def __init__(self, text: str, recipient: str) -> None:
        super().__init__()
        self._text = text
        self._recipient = recipient

    def compose(self) -> ComposeResult:
        """Who it is for, the card, how to close."""
        with Vertical():
            yield Static(
                template("Large print · to $name · escape closes", name=self._recipient or "the hiring team"),
                classes="large-title",
            )
            with VerticalScroll():
                yield LargePrint(self._text)

    def action_close(self) -> None:
        """Back to the card."""
        self.dismiss(None)
