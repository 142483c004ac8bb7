"""One interviewer in the interview form: name, title, email, and a button to remove the row."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Static

from followup_tui.domain.models import Interviewer, ValidationError
from followup_tui.ui.display import safe
from followup_tui.ui.widgets.text_input import TextInput


class InterviewerRow(Vertical):
    """Three inputs in a line, an inline error under them.

    Args:
        person: The interviewer to start with (empty for a new row).
    """

    DEFAULT_CSS = """
    InterviewerRow { height: auto; }
    InterviewerRow > Grid { height: auto; grid-size: 4; grid-columns: 1fr 1fr 1fr 3; grid-rows: 1; }
    InterviewerRow Input { width: 1fr; margin-right: 1; }
    InterviewerRow Button { width: 3; min-width: 3; }
    InterviewerRow .form-error { display: none; color: $text-error; }
    InterviewerRow .form-error.-shown { display: block; }
    """

    @dataclass
    class RemoveRequested(Message):
        """The user asked to remove this row."""

        row: InterviewerRow
        """The row to remove."""

        @property
        def control(self) -> InterviewerRow:
            """The row, so ``@on(InterviewerRow.RemoveRequested, "#id")`` can pick one."""
            return self.row

    def __init__(self, person: Interviewer | None = None) -> None:
        super().__init__()
        self._person = person or Interviewer()

    def compose(self) -> ComposeResult:
        """Name, title, email and the remove button."""
        with Grid():
            limits = Interviewer.TEXT_LIMITS
            for field, placeholder in (("name", "Name"), ("title", "Title"), ("email", "Email")):
                yield TextInput(
                    getattr(self._person, field),
                    placeholder=placeholder,
                    compact=True,
                    classes=f"person-{field}",
                    max_length=limits[field],
                )
            remove = Button("✕", compact=True, tooltip="Remove this interviewer (ctrl+r)")
            remove.can_focus = False  # the keyboard uses ctrl+r, so Tab moves from person to person
            yield remove
        yield Static(classes="form-error")

    def values(self) -> tuple[str, str, str]:
        """The name, title and email as typed."""
        return (
            self.query_one(".person-name", Input).value,
            self.query_one(".person-title", Input).value,
            self.query_one(".person-email", Input).value,
        )

    def interviewer(self) -> Interviewer | None:
        """The interviewer this row describes; None when the row is empty.

        Raises:
            ValidationError: If the row is incomplete or the email is not an address.
        """
        name, title, email = (v.strip() for v in self.values())
        if not (name or title or email):
            return None
        if not name:
            raise ValidationError("An interviewer needs a name.")
        return Interviewer(name, title, email)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Typing the fix clears the row's error at once (a new error waits for save)."""
        if self.query_one(".form-error", Static).has_class("-shown"):
            self.check()

    def check(self) -> bool:
        """Show the row's error, if any; return True when the row is fine."""
        error = self.query_one(".form-error", Static)
        try:
            self.interviewer()
        except ValidationError as exc:
            error.update(safe(str(exc)))
            error.add_class("-shown")
            return False
        error.remove_class("-shown")
        return True

    def bad_field(self) -> Input:
        """The field to put the cursor in after ``check`` failed: the name if it is missing,
        else the email (the only other thing that can be wrong)."""
        name = self.query_one(".person-name", Input)
        return name if not name.value.strip() else self.query_one(".person-email", Input)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The remove button."""
        event.stop()
        self.post_message(self.RemoveRequested(self))
