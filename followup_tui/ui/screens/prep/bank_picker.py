"""The question bank picker: type to filter, enter adds, add as many as you like."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from followup_tui.services.bank import BankEntry, category_label, normalize, search
from followup_tui.ui.display import safe_text
from followup_tui.ui.screens.prep.dialogs import DIALOG_CSS
from followup_tui.ui.widgets.prep_list import wrapping


class BankPickerScreen(ModalScreen[int]):
    """Pick questions from the bank; each pick is added at once.

    Dismisses with how many questions were added.

    Args:
        entries: The whole bank, grouped by category.
        present: Questions already on the list (as ``bank.normalize`` gives them).
        on_pick: Adds one entry to the interview; returns False when it was not added.
    """

    DEFAULT_CSS = (
        DIALOG_CSS.replace("$dialog", "BankPickerScreen")
        + """
    BankPickerScreen > Vertical { width: 90; height: 1fr; }
    BankPickerScreen OptionList { height: 1fr; border: none; padding: 0; }
    BankPickerScreen Input { margin-bottom: 0; }
    """
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Done"),
        Binding("down", "move(1)", "Next question", show=False),
        Binding("up", "move(-1)", "Previous question", show=False),
    ]

    def __init__(
        self, entries: list[BankEntry], present: set[str], on_pick: Callable[[BankEntry], bool]
    ) -> None:
        super().__init__()
        self._entries = entries
        self._present = set(present)
        self._on_pick = on_pick
        self._shown: list[BankEntry] = []
        self.added = 0
        """How many questions were added so far."""

    def compose(self) -> ComposeResult:
        """The filter box, the grouped list, a hint."""
        with Vertical():
            yield Label("Question bank", classes="dialog-title")
            yield Input(placeholder="type to filter (role, manager, growth...)", id="bank-filter")
            yield OptionList(id="bank-list")
            yield Static("", id="bank-count", classes="dialog-hint")
            yield Static("enter adds · ↑↓ move · escape done", classes="dialog-hint")

    def on_mount(self) -> None:
        """Show everything; the filter box has the focus."""
        self._fill("")
        self.query_one("#bank-filter", Input).focus()

    def _fill(self, text: str) -> None:
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
        listing.highlighted = first
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
        if normalize(entry.text) in self._present:
            self.notify("That question is already on your list.", markup=False)
            return
        if self._on_pick(entry):
            self._present.add(normalize(entry.text))
            self.added += 1
            listing = self.query_one("#bank-list", OptionList)
            listing.replace_option_prompt(option.id, self._prompt(entry))
            count = len(self._shown)
            self.query_one("#bank-count", Static).update(
                f"{count} question{'s' if count != 1 else ''} shown · {self.added} added"
            )

    def action_move(self, delta: int) -> None:
        """Move the highlight from the filter box."""
        listing = self.query_one("#bank-list", OptionList)
        if delta > 0:
            listing.action_cursor_down()
        else:
            listing.action_cursor_up()

    def action_close(self) -> None:
        """Close the picker."""
        self.dismiss(self.added)
