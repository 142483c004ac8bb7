"""A small dialog for one answer to clarify: the question, what I said, what I should have said."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, TextArea

from followup_tui.domain.models import Clarification
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.ui.screens.kept_input import KeptInputDialog
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput


class ClarificationDialog(KeptInputDialog[Clarification | None]):
    """Edit or add one clarification; ctrl+s or the button keeps it, escape cancels.

    Args:
        clarification: The one to edit, or None to add a new one.
        keep_key: Where what is typed is kept until it is used (see ``KeptInputDialog``).
    """

    DEFAULT_CSS = """
    ClarificationDialog > .dialog-frame { width: 72; }
    ClarificationDialog Label { margin-top: 1; text-style: bold; }
    ClarificationDialog Label.first { margin-top: 0; }
    ClarificationDialog TextArea { height: 4; }
    ClarificationDialog.-short TextArea { height: 3; }
    ClarificationDialog Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ClarificationDialog Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Save", priority=True),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    """Below 24 rows the boxes are a line shorter, so the buttons show without scrolling."""

    def __init__(self, clarification: Clarification | None = None, keep_key: str | None = None) -> None:
        super().__init__(keep_key)
        self._original = clarification or Clarification()
        self._is_new = clarification is None

    def compose(self) -> ComposeResult:
        """Three fields and two buttons."""
        with VerticalScroll(classes="dialog-frame") as frame:
            frame.border_title = "Add an answer to clarify" if self._is_new else "An answer to clarify"
            yield Label("The question they asked", classes="first")
            yield TextInput(
                one_line(self._original.question), id="question", compact=True, placeholder="Their question"
            )
            yield Label("What I said")
            yield TextBox(strip_controls(self._original.said), id="said", compact=True)
            yield Label("What I should have said")
            yield TextBox(strip_controls(self._original.should_have), id="should_have", compact=True)
            with Horizontal():
                yield Button("Cancel", id="cancel")
                yield Button("Save", id="keep", variant="primary")  # as its key says in the footer

    def on_mount(self) -> None:
        """Start in the question field."""
        self.query_one("#question", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the question moves on to what I said."""
        event.stop()
        self.query_one("#said", TextArea).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Keep or cancel."""
        if event.button.id == "keep":
            self.action_keep()
        else:
            self.action_close()

    def action_keep(self) -> None:
        """Return the edited clarification (nothing when every field is empty)."""
        item = Clarification(
            question=self.query_one("#question", Input).value.strip(),
            said=self.query_one("#said", TextArea).text.strip(),
            should_have=self.query_one("#should_have", TextArea).text.strip(),
        )
        self.close_with(item if (item.question or item.said or item.should_have) else None)
