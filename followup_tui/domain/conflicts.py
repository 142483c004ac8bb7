"""Texts typed on two devices at once: the later one is shown, the other waits to be settled.

When one text field was edited on two devices that had not seen each other's change, the
merge shows the later text and keeps the other beside it (``domain/sync/fields.py``). Each
such text is a ``FieldConflict``, offered once: settling it (keep the shown text, use the
other, or combine both) writes a new version that has seen both, so it is gone on every
device that reads the file.
"""

from collections.abc import Mapping
from typing import Any, Literal, NamedTuple

from followup_tui.domain.sync.fields import TEXT_FIELDS
from followup_tui.domain.sync.replicas import head_of, record_key, stamps_of
from followup_tui.domain.sync.stamps import LEGACY_DEVICE, device_of

Choice = Literal["keep", "other", "combine"]
"""How a conflict is settled: keep the shown text, use the other one, or both."""

ONE_LINE_FIELDS = frozenset({"company", "role", "location", "job_link", "category", "interviewer"})
"""Text fields of one line: combined texts are joined by a space, not a blank line."""

OLD_FILE_NAME = "the old data file"
"""How a text from a file written before devices had names is said to come from."""


class FieldConflict(NamedTuple):
    """A text typed on another device at the same time as the one shown.

    Attributes:
        id: Names this conflict (table, record, field and the other text's version).
        table: The table of the record, e.g. ``interviews``.
        record_id: The record's id.
        field: The field, e.g. ``notes``.
        shown_text: The text in the record now (the later one).
        other_text: The other text, kept until the conflict is settled.
        other_device: The readable name of the device where the other text was typed.
        interview_id: The interview the record belongs to (None for a bank question).
    """

    id: str
    table: str
    record_id: str
    field: str
    shown_text: str
    other_text: str
    other_device: str
    interview_id: str | None


def find_conflicts(tables: Mapping[str, Any]) -> list[FieldConflict]:
    """Every text waiting to be settled in merged tables, in table, record and field order."""
    devices = head_of(tables).get("devices")
    names = devices if isinstance(devices, dict) else {}
    found: list[FieldConflict] = []
    for table, fields in TEXT_FIELDS.items():
        entries = stamps_of(tables, table).get("records")
        if not isinstance(entries, dict):
            continue
        waiting = {
            key: entry
            for key, entry in entries.items()
            if isinstance(entry, dict) and _kept_others(entry, fields)
        }
        if not waiting:
            continue
        docs = {record_key(doc): doc for doc in tables.get(table, {}).values() if record_key(doc) in waiting}
        for key, entry in waiting.items():
            doc = docs.get(key)
            if doc is None:
                continue
            for name in fields:
                shown = doc.get(name)
                for stamp, other in _others(entry.get(name)):
                    if isinstance(shown, str) and isinstance(other, str) and other != shown:
                        found.append(_conflict(table, key, name, doc, shown, other, stamp, names))
    return found


def _kept_others(entry: Mapping[str, Any], fields: tuple[str, ...]) -> bool:
    """Whether any of ``fields`` keeps another version in a record's stamps entry.

    Looked at for every record of every table as a screen opens (about 18,000 at 1,000
    interviews): the third item of a field's version is almost always an empty list, so
    that is checked first, without building the list of others.
    """
    for name in fields:
        raw = entry.get(name)
        if isinstance(raw, list) and len(raw) >= 3 and raw[2] and _others(raw):
            return True
    return False


def _others(raw: Any) -> list[tuple[str, Any]]:
    """The other versions stored with a field: (stamp, value)."""
    if not (isinstance(raw, list) and len(raw) >= 3 and isinstance(raw[2], list)):
        return []
    return [(o[0], o[2]) for o in raw[2] if isinstance(o, list) and len(o) >= 3 and isinstance(o[0], str)]


def _conflict(
    table: str,
    key: str,
    name: str,
    doc: Mapping[str, Any],
    shown: str,
    other: str,
    stamp: str,
    names: Mapping[str, Any],
) -> FieldConflict:
    device = device_of(stamp)
    known = names.get(device)
    label = (
        known
        if isinstance(known, str) and known
        else (OLD_FILE_NAME if device in ("-", LEGACY_DEVICE) else device)
    )
    parent = doc.get("interview_id") if table != "interviews" else key
    return FieldConflict(
        id=f"{table}/{key}/{name}/{stamp}",
        table=table,
        record_id=key,
        field=name,
        shown_text=shown,
        other_text=other,
        other_device=label,
        interview_id=parent if isinstance(parent, str) and parent else None,
    )


def settled_text(conflict: FieldConflict, choice: Choice) -> str:
    """The text a field keeps once a conflict is settled with ``choice``.

    ``combine`` puts the shown text first and the other after it, on the same line for a
    one-line field, after a blank line otherwise.
    """
    if choice == "keep":
        return conflict.shown_text
    if choice == "other":
        return conflict.other_text
    joiner = " " if conflict.field in ONE_LINE_FIELDS else "\n\n"
    return joiner.join(text for text in (conflict.shown_text.strip(), conflict.other_text.strip()) if text)
