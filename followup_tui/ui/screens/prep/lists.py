"""The list machinery of the Prep screen: add, edit, delete with undo, reorder, tick.

The screen keeps each list's records in memory and shows changes at once; every change is
then saved off the UI thread, in the order it was made. New records get their id here, so
a later edit can name a record before its first save has run; they are written with
``Repository.restore``, which stores a record with the id and order it already has.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from textual.css.query import NoMatches
from textual.widgets import OptionList, TabbedContent, TextArea

from followup_tui.domain.models import ChecklistItem, LikelyQuestion, Question, Record
from followup_tui.services import actions
from followup_tui.services.autosave import unique_key
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.prep.dialogs import PrepTextDialog
from followup_tui.ui.widgets.prep_list import PrepList

LISTS: dict[str, type[Record]] = {"questions": Question, "likely": LikelyQuestion, "checklist": ChecklistItem}
"""The tabs that hold a list, and the kind of record each holds."""

NOUNS: dict[str, str] = {"questions": "question", "likely": "likely question", "checklist": "checklist item"}
"""What one record of each list is called in messages."""


class ListActions(FollowupScreen):
    """Keys that work on every list of the Prep screen.

    Args:
        interview_id: The interview being prepared for.
    """

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__(interview_id)
        self.records: dict[str, list[Any]] = {name: [] for name in LISTS}
        """What each list shows, in order; the screen's own copy, saved as it changes."""
        self.undo_stack: list[tuple[str, Record, int]] = []
        """Deleted records: (tab, record, position), the newest last."""

    # -- hooks the Prep screen fills in -----------------------------------------------------------

    def update_summaries(self) -> None:
        """Refresh counts and the sheet after a change."""

    def show_points(self) -> None:
        """Show the highlighted likely question's talking points."""

    def add_question_dialog(self) -> None:
        """Ask for a new question to ask."""

    def edit_question_dialog(self, question: Question) -> None:
        """Edit a question to ask."""

    def check_question_action(self, action: str, name: str, has_selection: bool) -> bool | None:
        """Whether a questions-only action applies now."""
        return True

    # -- helpers used by every tab --------------------------------------------------------------

    def write(self, action: Any) -> None:
        """Save one change off the UI thread, in the order the changes were made."""
        self.save(unique_key(f"prep:{self.interview_id}:change"), action, 0)

    def new_id(self) -> str:
        """Return a fresh record id that none of the loaded records uses."""
        return actions.mint_id({r.id for records in self.records.values() for r in records})

    def section(self) -> str:
        """The active tab: questions, likely, checklist or sheet."""
        try:
            return self.query_one(TabbedContent).active or "questions"
        except NoMatches:
            return "questions"

    def selected(self, name: str | None = None) -> Any | None:
        """The highlighted record in a list tab (the active one by default)."""
        name = name or self.section()
        if name not in LISTS:
            return None
        try:
            return self.query_one(f"#{name}-list", PrepList).selected
        except NoMatches:
            return None

    def insert(self, name: str, record: Record, position: int | None = None) -> None:
        """Add a record to a list, show it selected, and save it."""
        records = self.records[name]
        records.insert(len(records) if position is None else position, record)
        self.query_one(f"#{name}-list", PrepList).show(records, select_id=record.id)  # type: ignore[attr-defined]
        stored = dataclasses.replace(record)
        self.write(lambda: self.repo.restore(stored))
        self.update_summaries()

    def change(self, name: str, record: Any, **changes: Any) -> None:
        """Change fields of a record on screen and save them."""
        for field, value in changes.items():
            setattr(record, field, value)
        self.query_one(f"#{name}-list", PrepList).show(self.records[name])
        cls, record_id = LISTS[name], record.id
        self.write(lambda: self.repo.update(cls, record_id, **changes))
        self.update_summaries()

    def next_order(self, name: str) -> float:
        """The order value that puts a new record at the end of a list."""
        return max((r.order for r in self.records[name]), default=0.0) + 1.0

    # -- actions for every list -----------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer only the keys that apply to the active tab and selection."""
        name = self.section()
        has_selection = self.selected(name) is not None
        if action in ("add",):
            return name in LISTS
        if action in ("edit", "delete", "move"):
            return has_selection if name in LISTS else False
        if action == "toggle_done":
            return has_selection if name == "checklist" else False
        if action == "export":
            return name == "sheet"
        if action == "undo":
            return bool(self.undo_stack)
        return self.check_question_action(action, name, has_selection)

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        """Focus the list of the tab just opened."""
        name = event.pane.id or ""
        if name in LISTS:
            self.query_one(f"#{name}-list", PrepList).focus()
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
        elif event.option_list.id in ("questions-list", "checklist-list"):
            self.action_edit()

    def action_tab(self, name: str) -> None:
        """Open a tab."""
        self.query_one(TabbedContent).active = name

    def action_add(self) -> None:
        """Add to the active list."""
        name = self.section()
        if name == "questions":
            self.add_question_dialog()
        elif name in LISTS:
            title = "Add a question they may ask you" if name == "likely" else "Add a checklist item"
            draft = actions.draft_key("prep", self.interview_id, name, None)
            self.app.push_screen(
                PrepTextDialog(title, draft_key=draft), lambda result: self._added(name, result)
            )

    def _added(self, name: str, result: tuple[str, str] | None) -> None:
        if result is None or self.interview_id is None:
            return
        text, order, iid = result[0], self.next_order(name), self.interview_id
        record: Record
        if name == "likely":
            record = LikelyQuestion(id=self.new_id(), interview_id=iid, question=text, order=order)
        else:
            record = ChecklistItem(id=self.new_id(), interview_id=iid, text=text, order=order)
        self.insert(name, record)

    def action_edit(self) -> None:
        """Edit the highlighted record's text."""
        name, record = self.section(), self.selected()
        if record is None:
            return
        if name == "questions":
            self.edit_question_dialog(record)
            return
        field = "question" if name == "likely" else "text"
        title = "Edit the likely question" if name == "likely" else "Edit the checklist item"
        draft = actions.draft_key("prep", self.interview_id, name, record.id)
        dialog = PrepTextDialog(title, getattr(record, field), draft_key=draft)

        def done(result: tuple[str, str] | None) -> None:
            if result is not None and result[0] != getattr(record, field):
                self.change(name, record, **{field: result[0]})

        self.app.push_screen(dialog, done)

    def action_delete(self) -> None:
        """Delete the highlighted record; u brings it back."""
        name, record = self.section(), self.selected()
        if record is None:
            return
        records = self.records[name]
        position = records.index(record)
        records.remove(record)
        self.undo_stack.append((name, dataclasses.replace(record), position))
        self.query_one(f"#{name}-list", PrepList).show(records)
        cls, record_id = LISTS[name], record.id
        self.write(lambda: self.repo.delete(cls, record_id))
        self.notify(f"Deleted the {NOUNS[name]}, press u to undo", markup=False)
        self.update_summaries()

    def action_undo(self) -> None:
        """Bring back the most recently deleted record, in its place."""
        if not self.undo_stack:
            return
        name, record, position = self.undo_stack.pop()
        self.action_tab(name)
        self.insert(name, record, min(position, len(self.records[name])))
        self._save_order(name)
        self.notify(f"Brought back the {NOUNS[name]}", markup=False)

    def action_move(self, delta: int) -> None:
        """Move the highlighted record up or down its list."""
        name, record = self.section(), self.selected()
        if record is None:
            return
        records = self.records[name]
        position = records.index(record)
        target = position + delta
        if not 0 <= target < len(records):
            return
        records[position], records[target] = records[target], records[position]
        self.query_one(f"#{name}-list", PrepList).show(records, select_id=record.id)
        self._save_order(name)
        self.update_summaries()

    def _save_order(self, name: str) -> None:
        records = self.records[name]
        for position, record in enumerate(records, start=1):
            record.order = float(position)
        cls, ids = LISTS[name], [record.id for record in records]
        self.write(lambda: self.repo.reorder(cls, ids))

    def action_toggle_done(self) -> None:
        """Tick or untick the highlighted checklist item."""
        record = self.selected("checklist")
        if record is not None and self.section() == "checklist":
            self.change("checklist", record, done=not record.done)
