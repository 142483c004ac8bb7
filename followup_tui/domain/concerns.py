"""What a concern is apart from its model: its kinds, when it is still open, and the row a new
one is stored as.

``followup note`` stores one concern from the command line. Building it as the stored row
here, with the very checks the model makes (``domain.checks``), keeps the models, and the
``dataclasses`` machinery they stand on, out of that short-lived process.
``tests/domain/test_concerns.py`` checks the row against ``Concern(...).to_record()``.
"""

from __future__ import annotations

from typing import Any

from followup_tui.domain.checks import check_choice, clean_text, field_label, kept_as_is
from followup_tui.domain.errors import ValidationError
from followup_tui.domain.vocabulary import CONCERN_TEXT_LIMIT

CONCERN_KINDS: tuple[str, ...] = ("unsorted", "worry", "error")
"""Where a concern sits on the board."""

EMPTY_TEXT = "A concern needs some text."
"""Why a concern without text is refused."""


def concern_is_open(kind: str, resolved: bool) -> bool:
    """A concern still asks for attention: not sorted yet, or an actual error not resolved."""
    return kind == "unsorted" or (kind == "error" and not resolved)


def new_concern_row(text: str, kind: str) -> dict[str, Any]:
    """The stored row of a new concern of this text and kind, before the repository gives it
    an id, an interview, its place in the list and its time stamps.

    Raises:
        ValidationError: If the text or the kind cannot be stored, with the model's message.
    """
    if not kept_as_is(text, CONCERN_TEXT_LIMIT):
        text = clean_text(text, field_label("text"), CONCERN_TEXT_LIMIT)
    if not text.strip():
        raise ValidationError(EMPTY_TEXT)
    check_choice(kind, CONCERN_KINDS, "Kind")
    return {
        "id": "",
        "interview_id": "",
        "text": text,
        "kind": kind,
        "error_kind": "other",
        "traps": [],
        "balanced_thought": "",
        "action": "",
        "to_know": "",
        "prediction": False,
        "prediction_text": "",
        "confidence": None,
        "prediction_result": "",
        "resolved": False,
        "source": "",
        "order": 0.0,
        "created": "",
        "updated": "",
    }
