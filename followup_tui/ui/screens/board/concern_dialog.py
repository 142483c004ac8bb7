"""Edit one concern: its text, and what its column gives it.

A worry takes thinking-trap tags, a balanced thought and can be recorded as a prediction
(settled later); an actual error takes what sort it is, an action and can be resolved. Every
change goes to the board screen as it is made (the screen saves), so escape simply closes.
``NewConcernDialog`` asks for the text of a new concern.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.selection_list import Selection

from followup_tui.domain.card.warnings import room_line
from followup_tui.domain.models import CONFIDENCE_STEPS, Concern
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.vocabulary import (
    ACTION_CHOICES,
    CONCERN_KIND_NAMES,
    CONCERN_TEXT_LIMIT,
    ERROR_KIND_CHOICES,
    PREDICTION_LABELS,
    THINKING_TRAPS,
)
from followup_tui.services.card_inputs import room_to_know
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.board.choices import ChoiceList
from followup_tui.ui.screens.dialog import FollowupDialog
from followup_tui.ui.screens.kept_input import KeptInputDialog
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput
from followup_tui.ui.widgets.ticks import TickBox, TickList

ChangeHandler = Callable[[str, dict[str, Any]], None]
"""Called with the concern's id and the fields that changed."""


class ConcernDialog(FollowupDialog[None]):
    """Edit a concern; every change is handed to ``on_change`` at once.

    Args:
        concern: The concern as stored.
        on_change: Receives the concern's id and each change (the board screen saves it).

    An actual error's *what I want them to know* counts its words against the room the card has
    for it (``card_inputs.room_to_know``), as the card screen's ``m`` does; the count follows
    what is typed.
    """

    DEFAULT_CSS = """
    ConcernDialog > .dialog-frame { width: 78; }
    ConcernDialog Label { margin-top: 1; text-style: bold; }
    ConcernDialog > .dialog-frame > Label:first-child { margin-top: 0; }
    ConcernDialog .hint { color: $text-muted; }
    ConcernDialog TextArea { height: auto; min-height: 3; max-height: 8; }
    ConcernDialog SelectionList { height: auto; max-height: 12; }
    ConcernDialog Checkbox { margin-top: 1; }
    ConcernDialog #to-know-count.-over { color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close (saved)")]

    app: FollowupHost

    def __init__(self, concern: Concern, on_change: ChangeHandler) -> None:
        super().__init__()
        self._concern = concern
        self._on_change = on_change
        self._room: int | None = None

    def compose(self) -> ComposeResult:
        """The text, then the fields of the concern's column."""
        concern = self._concern
        with VerticalScroll(classes="dialog-frame") as box:
            box.border_title = f"{CONCERN_KIND_NAMES[concern.kind]} · esc closes, all saved"
            yield Label("The concern")
            yield TextInput(one_line(concern.text), id="text", compact=True, max_length=CONCERN_TEXT_LIMIT)
            if concern.kind == "unsorted":
                yield Static(
                    "Not sorted yet: on the board, t asks two questions, ⇧← makes it a worry, ⇧→ an error.",
                    classes="hint",
                )
            if concern.kind == "worry":
                yield from self._worry_fields(concern)
            if concern.kind == "error":
                yield from self._error_fields(concern)

    def _worry_fields(self, concern: Concern) -> ComposeResult:
        # the balanced thought first: where the cursor starts, in view on a small screen
        yield Label("A balanced thought")
        yield TextBox(strip_controls(concern.balanced_thought), id="balanced_thought", compact=True)
        yield Label("Thinking traps  (space ticks)")
        yield TickList[str](
            *(
                Selection(Content.assemble((label, "bold"), " — ", (why, "dim")), key, key in concern.traps)
                for key, (label, why) in THINKING_TRAPS.items()
            ),
            id="traps",
            compact=True,
        )
        yield Static("", id="trap-why", classes="hint")
        yield TickBox(
            "Record as a prediction, to settle when the outcome arrives",
            concern.prediction,
            id="prediction",
            compact=True,
        )
        yield TextInput(
            one_line(concern.prediction_text),
            id="prediction_text",
            compact=True,
            max_length=CONCERN_TEXT_LIMIT,
            placeholder="My prediction, in my words: They will…",
            classes="prediction",
        )
        # shown whole, one key each: a dropdown spilled over the dialog's frame at 60x20
        yield Label("How sure am I?  (number or first letter)", classes="prediction")
        yield ChoiceList(
            [*((f"{step}% sure it comes true", str(step)) for step in CONFIDENCE_STEPS), ("Not said", "")],
            str(concern.confidence) if concern.confidence in CONFIDENCE_STEPS else "",
            id="confidence",
            compact=True,
            classes="prediction",
        )
        yield Select(
            [
                *(
                    (("It " if key else "Prediction ") + label, key)
                    for key, label in PREDICTION_LABELS.items()
                ),
            ],
            value=concern.prediction_result,
            allow_blank=False,
            id="prediction_result",
            compact=True,
            classes="prediction",
        )

    def _error_fields(self, concern: Concern) -> ComposeResult:
        yield Label("What sort of error  (number or first letter)")
        yield ChoiceList(ERROR_KIND_CHOICES, concern.error_kind, id="error_kind", compact=True)
        yield Label("What I will do  (number or first letter)")
        yield ChoiceList(ACTION_CHOICES, concern.action, id="action", compact=True)
        yield Label("What I want them to know  (on the card, in my words)", classes="to-know")
        yield TextBox(strip_controls(concern.to_know), id="to_know", compact=True, classes="to-know")
        yield Static(id="to-know-count", classes="to-know hint")
        yield TickBox("Resolved", concern.resolved, id="resolved", compact=True)

    def on_mount(self) -> None:
        """Start on what the column asks for first (a worry's balanced thought, an error's sort),
        so a sentence or a digit typed at once goes there, never into the concern's own words
        (shift+tab goes back to them); hide the prediction result until it is a prediction."""
        first = {"worry": "#balanced_thought", "error": "#error_kind"}.get(self._concern.kind, "#text")
        self.query_one(first).focus()
        self._sync_prediction()
        if self._concern.kind == "error":
            self._room = room_to_know(self.app.repo, self._concern, self.app.clock())
            self._count(strip_controls(self._concern.to_know))

    def _count(self, words: str) -> None:
        """The live count under what I want them to know, against the card's room."""
        if self._room is None or not self.query("#to-know-count"):
            return
        text, over = room_line(words, self._room)
        line = self.query_one("#to-know-count", Static)
        line.update(text)
        line.set_class(over, "-over")

    def _sync_prediction(self) -> None:
        """Prediction fields show when it is a prediction; the card's sentence for the card's errors."""
        for box in self.query("#prediction"):
            for widget in self.query(".prediction"):
                widget.display = isinstance(box, Checkbox) and box.value
        for choices in self.query("#action"):
            for widget in self.query(".to-know"):
                widget.display = isinstance(choices, ChoiceList) and choices.value == "clarify-in-card"

    def _change(self, **changes: Any) -> None:
        self._on_change(self._concern.id, changes)

    def on_input_changed(self, event: Input.Changed) -> None:
        """The text changed (an empty text is not saved: a concern needs some words)."""
        if event.input.id == "text" and event.value.strip() and event.value != one_line(self._concern.text):
            self._change(text=event.value.strip())
        if event.input.id == "prediction_text" and event.value != one_line(self._concern.prediction_text):
            self._change(prediction_text=event.value.strip())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the text moves on to the next field."""
        event.stop()
        self.focus_next()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        """The balanced thought or what I want them to know changed."""
        name = event.text_area.id or ""
        if name in ("balanced_thought", "to_know") and event.text_area.text != strip_controls(
            getattr(self._concern, name)
        ):
            self._change(**{name: event.text_area.text})
        if name == "to_know":
            self._count(event.text_area.text)

    def on_selection_list_selection_highlighted(self, event: SelectionList.SelectionHighlighted[str]) -> None:
        """Show the whole explanation of the highlighted trap (the list may cut it short)."""
        label, why = THINKING_TRAPS[event.selection.value]
        self.query_one("#trap-why", Static).update(Content.assemble((label, "bold"), ": ", why))

    def on_selection_list_selected_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        """The thinking traps changed."""
        self._change(traps=list(event.selection_list.selected))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        """Prediction or resolved was ticked."""
        if event.checkbox.id in ("prediction", "resolved"):
            self._change(**{event.checkbox.id: event.value})
        self._sync_prediction()

    def on_choice_list_changed(self, event: ChoiceList.Changed) -> None:
        """The sort, the action or how sure changed."""
        if event.choice_list.id in ("error_kind", "action"):
            self._change(**{event.choice_list.id: event.value})
        if event.choice_list.id == "confidence":
            self._change(confidence=int(event.value) if event.value else None)
        self._sync_prediction()

    def on_select_changed(self, event: Select.Changed) -> None:
        """The prediction's result changed."""
        if event.select.id == "prediction_result" and isinstance(event.value, str):
            self._change(prediction_result=event.value)
        self._sync_prediction()


class NewConcernDialog(KeptInputDialog[str | None]):
    """Ask for the text of a new concern; enter adds it, escape cancels.

    Args:
        column: The title of the column it will land in.
        keep_key: Where what is typed is kept until it is used (see ``KeptInputDialog``).
    """

    DEFAULT_CSS = """
    NewConcernDialog > .dialog-frame { width: 70; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "keep", "Add", priority=True)]

    def __init__(self, column: str, keep_key: str | None = None) -> None:
        super().__init__(keep_key)
        self._column = column

    def compose(self) -> ComposeResult:
        """One line of text."""
        with Vertical(classes="dialog-frame") as box:
            box.border_title = f"New concern in {self._column}"
            yield TextInput(
                id="new-text",
                placeholder="What is on your mind? enter adds it",
                max_length=CONCERN_TEXT_LIMIT,
            )

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one("#new-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter adds it (an empty line just closes)."""
        event.stop()
        self.action_keep()

    def action_keep(self) -> None:
        """Add it (an empty line just closes): enter, or ctrl+s as in every dialog."""
        self.close_with(self.query_one("#new-text", Input).value.strip() or None)
