"""The list machinery of the Prep screen: add, edit, delete with undo, reorder, tick.

``PrepLists`` keeps each list's records in memory and shows changes at once; every change is
then saved off the UI thread through the screen, in the order it was made. New records get
their id here, so a later edit can name a record before its first save has run; they are
written with ``Repository.restore``, which stores a record with the id and order it already has.
The keys live on the lists themselves (``ui/screens/prep/prep_list.py``); the screen hands each
request to the object that carries it out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from followup_tui.domain.models import ChecklistItem, LikelyQuestion, Question, Record
from followup_tui.services import actions
from followup_tui.services.autosave import unique_key
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.prep.dialogs import PrepTextDialog
from followup_tui.ui.screens.prep.prep_list import PrepList

LISTS: dict[str, type[Record]] = {"questions": Question, "likely": LikelyQuestion, "checklist": ChecklistItem}
"""The tabs that hold a list, and the kind of record each holds."""

NOUNS: dict[str, str] = {"questions": "question", "likely": "likely question", "checklist": "checklist item"}
"""What one record of each list is called in messages."""


class PrepLists:
    """The records of the three lists of one Prep screen, and what every list can do.

    Args:
        screen: The Prep screen: its lists, its saving and its dialogs.
        changed: Called after a list changed (the screen updates its summaries).
        show_tab: Opens a tab by name (undo shows the list it brings a record back to).
    """

    def __init__(
        self, screen: FollowupScreen, changed: Callable[[], None], show_tab: Callable[[str], None]
    ) -> None:
        self.screen = screen
        self.changed = changed
        self.show_tab = show_tab
        self.records: dict[str, list[Any]] = {name: [] for name in LISTS}
        """What each list shows, in order; the screen's own copy, saved as it changes."""
        self.undo_stack: list[tuple[str, Record, int]] = []
        """Deleted records: (tab, record, position), the newest last."""

    # -- helpers --------------------------------------------------------------------------------

    def listing(self, name: str) -> PrepList:
        """The list widget of one tab."""
        return self.screen.query_one(f"#{name}-list", PrepList)

    def write(self, action: Any) -> None:
        """Save one change off the UI thread, in the order the changes were made."""
        self.screen.save(unique_key("prep", self.screen.interview_id, "change"), action, 0)

    def new_id(self) -> str:
        """Return a fresh record id that none of the loaded records uses."""
        return actions.mint_id({r.id for records in self.records.values() for r in records})

    def insert(self, name: str, record: Record, position: int | None = None) -> None:
        """Add a record to a list, show it selected, and save it."""
        records = self.records[name]
        records.insert(len(records) if position is None else position, record)
        self.listing(name).show(records, select_id=record.id)  # type: ignore[attr-defined]
        stored = dataclasses.replace(record)
        repo = self.screen.repo
        self.write(lambda: actions.put_record(repo, stored))
        self.changed()

    def change(self, name: str, record: Any, **changes: Any) -> None:
        """Change fields of a record on screen and save them."""
        for field, value in changes.items():
            setattr(record, field, value)
        self.listing(name).show(self.records[name])
        cls, record_id, repo = LISTS[name], record.id, self.screen.repo
        self.write(lambda: actions.change_prep_item(repo, cls, record_id, **changes))
        self.changed()

    def next_order(self, name: str) -> float:
        """The order value that puts a new record at the end of a list."""
        return max((r.order for r in self.records[name]), default=0.0) + 1.0

    # -- what every list does -------------------------------------------------------------------

    def add(self, name: str) -> None:
        """Ask for the text of a new likely question or checklist item, then add it."""
        title = "Add a question they may ask you" if name == "likely" else "Add a checklist item"
        keep = actions.kept_input_key("prep", self.screen.interview_id, name, None)
        dialog = PrepTextDialog(title, keep_key=keep, several=True)
        self.screen.app.push_screen(dialog, lambda result: self._added(name, result))

    def _added(self, name: str, result: tuple[str, str] | None) -> None:
        iid = self.screen.interview_id
        if result is None or iid is None:
            return
        for text in (line.strip() for line in result[0].splitlines()):
            if not text:
                continue
            order = self.next_order(name)
            record: Record
            if name == "likely":
                record = LikelyQuestion(id=self.new_id(), interview_id=iid, question=text, order=order)
            else:
                record = ChecklistItem(id=self.new_id(), interview_id=iid, text=text, order=order)
            self.insert(name, record)

    def edit(self, name: str, record: Any) -> None:
        """Edit a likely question's or a checklist item's text."""
        field = "question" if name == "likely" else "text"
        title = "Edit the likely question" if name == "likely" else "Edit the checklist item"
        keep = actions.kept_input_key("prep", self.screen.interview_id, name, record.id)
        dialog = PrepTextDialog(title, getattr(record, field), keep_key=keep)

        def done(result: tuple[str, str] | None) -> None:
            if result is not None and result[0] != getattr(record, field):
                self.change(name, record, **{field: result[0]})

        self.screen.app.push_screen(dialog, done)

    def delete(self, name: str, record: Any) -> None:
        """Delete a record; u brings it back."""
        records = self.records[name]
        position = records.index(record)
        records.remove(record)
        self.undo_stack.append((name, dataclasses.replace(record), position))
        self.listing(name).show(records)
        cls, record_id, repo = LISTS[name], record.id, self.screen.repo
        self.write(lambda: actions.delete_prep_item(repo, cls, record_id))
        self.screen.notify(f"Deleted the {NOUNS[name]}, press u to undo", markup=False)
        self.changed()

    def undo(self) -> None:
        """Bring back the most recently deleted record in its place, showing its tab."""
        if not self.undo_stack:
            return
        name, record, position = self.undo_stack.pop()
        self.show_tab(name)
        self.insert(name, record, min(position, len(self.records[name])))
        self._save_order(name)
        self.screen.notify(f"Brought back the {NOUNS[name]}", markup=False)

    def move(self, name: str, record: Any, delta: int) -> None:
        """Move a record up or down its list."""
        records = self.records[name]
        position = records.index(record)
        target = position + delta
        if not 0 <= target < len(records):
            return
        records[position], records[target] = records[target], records[position]
        self.listing(name).show(records, select_id=record.id)
        self._save_order(name)
        self.changed()

    def _save_order(self, name: str) -> None:
        records = self.records[name]
        for position, record in enumerate(records, start=1):
            record.order = float(position)
        cls, ids, repo = LISTS[name], [record.id for record in records], self.screen.repo
        self.write(lambda: actions.set_order(repo, cls, ids))

    def tick(self, record: ChecklistItem) -> None:
        """Tick or untick a checklist item."""
        self.change("checklist", record, done=not record.done)
