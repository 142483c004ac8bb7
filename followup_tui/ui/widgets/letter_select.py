"""A dropdown that also picks by first letter while it is closed.

Textual's ``Select`` only searches by typing once its menu is open: on a closed one a letter
does nothing, so choosing "Video call" took enter, down, enter. ``LetterSelect`` picks the
option a typed letter starts (the next one when several start with it) without opening the
menu; space and the arrows still open it, and so does enter unless ``enter_moves_on`` (a form
where enter goes to the next field: a dropdown that opened on enter took the letters of a link
typed next as a search and picked a format with them).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from textual import events
from textual.message import Message
from textual.widgets import Select

ValueType = TypeVar("ValueType")


def _plain(prompt: object) -> str:
    """The text of an option's prompt (a str, a Content or a rich Text)."""
    return str(getattr(prompt, "plain", prompt))


class LetterSelect(Select[ValueType]):
    """A ``Select`` where a letter picks the option it starts, menu closed or open.

    Args:
        options: (prompt, value) pairs, as for ``Select``.
        enter_moves_on: Enter on the closed menu posts ``MoveOn`` instead of opening it.
        **kwargs: Passed on to ``Select`` (value, prompt, allow_blank, id, compact...).
    """

    @dataclass
    class MoveOn(Message):
        """Enter was pressed on the closed menu of a select whose enter moves on."""

        select: LetterSelect[Any]
        """The select enter was pressed on."""

    def __init__(
        self, options: Iterable[tuple[Any, ValueType]], *, enter_moves_on: bool = False, **kwargs: Any
    ) -> None:
        options = list(options)
        super().__init__(options, **kwargs)
        self._enter_moves_on = enter_moves_on
        self._letters: list[tuple[str, Any]] = [(_plain(p).strip().lower(), v) for p, v in options]
        if kwargs.get("allow_blank", True):
            blank = _plain(kwargs.get("prompt", "Select")).strip().lower()
            self._letters.insert(0, (blank, Select.NULL))

    async def _on_key(self, event: events.Key) -> None:
        """A letter on the closed menu picks the next option that starts with it; enter moves on
        when it should."""
        if event.key == "enter" and self._enter_moves_on and not self.expanded:
            event.stop()
            event.prevent_default()  # the binding would open the menu
            self.post_message(self.MoveOn(self))
            return
        if self.expanded or event.character is None or not event.character.isalnum():
            return
        letter = event.character.lower()
        matches = [value for label, value in self._letters if label.startswith(letter)]
        if not matches:
            return
        event.stop()
        event.prevent_default()
        current = self.value
        after = matches.index(current) + 1 if current in matches else 0
        self.value = matches[after % len(matches)]
