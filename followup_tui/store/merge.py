"""Adding imported records to a transaction's tables without touching any local record."""

from __future__ import annotations

from collections.abc import Iterable

from followup_tui.domain.models import BankQuestion, Debrief, Interview, Record
from followup_tui.store import ids
from followup_tui.store.documents import Doc, Documents
from followup_tui.store.tables import TABLES


def merge_records(docs: Documents, records: Iterable[Record]) -> int:
    """Add records whose ids are not here yet, and whose interview is; return how many.

    A record whose id is taken is skipped (the local one wins), and so is a child of an
    interview that is not here. The ids in use are read once, and each table gets its new
    documents in one insert, so merging N records stays O(N).
    """
    taken = ids.ids_in_use(docs)
    debriefs = ids.ids_in_use(docs, [TABLES[Debrief]])
    interviews = ids.ids_in_use(docs, [TABLES[Interview]])
    batches: dict[str, list[Doc]] = {}  # in the order tables first appear, as a new file lists them
    added: list[str] = []
    for record in records:
        record_id = record.id  # type: ignore[attr-defined]
        in_use = debriefs if isinstance(record, Debrief) else taken
        if not record_id or record_id in in_use:
            continue
        if not isinstance(record, (Interview, BankQuestion)) and (
            record.interview_id not in interviews  # type: ignore[attr-defined]
        ):
            continue
        batches.setdefault(TABLES[type(record)], []).append(record.to_record())
        in_use.add(record_id)
        if isinstance(record, Interview):
            interviews.add(record_id)
        added.append(record_id)
    for name, batch in batches.items():
        docs.table(name).insert_multiple(batch)
    ids.unretire(docs, added)
    return len(added)
