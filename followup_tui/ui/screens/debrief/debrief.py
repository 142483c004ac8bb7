"""Debrief: made for the way home on a small terminal. Every field is optional and autosaves.

Focus lands on the quick capture line: type a concern, press enter, it is on the board and
the line is ready for the next one; while it is empty, 1-5 rate the gut feeling. Escape leaves
a field, then the screen. Below it: the gut rating (keys 1-5), the prepared
questions to tick, the three prompts, answers to clarify, the suggestions they make for the
board, and free notes. Tab moves from one to the next.
"""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Header, Input, Static, TextArea

from followup_tui.domain.models import Clarification, Concern, Debrief, Question
from followup_tui.domain.suggestions import Suggestion, pending_suggestions
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.vocabulary import CONCERN_TEXT_LIMIT
from followup_tui.services import actions
from followup_tui.services.autosave import save_key, unique_key
from followup_tui.store.repository import NotFoundError
from followup_tui.ui.display import template
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.debrief.clarify import ClarificationDialog
from followup_tui.ui.screens.debrief.gut import GutRating
from followup_tui.ui.screens.debrief.lists import ClarificationList, QuestionChecklist, SuggestionList
from followup_tui.ui.widgets.key_footer import KeyFooter
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput

CAPTURE_RESTORED = "Brought back what you typed in the quick capture line; enter puts it on the board."
"""Said when the debrief opens with a quick capture typed earlier and not yet on the board."""

PROMPT_FIELDS: dict[str, str] = {
    "forgot_to_ask": "What did I forget to ask?",
    "not_learned": "What did they not get to learn about me?",
    "felt_off": "What felt off?",
}
"""The three prompts: debrief field -> the question shown. One item per line."""

OWN_WORDS = ("notes", "worth_mentioning")
"""Free-text fields of the debrief besides the prompts."""


PASTE_GAP = 1.0
"""Seconds between two captured lines that make them one paste: a terminal that does not bracket
a paste types it out, a line and a line feed (or a return) after another, faster than anyone
types a concern and enter."""

GUT_KEYS = "12345"
"""The keys that rate the gut feeling, even in the quick capture line while it is empty."""


class CaptureLine(TextInput):
    """The quick capture line: while it is empty, 1-5 rate the gut feeling instead of typing,
    so ``d`` then a digit rates the interview from the home screen in one key, while ``d``,
    words and enter still capture a concern. A digit after the first character is text."""

    typed_at = 0.0
    """When the last key or paste reached the line (the terminal's time of it, not the time it
    was handled): what tells a paste typed out by the terminal from lines typed by hand."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """A gut key is the screen's while the line is empty (the footer shows it then)."""
        if key in GUT_KEYS and not self.value:
            return False
        return super().check_consume_key(key, character)

    def _on_paste(self, event: events.Paste) -> None:
        self.typed_at = event.time

    async def _on_key(self, event: events.Key) -> None:
        self.typed_at = event.time
        if event.key in GUT_KEYS and not self.value:
            event.stop()
            event.prevent_default()  # Input's own handler would type it
            await self.run_action(f"screen.gut({event.key})")


