"""Reading stored rows as the models read them, for code that works on rows, not models.

A hand-edited file may hold any JSON value where an id belongs, or repeat an id. These
helpers read such rows the way ``Record.from_record`` does (``domain.reading``), so the
repository and ``doctor`` agree with what every screen shows.
"""

from __future__ import annotations

from typing import Any, TypeVar

from followup_tui.domain.checks import kept_as_is
from followup_tui.domain.reading import as_id
from followup_tui.domain.vocabulary import SHORT_LIMIT

R = TypeVar("R")


def unique_records(models: list[R]) -> list[R]:
    """The records with the first of each id: a hand-edited file may repeat an id, and every
    list on screen needs them unique (``followup doctor`` names the repeats, ``--repair``
    gives them fresh ids)."""
    ids = {m.id for m in models}  # type: ignore[attr-defined]
    if len(ids) == len(models):
        return models
    seen: set[str] = set()
    kept = []
    for model in models:
        if model.id not in seen:  # type: ignore[attr-defined]
            seen.add(model.id)  # type: ignore[attr-defined]
            kept.append(model)
    return kept


def copied(value: Any) -> Any:
    """A copy of a row (or any value in one) that shares no dict or list with it, as
    ``copy.deepcopy`` makes, without loading ``copy`` (and ``weakref``) for a command."""
    if isinstance(value, dict):
        return {key: copied(item) for key, item in value.items()}
    if isinstance(value, list):
        return [copied(item) for item in value]
    if isinstance(value, tuple):
        return tuple(copied(item) for item in value)
    return value


def id_of(doc: dict[str, Any]) -> str:
    """A stored record's id, read as the model reads it (an odd value reads as text or none)."""
    value = doc.get("id", "")
    return value if isinstance(value, str) else as_id(value, "")[0]


def parent_of(doc: dict[str, Any]) -> str:
    """The id of the interview a stored record belongs to, read as the model reads it."""
    value = doc.get("interview_id", "")
    return value if isinstance(value, str) else as_id(value, "")[0]


def company_of(doc: dict[str, Any]) -> str:
    """A stored interview's company, read as the model reads it (the model is built only for
    a value that is not plain text within its limit)."""
    value = doc.get("company")
    if isinstance(value, str) and value.strip() and kept_as_is(value, SHORT_LIMIT):
        return value
    from followup_tui.domain.models import Interview

    return Interview.from_record(doc).company


def row_value(value: Any) -> Any:
    """A value as a stored row holds it: a model as its record, a list item by item."""
    from followup_tui.domain.models import Record

    if isinstance(value, Record):
        return value.to_record()
    if isinstance(value, list):
        return [row_value(v) for v in value]
    return value
