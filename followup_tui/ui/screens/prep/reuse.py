"""Reuse questions prepared for an earlier interview at the same company."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Label, SelectionList, Static
from textual.widgets.selection_list import Selection

from followup_tui.domain.models import Question
from followup_tui.ui.display import safe, template
from followup_tui.ui.screens.dialog import FollowupDialog
from followup_tui.ui.widgets.ticks import TickList


class ReuseDialog(FollowupDialog[list[Question]]):
    """Tick questions from earlier interviews; dismisses with the ticked ones (maybe none).

    Args:
        groups: (label of the earlier interview, its questions), newest first.
    """

    DEFAULT_CSS = """
    ReuseDialog > .dialog-frame { width: 90; height: 1fr; }
    ReuseDialog .dialog-title { margin-bottom: 1; }
    ReuseDialog SelectionList { height: 1fr; border: none; padding: 0; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a,ctrl+s", "add", "Add ticked"),
        Binding("t", "tick_all", "Tick all"),
    ]

    def __init__(self, groups: list[tuple[str, list[Question]]]) -> None:
        super().__init__()
        self._questions: list[Question] = []
        self._selections: list[Selection[int]] = []
        for label, questions in groups:
            self._selections.append(Selection(template("[b]$label[/b]", label=label), -1, disabled=True))
            for question in questions:
                self._selections.append(
                    Selection(safe(question.text, single_line=True), len(self._questions))
                )
                self._questions.append(question)

    def compose(self) -> ComposeResult:
        """The ticked list and a hint."""
        with Vertical(classes="dialog-frame"):
            yield Label("Reuse questions from an earlier interview", classes="dialog-title")
            yield TickList[int](*self._selections, id="reuse-list")
            yield Static(
                "space ticks · t ticks all · a adds the ticked ones · escape cancels", classes="dialog-hint"
            )

    def on_mount(self) -> None:
        """Put the highlight on the first question."""
        listing = self.query_one("#reuse-list", SelectionList)
        listing.focus()
        listing.highlighted = 1 if len(self._selections) > 1 else None

    def action_tick_all(self) -> None:
        """Tick every question."""
        self.query_one("#reuse-list", SelectionList).select_all()

    def action_add(self) -> None:
        """Add the ticked questions (the highlighted one when none is ticked)."""
        listing: SelectionList[int] = self.query_one("#reuse-list", SelectionList)
        picked = [value for value in listing.selected if value >= 0]
        if not picked and listing.highlighted is not None:
            value = listing.get_option_at_index(listing.highlighted)
            if isinstance(value, Selection) and value.value >= 0:
                picked = [value.value]
        self.dismiss([self._questions[n] for n in sorted(picked)])

    def close_dialog(self) -> None:
        """Close without adding anything."""
        self.dismiss([])