class DebriefScreen(FollowupScreen):
    """The debrief of one interview."""

    SCREEN_TITLE = "Debrief"
    CONFLICT_TABLES = frozenset({"debriefs"})
    AUTO_FOCUS = ""  # focused once, in on_mount (focusing the scroll, then moving, restyled it all)
    DEFAULT_CSS = """
    DebriefScreen #debrief { padding: 0 1; }
    DebriefScreen .section { text-style: bold; color: $text-accent; margin-top: 1; }
    DebriefScreen .hint { color: $text-muted; }
    DebriefScreen #capture { margin: 0; }
    DebriefScreen #captured { color: $text-muted; height: auto; display: none; }
    DebriefScreen #captured.-shown { display: block; }
    DebriefScreen .section.-first { margin-top: 0; }
    DebriefScreen GutRating { margin-top: 1; padding: 0; }
    DebriefScreen TextArea { height: auto; min-height: 2; max-height: 8; }
    DebriefScreen OptionList { height: auto; max-height: 10; }
    DebriefScreen SuggestionList { max-height: initial; }  /* the screen scrolls: no list in a list */
    DebriefScreen #gone { padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"gut({n})", f"Gut {n}", show=False) for n in range(1, 6)),
        Binding("ctrl+n", "capture", "Capture", tooltip="Jump to the quick capture line"),
    ]

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__(interview_id)
        self._debrief = Debrief()
        self._questions: list[Question] = []
        self._concerns: list[Concern] = []
        self._taken: set[str] = set()
        self._captured: list[str] = []
        self._burst = (0, 0.0, False)
        """How many concerns the paste being captured brought so far, when its last came, and
        whether they came as a paste (a line feed or bracketed) or by enter."""
        self._exists = False

    # -- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Every section in one scrolling column, the quick capture first."""
        yield Header()
        interview = self.interview()
        if interview is None:
            yield Static("This interview no longer exists. Press escape to go back.", id="gone")
            yield KeyFooter()
            return
        self.sub_title = one_line(" · ".join(p for p in (interview.company, interview.role) if p), 60)
        with VerticalScroll(id="debrief"):
            ahead = self.still_ahead(interview)
            if ahead:
                yield Static(f"{ahead} Write now or after it: all is kept.", id="ahead", classes="hint")
            # "-first", not :first-child: an order rule has Textual style every section again once mounted
            yield Static(
                template("Quick capture  [dim]enter adds it · 1-5 rate the gut if empty[/]"),
                classes="section -first",
            )
            yield CaptureLine(
                id="capture",
                compact=True,
                placeholder="Type a concern…",
                max_length=CONCERN_TEXT_LIMIT,
                lines_as_items=True,
            )
            yield Static("", id="captured")
            yield GutRating()
            yield Static(
                template("Asked?  [dim]tab here: y yes · n no · space cycles · ★ must[/]"),
                classes="section",
            )
            yield QuestionChecklist(id="questions")
            yield Static("No prepared questions for this interview.", id="no-questions", classes="hint")
            for field_name, prompt in PROMPT_FIELDS.items():
                yield Static(template("$prompt  [dim]one per line[/]", prompt=prompt), classes="section")
                yield TextBox(id=field_name, compact=True)
            yield Static(
                template("Answers to clarify  [dim]a add · enter edit · x delete[/]"), classes="section"
            )
            yield ClarificationList(id="clarifications")
            yield Static("", id="suggestions-title", classes="section")
            yield SuggestionList(id="suggestions")
            yield Static(
                template(
                    "A moment worth mentioning  [dim]for the card: something you enjoyed talking about[/]"
                ),
                classes="section",
            )
            yield TextBox(id="worth_mentioning", compact=True)
            yield Static(template("Notes"), classes="section")
            yield TextBox(id="notes", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the debrief and put the cursor on the quick capture line (the column stays at
        its top: the line is in view once laid out)."""
        if self.interview_id is None or not self.query("#capture"):
            return
        self._load(fill_text=True)
        capture = self.query_one("#capture", Input)
        kept = actions.kept_input(self.repo, self._capture_keep_key())
        typed = kept.get("capture") if kept is not None else None
        if isinstance(typed, str) and typed.strip():
            # keys typed while the screen opened come after the kept words, never instead of them
            capture.value = one_line(" ".join(p for p in (typed, capture.value) if p))[:CONCERN_TEXT_LIMIT]
            capture.cursor_position = len(capture.value)
            self.notify(CAPTURE_RESTORED, title="Draft", timeout=6, markup=False)
        self.set_focus(capture, scroll_visible=False)

    def _capture_keep_key(self) -> str:
        return actions.kept_input_key("capture", self.interview_id)

    @on(Input.Changed, "#capture")
    def _keep_capture(self, event: Input.Changed) -> None:
        """Keep what is typed in the quick capture line until enter puts it on the board, so
        leaving the screen, ctrl+q or a closed terminal never loses it."""
        if self.interview_id is None:
            return
        key, repo = self._capture_keep_key(), self.repo
        values = {"capture": event.value} if event.value.strip() else None
        self.save(save_key("kept", key), lambda: actions.keep_input(repo, key, values))

    def _load(self, fill_text: bool) -> None:
        assert self.interview_id is not None
        try:
            self._debrief = self.repo.get(Debrief, self.interview_id)
            self._exists = True
        except NotFoundError:
            self._debrief = self.repo.debrief(self.interview_id)
        self._questions = self.repo.children(Question, self.interview_id)
        self._concerns = self.repo.children(Concern, self.interview_id)
        self._taken = set()
        self.query_one(GutRating).value = self._debrief.gut
        for field_name in (*PROMPT_FIELDS, *OWN_WORDS):
            area = self.query_one(f"#{field_name}", TextArea)
            stored = strip_controls(getattr(self._debrief, field_name))
            if (fill_text or not area.has_focus) and area.text != stored:
                area.load_text(stored)
        self._show_questions()
        self.query_one(ClarificationList).show(self._debrief.clarifications)
        self._show_suggestions()

    def refresh_data(self) -> None:
        """Reload after another process changed the file; never touch the field being typed in."""
        if self.interview_id is None or not self.query("#capture"):
            return
        if self.saves_pending():
            return
        self._load(fill_text=False)

    def _show_questions(self) -> None:
        self.query_one(QuestionChecklist).show(self._questions)
        self.query_one(QuestionChecklist).display = bool(self._questions)
        self.query_one("#no-questions").display = not self._questions

    def _pending(self) -> list[Suggestion]:
        found = pending_suggestions(self._debrief, self._questions, self._concerns, self._exists)
        return [s for s in found if s.key not in self._taken]

    def _show_suggestions(self) -> None:
        pending = self._pending()
        title = self.query_one("#suggestions-title", Static)
        if pending:
            title.update(
                template("Suggested for the board ($n)  [dim]a add · A all · x no[/]", n=str(len(pending)))
            )
        else:
            title.update(template("Suggested for the board  [dim]none waiting[/]"))
        self.query_one(SuggestionList).show(pending)
        self.query_one(SuggestionList).display = bool(pending)

    # -- saving ---------------------------------------------------------------------------------

    def _save_debrief(self, field_name: str, value: object) -> None:
        assert self.interview_id is not None
        interview_id, repo = self.interview_id, self.repo
        setattr(self._debrief, field_name, value)
        self._exists = True
        self.save(
            save_key("debrief", interview_id, field_name),
            lambda: actions.change_debrief(repo, interview_id, **{field_name: value}),
        )

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """A prompt or the notes changed: save it and refresh the suggestions."""
        field_name = event.text_area.id or ""
        if field_name not in (*PROMPT_FIELDS, *OWN_WORDS):
            return
        text = event.text_area.text
        if event.text_area.has_focus:  # keep the line being typed on screen (it may grow past it)
            event.text_area.scroll_visible(animate=False)
        if text == strip_controls(getattr(self._debrief, field_name)):
            return
        self._save_debrief(field_name, text)
        if field_name in PROMPT_FIELDS:
            self._show_suggestions()

    def on_gut_rating_changed(self, event: GutRating.Changed) -> None:
        """The gut rating changed."""
        self._save_debrief("gut", event.gut)
        self._show_suggestions()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Rating and capturing need the debrief itself (gone when the interview was deleted)."""
        return action not in ("gut", "capture") or bool(self.query(GutRating))

    def action_gut(self, gut: int) -> None:
        """Rate the gut feeling (when the cursor is not in a text field)."""
        self.query_one(GutRating).action_rate(gut)

    def action_capture(self) -> None:
        """Put the cursor on the quick capture line."""
        if self.query("#capture"):
            self.query_one("#capture", Input).focus()

    def on_question_checklist_marked(self, event: QuestionChecklist.Marked) -> None:
        """A prepared question was marked asked, not asked or unknown."""
        for question in self._questions:
            if question.id == event.question_id:
                question.asked = event.asked
        repo, question_id, asked = self.repo, event.question_id, event.asked
        self.save(
            save_key("question", question_id, "asked"), lambda: actions.mark_asked(repo, question_id, asked)
        )
        self._show_questions()
        self._show_suggestions()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Quick capture: store the concern unsorted, clear the line, stay for the next one."""
        if event.input.id != "capture":
            return
        event.stop()
        text = event.value.strip()
        if not text or self.interview_id is None:
            return
        event.input.clear()
        self._capture([text])

    def on_text_input_lines_pasted(self, event: TextInput.LinesPasted) -> None:
        """Several lines pasted into the quick capture: one concern per line."""
        event.stop()
        if event.text_input.id == "capture" and self.interview_id is not None:
            self._capture(event.lines, pasted=True)

    def _capture(self, texts: list[str], pasted: bool = False) -> None:
        """Store each text as an unsorted concern and say how many are on the board; lines of
        one paste, however it arrived (bracketed, or typed out a line at a time), are said once:
        "3 concerns captured"."""
        assert self.interview_id is not None
        interview_id = self.interview_id
        concerns = [Concern(interview_id=interview_id, text=text[:CONCERN_TEXT_LIMIT]) for text in texts]
        repo = self.repo
        self._captured.extend(texts)
        self.save(unique_key("capture", interview_id), lambda: actions.add_concerns(repo, concerns), 0)
        now = self.query_one("#capture", CaptureLine).typed_at
        burst, last, as_paste = self._burst
        burst = (burst if now - last < PASTE_GAP and as_paste == pasted else 0) + len(texts)
        self._burst = (burst, now, pasted)
        count = len(self._captured)
        status = self.query_one("#captured", Static)
        status.add_class("-shown")
        wording = "[dim]$n on the board (unsorted), last:[/] $text"
        if burst > 1 or pasted:
            wording = "[dim]$k captured · $n on the board (unsorted), last:[/] $text"
        status.update(
            template(
                wording,
                k=_concerns(burst),
                n=_concerns(count),
                text=one_line(texts[-1], 40),
            )
        )

    # -- clarifications -------------------------------------------------------------------------

    def on_clarification_list_requested(self, event: ClarificationList.Requested) -> None:
        """Add, edit or delete an answer to clarify."""
        items = list(self._debrief.clarifications)
        if event.what == "delete" and event.index is not None:
            del items[event.index]
            self._set_clarifications(items)
            self.notify("Clarification deleted.", timeout=3)
            return
        current = items[event.index] if event.what == "edit" and event.index is not None else None

        def done(result: Clarification | None) -> None:
            if result is None:
                return
            if current is not None and event.index is not None:
                items[event.index] = result
            else:
                items.append(result)
            self._set_clarifications(items)

        index = str(event.index) if current is not None else None
        keep = actions.kept_input_key("clarification", self.interview_id, index)
        self.app.push_screen(ClarificationDialog(current, keep), done)

    def _set_clarifications(self, items: list[Clarification]) -> None:
        self._save_debrief("clarifications", items)
        self.query_one(ClarificationList).show(items)
        self._show_suggestions()

    # -- suggestions ----------------------------------------------------------------------------

    def on_suggestion_list_decided(self, event: SuggestionList.Decided) -> None:
        """Accept (one or all) or dismiss a suggestion."""
        assert self.interview_id is not None
        interview_id = self.interview_id
        pending = {s.key: s for s in self._pending()}
        if event.what == "dismiss" and event.key in pending:
            self._save_debrief("dismissed", [*self._debrief.dismissed, event.key])
        elif event.what == "accept" and event.key in pending:
            chosen = [pending[event.key]]
            self._accept(interview_id, chosen)
        elif event.what == "accept-all":
            self._accept(interview_id, list(pending.values()))
        self._show_suggestions()

    def _accept(self, interview_id: str, chosen: list[Suggestion]) -> None:
        concerns = [s.to_concern(interview_id) for s in chosen]
        self._taken.update(s.key for s in chosen)

        repo = self.repo
        self.save(
            save_key("accept", interview_id, "|".join(s.key for s in chosen)),
            lambda: actions.accept_suggestions(repo, concerns),
            0,
        )
        noun = "suggestion" if len(chosen) == 1 else "suggestions"
        self.notify(f"{len(chosen)} {noun} added to the board.", timeout=3, markup=False)


def _concerns(count: int) -> str:
    """ "1 concern", "3 concerns"."""
    return f"{count} concern{'s' if count != 1 else ''}"
