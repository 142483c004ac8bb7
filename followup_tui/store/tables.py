"""Which table holds each kind of record, and the error for a record that is not there.

The data file is plain TinyDB JSON: a table per kind of record, each a dict of string document
ids ("1", "2", ...) to documents, plus the ``meta`` table whose one document (id 1) holds the
schema version, the revision, the settings and the retired ids.
"""

from __future__ import annotations

from followup_tui.domain.models import (
    BankQuestion,
    Card,
    ChecklistItem,
    Concern,
    Debrief,
    Interview,
    LikelyQuestion,
    Question,
    Record,
)

TABLES: dict[type[Record], str] = {
    Interview: "interviews",
    Question: "questions",
    LikelyQuestion: "likely_questions",
    ChecklistItem: "checklist",
    Debrief: "debriefs",
    Concern: "concerns",
    Card: "cards",
    BankQuestion: "bank",
}
"""Which table holds each kind of record."""

META = "meta"
"""The table whose one document (id "1") holds the file's own data."""


class NotFoundError(LookupError):
    """No record has the id that was asked for."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "Not found."


def noun(cls: type[Record]) -> str:
    """How a message names one record of this kind ("question", "checklist item")."""
    return TABLES[cls].rstrip("s").replace("_", " ").replace("checklist", "checklist item")


def not_found(cls: type[Record], record_id: str) -> NotFoundError:
    """The error for a record of this kind that is not there."""
    return NotFoundError(f"No {noun(cls)} with id '{record_id}'.")
