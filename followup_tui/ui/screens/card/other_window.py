"""When another window saves the card that is open here: keep both texts, never drop one.

``settle`` decides what needs no question: the other window's text when it holds all of this
window's words (they typed in turn), this window's when it holds all of theirs. Otherwise
``OtherWindowDialog`` asks: keep mine, use theirs, or keep both (mine, then the sentences of
theirs that mine lacks, greeting and sign-off once: ``merging.keep_both``); escape keeps both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Literal

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from followup_tui.domain.card.merging import keep_both
from followup_tui.domain.models import Card
from followup_tui.domain.text import strip_controls
from followup_tui.ui.screens.dialog import FollowupDialog

Choice = Literal["mine", "theirs", "both"]
"""What to do with the two texts."""


def settle(mine: str, theirs: str, draft: str) -> Choice | None:
    """The choice that loses nothing without asking, or None when the user must choose.

    Args:
        mine: This window's text.
        theirs: The text the other window saved ("" means the draft).
        draft: The draft both windows show for a card not edited.
    """
    ours, other, plain = mine.strip(), (theirs or draft).strip(), draft.strip()
    if ours in ("", plain, other) or ours in other:
        return "theirs"
    if theirs.strip() and other in ours:
        return "mine"
    return None


def reconcile(app: App[Any], mine: str, stored: Card, draft: str, keep: Callable[[Card, str], None]) -> None:
    """Another window saved ``stored``: hand ``keep`` the text to keep, asking when needed.

    Args:
        app: The app (it shows the question).
        mine: This window's text.
        stored: The card as the other window saved it.
        draft: The draft this window shows for a card not edited.
        keep: Shows and saves the text kept, on the stored card.
    """
    if any(isinstance(screen, OtherWindowDialog) for screen in app.screen_stack):
        return  # asked already: the answer comes first
    theirs = strip_controls(stored.text)

    def chosen(choice: Choice | None) -> None:
        keep(stored, theirs if choice == "theirs" else mine if choice == "mine" else keep_both(mine, theirs))

    choice = settle(mine, theirs, draft)
    if choice is None:
        app.push_screen(OtherWindowDialog(), chosen)
    else:
        chosen(choice)


ANSWERS: tuple[tuple[Choice, str, str], ...] = (
    ("mine", "m", "Keep mine"),
    ("theirs", "t", "Use theirs"),
    ("both", "b", "Keep both"),
)
"""The answers, left to right: what each keeps, its key, and its button's label."""


class OtherWindowDialog(FollowupDialog[Choice]):
    """Ask what to do now that another window saved different words for this card."""

    DEFAULT_CSS = """
    OtherWindowDialog > .dialog-frame { width: 60; border: round $warning; padding: 1 2; }
    OtherWindowDialog #answers { height: auto; margin-top: 1; align-horizontal: right; }
    OtherWindowDialog #answers Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(key, f"choose('{choice}')", label) for choice, key, label in ANSWERS),
        Binding("escape", "close", "Keep both"),
    ]

    def compose(self) -> ComposeResult:
        """The question and the three answers."""
        with Vertical(classes="dialog-frame"):
            yield Static(
                "This card was changed in another window. Keep your text, use theirs, or keep "
                "both (yours, then theirs)?"
            )
            with Horizontal(id="answers"):
                for choice, _key, label in ANSWERS:
                    yield Button(label, id=choice, variant="warning" if choice == "both" else "default")

    def on_mount(self) -> None:
        """The answer that loses nothing has the cursor."""
        self.query_one("#both", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button answers."""
        self.action_choose(event.button.id or "both")

    def action_choose(self, choice: str) -> None:
        """A key or a button answers."""
        self.dismiss("mine" if choice == "mine" else "theirs" if choice == "theirs" else "both")

    def close_dialog(self) -> None:
        """Escape keeps both texts."""
        self.dismiss("both")
