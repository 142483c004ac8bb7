"""An Input for editing text the user already wrote: focusing it never selects (and so never
replaces) what is there; the cursor goes to the end, ready to add to it. A paste longer than
``max_length`` is refused with a message (a plain Input drops it without a word). Stored text
is shown through ``one_line`` (the one sanitising path): no control characters, one line. A
paste of several lines arrives joined by spaces (a plain Input keeps the first line only), or,
in a line that takes one item per line (the quick capture, an "add" dialog), as several items;
so does a paste the terminal types out line by line (``PASTED_LINE_BREAK``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

from followup_tui.domain.text import JOINERS, one_line
from followup_tui.ui.widgets.text_box import PASTED_LINE_BREAK, refuse_paste, say_full


class TextInput(Input):
    """``Input`` with ``select_on_focus`` off by default, and pastes held to ``max_length``.

    Args:
        lines_as_items: A paste of several lines is posted as ``LinesPasted`` (one item per
            non-empty line, what was typed before it first) instead of keeping its first line.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # one line: the start and the end of the text are the start and the end of the line
        Binding("ctrl+home", "home", "Start of the text", show=False),
        Binding("ctrl+end", "end", "End of the text", show=False),
    ]

    @dataclass
    class LinesPasted(Message):
        """Several lines were pasted into a line that takes one item per line."""

        text_input: TextInput
        """The line pasted into (it is left empty)."""
        lines: list[str]
        """Every non-empty line, stripped, in order."""

    def __init__(
        self, value: str | None = None, *args: Any, lines_as_items: bool = False, **kwargs: Any
    ) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(one_line(value) if value else value, *args, **kwargs)
        self._lines_as_items = lines_as_items

    async def _on_key(self, event: events.Key) -> None:
        # a joiner is no "printable" key to Textual, which would drop it: 👩‍💻 would lose its ZWJ
        if event.character in JOINERS:
            event.stop()
            event.prevent_default()
            self._type(event.character)
        elif event.key == PASTED_LINE_BREAK:
            event.stop()
            event.prevent_default()
            self._line_break()

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """A pasted line break is text in a one-line field (a space), so it never waits as a
        key that acts; in a line of items it acts, as enter does."""
        if key == PASTED_LINE_BREAK:
            return not self._lines_as_items
        return super().check_consume_key(key, character)

    def _type(self, text: str) -> None:
        if self.selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *self.selection)

    def _line_break(self) -> None:
        """A line break of a paste typed out by the terminal (``PASTED_LINE_BREAK``): in a line
        of items the line so far is one item; elsewhere the lines are joined by a space."""
        if self._lines_as_items:
            line = self.value.strip()
            if line:
                self.clear()
                self.post_message(self.LinesPasted(self, [line]))
        elif self.value[: self.cursor_position].strip() and self.value[self.cursor_position - 1] != " ":
            self._type(" ")

    def _on_paste(self, event: events.Paste) -> None:
        lines = event.text.splitlines()
        if self._lines_as_items and len([line for line in lines if line.strip()]) > 1:
            event.prevent_default()
            event.stop()
            self._paste_items(self.value + lines[0], lines[1:])
            return
        parts = [line.strip() for line in lines if line.strip()]
        # an Input keeps only the first line: several lines go in joined by spaces instead, so a
        # name or an address copied across lines arrives whole
        line = " ".join(parts) if len(parts) > 1 else (lines[0] if lines else "")
        if self.max_length and len(self.value) - len(self.selected_text) + len(line) > self.max_length:
            event.prevent_default()  # Input's own handler (it runs next otherwise) is skipped
            event.stop()
            refuse_paste(self, line, self.max_length)
        elif len(parts) > 1:
            event.prevent_default()
            event.stop()
            if self.selection.is_empty:
                self.insert_text_at_cursor(line)
            else:
                self.replace(line, *self.selection)

    def restricted(self) -> None:
        """Typing stopped at the limit: ring, and say so now and then."""
        if self.max_length and len(self.value) >= self.max_length:
            say_full(self, self.max_length)
        else:
            super().restricted()

    def _paste_items(self, first: str, rest: list[str]) -> None:
        items = [line.strip() for line in (first, *rest) if line.strip()]
        longest = max(items, key=len)
        if self.max_length and len(longest) > self.max_length:
            refuse_paste(self, longest, self.max_length)
            return
        self.clear()
        self.post_message(self.LinesPasted(self, items))
