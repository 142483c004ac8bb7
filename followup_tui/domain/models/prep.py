"""What is prepared before an interview: my questions, theirs, the checklist, the bank."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.models.record import Record, check_choice, check_flag
from followup_tui.domain.vocabulary import CHECKLIST_TEXT_LIMIT, LONG_LIMIT, QUESTION_TEXT_LIMIT, SHORT_LIMIT

ASKED: tuple[str, ...] = ("unknown", "yes", "no")
"""Whether a prepared question was asked."""


@dataclass
class Question(Record):
    """A question the candidate prepared to ask."""

    id: str = ""
    interview_id: str = ""
    text: str = ""
    category: str = ""
    must_ask: bool = False
    asked: str = "unknown"
    order: float = 0.0

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": QUESTION_TEXT_LIMIT, "category": SHORT_LIMIT}
    FALLBACKS: ClassVar[dict[str, Any]] = {"text": "(empty)"}

    def validate(self) -> None:
        """Check the text is there and the flags are valid."""
        if not self.text.strip():
            raise ValidationError("A question needs some text.")
        check_flag(self.must_ask, "Must-ask")
        check_choice(self.asked, ASKED, "Asked")


@dataclass
class LikelyQuestion(Record):
    """A question they will probably ask me, with my talking points."""

    id: str = ""
    interview_id: str = ""
    question: str = ""
    talking_points: str = ""
    order: float = 0.0

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"question": QUESTION_TEXT_LIMIT, "talking_points": LONG_LIMIT}


@dataclass
class ChecklistItem(Record):
    """One thing to do before leaving for the interview."""

    id: str = ""
    interview_id: str = ""
    text: str = ""
    done: bool = False
    order: float = 0.0

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": CHECKLIST_TEXT_LIMIT}

    def validate(self) -> None:
        """Check the done flag."""
        check_flag(self.done, "Done")


@dataclass
class BankQuestion(Record):
    """A question in the user's own question bank."""

    id: str = ""
    text: str = ""
    category: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": QUESTION_TEXT_LIMIT, "category": SHORT_LIMIT}
    FALLBACKS: ClassVar[dict[str, Any]] = {"text": "(empty)"}

    def validate(self) -> None:
        """Check the text is there."""
        if not self.text.strip():
            raise ValidationError("A question needs some text.")
