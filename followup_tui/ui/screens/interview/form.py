"""The interview form (modal): add a new interview or edit one, with inline errors.

The time is typed in the interview's own zone (the Zone field, with completion; empty means
this machine's), and a line under it shows the time here when the clocks differ. "From an
invitation…" (``ctrl+o``, or an ``.ics`` file dropped into the company box) fills the form
from a calendar invitation; the same invitation again edits the interview it made.
"""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.events import Resize
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from followup_tui.domain.invitation import Invitation
from followup_tui.domain.models import (
    ASSUMED_TIME,
    FORMATS,
    Interview,
    Interviewer,
    ValidationError,
    parse_when,
    time_assumed,
    when_datetime,
)
from followup_tui.domain.vocabulary import FORMAT_LABELS
from followup_tui.domain.zones import parse_zone, two_zones
from followup_tui.services import actions
from followup_tui.ui.display import safe
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.interview.interviewer_row import InterviewerRow
from followup_tui.ui.screens.interview.invite_dialog import InviteDialog, clean_path, looks_like_invitation
from followup_tui.ui.screens.kept_input import KeptInputDialog, KeptValues
from followup_tui.ui.widgets.letter_select import LetterSelect
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput

LIMITS = Interview.TEXT_LIMITS
"""Most characters of each field: typing and pastes stop there, as the save would refuse more."""


def _field(label: str, widget: Widget, error_id: str | None = None, note_id: str | None = None) -> Vertical:
    """A label beside its input, with optional error and note lines under them."""
    row = Horizontal(Label(label, classes="form-label"), widget, classes="form-row")
    parts: list[Widget] = [row]
    if error_id:
        parts.append(Static(id=error_id, classes="form-error"))
    if note_id:
        parts.append(Static(id=note_id, classes="form-note"))
    return Vertical(*parts, classes="form-field")


