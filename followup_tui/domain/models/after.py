"""What comes after an interview: the debrief, its concerns, and the thank-you cards."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from followup_tui.domain.concerns import CONCERN_KINDS, EMPTY_TEXT
from followup_tui.domain.errors import ValidationError
from followup_tui.domain.models.record import Record, check_choice, check_flag
from followup_tui.domain.vocabulary import (
    ACTIONS,
    CONCERN_TEXT_LIMIT,
    LONG_LIMIT,
    QUESTION_TEXT_LIMIT,
    SHORT_LIMIT,
    SOURCE_LIMIT,
    THINKING_TRAPS,
)

ERROR_KINDS: tuple[str, ...] = ("forgot-to-ask", "not-learned", "felt-off", "answer", "other")
"""What sort of actual error a concern is (used by insights and the card)."""

PREDICTION_RESULTS: tuple[str, ...] = ("", "came-true", "did-not")
"""How a recorded prediction settled: open, came true, or did not."""

CONFIDENCE_STEPS: tuple[int, ...] = (10, 30, 50, 70, 90)
"""How sure the user is that a prediction will come true, in percent."""


@dataclass
class Clarification(Record):
    """An answer the candidate would like to put right."""

    question: str = ""
    said: str = ""
    should_have: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "question": QUESTION_TEXT_LIMIT,
        "said": LONG_LIMIT,
        "should_have": LONG_LIMIT,
    }


@dataclass
class Debrief(Record):
    """What the candidate noted on the way home. Its id is the interview's id."""

    id: str = ""
    interview_id: str = ""
    gut: int | None = None
    forgot_to_ask: str = ""
    not_learned: str = ""
    felt_off: str = ""
    clarifications: list[Clarification] = field(default_factory=list)
    notes: str = ""
    worth_mentioning: str = ""
    """A moment worth mentioning in the card: something I enjoyed talking about."""
    dismissed: list[str] = field(default_factory=list)
    updated: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "forgot_to_ask": LONG_LIMIT,
        "not_learned": LONG_LIMIT,
        "felt_off": LONG_LIMIT,
        "notes": LONG_LIMIT,
        "worth_mentioning": CONCERN_TEXT_LIMIT,
    }

    def validate(self) -> None:
        """Check the gut rating (3.0 from a JSON file is 3) and the clarifications."""
        if isinstance(self.gut, float) and self.gut.is_integer():
            self.gut = int(self.gut)
        if self.gut is not None and (isinstance(self.gut, bool) or self.gut not in range(1, 6)):
            raise ValidationError("Gut rating must be a whole number from 1 to 5.")
        self.clarifications = [
            c if isinstance(c, Clarification) else Clarification.from_record(c) for c in self.clarifications
        ]
        self.dismissed = [str(key) for key in self.dismissed]


@dataclass
class Concern(Record):
    """One short thought after the interview: a worry, an actual error, or not yet sorted."""

    id: str = ""
    interview_id: str = ""
    text: str = ""
    kind: str = "unsorted"
    error_kind: str = "other"
    traps: list[str] = field(default_factory=list)
    balanced_thought: str = ""
    action: str = ""
    to_know: str = ""
    """What I want them to know (an error clarified in the card), in my own words."""
    prediction: bool = False
    prediction_text: str = ""
    """The worry written as a prediction, in my own words ("They will ask for a second call")."""
    confidence: int | None = None
    """How sure I am the prediction comes true, in percent (one of ``CONFIDENCE_STEPS``)."""
    prediction_result: str = ""
    resolved: bool = False
    source: str = ""
    order: float = 0.0
    created: str = ""
    updated: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "text": CONCERN_TEXT_LIMIT,
        "balanced_thought": LONG_LIMIT,
        "source": SOURCE_LIMIT,
        "to_know": CONCERN_TEXT_LIMIT,
        "prediction_text": CONCERN_TEXT_LIMIT,
    }
    FALLBACKS: ClassVar[dict[str, Any]] = {"text": "(empty)"}

    def validate(self) -> None:
        """Check the text and every choice."""
        if not self.text.strip():
            raise ValidationError(EMPTY_TEXT)
        check_choice(self.kind, CONCERN_KINDS, "Kind")
        check_choice(self.error_kind, ERROR_KINDS, "Error kind")
        if self.action:
            check_choice(self.action, ACTIONS, "Action")
        for trap in self.traps:
            check_choice(trap, THINKING_TRAPS, "Thinking trap")
        self.traps = list(dict.fromkeys(self.traps))
        check_flag(self.prediction, "Prediction")
        check_flag(self.resolved, "Resolved")
        check_choice(self.prediction_result, PREDICTION_RESULTS, "Prediction result")
        if self.confidence is not None and (
            isinstance(self.confidence, bool) or self.confidence not in CONFIDENCE_STEPS
        ):
            raise ValidationError("How sure must be one of 10%, 30%, 50%, 70% or 90%.")


@dataclass
class Card(Record):
    """A hand-written thank-you card to one interviewer."""

    id: str = ""
    interview_id: str = ""
    interviewer: str = ""
    text: str = ""
    written: str | None = None
    sent: str | None = None
    updated: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"interviewer": SHORT_LIMIT, "text": LONG_LIMIT}

    def validate(self) -> None:
        """Check the written and sent dates are ISO dates."""
        for label, value in (("Written", self.written), ("Sent", self.sent)):
            if value is not None:
                try:
                    datetime.strptime(value, "%Y-%m-%d")
                except (TypeError, ValueError):
                    raise ValidationError(f"{label} date must be YYYY-MM-DD.") from None
