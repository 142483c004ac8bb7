"""The one base of every followup dialog: a framed box in the middle, escape closes, its keys below.

A dialog puts its content in one container with the ``dialog-frame`` class (a ``Vertical`` or
a ``VerticalScroll``); the frame's look is defined here once, and a dialog sets only its own
width (``XDialog > .dialog-frame { width: 56; }``) or what differs. Its own footer shows the
dialog's keys, the save key among them, instead of the keys of the screen underneath.

Escape runs ``action_close``: when ``has_unsaved_text()`` says typed text would be lost, it asks
``DISCARD_QUESTION`` first; then ``close_dialog()`` leaves with the dialog's "nothing chosen"
result (None unless a dialog overrides it). ``ConfirmDialog``, the yes/no question (answered
with y, n, enter or escape; left and right move between the buttons), is one of them.
"""

from __future__ import annotations

from typing import ClassVar, TypeVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Static

from followup_tui.ui.display import safe
from followup_tui.ui.widgets.key_footer import KeyFooter

ResultType = TypeVar("ResultType")


class FollowupDialog(ModalScreen[ResultType]):
    """A modal dialog of followup. Subclasses compose a ``.dialog-frame`` container."""

    DEFAULT_CSS = """
    FollowupDialog { align: center middle; }
    FollowupDialog > .dialog-frame {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    FollowupDialog .dialog-title { text-style: bold; }
    FollowupDialog .dialog-hint { color: $text-muted; }
    FollowupDialog .dialog-error { color: $error; height: auto; display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Cancel"),
        # the app's own ? does not reach a modal screen; here it lists the dialog's keys, and in
        # a narrow footer it says `? keys` for those that give way (typed in a field, ? is text)
        Binding("question_mark", "app.help", "Help"),
    ]

    DISCARD_QUESTION: ClassVar[str] = "Close and lose what you typed?"
    """Asked on escape while ``has_unsaved_text()`` is true."""
    DISCARD_ANSWERS: ClassVar[tuple[str, str]] = ("Discard", "Keep typing")
    """The two answers to ``DISCARD_QUESTION``: the one that closes, the one that stays."""

    @on(events.Mount)
    def _add_footer(self) -> None:
        """Show this dialog's keys at the bottom (a dialog that composes its own keeps it)."""
        if not self.query(Footer):
            self.mount(KeyFooter())

    def has_unsaved_text(self) -> bool:
        """True when closing now would lose something the user typed (then escape asks first)."""
        return False

    def close_dialog(self) -> None:
        """Leave without choosing anything: dismiss with None (dialogs with another answer override)."""
        self.dismiss(None)

    def action_step(self, step: int) -> None:
        """Left and right move between the buttons and stop at the ends (never round to the
        other answer: left on the first button stays there)."""
        buttons = list(self.query(Button))
        focused = self.focused
        index = buttons.index(focused) if isinstance(focused, Button) and focused in buttons else 0
        buttons[max(0, min(len(buttons) - 1, index + step))].focus()

    def action_close(self) -> None:
        """Escape: close, asking first when typed text would be lost."""
        if not self.has_unsaved_text():
            self.close_dialog()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.close_dialog()

        yes, no = self.DISCARD_ANSWERS
        self.app.push_screen(ConfirmDialog(self.DISCARD_QUESTION, yes, no), answered)


class ConfirmDialog(FollowupDialog[bool]):
    """Ask one question; dismiss with True (yes) or False (no).

    Args:
        question: The question, as plain text (never parsed as markup).
        yes: The label of the button that confirms.
        no: The label of the button that declines.
    """

    DEFAULT_CSS = """
    ConfirmDialog > .dialog-frame { width: 56; border: round $warning; padding: 1 2; }
    ConfirmDialog Horizontal { height: auto; margin-top: 1; align-horizontal: right; }
    ConfirmDialog Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("escape", "close", "No", show=False),
        Binding("left", "step(-1)", "Previous button", show=False),
        Binding("right", "step(1)", "Next button", show=False),
    ]

    def __init__(self, question: str, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self._question, self._yes, self._no = question, yes, no
        # the footer names the keys with the buttons' words ("y Delete · n Keep", not "y Yes")
        for key, answer, label in (("y", True, yes), ("n", False, no)):
            self._bindings.key_to_bindings[key] = [Binding(key, f"answer({answer})", label)]

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(classes="dialog-frame"):
            yield Static(safe(self._question))
            with Horizontal():
                yield Button(self._no, id="no")
                yield Button(self._yes, id="yes", variant="warning")

    def on_mount(self) -> None:
        """Focus the safe answer."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button answers."""
        self.dismiss(event.button.id == "yes")

    def close_dialog(self) -> None:
        """Escape answers no."""
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        """A key answers."""
        self.dismiss(answer)
