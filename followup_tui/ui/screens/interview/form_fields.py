"""The interview form's fields, declared once.

Each ``FormField`` in ``FIELDS`` names the ``Interview`` field it edits, which is also its
widget's id, with its label, its kind of input and how typed text becomes the stored value.
Building the form, reading it (checked, with inline errors, or leniently), filling it from an
interview or an invitation, and keeping what was typed all go through this table, so a new
field of an interview is one more row here (and the model's field, and its migration).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from followup_tui.domain.language import LANGUAGES
from followup_tui.domain.models import FORMATS, Interview, ValidationError, parse_when
from followup_tui.domain.vocabulary import FORMAT_LABELS
from followup_tui.domain.zones import parse_zone
from followup_tui.ui.display import safe
from followup_tui.ui.screens.interview.interviewer_row import InterviewerRows
from followup_tui.ui.widgets.letter_select import LetterSelect
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput

Kind = Literal["line", "choice", "text", "interviewers"]
"""A one-line input, a dropdown, a text box, or the interviewers' rows."""

LIMITS = Interview.TEXT_LIMITS
"""Most characters of each field: typing and pastes stop there, as the save would refuse more."""


def _zone(typed: str) -> str:
    """A typed zone as its IANA name ("" for this machine's)."""
    return parse_zone(typed.strip()) if typed.strip() else ""


@dataclass(frozen=True)
class FormField:
    """One field of the interview form."""

    name: str
    """The Interview field it edits, and its widget's id."""
    label: str
    """What the form calls it."""
    kind: Kind = "line"
    """Which input it is."""
    placeholder: str = ""
    """What an empty input shows."""
    parse: Callable[[str], Any] = str.strip
    """Typed text to the stored value; raises ValidationError with the sentence to show."""
    required: str = ""
    """What to say when it is left empty ("" when it may be)."""
    error: bool = False
    """It has an error line under it (``#<name>-error``)."""
    note: bool = False
    """It has a note line under it (``#<name>-note``)."""
    hint: str = ""
    """The id of a hint line shown after the field ("" for none)."""
    options: tuple[tuple[str, str], ...] = ()
    """A dropdown's (label, value) pairs."""

    @property
    def error_id(self) -> str:
        """The id of the field's error line."""
        return f"{self.name}-error"


FIELDS: tuple[FormField, ...] = (
    FormField("company", "Company *", placeholder="required", required="Company is required.", error=True),
    FormField("role", "Role", hint="invite-note"),
    FormField("when", "When", placeholder="YYYY-MM-DD HH:MM", parse=parse_when, error=True, note=True),
    FormField("tz", "Zone", placeholder="this machine's zone", parse=_zone, error=True, hint="when-hint"),
    FormField("format", "Format", kind="choice", options=tuple((FORMAT_LABELS[f], f) for f in FORMATS)),
    FormField("location", "Where", placeholder="address or meeting link"),
    FormField("job_link", "Job link", placeholder="https://"),
    FormField("interviewers", "Interviewers (name, title, email, greet as)", kind="interviewers"),
    FormField("language", "Language", kind="choice", options=tuple((n, t) for t, n in LANGUAGES.items())),
    FormField("notes", "Notes", kind="text", parse=str),
)
"""The form's fields, top to bottom."""

BY_NAME: dict[str, FormField] = {f.name: f for f in FIELDS}


def empty_value(name: str) -> Any:
    """What an Interview field holds when nothing is given (a new interview's field)."""
    field = next(f for f in dataclasses.fields(Interview) if f.name == name)
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


def _input(field: FormField, value: Any) -> Widget:
    if field.kind == "choice":
        options = list(field.options)
        if value not in [v for _, v in options]:
            options.append((str(value), value))  # a stored value the list does not offer ("de-AT")
        return LetterSelect(
            options, value=value, allow_blank=False, id=field.name, compact=True, enter_moves_on=True
        )
    if field.kind == "text":
        return TextBox(value, id=field.name, compact=True, soft_wrap=True, limit=LIMITS[field.name])
    return TextInput(
        "" if value is None else str(value),
        placeholder=field.placeholder,
        id=field.name,
        compact=True,
        max_length=LIMITS.get(field.name, 0),
    )


