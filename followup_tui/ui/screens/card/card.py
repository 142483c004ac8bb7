"""Thank-you card: the draft, what is missing from it, the editor, the size meter, marking it sent.

The draft is made of the user's own sentences (``domain.card.draft``); the parts not written
yet are listed above the editor and ``m`` writes the next one. No card before the interview.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Header, Static, TextArea

from followup_tui.domain.card.draft import (
    CARD_MAX,
    CardPart,
    Draft,
    current_text,
    default_variant,
    draft_notes,
    find_card,
    fit,
    meter,
    missing_summary,
    not_ready,
    wording_count,
)
from followup_tui.domain.card.warnings import phrase_warning
from followup_tui.domain.language import base_language
from followup_tui.domain.models import Card, Concern, Interview
from followup_tui.domain.status import all_cards_sent
from followup_tui.domain.text import strip_controls, word_count
from followup_tui.services import actions
from followup_tui.services.autosave import save_key
from followup_tui.services.card_inputs import gather
from followup_tui.ui.display import safe, template
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.card import status
from followup_tui.ui.screens.card.copying import copy_card
from followup_tui.ui.screens.card.css import CARD_CSS
from followup_tui.ui.screens.card.exports import export_ics, export_text
from followup_tui.ui.screens.card.other_window import reconcile
from followup_tui.ui.screens.card.reading import READ_BINDINGS, CardReading
from followup_tui.ui.widgets.key_footer import KeyFooter
from followup_tui.ui.widgets.text_box import TextBox


class CardScreen(FollowupScreen, CardReading):
    """The thank-you card for one interviewer of an interview (one card each).

    Args:
        interview_id: The interview.
    """

    SCREEN_TITLE = "Thank-you card"
    KEEP_IN_VIEW = "#card-meter, #card-flags"
    CONFLICT_TABLES = frozenset({"cards"})
    AUTO_FOCUS = ""
    DEFAULT_CSS = CARD_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("w", "toggle_written", "Written"),
        Binding("s", "toggle_sent", "Sent"),
        Binding("e", "edit", "Edit"),
        Binding("m", "write_missing", "Write missing"),
        Binding("y", "copy", "Copy"),
        Binding("v", "large_print", "Large print"),
        Binding("t", "choose_interviewer", "To whom"),
        Binding("g", "address", "Greeting"),
        Binding("ctrl+r", "rebuild", "Rebuild draft", priority=True),
        Binding("a", "another_wording", "Other wording"),
        Binding("E", "export_text", "Export text"),
        Binding("C", "export_ics", "Calendar file"),
        *READ_BINDINGS,
    ]

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__(interview_id)
        self.export_folder: Path | None = None
        """Where exports go (None: the home folder)."""
        self._recipient = ""
        self._card = Card(interview_id=interview_id or "")
        self._draft = ""
        self._variant = 0
        self._waiting = False
        self._parts: list[CardPart] = []
        self._made = Draft("")

    def compose(self) -> ComposeResult:
        """Who, the follow-up state, the editor, the meter and the flagged phrases."""
        yield Header()
        yield Static(id="card-to")
        yield Static(id="card-state")
        yield Static(id="card-not-yet")
        yield Static(id="card-missing")
        yield TextBox(id="card-text", soft_wrap=True, tab_behavior="focus")
        yield Static(id="card-meter")
        yield Static(id="card-flags")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Open the card of the first interviewer whose card is not sent yet."""
        interview = self.interview()
        if interview is None:
            self.query_one("#card-to", Static).update("This interview no longer exists.")
            self.query_one(TextArea).disabled = True
            return
        reason = not_ready(interview, self.app.clock())
        if reason:
            self._show_not_ready(interview, reason)
            return
        cards = self.repo.children(Card, interview.id)
        names = self._names(interview)
        unsent = [n for n in names if not ((c := find_card(cards, n)) and c.sent)]
        self._open_card((unsent or names)[0])

    def _show_not_ready(self, interview: Interview, reason: str) -> None:
        """Before the interview there is no card: say so instead of showing a draft."""
        self._waiting = True
        self.query_one("#card-to", Static).update(template("$company", company=interview.company))
        note = self.query_one("#card-not-yet", Static)
        note.update(safe(status.not_ready_note(reason)))
        note.display = True
        for selector in ("#card-state", "#card-text", "#card-meter", "#card-flags"):
            self.query_one(selector).display = False

    # -- which card ------------------------------------------------------------------------------

    @staticmethod
    def _names(interview: Interview) -> list[str]:
        return [p.name for p in interview.interviewers if p.name.strip()] or [""]

    def _open_card(self, name: str) -> None:
        """Show one interviewer's card, creating its record (off the UI thread) on first use."""
        interview = self.interview()
        if interview is None:
            return
        self._recipient = name
        stored = find_card(self.repo.children(Card, interview.id), name)
        self._card = stored or Card(interview_id=interview.id, interviewer=name)
        if stored is None:
            repo, iid = self.repo, interview.id
            self.save(save_key("card", iid, name, "create"), lambda: actions.card_for(repo, iid, name))
        self._variant = self._detect_variant(interview)
        self._draft = self._build(interview)
        self._load_editor(current_text(self._card, self._draft))
        self._show_info()

    def _write(self, **changes: object) -> None:
        """Save fields of the open card (coalesced per field, off the UI thread)."""
        repo, iid, name = self.repo, self.interview_id or "", self._recipient
        for field_name, value in changes.items():

            def write(field_name: str = field_name, value: object = value) -> Card:
                return actions.update_card(repo, iid, name, **{field_name: value})

            self.save(save_key("card", iid, name, field_name), write)

    # -- the draft -------------------------------------------------------------------------------

    def _build(self, interview: Interview, variant: int | None = None) -> str:
        """Draft the card from what it is made of now (read once, as ``followup card`` does)."""
        inputs = gather(self.repo, interview.id, self._recipient, check=False)
        made = inputs.draft(self.app.clock(), self._variant if variant is None else variant)
        if variant is None:
            self._made = made
        return strip_controls(made.text)  # as the editor shows it

    def _detect_variant(self, interview: Interview) -> int:
        """The wording the saved text was built with, else the interview's default wording."""
        if self._card.text.strip():
            for variant in range(wording_count(interview.language)):
                if self._build(interview, variant) == self._card.text:
                    return variant
        return default_variant(interview.id)

    def _edited(self) -> bool:
        """True when the editor holds the user's own words rather than the current draft."""
        text = self.query_one(TextArea).text
        return bool(text.strip()) and text.strip() != self._draft.strip()

    def _load_editor(self, text: str) -> None:
        editor = self.query_one(TextArea)
        if editor.text != strip_controls(text):
            editor.load_text(text)
        self._show_meter(text)

    def _use_kept(self, draft: str) -> None:
        """Replace the text by a fresh draft; the default wording is stored as "not edited"."""
        interview = self.interview()
        self._draft = draft
        keep = "" if interview is None or self._variant == default_variant(interview.id) else draft
        if keep != self._card.text:
            self._card = replace(self._card, text=keep)
            self._write(text=keep)
        self._load_editor(draft)
        self._show_info()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Every edit is saved; the meter and the flags follow the text."""
        text = event.text_area.text
        self._show_meter(text)
        if (not self._card.text and text == self._draft) or text == strip_controls(self._card.text):
            return
        self._card = replace(self._card, text=text)
        self._write(text=text)
        self._show_info()

    # -- showing ---------------------------------------------------------------------------------

    def _show_info(self) -> None:
        interview = self.interview()
        if interview is None:
            return
        self.query_one("#card-to", Static).update(safe(status.recipient_line(interview, self._recipient)))
        cards = [c for c in self.repo.children(Card, interview.id) if c.interviewer != self._recipient] + [
            self._card
        ]
        concerns = self.repo.children(Concern, interview.id)
        text = self.query_one(TextArea).text
        line, overdue = status.status_line(interview, self._card, cards, concerns, self.app.clock(), text)
        state = self.query_one("#card-state", Static)
        state.update(safe(line))
        state.set_class(overdue, "-due")
        self._show_missing(interview)

    def _show_missing(self, interview: Interview) -> None:
        """List what the user has not written yet (and what is left out for its topic)."""
        self._parts = gather(self.repo, interview.id, self._recipient, check=False).parts()
        lines = draft_notes(self._made) if not self._edited() else []
        if self._parts:
            lines.append(missing_summary(self._parts, edited=self._edited()))
        box = self.query_one("#card-missing", Static)
        box.set_class(bool(lines), "-shown")
        if lines:
            box.update(safe("\n".join(lines)))

    def _show_meter(self, text: str) -> None:
        size = fit(text)
        bar = self.query_one("#card-meter", Static)
        bar.update(safe(meter(text)))
        bar.set_class(size == "short", "-short")
        bar.set_class(size == "too long", "-long")
        warning = phrase_warning(text, base_language(self._language()), self._recipient)
        line = self.query_one("#card-flags", Static)
        line.update(safe(warning or "No phrases to avoid. Calm and specific reads best."))
        line.set_class(bool(warning), "-flagged")

    def _language(self) -> str:
        interview = self.interview()
        return interview.language if interview is not None else "en"

    def refresh_data(self) -> None:
        """Follow changes made elsewhere; never replace text the user typed, saved or not."""
        if self._waiting or self.saves_pending():
            return
        interview = self.interview()
        if interview is None:
            return
        editor = self.query_one(TextArea)
        editing = editor.has_focus
        showing_draft = editor.text.strip() in ("", self._draft.strip())
        stored = find_card(self.repo.children(Card, interview.id), self._recipient)
        self._draft = self._build(interview)
        if stored is not None and stored.text != self._card.text:  # saved in another window
            reconcile(self.app, editor.text, stored, self._draft, self._keep)
            return
        if stored is not None:
            self._card = replace(stored, text=self._card.text if editing else stored.text)
        if not editing and not self._card.text.strip() and showing_draft:
            self._load_editor(self._draft)  # the draft follows the board and the debrief
        self._show_info()

    def _keep(self, stored: Card, text: str) -> None:
        self._card = replace(stored, text=text)
        self._write(text=text)
        self._load_editor(text or self._draft)
        self._show_info()

    def on_screen_resume(self) -> None:
        """Coming back from another screen: the board may have changed the errors."""
        if self.coming_back():
            self.refresh_data()

    # -- actions ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Before the interview there is no card: only going back (and help) work."""
        return not self._waiting or action in ("back", "help", "quit")

    def action_write_missing(self) -> None:
        """Write the next part the card is missing (or change my name when nothing is)."""
        from followup_tui.domain.card.draft import PART_NAMES

        self._ask_part(self._parts[0] if self._parts else CardPart("name", PART_NAMES["name"]))

    def action_address(self) -> None:
        """Write how the card addresses its recipient (used by every card to them)."""
        if not self._recipient:
            self.notify("This card greets the team; add interviewers in the interview form.")
            return
        self._ask_part(CardPart("address", self._recipient))

    def _ask_part(self, part: CardPart) -> None:
        interview = self.interview()
        if interview is None:
            return
        from followup_tui.ui.screens.card.sentence import SentenceDialog

        current = actions.part_words(self.repo, interview, part)
        if part.kind == "address":
            current = current or self._made.address
        room = CARD_MAX - word_count(self._draft) + word_count(current) if part.kind != "address" else None

        def written(words: str | None) -> None:
            if words is not None:
                self._keep_part(interview.id, part, words)

        draft = actions.kept_input_key("card-part", interview.id, part.kind, part.concern_id or None)
        self.app.push_screen(SentenceDialog(part, current, keep_key=draft, room=room), written)

    def _keep_part(self, interview_id: str, part: CardPart, words: str) -> None:
        """Save a written part where it belongs; the draft follows once it is stored."""
        repo = self.repo
        key = part.concern_id or part.kind
        self.save(
            save_key("card-part", interview_id, key),
            lambda: actions.keep_part(repo, interview_id, part, words),
        )
        self._parts = [p for p in self._parts if p != part]  # the next m asks for the next part
        self.notify(
            "Kept. The draft uses it." if not self._edited() else "Kept. ctrl+r puts it in your card."
        )
        self.refresh_data()

    def action_copy(self) -> None:
        """Copy the card's text to the clipboard, for the times an email suits better."""
        copy_card(self, self.query_one(TextArea).text.strip())

    def action_edit(self) -> None:
        """Put the cursor at the end of the card's text, where the signature goes."""
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_back(self) -> None:
        """Leave the editor first; from outside it, go back."""
        if self.query_one(TextArea).has_focus:
            self.set_focus(None)
        else:
            super().action_back()

    def action_rebuild(self) -> None:
        """Build the draft again from the current data, asking before replacing edited text."""
        interview = self.interview()
        if interview is None:
            return
        draft = self._build(interview)
        if not self._edited():
            self._use_kept(draft)
            self.notify("Draft rebuilt from the latest debrief and board.")
            return
        from followup_tui.ui.screens.dialog import ConfirmDialog

        def answered(replace_text: bool | None) -> None:
            if replace_text:
                self._use_kept(draft)
                self.notify("Your text was replaced by a fresh draft.")
            else:
                self.notify("Kept your text.")

        self.app.push_screen(
            ConfirmDialog(
                "You have edited this card. Replace your text with a fresh draft? Your edits would be lost.",
                yes="Replace",
                no="Keep my text",
            ),
            answered,
        )

    def action_another_wording(self) -> None:
        """Switch to the next wording (asks first when the text was edited)."""
        if self._edited():
            self.notify("You have edited the card; press ctrl+r to start again from a draft first.")
            return
        interview = self.interview()
        if interview is None:
            return
        count = wording_count(interview.language)
        self._variant = (self._variant + 1) % count
        self._use_kept(self._build(interview))
        self.notify(f"Wording {self._variant + 1} of {count}.")

    def action_toggle_written(self) -> None:
        """Mark the card written today, or undo that."""
        self._mark(*status.marked_written(self._card, self.app.clock().date().isoformat()))

    def action_toggle_sent(self) -> None:
        """Mark the card sent today (and written, if it was not), or undo that."""
        self._mark(*status.marked_sent(self._card, self.app.clock().date().isoformat()))

    def _mark(self, changes: dict[str, str | None], message: str) -> None:
        self._card = replace(self._card, **changes)  # type: ignore[arg-type]  # written, sent: str | None
        self._write(**changes)
        self._show_info()
        self.notify(message)

    def action_export_text(self) -> None:
        """Write the card as a text file in the export folder (the home folder by default)."""
        interview = self.interview()
        if interview is not None:
            text = self.query_one(TextArea).text.rstrip("\n") + "\n"
            export_text(self, interview, self._recipient, text, self.export_folder)

    def action_export_ics(self) -> None:
        """Write the interview and its follow-up reminders as an .ics calendar file."""
        interview = self.interview()
        if interview is not None:
            cards = self.repo.children(Card, interview.id)
            export_ics(self, interview, all_cards_sent(interview, cards), self.export_folder)

    def action_large_print(self) -> None:
        """Show the card in large, widely spaced print to copy by hand."""
        from followup_tui.ui.screens.card.large import LargePrintDialog

        self.app.push_screen(LargePrintDialog(self.query_one(TextArea).text, self._recipient))

    def action_choose_interviewer(self) -> None:
        """Choose which interviewer's card to work on."""
        interview = self.interview()
        if interview is None:
            return
        names = self._names(interview)
        if len(names) < 2:
            self.notify("This interview has one card; add interviewers in the interview form.")
            return
        from followup_tui.ui.screens.card.interviewer import InterviewerDialog, card_state

        cards = [c for c in self.repo.children(Card, interview.id) if c.interviewer != self._recipient]
        people = [(name, card_state(find_card([*cards, self._card], name))) for name in names]

        def chosen(name: str | None) -> None:
            if name is not None and name != self._recipient:
                self._open_card(name)

        self.app.push_screen(InterviewerDialog(people, self._recipient), chosen)
