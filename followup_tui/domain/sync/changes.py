"""Stamping a change: what a save tells the other devices about the records it changed.

A save compares each table it reached with the table as it was read, record by record (by
id), and writes new versions into the stamps table: a new record gets one version for all its
fields; a changed field gets a version that has seen the field's shown value (and, for a text
field, the other values equal to it: the concurrent texts still waiting to be settled stay
beside it); a field being settled (``settle``) and any other field gets a version that has
seen every version of it; a record gone gets a tombstone that has seen all its fields.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from followup_tui.domain.sync.fields import BASE, DEFAULT, Head, encode_record, record_heads
from followup_tui.domain.sync.replicas import record_key
from followup_tui.domain.sync.stamps import seen_after

_MISSING = object()


def stamp_table(
    before: Mapping[str, Any],
    after: Mapping[str, Any],
    stamps: Mapping[str, Any],
    stamp: str,
    text_fields: Collection[str] = (),
    settle: Collection[tuple[str, str]] = (),
) -> dict[str, Any] | None:
    """The stamps document of a table after a change, or None when no record changed.

    Args:
        before: The table's documents as read.
        after: The same table after the change.
        stamps: Its stamps document as read.
        stamp: The stamp of this save.
        text_fields: The table's text fields (concurrent texts are kept, not replaced).
        settle: ``(record id, field)`` pairs whose every version the new value replaces,
            changed or not.
    """
    old = {record_key(doc): doc for doc in before.values()}
    new = {record_key(doc): doc for doc in after.values()}
    found, tombs = stamps.get("records"), stamps.get("gone")
    records = dict(found) if isinstance(found, dict) else {}
    gone = dict(tombs) if isinstance(tombs, dict) else {}
    settling: dict[str, set[str]] = {}
    for record_id, field in settle:
        settling.setdefault(record_id, set()).add(field)
    changed = False
    for key, doc in new.items():
        prev = old.get(key)
        if prev is None:
            records[key] = {BASE: [stamp, {}]}
            changed = True
            continue
        wanted = settling.get(key, set())
        if prev == doc and not wanted:
            continue
        heads = record_heads(prev, records.get(key), DEFAULT)
        fields: dict[str, list[Head]] = {}
        for name, value in doc.items():
            current = heads.get(name) or [(DEFAULT[0], DEFAULT[1], _MISSING)]
            if value == prev.get(name, _MISSING) and name not in wanted:
                fields[name] = current
                continue
            if name in text_fields and name not in wanted:
                shown = prev.get(name, _MISSING)
                seen = [h for h in current if h[2] == shown]
                waiting = [h for h in current if h[2] != shown and h[2] is not _MISSING]
            else:
                seen, waiting = current, []
            versions = [(h[0], h[1]) for h in seen if h[2] is not _MISSING]
            fields[name] = [(stamp, seen_after(versions), value), *waiting]
        _doc, entry = encode_record(fields)
        if entry is None:
            records.pop(key, None)
        else:
            records[key] = entry
        changed = True
    for key in old.keys() - new.keys():
        heads = record_heads(old[key], records.pop(key, None), DEFAULT)
        versions = [(h[0], h[1]) for hs in heads.values() for h in hs]
        gone[key] = [stamp, seen_after(versions)]
        changed = True
    if not changed:
        return None
    return {"records": records, "gone": dict(sorted(gone.items()))}