def compose_fields(interview: Interview | None) -> Iterator[Widget]:
    """Every field's widgets, showing ``interview`` (empty fields for a new one)."""
    for field in FIELDS:
        value = getattr(interview, field.name) if interview is not None else empty_value(field.name)
        if field.kind == "interviewers":
            yield InterviewerRows(field.label, value, id=field.name)
        else:
            parts: list[Widget] = [
                Horizontal(Label(field.label, classes="form-label"), _input(field, value), classes="form-row")
            ]
            if field.error:
                parts.append(Static(id=field.error_id, classes="form-error"))
            if field.note:
                parts.append(Static(id=f"{field.name}-note", classes="form-note"))
            yield Vertical(*parts, classes="form-field")
        if field.hint:
            yield Static(id=field.hint, classes="form-hint")


def show_line(form: Widget, line_id: str, message: str) -> None:
    """Show a message in an error or note line (an empty one hides it)."""
    line = form.query_one(f"#{line_id}", Static)
    line.update(safe(message))
    line.set_class(bool(message), "-shown")


def typed(form: Widget, field: FormField) -> str:
    """What a line of the form holds as typed."""
    return form.query_one(f"#{field.name}", Input).value


def _read(form: Widget, field: FormField) -> Any:
    """The field's stored value. Raises ValidationError for a typed value it cannot store."""
    widget = form.query_one(f"#{field.name}")
    if isinstance(widget, InterviewerRows):
        return widget.people()
    if isinstance(widget, Select):
        return widget.value
    if isinstance(widget, TextArea):
        return field.parse(widget.text)
    return field.parse(typed(form, field))


def check_field(form: Widget, field: FormField, *, required: bool = True) -> Any:
    """Read one field, showing its error (or clearing it); return the stored value.

    Args:
        form: The form.
        field: The field to check.
        required: Also say so when a required field is empty.

    Raises:
        ValidationError: If it is wrong (the error is shown).
    """
    try:
        value = _read(form, field)
        if required and field.required and not value:
            raise ValidationError(field.required)
    except ValidationError as exc:
        if field.error:
            show_line(form, field.error_id, str(exc))
        raise
    if field.error:
        show_line(form, field.error_id, "")
    return value


def check_fields(form: Widget) -> tuple[dict[str, Any], Widget | None]:
    """Read every field, showing inline errors.

    Returns:
        The fields by Interview field name, and the first widget that is wrong (None: all fine).
    """
    values: dict[str, Any] = {}
    first_bad: Widget | None = None
    for field in FIELDS:
        if field.kind == "interviewers":
            first_bad = first_bad or form.query_one(InterviewerRows).first_bad()
        try:
            values[field.name] = check_field(form, field)
        except ValidationError:
            first_bad = first_bad or form.query_one(f"#{field.name}")
    return values, first_bad


def read_fields(form: Widget) -> dict[str, Any]:
    """Every field as it would be stored, a value that cannot be stored read as empty."""
    values: dict[str, Any] = {}
    for field in FIELDS:
        try:
            values[field.name] = _read(form, field)
        except ValidationError:
            values[field.name] = empty_value(field.name)
    return values


async def fill_fields(form: Widget, values: Mapping[str, Any]) -> None:
    """Show these stored values in the fields they name (the others stay as they are)."""
    for name, value in values.items():
        field = BY_NAME.get(name)
        if field is None:
            continue
        widget = form.query_one(f"#{name}")
        if isinstance(widget, InterviewerRows):
            await widget.show(list(value))
        elif isinstance(widget, Select):
            widget.value = value
        elif isinstance(widget, TextArea):
            widget.load_text(value)
        elif isinstance(widget, Input):
            widget.value = "" if value is None else str(value)
