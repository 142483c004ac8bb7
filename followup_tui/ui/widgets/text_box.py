"""Text fields that hold to their length limit as the user types or pastes, and say so."""

from __future__ import annotations

import time
from typing import Any, ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import TextArea
from textual.widgets.text_area import EditResult, Location

from followup_tui.domain.text import JOINERS, strip_controls
from followup_tui.domain.vocabulary import LONG_LIMIT

WARN_EVERY = 3.0
"""Seconds between two "field is full" messages while the user keeps typing."""

PASTED_LINE_BREAK = "ctrl+j"
"""The key a line feed arrives as. Nobody types it: it comes from a paste the terminal did not
bracket (phone SSH clients type a paste out, a line feed after each line). Without a meaning
of its own the line break was dropped and the lines glued together ("dbtI mentor"); every text
field gives it one (``TextBox``: a new line; ``TextInput``: a space, or the next item)."""


def refuse_paste(widget: Widget, pasted: str, limit: int) -> None:
    """Tell the user a paste was refused because the field would go past its limit."""
    widget.notify(
        f"The paste is too long ({len(pasted):,} characters; this field holds {limit:,} in all). "
        "Nothing was pasted.",
        title="Not pasted",
        severity="error",
        markup=False,
    )


def say_full(widget: Widget, limit: int) -> None:
    """Ring the bell at a field's limit, and say so now and then while the user keeps typing."""
    widget.app.bell()
    now = time.monotonic()
    if now - getattr(widget, "_full_said_at", 0.0) > WARN_EVERY:
        widget._full_said_at = now  # type: ignore[attr-defined]
        widget.notify(
            f"This field is full: it holds {limit:,} characters.",
            title="Full",
            severity="warning",
            markup=False,
        )


class TextBox(TextArea):
    """``TextArea`` that never holds more than ``limit`` characters.

    Every multi-line field of followup holds at most ``LONG_LIMIT`` characters. Typing stops at
    the limit (with a bell and a message now and then), as an ``Input`` with ``max_length``
    does, so the screen never shows text that cannot be saved. A paste that would go past the
    limit is refused whole with one message: laying out a megabyte of text would freeze the
    screen for seconds, only for the save to refuse it.

    Stored text is loaded through ``strip_controls`` (the one sanitising path), and so is a
    paste: the editor never shows a raw control character or escape sequence, whatever the
    data file holds. Screens compare what they stored with ``strip_controls(stored)``, so
    opening an editor never rewrites the stored text.

    Args:
        text: The text to show first.
        limit: The most characters the field holds.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+home", "cursor_text_start", "Start of the text", show=False),
        Binding("ctrl+end", "cursor_text_end", "End of the text", show=False),
        Binding("ctrl+shift+home", "cursor_text_start(True)", "Select to the start", show=False),
        Binding("ctrl+shift+end", "cursor_text_end(True)", "Select to the end", show=False),
    ]

    def __init__(self, text: str = "", *args: Any, limit: int = LONG_LIMIT, **kwargs: Any) -> None:
        super().__init__(strip_controls(text), *args, **kwargs)
        self.limit = limit

    def load_text(self, text: str) -> None:
        """Show ``text`` (without control characters), replacing what the editor holds."""
        super().load_text(strip_controls(text))

    def action_cursor_text_start(self, select: bool = False) -> None:
        """Put the cursor at the start of the whole text (ctrl+home)."""
        self.move_cursor((0, 0), select=select)

    def action_cursor_text_end(self, select: bool = False) -> None:
        """Put the cursor at the end of the whole text (ctrl+end)."""
        self.move_cursor(self.document.end, select=select)

    def _length_after(self, insert: str, start: Location, end: Location) -> int:
        return len(self.text) - len(self.get_text_range(start, end)) + len(insert)

    def on_key(self, event: events.Key) -> None:
        """Type a joiner (Textual's own handler would drop it: 👩‍💻 would lose its ZWJ), and a
        line break of a paste the terminal did not bracket as a new line.

        ``prevent_default`` keeps TextArea's key handler from running for this key.
        """
        if self.read_only:
            return
        if event.character in JOINERS or event.key == PASTED_LINE_BREAK:
            event.stop()
            event.prevent_default()
            text = "\n" if event.key == PASTED_LINE_BREAK else event.character
            self._replace_via_keyboard(text or "", *self.selection)

    def check_consume_key(self, key: str, character: str | None = None) -> bool:
        """A pasted line break is text here, like enter (so it never waits as a key that acts)."""
        return (key == PASTED_LINE_BREAK and not self.read_only) or super().check_consume_key(key, character)

    def on_paste(self, event: events.Paste) -> None:
        """Paste cleaned text, or refuse a paste that would go past the limit.

        ``prevent_default`` keeps TextArea's own handler from running: Textual calls the
        handlers of the classes further up only while the event's default is not prevented.
        """
        clean = strip_controls(event.text)
        if self.read_only or (
            clean == event.text and self._length_after(clean, *self.selection) <= self.limit
        ):
            return  # TextArea's own handler inserts it
        event.prevent_default()
        event.stop()
        if self._length_after(clean, *self.selection) > self.limit:
            refuse_paste(self, clean, self.limit)
            return
        result = self._replace_via_keyboard(clean, *self.selection)
        if result is not None:
            self.move_cursor(result.end_location)

    # Private Textual API, on purpose (checked with Textual 8.2): every keystroke that changes
    # the text (typing, enter, tab, delete) goes through TextArea._replace_via_keyboard, which
    # may answer None for "nothing changed". The public hooks cannot refuse one keystroke:
    # ``edit``/``replace``/``insert`` must return an EditResult (there is none for "refused"),
    # and a key handler would have to reimplement TextArea's key-to-text mapping.
    # tests/house/test_textual_api.py fails if this method's name, parameters or callers change.
    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        if insert and self._length_after(insert, start, end) > self.limit:
            say_full(self, self.limit)
            return None
        return super()._replace_via_keyboard(insert, start, end)
