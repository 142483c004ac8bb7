"""Record ids: making fresh ones, checking who holds one, and the ids retired by deletion.

A record's id is five characters from an alphabet without look-alikes (no 0, 1, i, l, o). It
is unique across every table (a debrief alone shares its interview's id) and never all digits,
so it cannot be mistaken for a TinyDB document id. A deleted record's id is retired in the
``meta`` document so a new record never takes it while an undo might still bring it back.

TinyDB has no notion of an id unique across tables, so the checks here read the stored rows
of every table directly, peeking: the tables they look at stay unmarked, and their JSON can be
reused by the save (see ``TouchedTables``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, MutableMapping
from typing import TYPE_CHECKING, Any

from followup_tui.domain.ids import ID_ALPHABET, ID_LENGTH
from followup_tui.domain.reading import as_text_list
from followup_tui.store.documents import Documents
from followup_tui.store.rows import id_of
from followup_tui.store.tables import META, TABLE_NAMES

if TYPE_CHECKING:
    from followup_tui.domain.models import Record


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


def _as_retired(value: Any) -> list[str]:
    """Retired ids as stored, or the ids a hand-edited value holds (``5`` holds none)."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return as_text_list(value, [])[0] if value is not None else []


def retired_ids(docs: Documents) -> list[str]:
    """The ids of deleted records (a hand-edited value reads as the ids it holds)."""
    return _as_retired(docs.tables.peek(META).get("1", {}).get("retired", []))


def ids_in_use(docs: Documents, names: Iterable[str] = TABLE_NAMES.values()) -> set[str]:
    """Every record id in the named tables (by default every table), as the models read them."""
    return {id_of(doc) for name in names for doc in docs.tables.peek(name).values()}


def id_minter(docs: Documents, factory: Callable[[], str]) -> Callable[[], str]:
    """A function that mints ids free in these tables: none in use, none retired, none minted
    by an earlier call (for the records of an import, before they are merged)."""
    taken = ids_in_use(docs)
    taken.update(retired_ids(docs))

    def mint() -> str:
        while True:
            candidate = factory()
            if candidate not in taken and not candidate.isdigit():
                taken.add(candidate)
                return candidate

    return mint


def new_id(docs: Documents, factory: Callable[[], str]) -> str:
    """An id from ``factory`` that no record holds and no deleted record held.

    A table not parsed yet is parsed only if its JSON holds the candidate's characters (a
    record's id is written there as it is), so adding one record does not parse them all.
    """
    retired = set(retired_ids(docs))
    while True:
        candidate = factory()
        if candidate.isdigit() or candidate in retired:
            continue
        tables = [name for name in TABLE_NAMES.values() if docs.tables.may_hold(name, candidate)]
        if candidate not in ids_in_use(docs, tables):
            return candidate


def record_taken(docs: Documents, record: Record) -> bool:
    """Is this record's id in use? A debrief shares its interview's id: check its own table."""
    from followup_tui.domain.models import Debrief

    record_id = record.id  # type: ignore[attr-defined]
    names = [TABLE_NAMES["Debrief"]] if isinstance(record, Debrief) else TABLE_NAMES.values()
    return any(id_of(doc) == record_id for name in names for doc in docs.tables.peek(name).values())


def retire(docs: Documents, record_ids: Iterable[str]) -> None:
    """Note the ids of deleted records so no new record takes them."""

    def change(meta: MutableMapping[str, Any]) -> None:
        meta["retired"] = [*_as_retired(meta.get("retired", [])), *record_ids]

    docs.change_meta(change)


def unretire(docs: Documents, record_ids: Iterable[str]) -> None:
    """Records with these ids are back (restored or merged): the ids are in use again."""
    back = set(record_ids)
    if not back.intersection(retired_ids(docs)):
        return

    def change(meta: MutableMapping[str, Any]) -> None:
        retired = meta["retired"] = list(_as_retired(meta.get("retired", [])))
        for record_id in back.intersection(retired):
            retired.remove(record_id)

    docs.change_meta(change)
