"""Which table holds each kind of record, and the error for a record that is not there.

The data file is plain TinyDB JSON: a table per kind of record, each a dict of string document
ids ("1", "2", ...) to documents, plus the ``meta`` table whose one document (id 1) holds the
schema version, the revision, the settings and the retired ids.

The tables are named by the record class's name (``TABLE_NAMES``, ``table_of``), so code that
stores rows, such as ``followup note``, never loads the models; ``TABLES``, keyed by the
classes themselves, is made the first time it is asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from followup_tui.domain.models import Record

    TABLES: dict[type[Record], str]
    """Which table holds each kind of record (made on first use, see ``__getattr__``)."""

TABLE_NAMES: dict[str, str] = {
    "Interview": "interviews",
    "Question": "questions",
    "LikelyQuestion": "likely_questions",
    "ChecklistItem": "checklist",
    "Debrief": "debriefs",
    "Concern": "concerns",
    "Card": "cards",
    "BankQuestion": "bank",
}
"""Which table holds each kind of record, by the name of its class in ``domain.models``."""

META = "meta"
"""The table whose one document (id "1") holds the file's own data."""


def __getattr__(name: str) -> Any:
    """``TABLES``, made from ``TABLE_NAMES`` and the model classes the first time it is read."""
    if name != "TABLES":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from followup_tui.domain import models

    tables = {getattr(models, kind): table for kind, table in TABLE_NAMES.items()}
    globals()["TABLES"] = tables
    return tables


def table_of(kind: type[Record] | str) -> str:
    """The table that holds records of this class (or a table's name, given as is)."""
    return kind if isinstance(kind, str) else TABLE_NAMES[kind.__name__]


class NotFoundError(LookupError):
    """No record has the id that was asked for."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "Not found."


def noun(cls: type[Record]) -> str:
    """How a message names one record of this kind ("question", "checklist item")."""
    return table_of(cls).rstrip("s").replace("_", " ").replace("checklist", "checklist item")


def not_found(cls: type[Record], record_id: str) -> NotFoundError:
    """The error for a record of this kind that is not there."""
    return NotFoundError(f"No {noun(cls)} with id '{record_id}'.")
