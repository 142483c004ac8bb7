"""The repository: the only code that talks to the data file. It takes models and returns models.

It puts together parts that each do one thing: ``transaction`` (the lock, fresh tables, one
durable write per change), ``documents`` (TinyDB's tables over them), ``cache`` (models built
once per version of the file), ``tables``, ``ids`` (fresh and retired), ``settings``,
``queries`` (answers from the stored rows) and ``merge`` (imported records). Updates name the
fields they change, so two processes editing different fields of one interview both keep
their edits. Models are imported where first needed: ``followup note`` never loads them.
"""

from __future__ import annotations

import contextlib
from _thread import RLock  # what threading.RLock makes, without loading threading (a note's process)
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.sync.replicas import HEAD, device_names, head_of, stamps_table
from followup_tui.domain.times import local_order, now_stamp
from followup_tui.domain.zones import local_now
from followup_tui.store import ids, queries
from followup_tui.store import tables as record_tables
from followup_tui.store.cache import SCANS_BEFORE_BUILDING_ALL, ModelCache, copy_model
from followup_tui.store.device import Device
from followup_tui.store.documents import Documents
from followup_tui.store.durable import clean_stale_temp_files
from followup_tui.store.ids import ID_ALPHABET, ID_LENGTH, seeded_ids
from followup_tui.store.rows import copied, id_of, row_value
from followup_tui.store.storage import SafeJSONStorage
from followup_tui.store.tables import META, TABLE_NAMES, NotFoundError, not_found, table_of
from followup_tui.store.touched_tables import TouchedTables
from followup_tui.store.transaction import LOCK_TIMEOUT, Transactions

if TYPE_CHECKING:  # the type variables too: a bound named as text is compiled when it is made
    from followup_tui.domain.conflicts import FieldConflict
    from followup_tui.domain.models import Debrief, Interview, Record

    R = TypeVar("R", bound=Record)
    T = TypeVar("T")

__all__ = [
    "ID_ALPHABET",
    "ID_LENGTH",
    "LOCK_TIMEOUT",
    "META",
    "SCANS_BEFORE_BUILDING_ALL",
    "NotFoundError",
    "Repository",
    "seeded_ids",
]


