"""Keys sent to an app the way a fast typist or a terminal sends them: without waiting."""

from __future__ import annotations

from textual import events
from textual.app import App

CHARACTERS = {"enter": "\r", "tab": "\t", "space": " ", "escape": "\x1b", "backspace": "\x7f"}
"""The character a terminal sends with these keys."""


def type_fast(app: App[object], *keys: str, sent_at: float | None = None) -> None:
    """Queue every key at once, as a terminal delivers keys typed faster than screens open.

    ``pilot.press`` waits for the app after each key; this does not, so a key that opens a
    screen is followed at once by the keys meant for that screen. Single characters are typed
    as they are; names ("enter", "ctrl+s") are pressed as keys. ``sent_at`` stamps every key
    with that time (Textual's clock) as the moment the terminal sent it, however late it is
    handled.
    """
    for key in keys:
        if len(key) == 1:
            event = events.Key(key if key.isalnum() else _name_of(key), key)
        else:
            event = events.Key(key, CHARACTERS.get(key))
        if sent_at is not None:
            event.time = sent_at
        app.post_message(event)


def _name_of(character: str) -> str:
    """Textual's name of a punctuation key (" " is "space", "-" is "minus")."""
    from textual.keys import _character_to_key

    return _character_to_key(character)
