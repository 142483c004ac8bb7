"""The repository: the only code that talks to TinyDB. It takes models and returns models.

Every change is one transaction: take the lock file beside the data, read the file afresh
(served from memory when it did not change), apply the change, write the whole file durably,
release the lock. The lock is held for milliseconds, so ``followup note`` works while the app
is open, and neither process ever loses the other's writes. Updates name the fields they
change, so two processes editing different fields of one interview both keep their edits.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from tinydb import TinyDB

from followup_tui.domain.models import (
    BankQuestion,
    Card,
    ChecklistItem,
    Concern,
    Debrief,
    Interview,
    LikelyQuestion,
    Question,
    Record,
    ValidationError,
    concern_is_open,
    now_stamp,
    when_datetime,
)
from followup_tui.store import migrations
from followup_tui.store.storage import (
    FILE_MODE,
    SafeJSONStorage,
    StorageError,
    clean_stale_temp_files,
    ensure_private_dir,
)
from followup_tui.store.touched_tables import TouchedTables

TABLES: dict[type[Record], str] = {
    Interview: "interviews",
    Question: "questions",
    LikelyQuestion: "likely_questions",
    ChecklistItem: "checklist",
    Debrief: "debriefs",
    Concern: "concerns",
    Card: "cards",
    BankQuestion: "bank",
}
"""Which table holds each kind of record."""

META = "meta"
ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 5
LOCK_TIMEOUT = 15.0
SCANS_BEFORE_BUILDING_ALL = 3
"""Different interviews whose records are read from one version of the file before every
record of that kind is built at once (a screen reopened reads the same one again and again)."""

R = TypeVar("R", bound=Record)
Tables = dict[str, dict[str, Any]]


class NotFoundError(LookupError):
    """No record has the id that was asked for."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "Not found."


