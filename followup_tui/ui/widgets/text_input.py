"""An Input for editing text the user already wrote: focusing it never selects (and so never
replaces) what is there; the cursor goes to the end, ready to add to it. A paste longer than
``max_length`` is refused with a message (a plain Input drops it without a word). Stored text
is shown through ``one_line`` (the one sanitising path): no control characters, one line."""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

from followup_tui.domain.text import JOINERS, one_line
from followup_tui.ui.widgets.text_box import refuse_paste


class TextInput(Input):
    """``Input`` with ``select_on_focus`` off by default, and pastes held to ``max_length``."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(one_line(value) if value else value, *args, **kwargs)

    async def _on_key(self, event: events.Key) -> None:
        # a joiner is no "printable" key to Textual, which would drop it: 👩‍💻 would lose its ZWJ
        if event.character in JOINERS:
            event.stop()
            event.prevent_default()
            if self.selection.is_empty:
                self.insert_text_at_cursor(event.character)
            else:
                self.replace(event.character, *self.selection)

    def _on_paste(self, event: events.Paste) -> None:
        line = event.text.splitlines()[0] if event.text else ""  # an Input takes the first line
        if self.max_length and len(self.value) - len(self.selected_text) + len(line) > self.max_length:
            event.prevent_default()  # Input's own handler (it runs next otherwise) is skipped
            event.stop()
            refuse_paste(self, line, self.max_length)
