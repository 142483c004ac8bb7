"""Triage: two questions sort a concern into a worry or an actual error; the user has the last word."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from followup_tui.domain.models import Concern
from followup_tui.domain.triage import QUESTIONS, Advice, advise
from followup_tui.domain.vocabulary import ACTIONS, CONCERN_KIND_NAMES
from followup_tui.ui.display import safe
from followup_tui.ui.screens.dialog import FollowupDialog


@dataclass(frozen=True)
class TriageResult:
    """Where the user put the concern."""

    kind: str
    """"worry" or "error"."""
    action: str
    """The suggested action for an actual error ("" for a worry or when overruled)."""


class TriageDialog(FollowupDialog[TriageResult | None]):
    """Ask the two questions, suggest a column, let the user accept or overrule.

    Keys: y / n answer the next question, backspace takes the last answer back, enter takes
    the suggestion, w or e choose the column directly, escape leaves the concern where it is.

    Args:
        concern: The concern being sorted.
    """

    DEFAULT_CSS = """
    TriageDialog > .dialog-frame { width: 70; border: round $accent; }
    TriageDialog #concern { margin-bottom: 1; text-style: italic; }
    TriageDialog .question { height: auto; }
    TriageDialog #advice { margin-top: 1; height: auto; }
    TriageDialog #keys { color: $text-muted; margin-top: 1; }
    TriageDialog Horizontal { height: auto; align-horizontal: right; }
    TriageDialog Button { margin-left: 1; min-width: 10; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n", "answer(False)", "No"),
        Binding("backspace", "undo_answer", "Change answer"),
        Binding("enter", "accept", "Accept"),
        Binding("w", "choose('worry')", CONCERN_KIND_NAMES["worry"]),
        Binding("e", "choose('error')", CONCERN_KIND_NAMES["error"]),
    ]

    def __init__(self, concern: Concern) -> None:
        super().__init__()
        self._concern = concern
        self.answers: list[bool] = []
        """The answers given so far, in question order."""

    def compose(self) -> ComposeResult:
        """The concern, the two questions, the advice and the choices."""
        with Vertical(classes="dialog-frame") as box:
            box.border_title = "Sort this concern"
            yield Static(safe(self._concern.text, width=200), id="concern")
            for number, _question in enumerate(QUESTIONS):
                yield Static(id=f"q{number}", classes="question")
            yield Static(id="advice")
            yield Static("y/n answer · enter accept · w/e choose · esc cancel", id="keys")
            with Horizontal():
                for kind in ("worry", "error"):
                    button = Button(f"{CONCERN_KIND_NAMES[kind]} ({kind[0]})", id=kind, compact=True)
                    button.can_focus = False
                    yield button

    def on_mount(self) -> None:
        """Show the first question."""
        self._show()

    def _show(self) -> None:
        for number, question in enumerate(QUESTIONS):
            if number < len(self.answers):
                answer = ("Yes", "bold $success") if self.answers[number] else ("No", "bold $warning")
            elif number == len(self.answers):
                answer = ("y / n ?", "reverse")
            else:
                answer = ("", "")
            line = Content.assemble((f"{number + 1}. {question}  ", "bold"), answer)
            self.query_one(f"#q{number}", Static).update(line)
        advice = self.advice()
        box = self.query_one("#advice", Static)
        if advice is None:
            box.update(Content.styled("Answer both questions for a suggestion.", "dim"))
            return
        kind = self.advice_kind()
        action = f" · {ACTIONS[advice.action]}" if advice.action else ""
        box.update(
            Content.assemble(
                ("Suggested: ", "bold"),
                (CONCERN_KIND_NAMES[kind] + action, "bold $accent"),
                "\n",
                advice.reason,
            )
        )
        self.query_one(f"#{kind}", Button).variant = "primary"
        other = "worry" if kind == "error" else "error"
        self.query_one(f"#{other}", Button).variant = "default"

    def advice(self) -> Advice | None:
        """Return the advice for the answers given, or None until both are in."""
        if len(self.answers) < len(QUESTIONS):
            return None
        return advise(self.answers[0], self.answers[1])

    def advice_kind(self) -> str:
        """The suggested column ("worry" or "error"); "" until both answers are in."""
        advice = self.advice()
        return advice.kind if advice is not None else ""

    def action_answer(self, yes: bool) -> None:
        """Answer the next question."""
        if len(self.answers) < len(QUESTIONS):
            self.answers.append(yes)
            self._show()

    def action_undo_answer(self) -> None:
        """Take the last answer back."""
        if self.answers:
            self.answers.pop()
            for button in self.query(Button):
                button.variant = "default"
            self._show()

    def action_accept(self) -> None:
        """Take the suggestion once both questions are answered."""
        advice = self.advice()
        if advice is not None:
            self.dismiss(TriageResult(advice.kind, advice.action))

    def action_choose(self, kind: str) -> None:
        """Put the concern in this column, whatever the answers suggest."""
        advice = self.advice()
        action = advice.action if advice is not None and advice.kind == kind else ""
        self.dismiss(TriageResult(kind, action))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button chooses its column."""
        self.action_choose(event.button.id or "worry")
