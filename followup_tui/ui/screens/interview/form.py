"""The interview form (modal): add a new interview or edit one, with inline errors.

The fields are declared once, in ``form_fields.FIELDS``; this module is what the form does with
them. The time is typed in the interview's own zone (the Zone field, with completion; empty
means this machine's), and a line under it shows the time here when the clocks differ. "From an
invitation…" (``ctrl+o``, or an ``.ics`` file dropped into the company box) fills the form from
a calendar invitation, by the same rule as ``followup add --from-ics``
(``services.invites.invitation_changes``); the same invitation again edits the interview it made.
"""

from __future__ import annotations

import os
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.widgets import Button, Input, Select, Static

from followup_tui.domain.invitation import Invitation, is_video_link
from followup_tui.domain.language import base_language
from followup_tui.domain.models import (
    ASSUMED_TIME,
    Interview,
    ValidationError,
    parse_when,
    time_assumed,
    when_datetime,
)
from followup_tui.domain.zones import parse_zone, two_zones
from followup_tui.services import actions
from followup_tui.services.autosave import save_key
from followup_tui.services.language_setting import default_language
from followup_tui.ui.display import safe
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.interview.form_fields import (
    BY_NAME,
    check_field,
    check_fields,
    compose_fields,
    fill_fields,
    read_fields,
    show_line,
    typed,
)
from followup_tui.ui.screens.interview.interviewer_row import InterviewerRow, InterviewerRows
from followup_tui.ui.screens.interview.invite_dialog import InviteDialog, clean_path, looks_like_invitation
from followup_tui.ui.screens.kept_input import KeptInputDialog, KeptValues
from followup_tui.ui.widgets.letter_select import LetterSelect

