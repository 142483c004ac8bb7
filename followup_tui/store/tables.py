"""Which table holds each kind of record, and finding and placing rows in those tables.

The data file is plain TinyDB JSON: a table per kind of record, each a dict of string document
ids ("1", "2", ...) to documents, plus the ``meta`` table whose one document holds the schema
version, the revision, the settings and the retired ids.
"""

from __future__ import annotations

from typing import Any

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

Tables = dict[str, dict[str, Any]]


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


def meta_document(tables: Tables) -> dict[str, Any]:
    """The file's own document in ``meta`` (the transaction makes sure it exists)."""
    return tables[META]["1"]


def find(tables: Tables, cls: type[Record], record_id: str) -> tuple[str, dict[str, Any]]:
    """Return the document id and the document of a record.

    Raises:
        NotFoundError: If there is none.
    """
    for key, doc in tables.get(TABLES[cls], {}).items():
        if doc.get("id") == record_id:
            return key, doc
    raise not_found(cls, record_id)


def put(tables: Tables, record: Record) -> None:
    """Store a record under the next free document id of its table."""
    table = tables.setdefault(TABLES[type(record)], {})
    next_key = max((int(k) for k in table), default=0) + 1
    table[str(next_key)] = record.to_record()


def next_order(table: dict[str, Any], interview_id: str) -> float:
    """The order that puts a new child of the interview after its others."""
    orders = [float(d.get("order", 0) or 0) for d in table.values() if d.get("interview_id") == interview_id]
    return max(orders, default=0.0) + 1.0
