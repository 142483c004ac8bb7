"""The interviewers in the interview form: one row per person, each field declared once.

``PERSON_FIELDS`` names the ``Interviewer`` fields a row edits, in order, with their
placeholders: a new field of an interviewer is one more pair there (and the model's field).
``InterviewerRows`` is the form's "Interviewers" field: the rows, the "+ Add" button, and what
the form asks of them (the people typed, the first row that is wrong, show a list of people).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Static

from followup_tui.domain.models import Interviewer, ValidationError
from followup_tui.ui.display import safe
from followup_tui.ui.widgets.text_input import TextInput

PERSON_FIELDS: tuple[tuple[str, str], ...] = (
    ("name", "Name"),
    ("title", "Title"),
    ("email", "Email"),
    ("address", "Greet as"),
)
"""The Interviewer fields of a row, in order, with each input's placeholder."""

PersonValues = dict[str, str]
"""A row's fields as typed, by Interviewer field name."""

ROWS_SHOWN = 20
"""The most interviewer rows the form shows: the rest are kept as they are, and counted (a
form of a thousand rows would take the app minutes to build)."""


class InterviewerRow(Vertical):
    """One input per field of ``PERSON_FIELDS`` in a line, an inline error under them.

    Args:
        person: The interviewer to start with (empty for a new row).
    """

    DEFAULT_CSS = """
    InterviewerRow { height: auto; }
    InterviewerRow > Grid { height: auto; grid-size: 5; grid-columns: 1fr 1fr 1fr 1fr 3; grid-rows: 1; }
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
        """One input per field, and the remove button."""
        with Grid():
            limits = Interviewer.TEXT_LIMITS
            for field, placeholder in PERSON_FIELDS:
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

    def _input(self, field: str) -> Input:
        return self.query_one(f".person-{field}", Input)

    def values(self) -> PersonValues:
        """Every field as typed, by Interviewer field name."""
        return {field: self._input(field).value for field, _ in PERSON_FIELDS}

    def fill(self, values: PersonValues) -> None:
        """Put typed values back in the fields (fields it does not name stay as they are)."""
        for field, _ in PERSON_FIELDS:
            value = values.get(field)
            if isinstance(value, str):
                self._input(field).value = value

    def interviewer(self) -> Interviewer | None:
        """The interviewer this row describes; None when the row is empty.

        Raises:
            ValidationError: If the row is incomplete or the email is not an address.
        """
        values = {field: value.strip() for field, value in self.values().items()}
        if not any(values.values()):
            return None
        if not values["name"]:
            raise ValidationError("An interviewer needs a name.")
        return Interviewer(**values)

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
        name = self._input("name")
        return name if not name.value.strip() else self._input("email")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The remove button."""
        event.stop()
        self.post_message(self.RemoveRequested(self))


class InterviewerRows(Vertical):
    """The form's interviewers: a heading with "+ Add", then one ``InterviewerRow`` each.

    Args:
        label: The heading.
        people: The interviewers to start with (one empty row when there are none).
        id: The widget's id (the form uses the Interview field's name, ``interviewers``).
    """

    DEFAULT_CSS = """
    InterviewerRows { height: auto; }
    InterviewerRows > #people-head { height: 1; }
    InterviewerRows > #people-head Label { width: 1fr; color: $text-muted; }
    InterviewerRows > #people { height: auto; padding-left: 12; margin-bottom: 1; }
    InterviewerRows > #people-beyond { height: auto; padding-left: 12; color: $text-muted; }
    """

    def __init__(self, label: str, people: Iterable[Interviewer] = (), *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._label = label
        everyone = list(people)
        self._start = everyone[:ROWS_SHOWN]
        self._beyond: list[PersonValues] = [_values_of(p) for p in everyone[ROWS_SHOWN:]]
        """The interviewers past ``ROWS_SHOWN``: kept as they are, without rows."""

    def compose(self) -> ComposeResult:
        """The heading with its button, then the rows, then how many more there are."""
        with Horizontal(id="people-head"):
            yield Label(self._label)
            yield Button("+ Add", id="add-person", compact=True, tooltip="Add an interviewer (ctrl+n)")
        with Vertical(id="people"):
            yield from [InterviewerRow(p) for p in self._start] or [InterviewerRow()]
        yield Static(id="people-beyond")

    def on_mount(self) -> None:
        """Say how many interviewers have no row."""
        self._count_beyond()

    def _count_beyond(self) -> None:
        note = self.query_one("#people-beyond", Static)
        count = len(self._beyond)
        note.update(
            f"and {count:,} more interviewer{'s' if count != 1 else ''}, kept as they are" if count else ""
        )
        note.display = bool(count)

    def rows(self) -> list[InterviewerRow]:
        """The rows, top to bottom."""
        return list(self.query(InterviewerRow))

    def people(self) -> list[Interviewer]:
        """The interviewers typed, leaving out empty rows and rows that are not right yet."""
        people = []
        for row in self.rows():
            try:
                person = row.interviewer()
            except ValidationError:
                continue
            if person is not None:
                people.append(person)
        for values in self._beyond:
            try:
                people.append(Interviewer(**values))
            except ValidationError:
                continue
        return people

    def first_bad(self) -> Input | None:
        """Show every row's error; the field to put the cursor in, or None when all are fine."""
        bad = [row.bad_field() for row in self.rows() if not row.check()]
        return bad[0] if bad else None

    def typed(self) -> list[PersonValues]:
        """Every row as typed (for keeping the form's input)."""
        return [*(row.values() for row in self.rows()), *self._beyond]

    async def restore(self, typed: list[PersonValues]) -> None:
        """One row per kept set of values, as typed (up to ``ROWS_SHOWN``; the rest kept)."""
        await self.query(InterviewerRow).remove()
        for values in typed[:ROWS_SHOWN] or [{}]:
            row = InterviewerRow()
            await self.query_one("#people", Vertical).mount(row)
            row.fill(values)
        self._beyond = list(typed[ROWS_SHOWN:])
        self._count_beyond()

    async def show(self, people: list[Interviewer]) -> None:
        """Show these interviewers: a row that already holds one stays as typed, as does a row
        still being corrected; rows of anyone else go, and the rest get rows of their own."""
        kept: list[Interviewer] = []
        for row in self.rows():
            try:
                person = row.interviewer()
            except ValidationError:
                continue  # being typed: never thrown away
            if person is not None and person in people and person not in kept:
                kept.append(person)
            else:
                await row.remove()
        rest = [p for p in people if p not in kept]
        room = max(ROWS_SHOWN - len(self.rows()), 0)
        new = [InterviewerRow(p) for p in rest[:room]]
        self._beyond = [_values_of(p) for p in rest[room:]]
        if new or not self.rows():
            await self.query_one("#people", Vertical).mount_all(new or [InterviewerRow()])
        self._count_beyond()

    async def add_row(self) -> None:
        """Add an empty row and put the cursor in its first field."""
        row = InterviewerRow()
        await self.query_one("#people", Vertical).mount(row)
        row.query_one(Input).focus()


def _values_of(person: Interviewer) -> PersonValues:
    """An interviewer as a row's values."""
    return {field: getattr(person, field) for field, _ in PERSON_FIELDS}
