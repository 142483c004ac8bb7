"""Text fields that hold to their length limit as the user types or pastes, and say so."""

from __future__ import annotations

import time
from typing import Any

from textual import events
from textual.document._document import Location
from textual.document._edit import EditResult
from textual.widget import Widget
from textual.widgets import TextArea

from followup_tui.domain.models import LONG_LIMIT
from followup_tui.domain.text import JOINERS

WARN_EVERY = 3.0
"""Seconds between two "field is full" messages while the user keeps typing."""


def refuse_paste(widget: Widget, pasted: str, limit: int) -> None:
    """Tell the user a paste was refused because the field would go past its limit."""
    widget.notify(
        f"The paste is too long ({len(pasted):,} characters; this field holds {limit:,} in all). "
        "Nothing was pasted.",
        title="Not pasted",
        severity="error",
        markup=False,
    )


class TextBox(TextArea):
    """``TextArea`` that never holds more than ``limit`` characters.

    Every multi-line field of followup holds at most ``LONG_LIMIT`` characters. Typing stops at
    the limit (with a bell and a message now and then), as an ``Input`` with ``max_length``
    does, so the screen never shows text that cannot be saved. A paste that would go past the
    limit is refused whole with one message: laying out a megabyte of text would freeze the
    screen for seconds, only for the save to refuse it.

    Args:
        limit: The most characters the field holds.
    """

    def __init__(self, *args: Any, limit: int = LONG_LIMIT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit = limit
        self._warned_at = 0.0

    def _length_after(self, insert: str, start: Location, end: Location) -> int:
        return len(self.text) - len(self.get_text_range(start, end)) + len(insert)

    async def _on_key(self, event: events.Key) -> None:
        # a joiner is no "printable" key to Textual, which would drop it: 👩‍💻 would lose its ZWJ
        if event.character in JOINERS and not self.read_only:
            event.stop()
            event.prevent_default()
            self._replace_via_keyboard(event.character, *self.selection)

    async def _on_paste(self, event: events.Paste) -> None:
        if self.read_only or self._length_after(event.text, *self.selection) <= self.limit:
            return  # TextArea's own handler inserts it
        event.prevent_default()
        event.stop()
        refuse_paste(self, event.text, self.limit)

    def _replace_via_keyboard(self, insert: str, start: Location, end: Location) -> EditResult | None:
        if insert and self._length_after(insert, start, end) > self.limit:
            self.app.bell()
            now = time.monotonic()
            if now - self._warned_at > WARN_EVERY:
                self._warned_at = now
                self.notify(
                    f"This field is full: it holds {self.limit:,} characters.",
                    title="Full",
                    severity="warning",
                    markup=False,
                )
            return None
        return super()._replace_via_keyboard(insert, start, end)
