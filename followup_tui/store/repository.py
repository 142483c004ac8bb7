"""The repository: the only code that talks to the data file. It takes models and returns models.

It puts together parts that each do one thing: ``transaction`` (the lock, fresh tables, one
durable write per change), ``cache`` (models built once per version of the file), ``tables``
(which table holds what; finding and placing rows), ``ids`` (fresh ids and the retired ones),
``settings``, ``queries`` (answers from the stored rows) and ``merge`` (imported records).
Updates name the fields they change, so two processes editing different fields of one
interview both keep their edits.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from followup_tui.domain.models import (
    Concern,
    Debrief,
    Interview,
    Record,
    ValidationError,
    now_stamp,
)
from followup_tui.store import ids, queries, tables
from followup_tui.store.cache import SCANS_BEFORE_BUILDING_ALL, ModelCache, copy_model
from followup_tui.store.ids import ID_ALPHABET, ID_LENGTH, seeded_ids
from followup_tui.store.merge import merge_records
from followup_tui.store.settings import read_setting, store_setting
from followup_tui.store.storage import SafeJSONStorage, clean_stale_temp_files
from followup_tui.store.tables import META, TABLES, NotFoundError, not_found
from followup_tui.store.touched_tables import TouchedTables
from followup_tui.store.transaction import LOCK_TIMEOUT, Transactions, file_version

__all__ = [
    "ID_ALPHABET",
    "ID_LENGTH",
    "LOCK_TIMEOUT",
    "META",
    "SCANS_BEFORE_BUILDING_ALL",
    "TABLES",
    "Interview",
    "NotFoundError",
    "Repository",
    "seeded_ids",
]

R = TypeVar("R", bound=Record)


class Repository:
    """Typed access to one followup data file.

    Args:
        path: The data file; its folder is created (0700) on the first write.
        id_factory: Makes candidate ids (tests pass a seeded one for stable snapshots).
    """

    def __init__(self, path: str | Path, *, id_factory: Callable[[], str] | None = None) -> None:
        self.path = Path(path).expanduser()
        self._id_factory = id_factory or ids.random_id
        self.storage = SafeJSONStorage(self.path)
        self._mutex = threading.RLock()
        self._changes = Transactions(self.storage, self._mutex)
        self._cache = ModelCache(self.storage, self._mutex)
        clean_stale_temp_files(self.path.parent)
        self._changes.start()

    @property
    def foreign_writes(self) -> int:
        """How many times a change found the file written by another process since our last write."""
        return self._changes.foreign_writes

    def transaction(self) -> contextlib.AbstractContextManager[TouchedTables]:
        """Hold the lock, yield fresh tables to change in place, then write them once.

        Nested transactions join the outer one. If the block raises, nothing is written and
        the in-memory copy is dropped so the next read sees the file as it is.
        """
        return self._changes.transaction()

    def data_version(self) -> tuple[int, int, int, int] | None:
        """Return a cheap token that changes whenever the file changes on disk."""
        return file_version(self.path)

    # -- reading --------------------------------------------------------------------------------

    def _stored(self, name: str) -> dict[str, Any]:
        """One table as last read from disk (never change it)."""
        with self._mutex:
            return (self.storage.read() or {}).get(name, {})

    def all(self, cls: type[R]) -> list[R]:
        """Return every record of one kind, in stored order."""
        return [copy_model(m) for m in self._cache.models(cls)]

    def shared(self, cls: type[R]) -> tuple[R, ...]:
        """Every record of one kind as the cached objects themselves, in stored order.

        For code that only reads a whole history (the home list, insights): copying tens of
        thousands of records would cost more than reading them. Never change what this
        returns; the objects are shared with every other caller until the file changes.
        """
        return tuple(self._cache.models(cls))

    def children(self, cls: type[R], interview_id: str) -> list[R]:
        """Return the records of one kind that belong to an interview, sorted by their order."""
        records = [copy_model(m) for m in self._cache.by_parent(cls, interview_id)]
        return sorted(records, key=lambda r: getattr(r, "order", 0.0))

    def get(self, cls: type[R], record_id: str) -> R:
        """Return one record by id (built alone when the others are not built yet).

        Raises:
            NotFoundError: If there is none.
        """
        found = self._cache.find(cls, record_id)
        if found is None:
            raise not_found(cls, record_id)
        return found

    def open_concern_counts(self) -> dict[str, int]:
        """How many concerns of each interview are still open (see ``models.concern_is_open``).

        Counted from the stored rows without building a model per concern: the home screen
        needs only these numbers, and a long history holds tens of thousands of concerns.
        """
        with self._mutex:
            return queries.open_concern_counts(self._stored(TABLES[Concern]).values())

    def interviews(self) -> list[Interview]:
        """Return every interview, newest first (by time, then by creation)."""
        items = self.all(Interview)
        return sorted(items, key=lambda i: (i.when or "", i.created), reverse=True)

    def latest_started(self, now: datetime | None = None) -> Interview | None:
        """Return the latest interview whose time has come, else the newest one created.

        Chosen from the stored rows, so only the interview returned is built (``followup
        note`` asks this once, and a long history holds thousands of interviews).
        """
        row = queries.latest_started(list(self._stored(TABLES[Interview]).values()), now or datetime.now())
        return None if row is None else Interview.from_record(row)

    def debrief(self, interview_id: str) -> Debrief:
        """Return an interview's debrief (an empty one if none was written yet)."""
        try:
            return self.get(Debrief, interview_id)
        except NotFoundError:
            return Debrief(id=interview_id, interview_id=interview_id)

    def setting(self, key: str, default: Any = None) -> Any:
        """Return a stored setting such as the theme."""
        with self._mutex:
            return read_setting(self.storage.read() or {}, key, default)

    # -- writing --------------------------------------------------------------------------------

    def add(self, record: R) -> R:
        """Store a new record with a fresh id; return it as stored.

        Children of an interview go to the end of their list unless an order is given.
        """
        with self.transaction() as stored:
            table = stored.setdefault(TABLES[type(record)], {})
            new_id = (
                record.interview_id if isinstance(record, Debrief) else ids.new_id(stored, self._id_factory)
            )
            values = record.to_record()
            values["id"] = new_id
            _check_parent(stored, values)
            stamp = now_stamp()
            for name in ("created", "updated"):
                if name in values and not values[name]:
                    values[name] = stamp
            if "order" in values and not values["order"]:
                values["order"] = tables.next_order(table, values.get("interview_id", ""))
            added = type(record).from_record(values)
            tables.put(stored, added)
            ids.unretire(stored, new_id)
        return added

    def update(self, cls: type[R], record_id: str, **changes: Any) -> R:
        """Change only the named fields of a record; other fields keep what is on disk.

        Raises:
            NotFoundError: If the record is gone.
            ValidationError: If a new value is not valid; nothing is written.
        """
        with self.transaction() as stored:
            key, doc = tables.find(stored, cls, record_id)
            unknown = set(changes) - set(cls.__dataclass_fields__) | ({"id", "interview_id"} & set(changes))
            if unknown:
                raise ValidationError(f"Cannot change {', '.join(sorted(unknown))}.")
            before = cls.from_record(doc).to_record()
            values = {**before, **{k: _plain(v) for k, v in changes.items()}}
            if cls(**values).to_record() == before:
                self._changes.nothing_changed()
                return cls.from_record(before)
            if "updated" in cls.__dataclass_fields__:
                values["updated"] = now_stamp()
            merged = cls(**values)
            stored[TABLES[cls]][key] = {**doc, **merged.to_record()}
        return merged

    def update_debrief(self, interview_id: str, **changes: Any) -> Debrief:
        """Change fields of an interview's debrief, creating it on first use."""
        with self.transaction() as stored:
            _check_parent(stored, {"interview_id": interview_id})
            try:
                tables.find(stored, Debrief, interview_id)
            except NotFoundError:
                tables.put(stored, Debrief(id=interview_id, interview_id=interview_id))
            return self.update(Debrief, interview_id, **changes)

    def delete(self, cls: type[R], record_id: str) -> R:
        """Remove a record (and, for an interview, everything that belongs to it).

        Returns:
            The removed record, which ``restore`` can put back.
        """
        with self.transaction() as stored:
            key, doc = tables.find(stored, cls, record_id)
            del stored[TABLES[cls]][key]
            gone = [record_id]
            if cls is Interview:
                for child in TABLES.values():
                    rows = stored.get(child, {})
                    for k in [k for k, v in rows.items() if v.get("interview_id") == record_id]:
                        gone.append(rows[k].get("id", ""))
                        del rows[k]
            ids.retire(stored, gone)
        return cls.from_record(doc)

    def restore(self, record: Record) -> Record:
        """Put back a record that ``delete`` returned, with its id and order."""
        with self.transaction() as stored:
            _check_parent(stored, record.to_record())
            if ids.record_taken(stored, record):
                raise ValidationError("That item is already there.")
            tables.put(stored, record)
            ids.unretire(stored, record.id)  # type: ignore[attr-defined]
        return record

    def reorder(self, cls: type[R], record_ids: list[str]) -> None:
        """Give the listed records the order they have in ``record_ids``."""
        with self.transaction() as stored:
            for position, record_id in enumerate(record_ids, start=1):
                _key, doc = tables.find(stored, cls, record_id)
                doc["order"] = float(position)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting such as the theme."""
        with self.transaction() as stored:
            store_setting(stored, key, value)

    def merge(self, records: Iterable[Record]) -> int:
        """Add records whose ids are not here yet, keeping every local record as it is.

        Returns:
            How many records were added.
        """
        with self.transaction() as stored:
            added = merge_records(stored, records)
            if not added:
                self._changes.nothing_changed()
        return added


def _check_parent(stored: TouchedTables, values: dict[str, Any]) -> None:
    """Raise ``NotFoundError`` unless the interview a record belongs to is there.

    It only reads, so it peeks: the interviews stay unmarked and their JSON can be reused.
    """
    parent = values.get("interview_id")
    if parent is None:
        return
    if not any(v.get("id") == parent for v in stored.peek(TABLES[Interview]).values()):
        raise NotFoundError(f"No interview with id '{parent}'.")


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_record()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
