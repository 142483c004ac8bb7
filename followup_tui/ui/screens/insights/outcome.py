"""Recording what happened after an interview, then settling the worries written down as predictions.

``OutcomeDialog(interview_id)`` asks for the outcome (one key each, or the list), saves only
that field, and, when the news is in and the interview has open predictions, asks of each one
"Did this come true?". It dismisses with the outcome chosen, or None when cancelled.
"""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, OptionList, Static
from textual.widgets.option_list import Option

from followup_tui.domain.models import OUTCOMES, Concern, Interview
from followup_tui.domain.text import one_line
from followup_tui.domain.vocabulary import OUTCOME_HINTS, OUTCOME_LABELS
from followup_tui.services import actions
from followup_tui.services.autosave import save_key
from followup_tui.store.repository import NotFoundError
from followup_tui.ui.display import safe
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.dialog import FollowupDialog

OUTCOME_KEYS: dict[str, str] = {
    "pending": "p",
    "advanced": "a",
    "offer": "o",
    "rejected": "r",
    "withdrawn": "w",
    "no-response": "n",
}
"""The key that records each outcome."""

RESULTS: dict[str, str] = {"y": "came-true", "n": "did-not"}
"""Answers to "Did this come true?" and the prediction result each one stores."""


class OutcomeDialog(FollowupDialog[str | None]):
    """Record an interview's outcome, then offer to settle its open predictions.

    Args:
        interview_id: The interview the news is about.
    """

    app: FollowupHost

    DEFAULT_CSS = """
    OutcomeDialog OptionList { height: auto; max-height: 14; margin: 1 0 0 0; min-width: 8; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(key, f"choose('{outcome}')", OUTCOME_LABELS[outcome])
            for outcome, key in OUTCOME_KEYS.items()
        ),
    ]

    def __init__(self, interview_id: str) -> None:
        super().__init__()
        self.interview_id = interview_id
        """The interview the outcome is for."""
        self.outcome: str | None = None
        """The outcome chosen, once chosen."""

    def compose(self) -> ComposeResult:
        """The interview, the outcomes with their keys, a hint."""
        with Vertical(classes="dialog-frame"):
            yield Static(id="outcome-title", classes="dialog-title")
            yield OptionList(*(self._option(o) for o in OUTCOMES), id="outcome-list")
            yield Static("A letter or enter records it · esc cancels", classes="dialog-hint")

    @staticmethod
    def _option(outcome: str) -> Option:
        prompt = Content.assemble(
            (OUTCOME_KEYS[outcome], "bold $accent"),
            "  ",
            (OUTCOME_LABELS[outcome], "bold"),
            (f"  {OUTCOME_HINTS[outcome]}", "dim"),
        )
        return Option(prompt, id=outcome)

    def _interview(self) -> Interview | None:
        try:
            return self.app.repo.get(Interview, self.interview_id)
        except NotFoundError:
            return None

    def on_mount(self) -> None:
        """Show which interview this is and highlight its current outcome."""
        interview = self._interview()
        if interview is None:
            self.notify("That interview is no longer there.", severity="warning")
            self.dismiss(None)
            return
        title = Content.assemble("What happened after ", safe(interview.company, single_line=True), "?")
        self.query_one("#outcome-title", Static).update(title)
        options = self.query_one("#outcome-list", OptionList)
        options.highlighted = OUTCOMES.index(interview.outcome)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) on an outcome records it."""
        event.stop()
        if event.option.id:
            self.action_choose(event.option.id)

    def action_choose(self, outcome: str) -> None:
        """Save the outcome (that field only); then settle open predictions when news is in."""
        if self.outcome is not None or outcome not in OUTCOMES:
            return
        self.outcome = outcome
        self._store(outcome)

    def _store(self, outcome: str) -> None:
        """Queue the outcome for saving; the dialog goes on once it is stored."""
        repo, interview_id = self.app.repo, self.interview_id
        self.app.save(
            save_key("interview", interview_id, "outcome"),
            lambda: actions.record_outcome(repo, interview_id, outcome),
            0,
            on_done=self._stored,
            on_failed=self._store_failed,
            receiver=self,
        )

    def _store_failed(self, message: str, retrying: bool) -> None:
        if not retrying:
            self.outcome = None
        title = "Outcome not saved yet" if retrying else "Outcome not saved"
        self.notify(message, title=title, severity="error", markup=False)

    def _stored(self, stored: tuple[Interview, list[Concern]]) -> None:
        interview, pending = stored
        outcome = interview.outcome
        label = f"{one_line(interview.company, 60)}: {OUTCOME_LABELS[outcome]}"
        self.notify(label, title="Outcome recorded", markup=False)
        if not pending:
            self.dismiss(outcome)
            return

        def settled(_count: int | None) -> None:
            self.dismiss(outcome)  # not awaited: this runs in this screen's own message handler

        self.app.push_screen(SettlePredictionsDialog(pending), settled)


