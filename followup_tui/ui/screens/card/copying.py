"""The card's ``y``: ask the terminal to copy the card, and the clipboard tool where there is one.

The message never claims more than happened: "copied" only when a tool confirmed it, "asked
the terminal" when only the terminal was asked (OSC 52 has no answer).
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from followup_tui.services.clipboard import clipboard_tool, copy_with_tool

COPIED = "Card copied to the clipboard. Paste it into an email."
"""Said when a clipboard tool confirmed the copy."""

ASKED = "Asked the terminal to copy the card. Paste it into an email (some terminals do not allow it)."
"""Said when only the terminal was asked: nothing can confirm it."""


def copy_card(screen: Screen[Any], text: str) -> None:
    """Copy the card's text: the terminal is asked at once, a clipboard tool in a thread.

    Args:
        screen: The screen that copies; it shows the message.
        text: The card's text.
    """
    screen.app.copy_to_clipboard(text)
    if clipboard_tool() is None:
        screen.notify(ASKED, markup=False)
        return

    def with_tool() -> None:
        message = COPIED if copy_with_tool(text) else ASKED
        screen.app.call_from_thread(screen.notify, message, markup=False)

    screen.run_worker(with_tool, thread=True, group="clipboard", name="copy the card")
