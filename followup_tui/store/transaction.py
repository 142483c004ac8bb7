"""One change to the data file: the lock, fresh tables, and one durable write.

Every change is one transaction: take this device's lock on the data folder (kept in its state
folder, out of reach of a sync engine), read the folder afresh (served from memory when
nothing changed), apply the change, write this device's whole file durably, release the lock.
The lock is held for milliseconds, so ``followup note`` works while the app is open, and
neither process ever loses the other's writes. TinyDB has none of this: its
storages write whenever a table changes, with no lock around a read-change-write.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from followup_tui.store.documents import Documents
from followup_tui.store.lock import FolderLock
from followup_tui.store.schema import CURRENT_SCHEMA
from followup_tui.store.storage import FILE_MODE, SafeJSONStorage, StorageError, ensure_private_dir
from followup_tui.store.tables import META
from followup_tui.store.touched_tables import TouchedTables

if TYPE_CHECKING:
    from _thread import RLock

LOCK_TIMEOUT = 15.0
"""Seconds a change waits for another process's lock before it gives up."""

LOCK_NOTICE_AFTER = 0.5
"""Seconds a change waits for the lock quietly before it says it is waiting (another save
holds it for milliseconds; a stopped process holds it until it goes on)."""


class Transactions:
    """Runs the changes to one data file, one at a time, across threads and processes.

    Args:
        storage: The file's storage.
        mutex: The lock for the repository's in-memory state (held for a whole change).
    """

    def __init__(self, storage: SafeJSONStorage, mutex: RLock) -> None:
        self.storage = storage
        self.path = storage.path
        self.mutex = mutex
        self._lock: FolderLock | None = None  # made at the first write
        self._depth = 0
        self._skip_write = False
        self._writing = False
        self._tables = TouchedTables({})
        self.documents = Documents(self._tables)
        """The current change's tables seen through TinyDB (nested transactions share them)."""
        self.foreign_writes = 0
        """How many times a change found the folder written by another process since our last write."""
        self._last_seen: Any = None
        self._settle: dict[str, set[tuple[str, str]]] = {}
        self.on_lock_wait: Callable[[], object] | None = None
        """Called at once when a change has to wait for another process's lock."""

    def start(self, upgrade: bool = True) -> None:
        """Bring an older file up to the current schema (``upgrade``: else it is only read),
        and note the file's version."""
        self.storage.load()
        if upgrade and self.storage.needs_upgrade:
            with self.transaction():
                pass  # the tables were brought up to date in memory: write them
        self._last_seen = self.storage.version()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[TouchedTables]:
        """Hold the lock, yield fresh tables to change in place, then write them once.

        Nested transactions join the outer one. If the block raises, nothing is written and
        the in-memory copy is dropped so the next read sees the file as it is.
        """
        with self.mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield self._tables
                finally:
                    self._depth -= 1
                return
            if self._writing:  # only this thread can be here: code run in the middle of a save
                raise StorageError(f"{self.path} is being saved; the change will be tried again.")
            lock = self._file_lock()
            try:
                self._note_foreign_writes()
                self._tables = self._fresh_tables()
                self.documents = Documents(self._tables)
                self._skip_write = False
                self._settle = {}
                self._depth = 1
                try:
                    yield self._tables
                except BaseException:
                    self.storage.forget()
                    raise
                finally:
                    self._depth = 0
                if not self._skip_write:
                    self._write()
            finally:
                lock.release()

    def nothing_changed(self) -> None:
        """Skip the write of a transaction that changed nothing (only the outermost can say)."""
        if self._depth == 1:
            self._skip_write = True

    def settle(self, table: str, record_id: str, field: str) -> None:
        """Let this change's new value of a field replace every version of it (a settled conflict)."""
        self._settle.setdefault(table, set()).add((record_id, field))

    def _file_lock(self) -> FolderLock:
        """Take this device's lock on the data folder; return it, held.

        Raises:
            StorageError: If the lock is held too long, or cannot be opened at all (another
                user's lock file, a read-only mount, a folder without write permission, a
                directory where the lock should be): a storage failure the caller may retry.
        """
        lock_file = self.storage.folder.lock_file
        try:
            ensure_private_dir(lock_file.parent)
            if self._lock is None:
                self._lock = FolderLock(str(lock_file), FILE_MODE)
            if not self._lock.acquire(LOCK_NOTICE_AFTER):
                if self.on_lock_wait is not None:
                    self.on_lock_wait()  # held by another process: say so before waiting
                if not self._lock.acquire(LOCK_TIMEOUT):
                    raise StorageError(f"{self.path} is busy: another followup process holds its lock.")
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            raise StorageError(
                f"Could not save {self.path}: the lock file {lock_file} cannot be opened ({reason})."
            ) from None
        return self._lock

    def _note_foreign_writes(self) -> None:
        current = self.storage.version()
        if current is not None and current != self._last_seen:
            self.foreign_writes += 1  # someone else wrote since our last write
        self._last_seen = current

    def _write(self) -> None:
        self._writing = True
        try:
            appended = self._tables.only_appended()
            self.storage.write(
                self._tables.plain(),
                changed=self._tables.touched | set(self._tables.appended),
                before=self._tables.before,
                settle=self._settle,
                appended=appended,
            )
        except BaseException:
            self.storage.forget()  # the in-memory copy holds a change the disk does not
            raise
        finally:
            self._writing = False
        self._last_seen = self.storage.identity

    def _fresh_tables(self) -> TouchedTables:
        """Read the tables for a change, checking the bytes if the cache might be stale.

        They come wrapped so the save knows which tables the transaction reached.
        """
        cached = self.storage.load(verify=True)
        known = self.storage.known.json_of
        tables = TouchedTables(cached if cached is not None else {}, snapshot=True, known=known)
        tables.setdefault(META, {}).setdefault("1", {"schema": CURRENT_SCHEMA})
        return tables