class Repository:
    """Typed access to one followup data file.

    Args:
        path: The data file; its folder is created (0700) on the first write.
        id_factory: Makes candidate ids (tests pass a seeded one for stable snapshots).
    """

    def __init__(self, path: str | Path, *, id_factory: Callable[[], str] | None = None) -> None:
        self.path = Path(path).expanduser()
        self._id_factory = id_factory or _random_id
        self.storage = SafeJSONStorage(self.path)
        self._db = TinyDB(storage=lambda: self.storage)
        self._mutex = threading.RLock()
        self._lock: Any = None  # a FileLock, made at the first write (filelock is slow to import)
        self._depth = 0
        self._skip_write = False
        self.foreign_writes = 0
        """How many times a change found the file written by another process since our last write."""
        self._last_seen: tuple[int, int, int, int] | None = None
        self._scanned: dict[type[Record], tuple[Any, set[str]]] = {}
        self._model_cache: dict[type[Record], tuple[Any, list[Record], dict[str, list[Record]]]] = {}
        self._tables = TouchedTables({})
        self._writing = False
        clean_stale_temp_files(self.path.parent)
        self._check_schema()
        self._last_seen = self.data_version()

    # -- the transaction ------------------------------------------------------------------------

    @contextlib.contextmanager
    def transaction(self) -> Iterator[TouchedTables]:
        """Hold the lock, yield fresh tables to change in place, then write them once.

        Nested transactions join the outer one. If the block raises, nothing is written and
        the in-memory copy is dropped so the next read sees the file as it is.
        """
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield self._tables
                finally:
                    self._depth -= 1
                return
            if self._writing:  # only this thread can be here: code run in the middle of a save
                raise StorageError(f"{self.path} is being saved; the change will be tried again.")
            ensure_private_dir(self.path.parent, self.path)
            from filelock import FileLock, Timeout

            if self._lock is None:
                self._lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT, mode=FILE_MODE)
            try:
                self._lock.acquire()
            except Timeout:
                raise StorageError(f"{self.path} is busy: another followup process holds its lock.") from None
            current = self.data_version()
            if current is not None and current != self._last_seen:
                self.foreign_writes += 1  # someone else wrote since our last write
            self._last_seen = current
            try:
                self._tables = self._fresh_tables()
                self._skip_write = False
                self._depth = 1
                try:
                    yield self._tables
                except BaseException:
                    self.storage.forget()
                    raise
                finally:
                    self._depth = 0
                if self._skip_write:
                    return
                self._writing = True
                try:
                    self.storage.write(self._tables.plain(), changed=self._tables.touched)
                except BaseException:
                    self.storage.forget()  # the in-memory copy holds a change the disk does not
                    raise
                finally:
                    self._writing = False
                self._last_seen = self.storage.identity
            finally:
                self._lock.release()

    def _fresh_tables(self) -> TouchedTables:
        """Read the tables for a change, checking the bytes if the cache might be stale.

        They come wrapped so the save knows which tables the transaction reached.
        """
        cached = self.storage.read(verify=True)
        tables = TouchedTables(cached if cached is not None else {})
        # an older file is migrated inside the same transaction, before it is stamped current
        if tables and migrations.schema_of(tables, self.path) < migrations.CURRENT_SCHEMA:
            migrations.migrate(tables, self.path)
        tables.setdefault(META, {}).setdefault("1", {"schema": migrations.CURRENT_SCHEMA})
        return tables

    def _check_schema(self) -> None:
        tables = self.storage.read()
        if tables is None:
            return
        version = migrations.schema_of(tables, self.path)
        if version < migrations.CURRENT_SCHEMA:
            with self.transaction():
                pass  # the transaction migrates the file it reads

    # -- reading --------------------------------------------------------------------------------

    def _rows(self, table: str) -> list[dict[str, Any]]:
        with self._mutex:
            return [dict(doc) for doc in self._db.table(table, cache_size=0).all()]

    def _models(self, cls: type[R]) -> list[R]:
        """Every record of one kind, built once per version of the file on disk.

        Building models is the slow part of reading thousands of records, and screens read the
        same kinds again and again; the cache is keyed on the file's identity, so a write by
        any process is seen. Callers get copies (see ``_copy``), never the cached objects.
        """
        with self._mutex:
            tables = self.storage.read() or {}
            identity = self.storage.identity
            hit = self._model_cache.get(cls)
            if hit is None or hit[0] != identity or identity is None:
                rows = tables.get(TABLES[cls], {})
                models: list[Record] = [cls.from_record(doc) for doc in rows.values()]
                by_parent: dict[str, list[Record]] = {}
                for model in models:
                    by_parent.setdefault(getattr(model, "interview_id", ""), []).append(model)
                hit = (identity, models, by_parent)
                self._model_cache[cls] = hit
            return hit[1]  # type: ignore[return-value]

    def _by_parent(self, cls: type[R], interview_id: str) -> list[R]:
        """One interview's records: from the cache when it is current, else built from the
        matching rows only (opening one interview's screen must not build every record).

        Asked for many interviews of the same version of the file (a loop over interviews,
        as ``followup list`` does), it builds every record once instead of scanning each time.
        """
        with self._mutex:
            tables = self.storage.read() or {}
            identity = self.storage.identity
            hit = self._model_cache.get(cls)
            if hit is not None and hit[0] == identity and identity is not None:
                return list(hit[2].get(interview_id, []))  # type: ignore[arg-type]
            seen_identity, asked = self._scanned.get(cls, (None, set()))
            if seen_identity != identity or identity is None:
                asked = set()
            asked.add(interview_id)
            self._scanned[cls] = (identity, asked)
            if len(asked) > SCANS_BEFORE_BUILDING_ALL:
                self._models(cls)
                return list(self._model_cache[cls][2].get(interview_id, []))  # type: ignore[arg-type]
            rows = tables.get(TABLES[cls], {}).values()
            return [cls.from_record(row) for row in rows if row.get("interview_id") == interview_id]

    def all(self, cls: type[R]) -> list[R]:
        """Return every record of one kind, in stored order."""
        return [_copy(m) for m in self._models(cls)]

    def shared(self, cls: type[R]) -> tuple[R, ...]:
        """Every record of one kind as the cached objects themselves, in stored order.

        For code that only reads a whole history (the home list, insights): copying tens of
        thousands of records would cost more than reading them. Never change what this
        returns; the objects are shared with every other caller until the file changes.
        """
        return tuple(self._models(cls))

    def children(self, cls: type[R], interview_id: str) -> list[R]:
        """Return the records of one kind that belong to an interview, sorted by their order."""
        records = [_copy(m) for m in self._by_parent(cls, interview_id)]
        return sorted(records, key=lambda r: getattr(r, "order", 0.0))

    def get(self, cls: type[R], record_id: str) -> R:
        """Return one record by id (built alone when the others are not built yet).

        Raises:
            NotFoundError: If there is none.
        """
        with self._mutex:
            tables = self.storage.read() or {}
            identity = self.storage.identity
            hit = self._model_cache.get(cls)
            if hit is not None and hit[0] == identity and identity is not None:
                for model in hit[1]:
                    if model.id == record_id:  # type: ignore[attr-defined]
                        return _copy(model)  # type: ignore[return-value]
            else:
                for row in tables.get(TABLES[cls], {}).values():
                    if row.get("id") == record_id:
                        return cls.from_record(row)
        raise NotFoundError(f"No {_noun(cls)} with id '{record_id}'.")

    def open_concern_counts(self) -> dict[str, int]:
        """How many concerns of each interview are still open (see ``models.concern_is_open``).

        Counted from the stored rows without building a model per concern: the home screen
        needs only these numbers, and a long history holds tens of thousands of concerns.
        """
        counts: dict[str, int] = {}
        with self._mutex:
            rows = (self.storage.read() or {}).get(TABLES[Concern], {})
            for row in rows.values():
                if concern_is_open(row.get("kind", "unsorted"), bool(row.get("resolved", False))):
                    parent = str(row.get("interview_id", ""))
                    counts[parent] = counts.get(parent, 0) + 1
        return counts

    def interviews(self) -> list[Interview]:
        """Return every interview, newest first (by time, then by creation)."""
        items = self.all(Interview)
        return sorted(items, key=lambda i: (i.when or "", i.created), reverse=True)

    def latest_started(self, now: datetime | None = None) -> Interview | None:
        """Return the latest interview whose time has come, else the newest one created.

        Chosen from the stored rows, so only the interview returned is built (``followup
        note`` asks this once, and a long history holds thousands of interviews).
        """
        now = now or datetime.now()
        with self._mutex:
            rows = list((self.storage.read() or {}).get(TABLES[Interview], {}).values())

        def when(row: dict[str, Any]) -> str:
            value = row.get("when")  # as the model reads it: a time that does not parse is none
            return value if isinstance(value, str) and when_datetime(value) is not None else ""

        def created(row: dict[str, Any]) -> str:
            value = row.get("created")
            return value if isinstance(value, str) else ""

        started = []
        for row in rows:
            moment = when_datetime(when(row) or None)
            if moment is not None and moment <= now:
                started.append(row)
        if started:
            return Interview.from_record(max(started, key=lambda row: (when(row), created(row))))
        return Interview.from_record(max(rows, key=created)) if rows else None

    def debrief(self, interview_id: str) -> Debrief:
        """Return an interview's debrief (an empty one if none was written yet)."""
        try:
            return self.get(Debrief, interview_id)
        except NotFoundError:
            return Debrief(id=interview_id, interview_id=interview_id)

    def setting(self, key: str, default: Any = None) -> Any:
        """Return a stored setting such as the theme."""
        rows = self._rows(META)
        settings = rows[0].get("settings", {}) if rows else {}
        return settings.get(key, default) if isinstance(settings, dict) else default

    def data_version(self) -> tuple[int, int, int, int] | None:
        """Return a cheap token that changes whenever the file changes on disk."""
        try:
            st = self.path.stat()
        except OSError:
            return None
        return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)

    # -- writing --------------------------------------------------------------------------------

    def add(self, record: R) -> R:
        """Store a new record with a fresh id; return it as stored.

        Children of an interview go to the end of their list unless an order is given.
        """
        with self.transaction() as tables:
            table = tables.setdefault(TABLES[type(record)], {})
            new_id = record.interview_id if isinstance(record, Debrief) else self._new_id(tables)
            values = record.to_record()
            values["id"] = new_id
            self._check_parent(tables, values)
            stamp = now_stamp()
            for name in ("created", "updated"):
                if name in values and not values[name]:
                    values[name] = stamp
            if "order" in values and not values["order"]:
                values["order"] = self._next_order(table, values.get("interview_id", ""))
            stored = type(record).from_record(values)
            self._put(tables, stored)
            self._unretire(tables, new_id)
        return stored

    def update(self, cls: type[R], record_id: str, **changes: Any) -> R:
        """Change only the named fields of a record; other fields keep what is on disk.

        Raises:
            NotFoundError: If the record is gone.
            ValidationError: If a new value is not valid; nothing is written.
        """
        with self.transaction() as tables:
            key, doc = self._find(tables, cls, record_id)
            unknown = set(changes) - set(cls.__dataclass_fields__) | ({"id", "interview_id"} & set(changes))
            if unknown:
                raise ValidationError(f"Cannot change {', '.join(sorted(unknown))}.")
            before = cls.from_record(doc).to_record()
            values = {**before, **{k: _plain(v) for k, v in changes.items()}}
            if cls(**values).to_record() == before:
                self._nothing_changed()
                return cls.from_record(before)
            if "updated" in cls.__dataclass_fields__:
                values["updated"] = now_stamp()
            merged = cls(**values)
            tables[TABLES[cls]][key] = {**doc, **merged.to_record()}
        return merged

    def update_debrief(self, interview_id: str, **changes: Any) -> Debrief:
        """Change fields of an interview's debrief, creating it on first use."""
        with self.transaction() as tables:
            self._check_parent(tables, {"interview_id": interview_id})
            try:
                self._find(tables, Debrief, interview_id)
            except NotFoundError:
                self._put(tables, Debrief(id=interview_id, interview_id=interview_id))
            return self.update(Debrief, interview_id, **changes)

    def delete(self, cls: type[R], record_id: str) -> R:
        """Remove a record (and, for an interview, everything that belongs to it).

        Returns:
            The removed record, which ``restore`` can put back.
        """
        with self.transaction() as tables:
            key, doc = self._find(tables, cls, record_id)
            del tables[TABLES[cls]][key]
            retired = tables[META]["1"].setdefault("retired", [])
            retired.append(record_id)
            if cls is Interview:
                for child in TABLES.values():
                    rows = tables.get(child, {})
                    for k in [k for k, v in rows.items() if v.get("interview_id") == record_id]:
                        retired.append(rows[k].get("id", ""))
                        del rows[k]
        return cls.from_record(doc)

    def restore(self, record: Record) -> Record:
        """Put back a record that ``delete`` returned, with its id and order."""
        with self.transaction() as tables:
            self._check_parent(tables, record.to_record())
            if self._record_taken(tables, record):
                raise ValidationError("That item is already there.")
            self._put(tables, record)
            self._unretire(tables, record.id)  # type: ignore[attr-defined]
        return record

    def reorder(self, cls: type[R], ids: list[str]) -> None:
        """Give the listed records the order they have in ``ids``."""
        with self.transaction() as tables:
            for position, record_id in enumerate(ids, start=1):
                _key, doc = self._find(tables, cls, record_id)
                doc["order"] = float(position)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting such as the theme."""
        with self.transaction() as tables:
            tables[META]["1"].setdefault("settings", {})[key] = value

    def merge(self, records: Iterable[Record]) -> int:
        """Add records whose ids are not here yet, keeping every local record as it is.

        Returns:
            How many records were added.
        """
        added = 0
        with self.transaction() as tables:
            # one pass over the file for the ids in use, so merging N records stays O(N)
            taken = {doc.get("id") for name in TABLES.values() for doc in tables.get(name, {}).values()}
            debriefs = {doc.get("id") for doc in tables.get(TABLES[Debrief], {}).values()}
            interviews = {doc.get("id") for doc in tables.get(TABLES[Interview], {}).values()}
            next_keys = {
                name: max((int(k) for k in tables.get(name, {})), default=0) + 1 for name in TABLES.values()
            }
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
                self._unretire(tables, record_id)
                added += 1
            if not added:
                self._nothing_changed()
        return added

    # -- helpers --------------------------------------------------------------------------------

    def _nothing_changed(self) -> None:
        """Skip the write of a transaction that changed nothing (only the outermost can say)."""
        if self._depth == 1:
            self._skip_write = True

    def _find(self, tables: Tables, cls: type[Record], record_id: str) -> tuple[str, dict[str, Any]]:
        for key, doc in tables.get(TABLES[cls], {}).items():
            if doc.get("id") == record_id:
                return key, doc
        raise NotFoundError(f"No {_noun(cls)} with id '{record_id}'.")

    def _put(self, tables: Tables, record: Record) -> None:
        table = tables.setdefault(TABLES[type(record)], {})
        next_key = max((int(k) for k in table), default=0) + 1
        table[str(next_key)] = record.to_record()

    # the checks below only read, so they peek: the tables they look at stay unmarked and
    # their JSON can be reused by the save (see TouchedTables)

    def _check_parent(self, tables: TouchedTables, values: dict[str, Any]) -> None:
        parent = values.get("interview_id")
        if parent is None:
            return
        if not any(v.get("id") == parent for v in tables.peek(TABLES[Interview]).values()):
            raise NotFoundError(f"No interview with id '{parent}'.")

    def _id_taken(self, tables: TouchedTables, record_id: str, retired: bool = True) -> bool:
        if retired and record_id in tables.get(META, {}).get("1", {}).get("retired", []):
            return True
        return any(
            doc.get("id") == record_id for name in TABLES.values() for doc in tables.peek(name).values()
        )

    def _record_taken(self, tables: TouchedTables, record: Record) -> bool:
        """Is this record's id in use? A debrief shares its interview's id: check its own table."""
        record_id = record.id  # type: ignore[attr-defined]
        if isinstance(record, Debrief):
            return any(doc.get("id") == record_id for doc in tables.peek(TABLES[Debrief]).values())
        return self._id_taken(tables, record_id, retired=False)

    def _new_id(self, tables: TouchedTables) -> str:
        taken = {doc.get("id") for name in TABLES.values() for doc in tables.peek(name).values()}
        taken.update(tables.get(META, {}).get("1", {}).get("retired", []))
        while True:
            candidate = self._id_factory()
            if candidate not in taken and not candidate.isdigit():
                return candidate

    def _unretire(self, tables: Tables, record_id: str) -> None:
        retired = tables[META]["1"].get("retired", [])
        if record_id in retired:
            retired.remove(record_id)

    @staticmethod
    def _next_order(table: dict[str, Any], interview_id: str) -> float:
        orders = [
            float(d.get("order", 0) or 0) for d in table.values() if d.get("interview_id") == interview_id
        ]
        return max(orders, default=0.0) + 1.0


def _copy(model: R) -> R:
    """A copy a caller may change freely (lists are copied too; their items are shared)."""
    twin = object.__new__(type(model))
    values = model.__dict__.copy()
    for name in _list_fields(type(model)):
        values[name] = list(values[name])
    twin.__dict__ = values
    return twin


_LIST_FIELDS: dict[type, tuple[str, ...]] = {}


def _list_fields(cls: type) -> tuple[str, ...]:
    names = _LIST_FIELDS.get(cls)
    if names is None:
        names = _LIST_FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.default_factory is list
        )
    return names


def _random_id() -> str:
    # os.urandom with rejection sampling: as unpredictable as secrets, without its import cost
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


def _noun(cls: type[Record]) -> str:
    return TABLES[cls].rstrip("s").replace("_", " ").replace("checklist", "checklist item")


def _plain(value: Any) -> Any:
    if isinstance(value, Record):
        return value.to_record()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value