class Repository:
    """Typed access to one followup data file.

    Args:
        path: The data file; its folder is created (0700) on the first write.
        id_factory: Makes candidate ids (tests pass a seeded one for stable snapshots).
        held: Hold this device's file's bytes as read, for a short process (``SourceReader``).
        upgrade: Write an older file brought up to date now (False: left as is, ``cli.read_ahead``).
    """

    def __init__(
        self,
        path: str | Path,
        *,
        id_factory: Callable[[], str] | None = None,
        held: bool = False,
        upgrade: bool = True,
    ) -> None:
        self.path = Path(path).expanduser()
        self._ids = id_factory or ids.random_id
        self.storage = SafeJSONStorage(self.path, held)
        self._mutex = RLock()
        self._changes = Transactions(self.storage, self._mutex)
        self._cache = ModelCache(self.storage, self._mutex)
        self._identity_told = False
        self._conflicts: tuple[int, Any, list[FieldConflict]] | None = None
        """The texts waiting to be settled, for the tables (by id: not kept alive) and folder version."""
        clean_stale_temp_files(self.storage.folder.folder)
        self._changes.start(upgrade)

    def on_lock_wait(self, callback: Callable[[], object] | None) -> None:
        """Have ``callback`` run at once whenever a change must wait for another process's lock."""
        self._changes.on_lock_wait = callback

    @property
    def file_gone(self) -> bool:
        """The data file went away while open (its folder deleted): the next save writes back
        everything read, in a folder made again (0700)."""
        return self.storage.gone

    def untold_backup_problem(self) -> str | None:
        """Why backups cannot be made, the first time it is asked after they started failing."""
        return self.storage.untold_backup_problem()

    @property
    def unread_files(self) -> dict[Path, str]:
        """Files of the data folder the last read left out, untouched (damaged, or written by a
        newer followup), each with why in one sentence."""
        return self.storage.refused

    def known_devices(self) -> dict[str, str]:
        """The readable name of every device the data knows of, by id."""
        return device_names([head_of({HEAD: self._stored(HEAD)})])

    def untold_new_identity(self) -> Device | None:
        """This device's new identity, the first time it is asked after a save found the old one
        to be a copy (another device wrote as it, and this one took a new id); None after."""
        device = self.storage.device
        if self.storage.replaced_device is None or device is None or self._identity_told:
            return None
        self._identity_told = True
        return device

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

    @contextlib.contextmanager
    def _change(self) -> Iterator[Documents]:
        """A transaction seen through TinyDB's tables (a nested one joins the outer one)."""
        with self._changes.transaction():
            yield self._changes.documents

    def keep_merged_copy(self) -> None:
        """If the last read merged device files, keep the result for the next start-ups
        (``store.merged_copy``; best effort, off the screen's thread: it writes a file)."""
        with self._mutex:
            self.storage.keep_merged_copy()

    @property
    def read_as(self) -> Any:
        """The data folder's files (``data_version``) as they were when the tables were last
        read or written: what the data in memory stands for."""
        return self.storage.identity

    @property
    def read_whole(self) -> bool:
        """The tables in memory are what the next start-up reads from the files as they are on
        disk: one file, device files merged or their merged copy; none refused or upgraded."""
        s = self.storage
        return not (s.refused or s.needs_upgrade) and (s.from_copy or not s.merged or s.devices_only)

    def data_version(self) -> Any:
        """Return a cheap token that changes whenever any file of the data folder changes."""
        return self.storage.version()

    # -- reading --------------------------------------------------------------------------------

    def _stored(self, name: str) -> dict[str, Any]:
        """One table as last read from disk (never change it; hold the mutex while reading it:
        a change on another thread updates it in place)."""
        with self._mutex:
            return self.storage.table(name)

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

    def read_rows(self, cls: type[Record], read: Callable[[list[dict[str, Any]]], T]) -> T:
        """What ``read`` makes of every stored row of one kind (as last read from disk, in
        stored order, repeated ids included), under the lock: a change on another thread
        cannot reach a row while it is read.

        For code that counts a few fields of a whole history without building a record per
        row (reading them as the record reads them, ``domain.reading``). ``read`` must not
        change the rows nor keep them.
        """
        with self._mutex:
            return read(list(self._stored(table_of(cls)).values()))

    def open_concern_counts(self) -> dict[str, int]:
        """How many concerns of each interview are still open (see ``models.concern_is_open``).

        Counted from the stored rows without building a model per concern: the home screen
        needs only these numbers, and a long history holds tens of thousands of concerns.
        """
        with self._mutex:
            return queries.open_concern_counts(self._stored(TABLE_NAMES["Concern"]).values())

    def interviews(self) -> list[Interview]:
        """Return every interview, newest first (by time, then by creation)."""
        from followup_tui.domain.models import Interview

        return _newest_first(self.all(Interview))

    def interviews_where(self, keep: Callable[[dict[str, Any]], bool]) -> list[Interview]:
        """The interviews whose stored rows ``keep`` accepts, newest first as ``interviews``
        orders them; only those are built (a search that can rule rows out by their stored
        values, such as a company named on the command line).

        ``keep`` sees the first row of each id only, as every list shows one record per id.
        """
        from followup_tui.domain.models import Interview

        with self._mutex:
            seen: set[str] = set()
            kept = []
            for row in self._stored(TABLE_NAMES["Interview"]).values():
                record_id = id_of(row)
                if record_id not in seen:
                    seen.add(record_id)
                    if keep(row):
                        kept.append(row)
        return _newest_first([Interview.from_record(row) for row in kept])

    def latest_started(self, now: datetime | None = None) -> Interview | None:
        """Return the latest interview whose time has come, else the newest one created.

        Chosen from the stored rows, so only the interview returned is built (a long history
        holds thousands of interviews).
        """
        from followup_tui.domain.models import Interview

        row = self.latest_started_row(now)
        return None if row is None else Interview.from_record(row)

    def latest_started_row(self, now: datetime | None = None) -> dict[str, Any] | None:
        """The stored row of ``latest_started``'s interview (``followup note`` needs its id and
        company only: read them with ``rows.id_of`` and ``rows.company_of``)."""
        with self._mutex:
            rows = list(self._stored(TABLE_NAMES["Interview"]).values())
        return queries.latest_started(rows, now or local_now())

    def debrief(self, interview_id: str) -> Debrief:
        """Return an interview's debrief (an empty one if none was written yet)."""
        from followup_tui.domain.models import Debrief

        try:
            return self.get(Debrief, interview_id)
        except NotFoundError:
            return Debrief(id=interview_id, interview_id=interview_id)

    def setting(self, key: str, default: Any = None) -> Any:
        """Return a stored setting such as the theme."""
        from followup_tui.store.settings import read_setting

        with self._mutex:
            return read_setting(self._stored(META).values(), key, default)

    # -- writing --------------------------------------------------------------------------------

    def add(self, record: R) -> R:
        """Store a new record with a fresh id; return it as stored.

        Children of an interview go to the end of their list unless an order is given.
        """
        from followup_tui.domain.models import Debrief

        with self._change() as docs:
            new_id = record.interview_id if isinstance(record, Debrief) else ids.new_id(docs, self._ids)
            values = docs.fill_new(table_of(type(record)), record.to_record(), new_id)
            added = type(record).from_record(values)
            docs.insert(added)
            ids.unretire(docs, [new_id])
        return added

    def add_row(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        """Store a valid stored row (``domain.concerns.new_concern_row``; not a debrief's) under a
        fresh id as ``add`` would; return a copy of it as stored (no list shared with the table)."""
        with self._change() as docs:
            new_id = ids.new_id(docs, self._ids)
            values = docs.fill_new(table, copied(row), new_id)
            docs.insert_row(table, values)
            ids.unretire(docs, [new_id])
        return copied(values)

    def update(self, cls: type[R], record_id: str, **changes: Any) -> R:
        """Change only the named fields of a record; other fields keep what is on disk.

        Raises:
            NotFoundError: If the record is gone.
            ValidationError: If a new value is not valid; nothing is written.
        """
        with self._change() as docs:
            doc = docs.find(cls, record_id)
            unknown = set(changes) - set(cls.__dataclass_fields__) | ({"id", "interview_id"} & set(changes))
            if unknown:
                raise ValidationError(f"Cannot change {', '.join(sorted(unknown))}.")
            before = cls.from_record(doc).to_record()
            values = {**before, **{k: row_value(v) for k, v in changes.items()}}
            if cls(**values).to_record() == before:
                self._changes.nothing_changed()
                return cls.from_record(before)
            if "updated" in cls.__dataclass_fields__:
                values["updated"] = now_stamp()
            merged = cls(**values)
            docs.table(cls).update(merged.to_record(), doc_ids=[doc.doc_id])
        return merged

    def update_debrief(self, interview_id: str, **changes: Any) -> Debrief:
        """Change fields of an interview's debrief, creating it on first use."""
        from followup_tui.domain.models import Debrief

        with self._change() as docs:
            docs.check_parent({"interview_id": interview_id})
            if docs.doc_id(Debrief, interview_id) is None:
                docs.insert(Debrief(id=interview_id, interview_id=interview_id))
            return self.update(Debrief, interview_id, **changes)

    def delete(self, cls: type[R], record_id: str) -> R:
        """Remove a record (and, for an interview, everything that belongs to it).

        Returns:
            The removed record, which ``restore`` can put back.
        """
        from followup_tui.domain.models import Interview

        with self._change() as docs:
            doc = docs.find(cls, record_id)
            docs.table(cls).remove(doc_ids=[doc.doc_id])
            gone = [record_id]
            if cls is Interview:
                for child in record_tables.TABLES:
                    belongs = docs.children(child, record_id)
                    if belongs:
                        gone += [id_of(d) for d in belongs]
                        docs.table(child).remove(doc_ids=[d.doc_id for d in belongs])
            ids.retire(docs, gone)
        return cls.from_record(doc)

    def restore(self, record: Record) -> Record:
        """Put back a record that ``delete`` returned, with its id and order."""
        with self._change() as docs:
            docs.check_parent(record.to_record())
            if ids.record_taken(docs, record):
                raise ValidationError("That item is already there.")
            docs.insert(record)
            ids.unretire(docs, [record.id])  # type: ignore[attr-defined]
        return record

    def reorder(self, cls: type[R], record_ids: list[str]) -> None:
        """Give the listed records the order they have in ``record_ids``."""
        with self._change() as docs:
            where = [docs.find(cls, record_id).doc_id for record_id in record_ids]
            for position, doc_id in enumerate(where, start=1):
                docs.table(cls).update({"order": float(position)}, doc_ids=[doc_id])

    def conflicts(self) -> list[FieldConflict]:
        """Every text typed on another device at the same time as the one shown, unsettled."""
        with self._mutex:
            tables = self.storage.load() or {}
            known = self._conflicts  # each screen that holds texts asks as it opens
            if known is None or known[0] != id(tables) or known[1] != self.storage.identity:
                from followup_tui.domain.conflicts import find_conflicts  # not for a note

                found = find_conflicts(self._conflict_tables())
                known = self._conflicts = (id(tables), self.storage.identity, found)
            return list(known[2])

    def _conflict_tables(self) -> dict[str, Any]:
        """The tables ``find_conflicts`` reads, parsing only those that may hold such texts.

        A text typed on another device is kept in its field's version as a third item, a list
        of lists (``[stamp, seen, [[...]]]``): a stamps table this device wrote whose JSON
        never has ``,[[`` holds none, and neither it nor its data table is parsed for it.
        """
        from followup_tui.domain.sync.fields import TEXT_FIELDS

        tables = {HEAD: self.storage.table(HEAD)}
        for name in TEXT_FIELDS:
            if self.storage.may_hold(stamps_table(name), ",[["):
                tables[stamps_table(name)] = self.storage.table(stamps_table(name))
                tables[name] = self.storage.table(name)
        return tables

    def settle_field(self, table: str, record_id: str, field: str, value: str) -> None:
        """Give a field ``value`` as a version that replaces every version of it (a settled
        conflict: gone on every device that reads this file).

        Raises:
            NotFoundError: If the record is gone.
        """
        cls = next((c for c, name in record_tables.TABLES.items() if name == table), None)
        if cls is None:
            raise NotFoundError(f"No table called '{table}'.")
        with self._change() as docs:
            doc = docs.find(cls, record_id)
            docs.table(cls).update({field: value}, doc_ids=[doc.doc_id])
            self._changes.settle(table, record_id, field)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a setting such as the theme."""
        from followup_tui.store.settings import store_setting

        with self._change() as docs:
            store_setting(docs, key, value)

    def id_minter(self) -> Callable[[], str]:
        """Return a function that mints ids free in the file as it is now (for records about to
        be merged): none in use, none retired, none minted by an earlier call."""
        with self._mutex:
            return ids.id_minter(Documents(TouchedTables(self.storage.read() or {})), self._ids)

    def merge(self, records: Iterable[Record]) -> int:
        """Add records whose ids are not here yet, keeping every local record as it is.

        Returns:
            How many records were added.
        """
        from followup_tui.store.merge import merge_records

        with self._change() as docs:
            added = merge_records(docs, records)
            if not added:
                self._changes.nothing_changed()
        return added


def _newest_first(interviews: list[Interview]) -> list[Interview]:
    return sorted(interviews, key=lambda i: (local_order(i.when, i.tz), i.created), reverse=True)
