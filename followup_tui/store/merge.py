"""Adding imported records to a transaction's tables without touching any local record."""

from __future__ import annotations

from collections.abc import Iterable

from followup_tui.domain.models import BankQuestion, Debrief, Interview, Record
from followup_tui.store.ids import unretire
from followup_tui.store.tables import TABLES, Tables


def merge_records(tables: Tables, records: Iterable[Record]) -> int:
    """Add records whose ids are not here yet, and whose interview is; return how many.

    A record whose id is taken is skipped (the local one wins), and so is a child of an
    interview that is not here. One pass over the file finds the ids in use, so merging N
    records stays O(N).
    """
    added = 0
    taken = {doc.get("id") for name in TABLES.values() for doc in tables.get(name, {}).values()}
    debriefs = {doc.get("id") for doc in tables.get(TABLES[Debrief], {}).values()}
    interviews = {doc.get("id") for doc in tables.get(TABLES[Interview], {}).values()}
    next_keys = {name: max((int(k) for k in tables.get(name, {})), default=0) + 1 for name in TABLES.values()}
    for record in records:
        record_id = record.id  # type: ignore[attr-defined]
        in_use = debriefs if isinstance(record, Debrief) else taken
        if not record_id or record_id in in_use:
            continue
        if not isinstance(record, (Interview, BankQuestion)) and (
            record.interview_id not in interviews  # type: ignore[attr-defined]
        ):
            continue
        name = TABLES[type(record)]
        tables.setdefault(name, {})[str(next_keys[name])] = record.to_record()
        next_keys[name] += 1
        in_use.add(record_id)
        if isinstance(record, Interview):
            interviews.add(record_id)
        unretire(tables, record_id)
        added += 1
    return added