class SettlePredictionsDialog(FollowupDialog[int]):
    """Ask of each open prediction whether it came true; dismiss with how many were settled.

    Args:
        predictions: The concerns to settle, in order.
    """

    app: FollowupHost

    DEFAULT_CSS = """
    SettlePredictionsDialog #settle-text { margin: 1 0; padding: 0 1; border-left: thick $warning; }
    SettlePredictionsDialog Horizontal { height: auto; align-horizontal: right; }
    SettlePredictionsDialog Button { margin-left: 1; min-width: 8; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('y')", "It came true"),
        Binding("n", "answer('n')", "It did not"),
        Binding("s", "answer('s')", "Skip"),
        Binding("escape", "close", "Stop (the rest stay open)"),
    ]

    def __init__(self, predictions: list[Concern]) -> None:
        super().__init__()
        self.predictions = list(predictions)
        """The predictions to go through."""
        self.position = 0
        """Which prediction is shown."""
        self.settled = 0
        """How many were answered yes or no."""
        self.closing = False
        """Set once the last answer is in (or esc was pressed)."""

    def compose(self) -> ComposeResult:
        """The prediction, the question, three answers."""
        with Vertical(classes="dialog-frame"):
            yield Static(id="settle-count", classes="dialog-title")
            yield Static(id="settle-text")
            yield Static("Did this come true?", classes="dialog-title")
            with Horizontal():
                yield Button("Skip (s)", id="answer-s")
                yield Button("No (n)", id="answer-n", variant="success")
                yield Button("Yes (y)", id="answer-y", variant="warning")
            yield Static("esc stops; the rest stay open for later", classes="dialog-hint")

    def on_mount(self) -> None:
        """Show the first prediction."""
        self._show()

    def _show(self) -> None:
        concern = self.predictions[self.position]
        sure = f", {concern.confidence}% sure" if concern.confidence else ""
        place = f"{self.position + 1} of {len(self.predictions)}"
        if concern.prediction_text.strip():
            count, words = f"You predicted ({place}{sure}):", concern.prediction_text
        else:
            count, words = f"Your worry, kept as a prediction ({place}{sure}):", concern.text
        self.query_one("#settle-count", Static).update(safe(count))
        self.query_one("#settle-text", Static).update(safe(words))
        self.query_one("#answer-s", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button answers."""
        event.stop()
        if event.button.id:
            self.action_answer(event.button.id.removeprefix("answer-"))

    def action_answer(self, answer: str) -> None:
        """Store "came-true" or "did-not" (or skip), then show the next prediction."""
        if self.position >= len(self.predictions):
            return
        result = RESULTS.get(answer)
        if result is not None:
            cid, repo = self.predictions[self.position].id, self.app.repo
            self.app.save(
                save_key("concern", cid, "prediction_result"),
                lambda: actions.settle_prediction(repo, cid, result),
            )
            self.settled += 1
        self.position += 1
        if self.position < len(self.predictions):
            self._show()
        else:
            self._finish()

    def close_dialog(self) -> None:
        """Leave the rest open for later."""
        self._finish()

    def _finish(self) -> None:
        if self.closing:
            return
        self.closing = True
        self.position = len(self.predictions)  # no more answers while the saves finish
        self._flush_then_close()

    @work(thread=True, group="settle-save")
    def _flush_then_close(self) -> None:
        """Let every answer reach the file before closing, so the next screen shows it."""
        self.app.saver.flush()
        self.app.call_from_thread(self._close)

    def _close(self) -> None:
        if self.settled:
            self.notify(f"Settled {self.settled} of {len(self.predictions)} predictions.", markup=False)
        self.dismiss(self.settled)
