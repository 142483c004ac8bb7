"""Writing one missing sentence of the card: what I want them to know, a moment, my drive, my name.

The card screen opens this for a part ``card_parts`` lists; the dialog only asks and returns
the words (the screen saves them where they belong). What is typed is kept as a draft until
then, so ctrl+q or a closed terminal never loses it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Static

from followup_tui.domain.card.draft import CardPart
from followup_tui.domain.card.warnings import room_line
from followup_tui.domain.text import one_line
from followup_tui.domain.vocabulary import CONCERN_TEXT_LIMIT, NAME_LIMIT, REASON_LIMIT, SHORT_LIMIT
from followup_tui.ui.display import safe, template
from followup_tui.ui.screens.kept_input import KeptInputDialog
from followup_tui.ui.widgets.text_input import TextInput

ASKS: dict[str, tuple[str, str, int]] = {
    "error": (
        "What I want them to know",
        "One or two sentences, as you would write them on the card. The error's own words never go on it.",
        CONCERN_TEXT_LIMIT,
    ),
    "moment": (
        "A moment worth mentioning",
        "Something you enjoyed talking about, such as: hearing how the team plans its releases.",
        CONCERN_TEXT_LIMIT,
    ),
    "drive": ("Why I want this job", "One line in your own words; the card ends with it.", REASON_LIMIT),
    "name": ("Your name", "Signed under every card. Asked once; m changes it later.", NAME_LIMIT),
    "address": (
        "How the card addresses them",
        "As it follows Dear or Guten Tag: Sam, Dr. Okafor, Frau Schmidt, Sra. García, Mme Martin. "
        "A salutation (Frau, Sra., Mme) gives the greeting that goes with it. Every card to them uses it.",
        SHORT_LIMIT,
    ),
}
"""Per part: the dialog's title, a hint and the most characters."""


class SentenceDialog(KeptInputDialog[str | None]):
    """Ask for one part of the card; enter keeps it, escape cancels (asking first when
    something was typed).

    Args:
        part: The part to write.
        current: What is written now (shown to edit), if anything.
        keep_key: Where what is typed is kept until it is used (see ``KeptInputDialog``).
        room: How many words the card has room for in this part (None: no count shown); the
            count follows what is typed.
    """

    DEFAULT_CSS = """
    SentenceDialog > .dialog-frame { width: 76; }
    SentenceDialog .hint { color: $text-muted; }
    SentenceDialog #sentence-about { text-style: bold; }
    SentenceDialog #sentence-topic { color: $warning; }
    SentenceDialog #sentence-count { color: $text-muted; }
    SentenceDialog #sentence-count.-over { color: $error; }
    SentenceDialog Input { margin-top: 1; background: $boost; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "keep", "Keep", priority=True)]

    def __init__(
        self, part: CardPart, current: str = "", keep_key: str | None = None, room: int | None = None
    ) -> None:
        super().__init__(keep_key)
        self._part = part
        self._current = current
        self._room = room

    def compose(self) -> ComposeResult:
        """What is asked, what it is about, a hint, the line to write in."""
        title, hint, limit = ASKS[self._part.kind]
        with Vertical(classes="dialog-frame") as box:
            box.border_title = f"{title} · enter keeps it"  # whole at 60 columns; esc is below
            if self._part.kind == "error":
                yield Static(template("About: $label", label=self._part.label), id="sentence-about")
            if self._part.topic:
                yield Static(
                    safe(f"Left out of the card now: it mentions {self._part.topic}. Say it another way."),
                    id="sentence-topic",
                )
            yield Static(safe(hint), classes="hint")
            yield TextInput(
                one_line(self._current),
                id="sentence",
                max_length=limit,
                compact=True,
                placeholder="Write it here",
            )
            if self._room is not None:
                yield Static(id="sentence-count")

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one("#sentence", Input).focus()
        self._count(one_line(self._current))

    def on_input_changed(self, event: Input.Changed) -> None:
        """The count follows what is typed."""
        self._count(event.value)

    def _count(self, words: str) -> None:
        if self._room is None:
            return
        text, over = room_line(words, self._room)
        line = self.query_one("#sentence-count", Static)
        line.update(safe(text))
        line.set_class(over, "-over")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the words."""
        event.stop()
        self.action_keep()

    def action_keep(self) -> None:
        """Keep the words (an empty line keeps nothing): enter, or ctrl+s as in every dialog."""
        self.close_with(self.query_one("#sentence", Input).value.strip() or None)
