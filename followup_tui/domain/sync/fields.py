"""A record's fields with their versions, as a device file stores them, and the live ones.

Each data table has a stamps table beside it (``sync.<table>``, one document) holding, per
record id, an *entry*: ``"@"`` is the version of every field the entry does not name, and a
named field is ``[stamp, seen]`` or ``[stamp, seen, others]``, where ``others`` lists the
versions (``[stamp, seen, value]``) that were written concurrently with the one in the record
and not replaced since. A record with no entry has the file's default version (``DEFAULT``
for every file written by this code; an old single file read later has its own).

Of all the versions of a field known anywhere, the *heads* are those no other version
replaces (``stamps.dominates``). The field shows the head with the latest stamp; the others
stay with it. Taking the heads of a union of sets is a join (commutative, associative,
idempotent), which is what makes merging files in any order give the same content.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from followup_tui.domain.sync.stamps import ZERO, Seen, Version, dominates, reads_version

TEXT_FIELDS: dict[str, tuple[str, ...]] = {
    "interviews": ("company", "role", "location", "job_link", "notes", "why_this_job"),
    "questions": ("text", "category"),
    "likely_questions": ("question", "talking_points"),
    "checklist": ("text",),
    "debriefs": ("forgot_to_ask", "not_learned", "felt_off", "notes", "worth_mentioning"),
    "concerns": ("text", "balanced_thought", "action", "to_know", "prediction_text"),
    "cards": ("interviewer", "text"),
    "bank": ("text", "category"),
}
"""The fields where a text typed on another device is kept rather than replaced (offered to be
settled: ``domain.conflicts``)."""

Head = tuple[str, Seen, Any]
"""One version of a field with its value: stamp, what its edit had seen, value."""

Entry = dict[str, Any]
"""The stored versions of one record (see the module docstring)."""

DEFAULT: Version = (ZERO, {})
"""The version of a value nothing stamped: it replaces nothing."""

BASE = "@"
"""The entry key of the version every unnamed field has."""


def canonical(value: Any) -> str:
    """A value's JSON with sorted keys: the same text for equal values on every device."""
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def head_key(head: Head) -> tuple[str, str]:
    """What orders heads: stamp, then value (two old files can give one stamp two values)."""
    return head[0], canonical(head[2])


def record_heads(doc: Mapping[str, Any], entry: Any, default: Version) -> dict[str, list[Head]]:
    """Every field of a stored record with its heads, the shown one first.

    Args:
        doc: The stored record.
        entry: Its entry in the stamps table (None or anything odd: the default for all).
        default: The file's version of values with no entry.
    """
    entry = entry if isinstance(entry, dict) else {}
    base = reads_version(entry.get(BASE)) or default
    out: dict[str, list[Head]] = {}
    for name, value in doc.items():
        raw = entry.get(name)
        stamp, seen = reads_version(raw) or base
        heads: list[Head] = [(stamp, seen, value)]
        if isinstance(raw, list) and len(raw) >= 3 and isinstance(raw[2], list):
            for other in raw[2]:
                version = reads_version(other)
                if version is not None and len(other) >= 3:
                    heads.append((version[0], version[1], other[2]))
        out[name] = heads
    return out


def live_heads(heads: Iterable[Head]) -> list[Head]:
    """The heads among some versions: none replaced by another; the shown one first.

    The same version met twice (the same stamp and value) counts once.
    """
    unique: dict[tuple[str, str], Head] = {}
    for head in heads:
        key = head_key(head)
        known = unique.get(key)
        if known is None or canonical(head[1]) > canonical(known[1]):
            unique[key] = head
    pool = list(unique.values())
    live = [h for h in pool if not any(dominates((o[0], o[1]), (h[0], h[1])) for o in pool)]
    live.sort(key=head_key, reverse=True)
    return live


def encode_record(fields: Mapping[str, list[Head]]) -> tuple[dict[str, Any], Entry | None]:
    """The stored record and its entry for fields with their live heads (shown one first).

    The version most fields share becomes the entry's base; an entry that would say only
    ``DEFAULT`` is left out.
    """
    doc = {name: heads[0][2] for name, heads in fields.items()}
    counts: dict[tuple[str, str], int] = {}
    for heads in fields.values():
        key = (heads[0][0], canonical(heads[0][1]))
        counts[key] = counts.get(key, 0) + 1
    base_key = max(counts, key=lambda k: (counts[k], k)) if counts else (DEFAULT[0], canonical({}))
    entry: Entry = {}
    if base_key != (DEFAULT[0], canonical(DEFAULT[1])):
        entry[BASE] = [base_key[0], json.loads(base_key[1])]
    for name, heads in fields.items():
        stamp, seen, _value = heads[0]
        others = [[s, dict(sn), v] for s, sn, v in heads[1:]]
        if (stamp, canonical(seen)) != base_key or others:
            entry[name] = [stamp, dict(seen), others] if others else [stamp, dict(seen)]
    return doc, entry or None
