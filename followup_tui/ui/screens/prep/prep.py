"""Prep: the ten minutes at a desk before leaving for the interview.

Four tabs: the questions to ask, the questions they will likely ask me (with my talking
points), a checklist, and a one-page sheet that can be exported as Markdown. The screen
keeps the records in memory and updates the UI at once; every change is then saved off the
UI thread through ``self.save``. The lists own their keys (``PrepList`` and its kinds post
``PrepList.Requested``); ``PrepLists`` (every list) and ``PrepQuestions`` (questions to ask)
carry them out.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Header, Input, Label, OptionList, Static, TabbedContent, TabPane, TextArea
from textual.widgets.tabbed_content import ContentTabs

from followup_tui.domain.models import Interview
from followup_tui.domain.sheet import SheetLine, build_sheet, sheet_markdown
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.vocabulary import REASON_LIMIT
from followup_tui.services import actions
from followup_tui.services.autosave import save_key
from followup_tui.services.bank import bank_entries, starter_checklist
from followup_tui.ui.display import template
from followup_tui.ui.screens.base import NARROW, FollowupScreen
from followup_tui.ui.screens.prep.lists import LISTS, PrepLists
from followup_tui.ui.screens.prep.prep_list import (
    ChecklistList,
    PrepList,
    QuestionList,
    checklist_row,
    likely_row,
    question_row,
)
from followup_tui.ui.screens.prep.questions import PrepQuestions
from followup_tui.ui.screens.prep.sheet import SheetView
from followup_tui.ui.screens.save_where import ask_and_save, export_stem
from followup_tui.ui.widgets.key_footer import KeyFooter
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput

NO_QUESTION_HINT = "Pick or add a likely question first."
"""What the talking points box says while no likely question is highlighted."""

POINTS_HINT = "Your talking points for this question: enter here, then type."
"""What the empty talking points box says once a likely question is highlighted."""


class PrepScreen(FollowupScreen):
    """Prepare for one interview.

    Args:
        interview_id: The interview to prepare for.
        export_dir: Where the sheet is exported (the home folder when None).
    """

    SCREEN_TITLE = "Prep"
    CONFLICT_TABLES = frozenset({"questions", "likely_questions", "checklist", "bank"})
    AUTO_FOCUS = ""  # focused once, in on_mount: moving focus restyles the screen
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    DEFAULT_CSS = """
    PrepScreen TabbedContent { height: 1fr; }
    PrepScreen TabPane { height: 1fr; padding: 0 1; }
    PrepScreen .prep-summary { height: auto; color: $text-muted; }
    PrepScreen #why-this-job { margin-bottom: 1; }
    PrepScreen #likely-body { layout: horizontal; height: 1fr; }
    PrepScreen #likely-list { width: 2fr; }
    PrepScreen #points-box { width: 3fr; padding-left: 1; }
    PrepScreen #points { height: 1fr; }
    PrepScreen #points-label { width: 1fr; text-wrap: nowrap; text-overflow: ellipsis; }
    PrepScreen.-narrow #likely-body { layout: vertical; }
    PrepScreen.-narrow #likely-list { width: 1fr; height: 2fr; }
    PrepScreen.-narrow #points-box { width: 1fr; height: 3fr; padding-left: 0; }
    PrepScreen #sheet-scroll { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        # The lists own add, edit, delete, tick, must-ask, bank... (ui/screens/prep/prep_list.py);
        # undo is here as well so it works from the sheet too.
        Binding("u", "undo", "Undo delete"),
        Binding("v", "tab('sheet')", "One-page sheet", show=False),
        Binding("E", "export", "Export sheet"),
        Binding("1", "tab('questions')", "Questions to ask", show=False),
        Binding("2", "tab('likely')", "Likely questions", show=False),
        Binding("3", "tab('checklist')", "Checklist", show=False),
        Binding("4", "tab('sheet')", "Sheet", show=False),
    ]

    export_dir: Path | None = None
    """The folder offered for the sheet when the constructor is told (the last used when None)."""

    def __init__(self, interview_id: str | None = None, export_dir: Path | None = None) -> None:
        super().__init__(interview_id)
        if export_dir is not None:
            self.export_dir = export_dir
        self._points_for: str | None = None
        self.lists = PrepLists(self, self.update_summaries, self.action_tab)
        """The records of the three lists and what every list does."""
        self.questions = PrepQuestions(self, self.lists)
        """The questions to ask: the bank, reuse, must-ask and category."""

    # -- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The header, the four tabs and the footer.

        The width class and the rows' layout are set here, before the first styling, so
        opening the screen styles it once.
        """
        self.preset_breakpoints()
        yield Header()
        with TabbedContent(initial="questions"):
            with TabPane("Questions to ask", id="questions"):
                yield TextInput(
                    id="why-this-job",
                    compact=True,
                    max_length=REASON_LIMIT,
                    placeholder="Why I want this job, in one line (it ends the card)",
                )
                yield Static("", classes="prep-summary", id="questions-summary")
                questions = QuestionList(question_row, id="questions-list")
                questions.narrow = self.app.size.width < NARROW
                yield questions
            with TabPane("Likely questions", id="likely"):
                yield Static("", classes="prep-summary", id="likely-summary")
                with Vertical(id="likely-body"):
                    yield PrepList(likely_row, id="likely-list")
                    with Vertical(id="points-box"):
                        yield Label("My talking points (saved as you type)", id="points-label")
                        yield TextBox(id="points", placeholder=NO_QUESTION_HINT)
            with TabPane("Checklist", id="checklist"):
                yield Static("", classes="prep-summary", id="checklist-summary")
                yield ChecklistList(checklist_row, id="checklist-list")
            with TabPane("Sheet", id="sheet"), VerticalScroll(id="sheet-scroll"):
                yield SheetView(id="sheet-view")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the prep, seed the checklist the first time, focus the questions."""
        interview = self.interview()
        if interview is not None:
            role = f" · {interview.role}" if interview.role.strip() else ""
            self.sub_title = one_line(interview.company + role, 60)
        self._load()
        self._seed_checklist()
        self._show_all()
        self._show_why(interview)
        # the tabs change with 1-4 (and the mouse); a tab bar in the Tab order took the cursor
        # where typing did nothing, so Tab seemed never to reach the line of why
        self.query_one(ContentTabs).can_focus = False
        self.set_focus(self.query_one("#questions-list", PrepList))

    def _show_why(self, interview: Interview | None) -> None:
        field = self.query_one("#why-this-job", Input)
        if interview is not None and not field.has_focus and field.value != one_line(interview.why_this_job):
            with field.prevent(Input.Changed):
                field.value = one_line(interview.why_this_job)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Why I want this job is saved as it is typed."""
        if event.input.id != "why-this-job" or self.interview_id is None:
            return
        iid, words, repo = self.interview_id, event.value.strip(), self.repo
        self.save(
            save_key("interview", iid, "why_this_job"), lambda: actions.set_why_this_job(repo, iid, words)
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter after the line of why goes on to the questions."""
        if event.input.id == "why-this-job":
            event.stop()
            self.query_one("#questions-list", PrepList).focus()

    def on_resize(self) -> None:
        """Below 80 columns drop the category column (the footer tightens itself)."""
        narrow = self.size.width < NARROW
        listing = self.query_one("#questions-list", PrepList)
        if listing.narrow != narrow:
            listing.narrow = narrow
            listing.show(self.lists.records["questions"])

    # -- loading and showing --------------------------------------------------------------------

    def _load(self) -> None:
        if self.interview_id is None:
            return
        for name, cls in LISTS.items():
            self.lists.records[name] = self.repo.children(cls, self.interview_id)
        self.questions.bank = bank_entries(self.repo)
        self.questions.load_reuse()

    def _seed_checklist(self) -> None:
        iid = self.interview_id
        if iid is None or self.lists.records["checklist"]:
            return
        taken = {r.id for records in self.lists.records.values() for r in records}
        interview = self.interview()
        texts = starter_checklist(interview.format if interview is not None else "")
        items = actions.checklist_to_seed(self.repo, iid, texts, taken)
        if items:
            self.lists.records["checklist"] = items
            repo = self.repo
            self.lists.write(lambda: actions.seed_checklist(repo, iid, items))

    def _show_all(self) -> None:
        for name in LISTS:
            self.query_one(f"#{name}-list", PrepList).show(self.lists.records[name])
        self.show_points()
        self.update_summaries()

    def update_summaries(self) -> None:
        """Refresh the counts above each list and the sheet."""
        questions = self.lists.records["questions"]
        must = sum(1 for q in questions if q.must_ask)
        self.query_one("#questions-summary", Static).update(
            f"{len(questions)} question{'s' if len(questions) != 1 else ''}, {must} must-ask"
            if questions
            else "No questions yet: press a to write one, B to pick from the bank."
        )
        likely = self.lists.records["likely"]
        ready = sum(1 for item in likely if item.talking_points.strip())
        self.query_one("#likely-summary", Static).update(
            f"{len(likely)} likely question{'s' if len(likely) != 1 else ''}, {ready} with talking points"
            if likely
            else "What will they ask you? Press a to add a question, then write your talking points."
        )
        checklist = self.lists.records["checklist"]
        done = sum(1 for item in checklist if item.done)
        self.query_one("#checklist-summary", Static).update(
            f"{done} of {len(checklist)} done · space ticks"
            if checklist
            else "The checklist is empty: press a to add an item."
        )
        self.query_one("#sheet-view", SheetView).show(self.sheet_lines())
        self.refresh_bindings()

    # -- the lists' keys ------------------------------------------------------------------------

    def section(self) -> str:
        """The active tab: questions, likely, checklist or sheet."""
        try:
            return self.query_one(TabbedContent).active or "questions"
        except NoMatches:
            return "questions"

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Undo while something was deleted; export on the sheet tab."""
        if action == "undo":
            return bool(self.lists.undo_stack)
        if action == "export":
            return self.section() == "sheet"
        return True

    def on_prep_list_requested(self, event: PrepList.Requested) -> None:
        """Carry out a list's key: on the list (add, bank, reuse) or on its highlighted record."""
        name, record, what = event.prep_list.name_of_list, event.prep_list.selected, event.what
        lists, questions = self.lists, self.questions
        on_list: dict[str, Callable[[], None]] = {
            "add": questions.add if name == "questions" else lambda: lists.add(name),
            "bank": questions.pick_from_bank,
            "reuse": questions.reuse,
        }
        if what in on_list:
            on_list[what]()
            return
        if record is None:
            return
        on_record: dict[str, Callable[[Any], None]] = {
            "edit": questions.edit if name == "questions" else lambda r: lists.edit(name, r),
            "delete": lambda r: lists.delete(name, r),
            "move_up": lambda r: lists.move(name, r, -1),
            "move_down": lambda r: lists.move(name, r, 1),
            "tick": lists.tick,
            "must": questions.must,
            "category": questions.category,
            "save_bank": questions.keep_in_bank,
        }
        on_record[what](record)

    def action_undo(self) -> None:
        """Bring back the most recently deleted record, in its place."""
        self.lists.undo()

    def action_tab(self, name: str) -> None:
        """Open a tab."""
        self.query_one(TabbedContent).active = name

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Focus the list of the tab just opened."""
        name = event.pane.id or ""
        if name in LISTS:
            self.lists.listing(name).focus()
        elif name == "sheet":
            self.query_one("#sheet-scroll").focus()
        self.refresh_bindings()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Keep the footer and the talking points in step with the highlight."""
        if event.option_list.id == "likely-list":
            self.show_points()
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter edits a question or an item; on a likely question it opens the talking points."""
        if event.option_list.id == "likely-list":
            self.query_one("#points", TextArea).focus()
        elif isinstance(event.option_list, PrepList):
            event.option_list.action_request("edit")

    def sheet_lines(self) -> list[SheetLine]:
        """The one-page sheet of this interview as it is now on screen."""
        interview = self.interview()
        if interview is None:
            return [SheetLine("empty", "This interview no longer exists.")]
        return build_sheet(interview, self.lists.records["questions"], self.lists.records["likely"])

    def refresh_data(self) -> None:
        """Reload after another process changed the file, keeping the talking points being typed."""
        if self.saves_pending():
            return
        editing = self._points_for if self.focused is self.query_one("#points", TextArea) else None
        typed = self.query_one("#points", TextArea).text
        self._load()
        for item in self.lists.records["likely"]:
            if item.id == editing:
                item.talking_points = typed
        self._show_all()
        self._show_why(self.interview())

    # -- talking points -------------------------------------------------------------------------

    def show_points(self) -> None:
        """Show the highlighted likely question's talking points in the editor."""
        record = self.lists.listing("likely").selected
        editor = self.query_one("#points", TextArea)
        self._points_for = record.id if record is not None else None
        editor.disabled = record is None
        editor.placeholder = NO_QUESTION_HINT if record is None else POINTS_HINT
        self.query_one("#points-label", Label).update(
            template("My talking points for: [b]$question[/]", question=record.question)
            if record is not None
            else template("My talking points (saved as you type)")
        )
        text = record.talking_points if record is not None else ""
        if editor.text != strip_controls(text):
            editor.load_text(text)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """Keep the talking points in memory and save them after a short pause in typing."""
        record = next((r for r in self.lists.records["likely"] if r.id == self._points_for), None)
        text = event.text_area.text
        if record is None or strip_controls(record.talking_points) == text:
            return
        record.talking_points = text
        record_id, repo = record.id, self.repo
        self.save(
            save_key("prep", self.interview_id, "points", record_id),
            lambda: actions.set_talking_points(repo, record_id, text),
        )
        listing = self.query_one("#likely-list", PrepList)
        listing.replace_option_prompt(record_id, likely_row(record, listing.records.index(record) + 1, False))
        self.update_summaries()

    def after_field(self, field: Widget) -> Widget | None:
        """Escape from the talking points or the line of why goes to the list beside it."""
        if field is self.query_one("#points", TextArea):
            return self.query_one("#likely-list", PrepList)
        if field is self.query_one("#why-this-job", Input):
            return self.query_one("#questions-list", PrepList)
        return super().after_field(field)

    # -- export ---------------------------------------------------------------------------------

    def action_export(self) -> None:
        """Ask where, then write the one-page sheet as a Markdown file and say where it went."""
        interview = self.interview()
        if interview is None:
            return
        text = sheet_markdown(self.sheet_lines())
        ask_and_save(
            self,
            "the one-page sheet",
            export_stem("sheet", interview.company),
            ".md",
            lambda: text,
            "Sheet saved to",
            folder=self.export_dir,
        )
