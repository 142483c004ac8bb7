"""Record ids: making fresh ones, checking who holds one, and the ids retired by deletion.

A record's id is five characters from an alphabet without look-alikes (no 0, 1, i, l, o). It
is unique across every table (a debrief alone shares its interview's id) and never all digits,
so it cannot be mistaken for a TinyDB document id. A deleted record's id is retired in the
``meta`` document so a new record never takes it while an undo might still bring it back.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from followup_tui.domain.models import Debrief, Record
from followup_tui.store.tables import TABLES, Tables, meta_document
from followup_tui.store.touched_tables import TouchedTables

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 5


def random_id() -> str:
    """A fresh random id (os.urandom with rejection sampling: unbiased, no ``secrets`` import)."""
    chars: list[str] = []
    while len(chars) < ID_LENGTH:
        for byte in os.urandom(ID_LENGTH * 2):
            if byte < 248 and len(chars) < ID_LENGTH:  # 248 = 8 * 31: no bias
                chars.append(ID_ALPHABET[byte % len(ID_ALPHABET)])
    return "".join(chars)


def seeded_ids(seed: int) -> Callable[[], str]:
    """Return an id factory that yields the same ids for the same seed (tests, demo)."""
    import random

    rng = random.Random(seed)
    return lambda: "".join(rng.choice(ID_ALPHABET) for _ in range(ID_LENGTH))


# the checks below only read, so they peek: the tables they look at stay unmarked and their
# JSON can be reused by the save (see TouchedTables)


def retired_ids(tables: TouchedTables) -> list[str]:
    """The ids of deleted records (read without marking ``meta`` as reached)."""
    meta = tables.peek("meta").get("1", {})
    retired = meta.get("retired", [])
    return retired if isinstance(retired, list) else []


def ids_in_use(tables: TouchedTables) -> set[str]:
    """Every record id in every table."""
    return {doc.get("id") for name in TABLES.values() for doc in tables.peek(name).values()}


def new_id(tables: TouchedTables, factory: Callable[[], str]) -> str:
    """An id from ``factory`` that no record holds and no deleted record held."""
    taken = ids_in_use(tables)
    taken.update(retired_ids(tables))
    while True:
        candidate = factory()
        if candidate not in taken and not candidate.isdigit():
            return candidate


def id_taken(tables: TouchedTables, record_id: str, retired: bool = True) -> bool:
    """Does a record hold this id (or, with ``retired``, did a deleted one)?"""
    if retired and record_id in retired_ids(tables):
        return True
    return any(doc.get("id") == record_id for name in TABLES.values() for doc in tables.peek(name).values())


def record_taken(tables: TouchedTables, record: Record) -> bool:
    """Is this record's id in use? A debrief shares its interview's id: check its own table."""
    record_id = record.id  # type: ignore[attr-defined]
    if isinstance(record, Debrief):
        return any(doc.get("id") == record_id for doc in tables.peek(TABLES[Debrief]).values())
    return id_taken(tables, record_id, retired=False)


def retire(tables: Tables, record_ids: Iterable[str]) -> None:
    """Note the ids of deleted records so no new record takes them."""
    meta_document(tables).setdefault("retired", []).extend(record_ids)


def unretire(tables: Tables, record_id: str) -> None:
    """A record with this id is back (restored or merged): the id is in use again."""
    retired = meta_document(tables).get("retired", [])
    if record_id in retired:
        retired.remove(record_id)
