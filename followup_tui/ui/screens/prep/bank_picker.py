"""The question bank picker: type to filter, enter adds, add as many as you like.

The bank is curated here too: in the list, ``e`` edits the highlighted question, ``g`` moves it
to another category, ``x`` deletes it and ``u`` brings the last deleted one back. Each change
shows at once and is saved off the UI thread through the app's save queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from followup_tui.services.autosave import unique_key
from followup_tui.services.bank import (
    BankEntry,
    Removed,
    categories,
    category_label,
    clean_category,
    delete_entry,
    edit_entry,
    find_text,
    normalize,
    search,
    undo_delete,
)
from followup_tui.ui.display import safe_text
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.dialog import FollowupDialog
from followup_tui.ui.screens.prep.dialogs import CategoryDialog, PrepTextDialog
from followup_tui.ui.screens.prep.prep_list import wrapping


class BankPickerDialog(FollowupDialog[int]):
    """Pick questions from the bank; each pick is added at once.

    Dismisses with how many questions were added.

    Args:
        entries: The whole bank, grouped by category; curating changes this list in place.
        present: Questions already on the list (as ``bank.normalize`` gives them).
        on_pick: Adds one entry to the interview; returns False when it was not added.
        on_unpick: Takes a ticked entry off the interview's list again (enter on a ✓ question);
            returns False when it was not there.
    """

    DEFAULT_CSS = """
    BankPickerDialog > .dialog-frame { width: 90; height: 1fr; }
    BankPickerDialog .dialog-title { margin-bottom: 1; }
    BankPickerDialog OptionList { height: 1fr; border: none; padding: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Done"),
        Binding("down", "move(1)", "Next question", show=False),
        Binding("up", "move(-1)", "Previous question", show=False),
        Binding("e", "edit", "Edit"),
        Binding("g", "category", "Set category"),
        Binding("x,delete", "delete", "Delete"),
        Binding("u", "undo", "Undo delete"),
    ]

    app: FollowupHost

    def __init__(
        self,
        entries: list[BankEntry],
        present: set[str],
        on_pick: Callable[[BankEntry], bool],
        on_unpick: Callable[[BankEntry], bool] = lambda entry: False,
    ) -> None:
        super().__init__()
        self._entries = entries
        self._present = set(present)
        self._on_pick = on_pick
        self._on_unpick = on_unpick
        self._shown: list[BankEntry] = []
        self._deleted: list[tuple[int, BankEntry, list[Removed]]] = []
        self.added = 0
        """How many questions were added so far."""

    def compose(self) -> ComposeResult:
        """The filter box, the grouped list, a hint."""
        with Vertical(classes="dialog-frame"):
            yield Label("Question bank", classes="dialog-title")
            yield Input(placeholder="type to filter (role, manager, growth...)", id="bank-filter")
            yield OptionList(id="bank-list")
            yield Static("", id="bank-count", classes="dialog-hint")
            yield Static("enter adds (again: takes it off) · ↑↓ move · escape done", classes="dialog-hint")
            yield Static("list (tab): e edit · g category · x delete · u undo", classes="dialog-hint")

    def on_mount(self) -> None:
        """Show everything; the filter box has the focus."""
        self._fill("")
        self.query_one("#bank-filter", Input).focus()

    def _fill(self, text: str, keep: BankEntry | None = None) -> None:
        self._shown = search(self._entries, text)
        options: list[Option] = []
        category = None
        for index, entry in enumerate(self._shown):
            if entry.category != category:
                category = entry.category
                heading = safe_text(category_label(category), style="bold underline")
                options.append(Option(heading, id=f"h{index}", disabled=True))
            options.append(Option(self._prompt(entry), id=str(index)))
        listing = self.query_one("#bank-list", OptionList)
        listing.set_options(options)
        first = next((n for n, option in enumerate(options) if not option.disabled), None)
        if keep is not None and keep in self._shown:
            first = next(n for n, option in enumerate(options) if option.id == str(self._shown.index(keep)))
        listing.highlighted = first
        self._count()

    def _count(self) -> None:
        count = len(self._shown)
        self.query_one("#bank-count", Static).update(
            f"{count} question{'s' if count != 1 else ''} shown · {self.added} added"
        )

    def _prompt(self, entry: BankEntry) -> Table:
        added = normalize(entry.text) in self._present
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=1)
        grid.add_column(ratio=1)
        body = wrapping(entry.text, "dim" if added else "")
        if entry.mine:
            body.append("  (mine)", style="italic dim")
        grid.add_row(Text("✓" if added else " ", style="bold green"), body)
        return grid

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        self._fill(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter box adds the highlighted question."""
        event.stop()
        self._pick(self.query_one("#bank-list", OptionList).highlighted_option)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on a question adds it."""
        event.stop()
        self._pick(event.option)

    def _pick(self, option: Option | None) -> None:
        if option is None or option.id is None or option.disabled:
            return
        entry = self._shown[int(option.id)]
        key = normalize(entry.text)
        if key in self._present:
            if not self._on_unpick(entry):
                return
            self._present.discard(key)
            self.added -= 1
        elif self._on_pick(entry):
            self._present.add(key)
            self.added += 1
        else:
            return
        self.query_one("#bank-list", OptionList).replace_option_prompt(option.id, self._prompt(entry))
        self._count()

    def action_move(self, delta: int) -> None:
        """Move the highlight from the filter box."""
        listing = self.query_one("#bank-list", OptionList)
        if delta > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def close_dialog(self) -> None:
        """Close the picker."""
        self.dismiss(self.added)

    # -- curating the bank ----------------------------------------------------------------------

    def _highlighted(self) -> BankEntry | None:
        option = self.query_one("#bank-list", OptionList).highlighted_option
        if option is None or option.id is None or option.disabled:
            return None
        return self._shown[int(option.id)]

    def _save(self, action: Callable[[], object]) -> None:
        """Queue one change to the bank; changes are saved in the order they were made."""
        self.app.save(unique_key("bank", "curate"), action, 0)

    def _refill(self, keep: BankEntry | None = None) -> None:
        self._fill(self.query_one("#bank-filter", Input).value, keep)

    def action_edit(self) -> None:
        """Change the highlighted question's wording (and category)."""
        entry = self._highlighted()
        if entry is None:
            return

        def done(result: tuple[str, str] | None) -> None:
            if result is not None:
                self._change(entry, result[0], result[1])

        self.app.push_screen(
            PrepTextDialog("Edit the question", entry.text, categories(self._entries), entry.category), done
        )

    def action_category(self) -> None:
        """Move the highlighted question to another category."""
        entry = self._highlighted()
        if entry is None:
            return

        def done(category: str | None) -> None:
            if category is not None:
                self._change(entry, entry.text, category)

        self.app.push_screen(CategoryDialog(categories(self._entries), entry.category), done)

    def _change(self, entry: BankEntry, text: str, category: str) -> None:
        text = " ".join(text.split())
        key = normalize(text)
        if not key:
            return
        if any(normalize(e.text) == key and e is not entry for e in self._entries):
            self.notify("The bank already holds that question.", markup=False)
            return
        changed = replace(entry, text=text, category=clean_category(category), mine=True)
        if changed == entry:
            return
        self._entries[self._entries.index(entry)] = changed
        old = entry.text
        self._save(lambda: edit_entry(self.app.repo, find_text(self.app.repo, old), text, category))
        self._refill(keep=changed)

    def action_delete(self) -> None:
        """Take the highlighted question out of the bank (u brings it back)."""
        entry = self._highlighted()
        if entry is None:
            return
        position = self._entries.index(entry)
        self._entries.pop(position)
        removed: list[Removed] = []  # filled in by the save, read by its undo
        self._deleted.append((position, entry, removed))
        text = entry.text
        self._save(lambda: removed.append(delete_entry(self.app.repo, find_text(self.app.repo, text))))
        listing = self.query_one("#bank-list", OptionList)
        at = listing.highlighted
        self._refill()
        if at is not None and listing.option_count:
            listing.highlighted = min(at, listing.option_count - 1)
            if listing.highlighted_option is not None and listing.highlighted_option.disabled:
                listing.action_cursor_down()
        self.notify("Question deleted from the bank · u undoes", markup=False)

    def action_undo(self) -> None:
        """Bring back the question deleted last."""
        if not self._deleted:
            self.notify("Nothing to undo.", markup=False)
            return
        position, entry, removed = self._deleted.pop()
        self._entries.insert(min(position, len(self._entries)), entry)

        def put_back() -> None:
            for record in removed:
                undo_delete(self.app.repo, record)

        self._save(put_back)
        self._refill(keep=entry)
        self.notify("Question back in the bank.", markup=False)
