"""A multi-line text box that refuses a paste too long for the field it edits."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import TextArea

from followup_tui.models import LONG_LIMIT


class TextBox(TextArea):
    """``TextArea`` with a length limit for pastes.

    Every multi-line field of followup holds at most ``LONG_LIMIT`` characters. A paste that
    would go past the limit is refused with one clear message and nothing is inserted: laying
    out a megabyte of text would freeze the screen for seconds, only for the save to refuse it.

    Args:
        limit: The most characters the field holds.
    """

    def __init__(self, *args: Any, limit: int = LONG_LIMIT, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.limit = limit

    async def _on_paste(self, event: events.Paste) -> None:
        if self.read_only:
            return
        length = len(self.text) - len(self.selected_text) + len(event.text)
        if length <= self.limit:
            return  # TextArea's own handler inserts it
        event.prevent_default()
        event.stop()
        self.notify(
            f"The paste is too long ({len(event.text):,} characters; this field holds "
            f"{self.limit:,} in all). Nothing was pasted.",
            title="Not pasted",
            severity="error",
            markup=False,
        )
