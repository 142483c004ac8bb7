"""The few fields Insights counts, read from the stored rows without building a record per row.

A long history holds thousands of concerns, questions and debriefs, and building a model for
each (every field read, checked and copied) is most of what the first count costs. The count
needs a handful of their fields; this module reads just those, each exactly as
``Record.from_record`` would read it, so an odd value (a wrong JSON type, a choice that does not
exist) counts as the model would count it:

- an id is read by ``domain.reading.as_id``, as every record reads its ids;
- any other field is read by building a record that holds only that field (``from_record`` of a
  one-field dict) and keeping that field's value. Every check a record makes is about one field
  at a time, so the value is the one the whole record would hold. The readings are remembered
  per value, so the few values such fields take (a kind, a rating) are each read once.

Rows repeating an id count once, with the first of them, as the repository's lists keep them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, NamedTuple

from followup_tui.domain.models import Concern, Debrief, Question, Record
from followup_tui.domain.reading import as_id

Row = dict[str, Any]

_MISSING = object()
"""Stands for a field the row does not hold (the record's default, or its stand-in, applies)."""


def read_id(row: Row, name: str = "id") -> str:
    """An id field of a stored row (``id`` or ``interview_id``), as the record reads it."""
    value = row.get(name, "")
    return value if type(value) is str else as_id(value, "")[0]


def first_of_each_id(rows: Iterable[Row]) -> list[Row]:
    """The rows with the first of each id, in stored order (as ``unique_records`` keeps records)."""
    seen: set[str] = set()
    kept = []
    for row in rows:
        record_id = row.get("id", "")
        if type(record_id) is not str:  # read as read_id reads it, without a call per row
            record_id = as_id(record_id, "")[0]
        if record_id not in seen:
            seen.add(record_id)
            kept.append(row)
    return kept


def field_reader(cls: type[Record], name: str) -> Callable[[Row], Any]:
    """A function reading one field of stored rows of ``cls`` as ``cls.from_record`` reads it.

    Never change what it returns (a list read once is handed to every row holding it).

    Args:
        cls: The record type of the rows.
        name: The field (not an id: ``read_id`` reads those).
    """
    texts: dict[str, Any] = {}  # the common case, looked up by the text itself
    readings: dict[tuple[Any, ...], Any] = {}  # other values, by their type and value

    def reading(value: Any) -> Any:
        return getattr(cls.from_record({} if value is _MISSING else {name: value}), name)

    def read(row: Row) -> Any:
        value = row.get(name, _MISSING)
        kind = type(value)
        memo: dict[Any, Any]
        # 1, 1.0 and True are one key to a dict: each is remembered with its type, read apart;
        # zeros of fractional numbers, lists of anything but text, and objects are read every time
        if kind is str:
            memo, key = texts, value
        elif kind is bool or kind is int or value is None or value is _MISSING or (kind is float and value):
            memo, key = readings, (kind, value)  # not 0.0: -0.0 is the same key, and its own text
        elif kind is list and all(type(item) is str for item in value):
            memo, key = readings, (kind, tuple(value))
        else:
            return reading(value)
        found = memo.get(key, _MISSING)
        if found is _MISSING:
            found = memo[key] = reading(value)
        return found

    return read


class ConcernFacts(NamedTuple):
    """What Insights counts of one concern (the fields of ``Concern`` it reads)."""

    interview_id: str
    kind: str
    error_kind: str
    traps: list[str]
    prediction: bool
    confidence: int | None
    prediction_result: str
    resolved: bool


_CONCERN_FIELDS = ("kind", "error_kind", "traps", "prediction", "confidence", "prediction_result", "resolved")


def concern_facts(rows: Iterable[Row]) -> list[ConcernFacts]:
    """The counted fields of every concern, one per id, in stored order."""
    kind, error_kind, traps, prediction, confidence, result, resolved = (
        field_reader(Concern, name) for name in _CONCERN_FIELDS
    )
    return [
        ConcernFacts(
            read_id(row, "interview_id"),
            kind(row),
            error_kind(row),
            traps(row),
            prediction(row),
            confidence(row),
            result(row),
            resolved(row),
        )
        for row in first_of_each_id(rows)
    ]


def gut_ratings(rows: Iterable[Row]) -> dict[str, int | None]:
    """Each debrief's gut rating by its id (the interview's), the first row of each id."""
    gut = field_reader(Debrief, "gut")
    return {read_id(row): gut(row) for row in first_of_each_id(rows)}


class QuestionFacts(NamedTuple):
    """What Insights counts of one question (the fields of ``Question`` it reads)."""

    interview_id: str
    asked: str
    text: str
    category: str
    order: float


def unasked_questions(rows: Iterable[Row]) -> list[QuestionFacts]:
    """The counted fields of the questions marked as not asked, one per id, in stored order."""
    asked, text, category, order = (
        field_reader(Question, name) for name in ("asked", "text", "category", "order")
    )
    return [
        QuestionFacts(read_id(row, "interview_id"), "no", text(row), category(row), order(row))
        for row in first_of_each_id(rows)
        if asked(row) == "no"
    ]
