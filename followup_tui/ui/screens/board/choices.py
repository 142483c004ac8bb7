"""A short list of choices shown whole, picked in one key: its number or its first letter.

A dropdown (``Select``) takes about five keys to change and its overlay can spill out of a
small dialog. A choice among five is shown in place instead, one line each, the chosen one
marked: ``1``-``9`` pick by number, a letter picks the choice it starts (the next one when
several start with it), and enter or space picks the highlighted one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

CHOSEN = "●"
"""The mark of the chosen line."""

NOT_CHOSEN = "○"
"""The mark of the other lines (drawn, not only coloured: readable without colour)."""


class ChoiceList(OptionList):
    """Pick one of a few choices with one key.

    Args:
        choices: (label, value) pairs, in order.
        value: The value chosen at first.
        id: The widget's id.
        compact: Draw without a border.
        classes: CSS classes.
    """

    DEFAULT_CSS = """
    ChoiceList { height: auto; max-height: 10; }
    """
    KEYS_ACT: ClassVar[bool] = True
    """A key here chooses, which can show other fields ("clarify in the card" shows what I want
    them to know): the keys typed after it wait for that (``ui/key_order.py``)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "select", "Choose", show=False),
    ]

    @dataclass
    class Changed(Message):
        """The user chose another value."""

        choice_list: ChoiceList
        """The list the choice was made in."""
        value: str
        """The value chosen."""

        @property
        def control(self) -> ChoiceList:
            """The list (for ``@on(ChoiceList.Changed, "#id")``)."""
            return self.choice_list

    def __init__(
        self,
        choices: list[tuple[str, str]],
        value: str,
        *,
        id: str | None = None,
        compact: bool = False,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, compact=compact, classes=classes)
        self._choices = choices
        self._value = value
        self._draw()
        values = [v for _, v in choices]
        self.highlighted = values.index(value) if value in values else 0

    @property
    def value(self) -> str:
        """The value chosen."""
        return self._value

    @value.setter
    def value(self, value: str) -> None:
        self._choose(value)

    def _draw(self) -> None:
        highlighted = self.highlighted
        self.set_options(
            Option(
                Content.assemble(
                    (f"{number} ", "dim"),
                    CHOSEN if value == self._value else NOT_CHOSEN,
                    " ",
                    label,
                ),
                id=value or "-",
            )
            for number, (label, value) in enumerate(self._choices, start=1)
        )
        if highlighted is not None:
            self.highlighted = highlighted

    def _choose(self, value: str) -> None:
        values = [v for _, v in self._choices]
        if value not in values:
            return
        self.highlighted = values.index(value)
        if value != self._value:
            self._value = value
            self._draw()
            self.post_message(self.Changed(self, value))

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Numbers and letters pick a choice here; other keys are the app's."""
        return self._pick_for(character) is not None

    def _pick_for(self, character: str | None) -> str | None:
        """The value a typed character picks, if any."""
        if not character or not character.isprintable() or character == " ":
            return None
        if character.isdigit():
            index = int(character) - 1
            return self._choices[index][1] if 0 <= index < len(self._choices) else None
        starting = [v for label, v in self._choices if label[:1].lower() == character.lower()]
        if not starting:
            return None
        current = self._value if self._value in starting else None
        return starting[(starting.index(current) + 1) % len(starting)] if current else starting[0]

    async def _on_key(self, event: events.Key) -> None:
        value = self._pick_for(event.character)
        if value is not None:
            event.stop()
            event.prevent_default()
            self._choose(value)

    def _on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) picks the highlighted line."""
        event.stop()
        self._choose(self._choices[event.option_index][1])