class InterviewFormDialog(KeptInputDialog["Interview | None"]):
    """Add or edit an interview; dismisses with the stored interview, or None when cancelled.

    Args:
        interview: The interview to edit; None for a new one.
    """

    app: FollowupHost

    DEFAULT_CSS = """
    InterviewFormDialog > .dialog-frame { width: 84; border-title-style: bold; }
    InterviewFormDialog .form-field { height: auto; margin-bottom: 1; }
    InterviewFormDialog.-short .form-field { margin-bottom: 0; }
    InterviewFormDialog .form-row { height: auto; }
    InterviewFormDialog .form-label { width: 12; color: $text-muted; }
    InterviewFormDialog Input, InterviewFormDialog Select { width: 1fr; }
    InterviewFormDialog Input, InterviewFormDialog TextArea { background: $boost; }
    InterviewFormDialog TextArea { height: 4; width: 1fr; }
    InterviewFormDialog .form-error { display: none; color: $text-error; padding-left: 12; }
    InterviewFormDialog .form-error.-shown { display: block; }
    InterviewFormDialog .form-hint { color: $text-muted; padding-left: 12; }
    InterviewFormDialog .form-note { display: none; color: $text-muted; padding-left: 12; }
    InterviewFormDialog .form-note.-shown { display: block; }
    InterviewFormDialog #people-head { height: 1; }
    InterviewFormDialog #people-head Label { width: 1fr; color: $text-muted; }
    InterviewFormDialog #people { height: auto; padding-left: 12; margin-bottom: 1; }
    InterviewFormDialog.-short #people { margin-bottom: 0; }
    InterviewFormDialog.-short TextArea { height: 3; }
    InterviewFormDialog.-narrow InterviewerRow > Grid { grid-size: 2; grid-columns: 1fr 1fr; }
    InterviewFormDialog #form-buttons { height: auto; align-horizontal: right; }
    InterviewFormDialog #form-buttons Button { margin-left: 1; }
    """
    DISCARD_QUESTION = "Discard your changes to this interview?"
    DISCARD_ANSWERS = ("Discard", "Keep editing")
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "add_person", "Add interviewer"),
        Binding("ctrl+r", "remove_person", "Remove interviewer", show=False),
        Binding("ctrl+o", "from_invitation", "Invitation"),
    ]

    DISCARD_QUESTION = "Discard your changes to this interview?"

    def __init__(self, interview: Interview | None = None) -> None:
        super().__init__(actions.kept_input_key("interview", interview.id if interview else None))
        self._interview = interview
        self.title = "Edit interview" if interview else "New interview"
        self._shown: dict[str, Any] = {}
        self._saving = False
        self._invite: dict[str, Any] = {}
        """The invitation fields (UID, sequence, end) to store with the interview."""

    def compose(self) -> ComposeResult:
        """Every field of an interview, then the buttons."""
        start = self._interview or Interview(company="-")
        company = start.company if self._interview else ""
        with VerticalScroll(id="form", classes="dialog-frame") as form:
            form.border_title = self.title
            yield _field(
                "Company *",
                TextInput(
                    company, placeholder="required", id="company", compact=True, max_length=LIMITS["company"]
                ),
                "company-error",
            )
            yield _field("Role", TextInput(start.role, id="role", compact=True, max_length=LIMITS["role"]))
            yield Static(id="invite-note", classes="form-hint")
            yield _field(
                "When",
                TextInput(start.when or "", placeholder="YYYY-MM-DD HH:MM", id="when", compact=True),
                "when-error",
                "when-note",
            )
            yield _field(
                "Zone",
                TextInput(start.tz, placeholder="this machine's zone", id="tz", compact=True),
                "tz-error",
            )
            yield Static(id="when-hint", classes="form-hint")
            options = [(FORMAT_LABELS[f], f) for f in FORMATS]
            fmt = LetterSelect(options, value=start.format, allow_blank=False, id="format", compact=True)
            yield _field("Format", fmt)
            yield _field(
                "Where",
                TextInput(
                    start.location,
                    placeholder="address or meeting link",
                    id="location",
                    compact=True,
                    max_length=LIMITS["location"],
                ),
            )
            yield _field(
                "Job link",
                TextInput(
                    start.job_link,
                    placeholder="https://",
                    id="job-link",
                    compact=True,
                    max_length=LIMITS["job_link"],
                ),
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
            yield _field(
                "Notes", TextBox(start.notes, id="notes", compact=True, soft_wrap=True, limit=LIMITS["notes"])
            )
            yield Static(id="form-error", classes="form-error")
            with Horizontal(id="form-buttons"):
                yield Button("Cancel", id="cancel", compact=True)
                yield Button("Save", id="save", variant="primary", compact=True)

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
        self.query_one("#invite-note").display = False
        self._show_here()
        self._load_zones()

    @work(thread=True, group="form-zones")
    def _load_zones(self) -> None:
        """Find the zone names for completion off the UI thread (reading them takes a moment)."""
        from followup_tui.domain.zones import zone_names

        self.app.call_from_thread(self._zones_loaded, zone_names())

    def _zones_loaded(self, names: tuple[str, ...]) -> None:
        from textual.suggester import SuggestFromList

        self.query_one("#tz", Input).suggester = SuggestFromList(names, case_sensitive=False)

    # -- values ---------------------------------------------------------------------------------

    def _text(self, field_id: str) -> str:
        return self.query_one(f"#{field_id}", Input).value

    def kept_values(self) -> KeptValues:
        """Every field as typed, the interviewers' rows included."""
        values = super().kept_values()
        values["people"] = [list(row.values()) for row in self.query(InterviewerRow)]
        return values

    async def apply_kept(self, values: KeptValues) -> None:
        """Fill the fields, and one row per interviewer, from kept input."""
        await super().apply_kept(values)
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
        try:
            self._check_tz()
        except ValidationError:
            first_bad = first_bad or self.query_one("#tz", Input)
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
        try:
            tz = self._check_tz()
        except ValidationError:
            tz = ""
        return {
            "company": self._text("company").strip(),
            "role": self._text("role").strip(),
            "when": when,
            "tz": tz,
            "format": self.query_one("#format", Select).value,
            "location": self._text("location").strip(),
            "job_link": self._text("job-link").strip(),
            "interviewers": people,
            "notes": self.query_one("#notes", TextArea).text,
        }

    def _check_tz(self) -> str:
        """Show the zone's error; return its IANA name ("" for this machine's). Raises ValidationError."""
        typed = self._text("tz").strip()
        try:
            name = parse_zone(typed) if typed else ""
        except ValidationError as exc:
            self._show_error("tz-error", str(exc))
            raise
        self._show_error("tz-error", "")
        return name

    def _show_here(self) -> None:
        """Under the time, the time here when the interview's zone keeps another clock."""
        hint = self.query_one("#when-hint", Static)
        try:
            when, tz = (
                parse_when(self._text("when")),
                parse_zone(self._text("tz")) if self._text("tz") else "",
            )
        except ValidationError:
            when, tz = None, ""
        moment = when_datetime(when)
        label = two_zones(moment, tz) if moment is not None and tz else ""
        hint.update(safe(label if "here" in label else ""))
        hint.display = "here" in label

    # -- events ---------------------------------------------------------------------------------

    @on(Input.Changed, "#when")
    @on(Input.Changed, "#tz")
    def _time_changed(self) -> None:
        self._show_here()

    @on(Input.Blurred, "#tz")
    def _tz_left(self) -> None:
        with contextlib.suppress(ValidationError):
            self._check_tz()

    @on(Input.Changed, "#when")
    def _when_changed(self) -> None:
        """Clear the time's error as soon as what is typed is a valid time; a date alone gets
        a note that 09:00 is assumed."""
        typed = self._text("when")
        assumed = time_assumed(typed)
        self._show_error(
            "when-note",
            f"No time given: {ASSUMED_TIME} is assumed. Add the time if you know it." if assumed else "",
        )
        try:
            parse_when(typed)
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
        if looks_like_invitation(event.value):  # a file dropped on the form arrives as its path
            path = clean_path(event.value)
            event.input.value = ""
            self.action_from_invitation(path)
            return
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

    def action_from_invitation(self, path: str = "") -> None:
        """Fill the form from a calendar invitation (.ics)."""
        from followup_tui.services.invites import MY_EMAIL

        stored = self.app.repo.setting(MY_EMAIL, "")
        stored = stored if isinstance(stored, str) else ""

        async def read(invitation: Invitation | None) -> None:
            if invitation is None:
                return
            if dialog.email and dialog.email != stored:
                repo, email = self.app.repo, dialog.email
                self.app.save("settings:my-email", lambda: repo.set_setting(MY_EMAIL, email))
            await self._apply_invitation(invitation)

        dialog = InviteDialog(path, stored)
        self.app.push_screen(dialog, read)

    async def _apply_invitation(self, invitation: Invitation) -> None:
        from followup_tui.services.invites import find_by_uid

        existing = find_by_uid(self.app.repo, invitation.uid)
        if invitation.cancelled:
            self._cancelled(invitation, existing)
            return
        if existing is not None and invitation.sequence < existing.invite_sequence:
            self.notify("This invitation is older than the one already read; nothing changed.", markup=False)
            return
        if existing is not None and (self._interview is None or self._interview.id != existing.id):
            self._interview = existing  # the same invitation again: edit the interview it made
            self.title = "Edit interview"
            self.query_one("#form").border_title = self.title
            await self._fill(existing)
            self._shown = {
                "company": existing.company,
                "role": existing.role,
                "when": existing.when,
                "tz": existing.tz,
                "format": existing.format,
                "location": existing.location,
                "job_link": existing.job_link,
                "interviewers": existing.interviewers,
                "notes": existing.notes,
            }
        self._invite = {
            "invite_uid": invitation.uid,
            "invite_sequence": invitation.sequence,
            "ends": invitation.ends,
        }
        company = self._text("company").strip()
        if not company or existing is None:
            self.query_one("#company", Input).value = invitation.company or company
            self.query_one("#role", Input).value = invitation.role or self._text("role")
        self.query_one("#when", Input).value = invitation.when
        self.query_one("#tz", Input).value = invitation.tz
        if invitation.location:
            self.query_one("#location", Input).value = invitation.location
            self.query_one("#format", Select).value = invitation.format
        notes = self.query_one("#notes", TextArea)
        if not notes.text.strip():
            notes.text = invitation.notes
        await self._add_people(invitation.interviewers)
        note = self.query_one("#invite-note", Static)
        guessed = (
            "check the company and role it suggests"
            if existing is None
            else "the time and people are updated"
        )
        extra = f"; {invitation.zone_note}" if invitation.zone_note else ""
        note.update(safe(f"From the invitation “{invitation.summary[:60]}”: {guessed}{extra}. ctrl+s saves."))
        note.display = True
        self.query_one("#company", Input).focus()

    async def _fill(self, interview: Interview) -> None:
        """Show an interview's own values (before an invitation's changes are put on top)."""
        for field_id, value in (
            ("company", interview.company),
            ("role", interview.role),
            ("location", interview.location),
            ("job-link", interview.job_link),
        ):
            self.query_one(f"#{field_id}", Input).value = value
        self.query_one("#notes", TextArea).text = interview.notes
        self.query_one("#format", Select).value = interview.format
        from followup_tui.services.invites import own_emails

        own = {e.casefold() for e in own_emails(self.app.repo)}
        people = [p for p in interview.interviewers if not (p.email and p.email.casefold() in own)]
        await self.query(InterviewerRow).remove()
        await self.query_one("#people", Vertical).mount_all([InterviewerRow(p) for p in people])

    async def _add_people(self, people: list[Interviewer]) -> None:
        rows = list(self.query(InterviewerRow))
        known = {(values[2] or values[0]).strip().casefold() for values in (r.values() for r in rows)}
        empty = [r for r in rows if not any(v.strip() for v in r.values())]
        new = [p for p in people if (p.email or p.name).casefold() not in known]
        if new:
            for row in empty:
                await row.remove()
            await self.query_one("#people", Vertical).mount_all([InterviewerRow(p) for p in new])

    def _cancelled(self, invitation: Invitation, existing: Interview | None) -> None:
        if existing is None:
            self.notify("This invitation is cancelled, and its interview is not in followup.", markup=False)
            return
        if existing.outcome == "withdrawn":
            self.notify(
                "This invitation is cancelled; the interview is already marked withdrawn.", markup=False
            )
            return
        from followup_tui.ui.screens.dialog import ConfirmDialog

        repo, interview_id = self.app.repo, existing.id

        def answered(withdraw: bool | None) -> None:
            if withdraw:
                self.app.save(
                    f"interview:{interview_id}:outcome",
                    lambda: actions.record_outcome(repo, interview_id, "withdrawn"),
                )
                self.notify("Marked withdrawn.", markup=False)
                self.dismiss(None)

        when = f" on {existing.when}" if existing.when else ""
        self.app.push_screen(
            ConfirmDialog(
                f"The invitation for {existing.company}{when} is cancelled. Mark the interview withdrawn?",
                "Mark withdrawn",
                "Keep it",
            ),
            answered,
        )

    def action_save(self) -> None:
        """Check the fields and save; the form closes once the interview is stored."""
        if self._saving:
            return
        fields = self._collect()
        if fields is None:
            return
        if self._interview is not None:
            fields.update(self._invite)
            # only what was changed here: another window may have edited the other fields
            fields = {k: v for k, v in fields.items() if self._shown.get(k) != v}
            if not fields:
                self.close_with(self._interview)
                return
        self._saving = True
        if self._interview is None:
            fields.update(self._invite)
        repo, interview_id = self.app.repo, self._interview.id if self._interview else None
        self.app.save(
            f"interview:{interview_id or 'new'}:form",
            lambda: actions.save_interview(repo, interview_id, fields),
            0,
            on_done=self.dismiss,
            on_failed=self._save_failed,
            receiver=self,
        )
        self.forget_input()  # queued after the save: the text is kept until the interview is

    def _save_failed(self, message: str, retrying: bool) -> None:
        if retrying:  # the save stays queued: the form closes once it is written
            self._show_error("form-error", f"Not saved yet: {message} It is tried again in a moment.")
            return
        self._saving = False
        self.keep_input_now()
        self._show_error("form-error", f"Not saved: {message}")
