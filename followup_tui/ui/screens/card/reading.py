"""Reading the card outside its editor: the arrows and page keys scroll the draft, so a card
longer than a small terminal (60x20) can be read whole without editing it or large print."""

from __future__ import annotations

from typing import cast

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import TextArea

READ_KEYS = ("up", "down", "pageup", "pagedown")
"""The keys that scroll the card while the cursor is not in the editor."""

READ_BINDINGS = [Binding(key, f"read('{key}')", "Scroll the card", show=False) for key in READ_KEYS]
"""Their bindings (in the editor, the editor's own keys move the cursor instead)."""


class CardReading:
    """The card screen's reading keys (a mixin: the screen lists ``READ_BINDINGS``)."""

    def action_read(self, key: str) -> None:
        """Scroll the card one line or one page up or down."""
        editor = cast("Screen[object]", self).query_one(TextArea)
        getattr(editor, f"scroll_{key.replace('page', 'page_')}")(animate=False)
