"""The interview form (modal): add a new interview or edit one, with inline errors."""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from followup_tui.domain.models import FORMATS, Interview, Interviewer, ValidationError, parse_when
from followup_tui.services import actions
from followup_tui.ui.display import safe
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.drafts import DraftDialog, DraftValues
from followup_tui.ui.widgets.form_interviewer import InterviewerRow
from followup_tui.ui.widgets.key_footer import KeyFooter
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput

FORMAT_LABELS = {"onsite": "On site", "video": "Video call", "phone": "Phone call"}


def _field(label: str, widget: Widget, error_id: str | None = None) -> Vertical:
    """A label beside its input, with an optional error line under them."""
    row = Horizontal(Label(label, classes="form-label"), widget, classes="form-row")
    parts: list[Widget] = [row]
    if error_id:
        parts.append(Static(id=error_id, classes="form-error"))
    return Vertical(*parts, classes="form-field")


class InterviewFormScreen(DraftDialog["Interview | None"]):
    """Add or edit an interview; dismisses with the stored interview, or None when cancelled.

    Args:
        interview: The interview to edit; None for a new one.
    """

    app: FollowupHost

    DEFAULT_CSS = """
    InterviewFormScreen { align: center middle; }
    InterviewFormScreen > #form {
        width: 84; max-width: 100%; height: auto; max-height: 100%;
        border: round $primary; border-title-style: bold; background: $surface; padding: 0 1;
    }
    InterviewFormScreen .form-field { height: auto; margin-bottom: 1; }
    InterviewFormScreen.-short .form-field { margin-bottom: 0; }
    InterviewFormScreen .form-row { height: auto; }
    InterviewFormScreen .form-label { width: 12; color: $text-muted; }
    InterviewFormScreen Input, InterviewFormScreen Select { width: 1fr; }
    InterviewFormScreen Input, InterviewFormScreen TextArea { background: $boost; }
    InterviewFormScreen TextArea { height: 4; width: 1fr; }
    InterviewFormScreen .form-error { display: none; color: $text-error; padding-left: 12; }
    InterviewFormScreen .form-error.-shown { display: block; }
    InterviewFormScreen .form-hint { color: $text-muted; padding-left: 12; }
    InterviewFormScreen #people-head { height: 1; }
    InterviewFormScreen #people-head Label { width: 1fr; color: $text-muted; }
    InterviewFormScreen #people { height: auto; padding-left: 12; margin-bottom: 1; }
    InterviewFormScreen.-short #people { margin-bottom: 0; }
    InterviewFormScreen.-short TextArea { height: 3; }
    InterviewFormScreen.-narrow InterviewerRow > Grid { grid-size: 2; grid-columns: 1fr 1fr; }
    InterviewFormScreen #form-buttons { height: auto; align-horizontal: right; }
    InterviewFormScreen #form-buttons Button { margin-left: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "close", "Cancel"),
        Binding("ctrl+n", "add_person", "Add interviewer"),
        Binding("ctrl+r", "remove_person", "Remove interviewer", show=False),
    ]

    DISCARD_QUESTION = "Discard your changes to this interview?"

    def __init__(self, interview: Interview | None = None) -> None:
        super().__init__(actions.draft_key("interview", interview.id if interview else None))
        self._interview = interview
        self.title = "Edit interview" if interview else "New interview"
        self._shown: dict[str, Any] = {}
        self._saving = False

    def compose(self) -> ComposeResult:
        """Every field of an interview, then the buttons."""
        start = self._interview or Interview(company="-")
        company = start.company if self._interview else ""
        with VerticalScroll(id="form") as form:
            form.border_title = self.title
            yield _field(
                "Company *",
                TextInput(company, placeholder="required", id="company", compact=True),
                "company-error",
            )
            yield _field("Role", TextInput(start.role, id="role", compact=True))
            yield _field(
                "When",
                TextInput(start.when or "", placeholder="YYYY-MM-DD HH:MM", id="when", compact=True),
                "when-error",
            )
            options = [(FORMAT_LABELS[f], f) for f in FORMATS]
            yield _field(
                "Format", Select(options, value=start.format, allow_blank=False, id="format", compact=True)
            )
            yield _field(
                "Where",
                TextInput(start.location, placeholder="address or meeting link", id="location", compact=True),
            )
            yield _field(
                "Job link", TextInput(start.job_link, placeholder="https://", id="job-link", compact=True)
            )
            with Horizontal(id="people-head"):
                yield Label("Interviewers (name, title, email)")
                add = Button("+ Add", id="add-person", compact=True)
                add.can_focus = False  # ctrl+n from the keyboard; Tab goes straight to the names
                yield add
            with Vertical(id="people"):
                for person in start.interviewers:
                    yield InterviewerRow(person)
                if not start.interviewers:
                    yield InterviewerRow()
            yield _field("Notes", TextBox(start.notes, id="notes", compact=True, soft_wrap=True))
            yield Static(id="form-error", classes="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)
        yield KeyFooter()

    def on_resize(self, event: Resize) -> None:
        """Tighter spacing on small terminals; interviewers over two lines when narrow."""
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(height < 26, "-short")
        self.set_class(width < 80, "-narrow")

    def on_mount(self) -> None:
        """Remember the starting values and put the cursor in the company field."""
        self._fit(self.app.size.width, self.app.size.height)
        self._shown = self._values_as_fields()
        self.query_one("#company", Input).focus()

    # -- values ---------------------------------------------------------------------------------

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def draft_values(self) -> DraftValues:
        """Every field as typed, the interviewers' rows included."""
        values = super().draft_values()
        values["people"] = [list(row.values()) for row in self.query(InterviewerRow)]
        return values

    async def apply_draft(self, values: DraftValues) -> None:
        """Fill the fields, and one row per interviewer, from a kept draft."""
        await super().apply_draft(values)
        people = values.get("people")
        if not isinstance(people, list):
            return
        rows = [
            p for p in people if isinstance(p, list) and len(p) == 3 and all(isinstance(v, str) for v in p)
        ]
        await self.query(InterviewerRow).remove()
        container = self.query_one("#people", Vertical)
        for name, title, email in rows or [["", "", ""]]:
            row = InterviewerRow()
            await container.mount(row)
            for css_class, value in (("person-name", name), ("person-title", title), ("person-email", email)):
                row.query_one(f".{css_class}", Input).value = value

    def _show_error(self, error_id: str, message: str) -> None:
        error = self.query_one(f"#{error_id}", Static)
        error.update(safe(message))
        error.set_class(bool(message), "-shown")

    def _check_when(self) -> str | None:
        """Show the time's error; return the normalised time. Raises ValidationError."""
        try:
            when = parse_when(self._text("when"))
        except ValidationError as exc:
            self._show_error("when-error", str(exc))
            raise
        self._show_error("when-error", "")
        return when

    def _collect(self) -> dict[str, Any] | None:
        """Check every field, showing inline errors; return the fields, or None when wrong."""
        first_bad: Widget | None = None
        company = self._text("company").strip()
        self._show_error("company-error", "" if company else "Company is required.")
        if not company:
            first_bad = self.query_one("#company", Input)
        when = None
        try:
            when = self._check_when()
        except ValidationError:
            first_bad = first_bad or self.query_one("#when", Input)
        people = []
        for row in self.query(InterviewerRow):
            if not row.check():
                first_bad = first_bad or row.bad_field()
                continue
            person = row.interviewer()
            if person is not None:
                people.append(person)
        if first_bad is not None:
            first_bad.focus()
            return None
        fields = self._values_as_fields(when=when, people=people)
        try:
            Interview(**fields)
        except ValidationError as exc:
            self._show_error("form-error", str(exc))
            return None
        self._show_error("form-error", "")
        return fields

    def _values_as_fields(
        self, when: str | None = None, people: list[Interviewer] | None = None
    ) -> dict[str, Any]:
        """The form's values as Interview fields (time and interviewers as given, or as read)."""
        if people is None:
            people = []
            for row in self.query(InterviewerRow):
                try:
                    person = row.interviewer()
                except ValidationError:
                    continue
                if person is not None:
                    people.append(person)
        if when is None:
            try:
                when = self._check_when()
            except ValidationError:
                when = None
        return {
            "company": self._text("company").strip(),
            "role": self._text("role").strip(),
            "when": when,
            "format": self.query_one("#format", Select).value,
            "location": self._text("location").strip(),
            "job_link": self._text("job-link").strip(),
            "interviewers": people,
            "notes": self.query_one("#notes", TextArea).text,
        }

    # -- events ---------------------------------------------------------------------------------

    @on(Input.Changed, "#when")
    def _when_changed(self) -> None:
        """Clear the time's error as soon as what is typed is a valid time."""
        try:
            parse_when(self._text("when"))
        except ValidationError:
            return
        self._show_error("when-error", "")

    @on(Input.Blurred, "#when")
    def _when_left(self) -> None:
        """Say what is wrong with the time when the user leaves the field."""
        with contextlib.suppress(ValidationError):
            self._check_when()

    @on(Input.Changed, "#company")
    def _company_changed(self, event: Input.Changed) -> None:
        if event.value.strip():
            self._show_error("company-error", "")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        """Enter moves to the next field."""
        self.focus_next()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#cancel")
    def _cancel_pressed(self) -> None:
        self.action_close()

    @on(Button.Pressed, "#add-person")
    async def _add_pressed(self) -> None:
        await self.action_add_person()

    def on_interviewer_row_remove_requested(self, event: InterviewerRow.RemoveRequested) -> None:
        """Remove an interviewer row."""
        event.row.remove()

    # -- actions --------------------------------------------------------------------------------

    async def action_add_person(self) -> None:
        """Add a row for another interviewer and type its name."""
        row = InterviewerRow()
        await self.query_one("#people", Vertical).mount(row)
        row.query_one(Input).focus()

    def action_remove_person(self) -> None:
        """Remove the interviewer row the cursor is in."""
        focused = self.focused
        row = next((a for a in focused.ancestors if isinstance(a, InterviewerRow)), None) if focused else None
        if row is not None:
            row.remove()

    def action_save(self) -> None:
        """Check the fields and save; the form closes once the interview is stored."""
        if self._saving:
            return
        fields = self._collect()
        if fields is None:
            return
        if self._interview is not None:
            # only what was changed here: another window may have edited the other fields
            fields = {k: v for k, v in fields.items() if self._shown.get(k) != v}
            if not fields:
                self.close_with(self._interview)
                return
        self._saving = True
        repo, interview_id = self.app.repo, self._interview.id if self._interview else None
        self.app.save(
            f"interview:{interview_id or 'new'}:form",
            lambda: actions.save_interview(repo, interview_id, fields),
            0,
            on_done=self.dismiss,
            on_failed=self._save_failed,
            receiver=self,
        )
        self.forget_draft()  # queued after the save: the text is kept until the interview is

    def _save_failed(self, message: str, retrying: bool) -> None:
        if retrying:  # the save stays queued: the form closes once it is written
            self._show_error("form-error", f"Not saved yet: {message} It is tried again in a moment.")
            return
        self._saving = False
        self.keep_draft_now()
        self._show_error("form-error", f"Not saved: {message}")