INVITE_FIELDS = ("ends", "invite_uid", "invite_sequence")
"""What an invitation stores that the form does not show."""


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
    InterviewFormDialog.-short #people { margin-bottom: 0; }
    InterviewFormDialog.-short TextArea { height: 3; }
    InterviewFormDialog.-narrow InterviewerRow > Grid { grid-size: 2; grid-columns: 1fr 1fr; }
    InterviewFormDialog #form-buttons { height: auto; align-horizontal: right; }
    InterviewFormDialog #form-buttons Button { margin-left: 1; }
    """
    DISCARD_QUESTION = "Discard your changes to this interview?"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("ctrl+n", "add_person", "Add interviewer"),
        Binding("ctrl+r", "remove_person", "Remove interviewer", show=False),
        Binding("ctrl+o", "from_invitation", "Invitation"),
    ]

    def __init__(self, interview: Interview | None = None) -> None:
        super().__init__(actions.kept_input_key("interview", interview.id if interview else None))
        self._interview = interview
        self.title = "Edit interview" if interview else "New interview"
        self._shown: dict[str, Any] = {}
        self._saving = False
        self._invite: dict[str, Any] = {}
        """The invitation fields (UID, sequence, end) to store with the interview."""

    def compose(self) -> ComposeResult:
        """Every field of an interview (``FIELDS``), then the buttons."""
        with VerticalScroll(id="form", classes="dialog-frame") as form:
            form.border_title = self.title
            yield from compose_fields(self._interview)
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
        if self._interview is None:  # a new interview's card speaks the user's language
            language = self.query_one("#language", Select)
            language.value = base_language(default_language(self.app.repo, os.environ))
        self._shown = read_fields(self)
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

    @property
    def _people(self) -> InterviewerRows:
        return self.query_one(InterviewerRows)

    def kept_values(self) -> KeptValues:
        """Every field as typed, the interviewers' rows included."""
        values = super().kept_values()
        values["interviewers"] = self._people.typed()
        return values

    async def apply_kept(self, values: KeptValues) -> None:
        """Fill the fields, and one row per interviewer, from kept input."""
        await super().apply_kept(values)
        people = values.get("interviewers")
        if isinstance(people, list):
            await self._people.restore([p for p in people if isinstance(p, dict)])

    def _collect(self) -> dict[str, Any] | None:
        """Check every field, showing inline errors; return the fields, or None when wrong."""
        fields, first_bad = check_fields(self)
        if first_bad is not None:
            first_bad.focus()
            return None
        try:
            Interview(**fields)
        except ValidationError as exc:
            show_line(self, "form-error", str(exc))
            return None
        show_line(self, "form-error", "")
        return fields

    def _show_here(self) -> None:
        """Under the time, the time here when the interview's zone keeps another clock."""
        hint = self.query_one("#when-hint", Static)
        try:
            when = parse_when(typed(self, BY_NAME["when"]))
            tz = parse_zone(typed(self, BY_NAME["tz"])) if typed(self, BY_NAME["tz"]) else ""
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

    @on(Input.Changed, "#when")
    def _when_changed(self, event: Input.Changed) -> None:
        """A date alone gets a note that 09:00 is assumed."""
        note = f"No time given: {ASSUMED_TIME} is assumed. Add the time if you know it."
        show_line(self, "when-note", note if time_assumed(event.value) else "")

    @on(Input.Changed)
    def _field_changed(self, event: Input.Changed) -> None:
        """Clear a field's error as soon as what is typed is right (a new error waits)."""
        field = BY_NAME.get(event.input.id or "")
        if field is None or not field.error:
            return
        try:
            _ = field.parse(event.value)
        except ValidationError:
            return
        if not field.required or event.value.strip():
            show_line(self, field.error_id, "")

    @on(Input.Blurred)
    def _field_left(self, event: Input.Blurred) -> None:
        """Say what is wrong with a field when the user leaves it (not yet that it is empty)."""
        field = BY_NAME.get(event.input.id or "")
        if field is not None and field.error:
            try:
                check_field(self, field, required=False)
            except ValidationError:
                return

    @on(Input.Changed, "#location")
    def _location_changed(self, event: Input.Changed) -> None:
        """A video link as where makes an "On site" interview a video one (is_video_link)."""
        chosen = self.query_one("#format", Select)
        if is_video_link(event.value) and chosen.value == "onsite":
            chosen.value = "video"

    @on(Input.Changed, "#company")
    def _company_changed(self, event: Input.Changed) -> None:
        if looks_like_invitation(event.value):  # a file dropped on the form arrives as its path
            path = clean_path(event.value)
            event.input.value = ""
            self.action_from_invitation(path)

    @on(Input.Submitted)
    @on(LetterSelect.MoveOn)
    def _submitted(self) -> None:
        """Enter moves to the next field, a dropdown's too (past "+ Add", which Tab reaches)."""
        self.focus_next()
        if self.focused is not None and self.focused.id == "add-person":
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
        await self._people.add_row()

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
                self.app.save(save_key("settings", "my-email"), lambda: actions.remember_email(repo, email))
            await self._apply_invitation(invitation, dialog.email)

        dialog = InviteDialog(path, stored)
        self.app.push_screen(dialog, read)

    async def _apply_invitation(self, invitation: Invitation, email: str) -> None:
        from followup_tui.services.invites import (
            CANCELLED,
            find_by_uid,
            invitation_changes,
            not_to_apply,
            own_emails,
        )

        refused = not_to_apply(self.app.repo, invitation)
        if refused is not None:
            if refused.action == CANCELLED:
                self._cancelled(refused.interview)
            else:
                self.notify(
                    "This invitation is older than the one already read; nothing changed.", markup=False
                )
            return
        existing = find_by_uid(self.app.repo, invitation.uid)
        if existing is not None and (self._interview is None or self._interview.id != existing.id):
            self._interview = existing  # the same invitation again: edit the interview it made
            self.title = "Edit interview"
            self.query_one("#form").border_title = self.title
            self._shown = {name: getattr(existing, name) for name in BY_NAME}
            await fill_fields(self, self._shown)
        own = (*own_emails(self.app.repo), *([email] if email else []))
        changes = invitation_changes(read_fields(self), invitation, own, first_reading=existing is None)
        self._invite = {name: changes.pop(name) for name in INVITE_FIELDS}
        await fill_fields(self, changes)
        guessed = (
            "check the company and role it suggests"
            if existing is None
            else "the time and people are updated"
        )
        extra = f"; {invitation.remarks}" if invitation.remarks else ""
        note = self.query_one("#invite-note", Static)
        note.update(safe(f"From the invitation “{invitation.summary[:60]}”: {guessed}{extra}. ctrl+s saves."))
        note.display = True
        self.query_one("#company", Input).focus()

    def _cancelled(self, existing: Interview | None) -> None:
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
                    save_key("interview", interview_id, "outcome"),
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
            save_key("interview", interview_id, "form"),
            lambda: actions.save_interview(repo, interview_id, fields),
            0,
            on_done=self.dismiss,
            on_failed=self._save_failed,
            receiver=self,
        )
        self.forget_input()  # queued after the save: the text is kept until the interview is

    def _save_failed(self, message: str, retrying: bool) -> None:
        if retrying:  # the save stays queued: the form closes once it is written
            show_line(self, "form-error", f"Not saved yet: {message} It is tried again in a moment.")
            return
        self._saving = False
        self.keep_input_now()
        show_line(self, "form-error", f"Not saved: {message}")
