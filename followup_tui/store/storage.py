"""The TinyDB storage over a data folder: reading merges every device's file, a save writes ours.

Reading looks at every source in the folder (``folder.DataFolder``): this device's file, the
other devices' files, conflict copies and the old single file. When only one holds anything
new, its tables are used as they are; otherwise they are merged (``domain/sync/replicas``).
This device's file records which versions of the others it merged, so a start-up whose
folder did not change since the last save parses only that one file. A folder whose files did
not change on disk (inode, size, mtime of each) is served from memory. After a merge the app
keeps the result in the state folder for the next start-ups (``merged_copy``).

A save stamps what the change did (``domain/sync/changes``) and writes the merged tables
with the stamps into this device's file only, durably (``durable.write_durably``), keeping a
backup in this device's own backup folder; the old single file is backed up there too on the
first save. Conflict copies whose content is now in our file are then moved aside.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import time
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from followup_tui.domain.sync.fields import DEFAULT
from followup_tui.domain.sync.replicas import HEAD, META, device_names, head_of, merge_replicas
from followup_tui.domain.sync.stamps import ZERO, Clock
from followup_tui.store import jsoncodec, merged_copy
from followup_tui.store.backups import BACKUPS_KEPT, list_backups, make_backup
from followup_tui.store.device import (
    Device,
    ensure_device,
    load_device,
    new_device,
    note_written,
    written_digest,
)
from followup_tui.store.durable import (
    TEMP_PREFIX,
    DamagedFileError,
    NotAFileError,
    SaveError,
    StorageError,
    write_durably,
)
from followup_tui.store.folder import DEVICE, DataFolder, Identity, Source, identity_of
from followup_tui.store.parsing import (
    HEAD_BYTES,
    KnownJson,
    Piece,
    PieceChanged,
    as_written,
    head_revision,
    parse_all,
    parse_database,
    parsed,
)
from followup_tui.store.paths import DIR_MODE, FILE_MODE, backup_dir, ensure_private_dir, real_path
from followup_tui.store.pieces import Json, assemble
from followup_tui.store.safe_read import UserFileError, read_head
from followup_tui.store.sources import Reading, SourceReader, cloned, mark
from followup_tui.store.stamping import Settle, only_new_records, stamp_changes

__all__ = [  # the names the rest of followup has always found here
    "BACKUPS_KEPT",
    "DIR_MODE",
    "FILE_MODE",
    "TEMP_PREFIX",
    "DamagedFileError",
    "NotAFileError",
    "SafeJSONStorage",
    "SaveError",
    "StorageError",
    "backup_dir",
    "ensure_private_dir",
    "list_backups",
    "parse_database",
    "real_path",
    "write_durably",
]

BACKUP_EVERY = 10 * 60
"""Seconds between backups during a session (the first save of a process always makes one)."""

CHECK_PIECES = False
"""Compare every file assembled from pieces with the file written whole (the tests set it)."""


class SafeJSONStorage:
    """A TinyDB storage over a data folder that never loses or silently discards the user's data.

    Every file stays plain TinyDB JSON, so ``TinyDB(path)`` can read any of them. TinyDB's storage
    interface, without its base class: a note's process (``followup note``) never loads TinyDB.
    """

    def __init__(self, path: str | os.PathLike[str], held: bool = False) -> None:
        """Open the storage; nothing is created until the first write.

        Args:
            path: The data file (``followup.json``); the folder around it is the data folder.
            held: Hold this device's file's bytes as read (see ``sources.SourceReader``).
        """
        self.path = Path(path)
        self.folder = DataFolder(self.path)
        self.device: Device | None = load_device()
        self._reader = SourceReader(self.folder, held)
        self._cache: dict[str, dict[str, Any]] | None = None
        self._identity: tuple[tuple[str, Identity], ...] | None = None
        self._reading = Reading()
        self._sources: list[Source] = []
        self._last_backup = 0.0
        self.gone = False
        """Every file of the folder went away while open; reads serve the tables as last read until
        a save writes them all back."""
        self.backup_problem: str | None = None
        """Why the last backup due could not be made (None when it was)."""
        self._backup_told = False
        self._revision: int | None = None
        self.known = KnownJson()
        """Each table as last read or written, and its JSON (written back if a save missed it)."""
        self.replaced_device: str | None = None
        """The id this device wrote as until it found another device writing as it too."""
        self.needs_upgrade = False
        """The tables were brought up to the current schema in memory only."""
        self.saves = 0
        """How many writes this storage made (for tests and benchmarks)."""
        self.from_copy = False
        """The tables came from the merged copy in the state folder (``store.merged_copy``)."""
        self.merged = False
        """The last read merged the tables of more than one file (until a save writes them as one)."""
        self.devices_only = True
        """Every file the last read found is a device's own (no old single file, no conflict copy)."""
        self._to_keep: tuple[list[Source], dict[Path, str]] | None = None

    @property
    def parses(self) -> int:
        """How many times this storage parsed a file (for tests and benchmarks)."""
        return self._reader.parses

    @property
    def own_path(self) -> Path | None:
        """This device's file (None before this device's first save made its identity)."""
        return None if self.device is None else self.folder.device_file(self.device.id)

    @property
    def refused(self) -> dict[Path, str]:
        """Files of the folder the last read left out (damaged, or from a newer followup)."""
        return dict(self._reader.refused)

    def version(self) -> tuple[tuple[str, Identity], ...] | None:
        """A cheap token that changes whenever any file of the data folder changes."""
        return self.folder.version()

    def _own_source(self, sources: list[Source]) -> Source | None:
        if self.device is None:
            return None
        return next((s for s in sources if s.kind == DEVICE and s.device == self.device.id), None)

    def read(self, verify: bool = False) -> dict[str, dict[str, Any]] | None:
        """Return the tables of the folder, merging and parsing only what changed on disk.

        Every table is parsed (see ``load`` and ``table`` for reading fewer).

        Args:
            verify: Also check the revision stamp at the head of this device's file before
                trusting the in-memory copy (used under the lock before every change: another
                process could write twice within one clock tick, keeping inode and size).

        Returns:
            The tables, or None when no file holds anything yet.

        Raises:
            DamagedFileError: If this device's file (or the only file) cannot be read.
        """

        return self._parsed(None, verify)

    def table(self, name: str) -> dict[str, Any]:
        """One table of the folder (empty when missing), parsing only that one if it was not yet.

        Never change what this returns: it is the table as last read from disk.

        Raises:
            DamagedFileError: If this device's file (or the only file) cannot be read.
        """
        return self._parsed(name) or {}

    def _parsed(self, name: str | None, verify: bool = False, again: bool = True) -> dict[str, Any] | None:
        """Every table parsed (``name`` None) or only that one; read once more, whole, if a
        table could not be read again from where it lay in this device's file (it changed)."""
        try:
            tables = self.load(verify)
            if tables is None or name is None or name not in tables:
                return parse_all(tables) if tables is not None and name is None else None
            found = tables[name] = parsed(tables[name])
            return found
        except PieceChanged:
            if not again:
                raise
            self.forget()
            return self._parsed(name, verify, again=False)

    def may_hold(self, name: str, text: str) -> bool:
        """Whether a table may hold ``text`` (ASCII) without parsing it: False only when it is
        missing, or still its JSON as this device wrote it and that does not hold the text."""
        table = (self._cache or {}).get(name)
        if isinstance(table, Piece) and table.parsed is None:
            return table.mentions(text)
        return table is not None

    @property
    def unparsed(self) -> set[str]:
        """The tables kept as their JSON, not parsed (yet), for tests and benchmarks."""
        return {name for name, table in (self._cache or {}).items() if isinstance(table, Piece)}

    def load(self, verify: bool = False) -> dict[str, Any] | None:
        """Like ``read``, but the tables this device's file holds as it wrote them are left as
        ``Piece``s, each parsed when first asked for (``parsed`` or ``table``)."""
        sources = self.folder.sources()
        if not sources and self._cache is not None:  # gone while open (its folder deleted)
            self.gone = True  # keep what was read: the next save writes it all back
            return self._cache
        token = tuple((s.path.name, s.identity) for s in sources)
        fresh = self._cache is not None and token == self._identity
        if fresh and not verify and self.from_copy:
            return self._cache
        if fresh and not self.from_copy and (not verify or self._head_revision() == self._revision):
            return self._cache
        kept = None
        if self._cache is None and not verify and len(sources) > 1:
            kept = merged_copy.load(self.folder, sources)
        if kept is not None:
            self._cache, self._identity, self.from_copy = kept, token, True
            return kept  # until a change, which reads the files themselves
        self.from_copy = False
        own = self._own_source(sources)
        try:
            reading = self._reader.read(sources, own, set(), written_digest(self.folder.key))
        except StorageError:
            self.forget()
            raise
        only_own = reading.own is not None and reading.own.tables is not None and not reading.others
        self.known.read(reading.own.pieces if only_own and reading.own else {})  # of this version
        self._reading, self._sources = reading, sources
        self._revision = reading.own.revision if reading.own else None
        own_tables = reading.own.tables if reading.own else None
        replicas = ([own_tables] if own_tables is not None else []) + [t for _s, t in reading.others]
        self.needs_upgrade, self.merged = reading.upgraded, len(replicas) > 1
        self.devices_only = all(s.kind == DEVICE for s in sources)
        if not replicas:
            self._cache, self._identity = None, token
            return None
        if len(replicas) == 1:
            self._cache = replicas[0]
        else:
            self._cache = merge_replicas([parse_all(tables) for tables in replicas])
            if not self.refused and self.devices_only and not reading.upgraded:
                self._to_keep = (sources, self._reader.digests(sources))
        self._identity = token
        return self._cache

    def keep_merged_copy(self) -> None:
        """Keep the tables of the last read, if it merged files, for the next start-ups."""
        kept, self._to_keep = self._to_keep, None
        if (
            kept is not None
            and self._cache is not None
            and self._identity == tuple((s.path.name, s.identity) for s in kept[0])
        ):
            merged_copy.keep(self.folder, kept[0], kept[1], self._cache)

    def write(
        self,
        data: dict[str, Any],
        changed: Collection[str] | None = None,
        before: Mapping[str, Json] | None = None,
        settle: Settle | None = None,
        appended: Mapping[str, Collection[str]] | None = None,
    ) -> None:
        """Stamp the change and save the tables durably into this device's file.

        Every write stamps a fresh revision at the head of the file (the ``meta`` table goes
        first, its revision first), so ``read(verify=True)`` can check it cheaply.

        Args:
            data: Every table (a ``Piece`` for a table never parsed: written back as read).
            changed: The tables that may have changed since the last write; None means any.
                The JSON of a table left out is reused when it is the very same table object
                that was read or written last time, so one edit does not serialise the whole
                history.
            before: The JSON of each table the change reached, as it was read (what the
                stamps compare with; a table missing here is not stamped).
            settle: The fields whose concurrent texts this change settles, per table.
            appended: The tables the change only appended documents to, with their ids:
                the others are as read, so they are neither compared nor serialised again.

        Raises:
            SaveError: If the save failed; the file on disk is unchanged.
        """
        try:
            device = self.device = self.device or ensure_device()
        except (OSError, StorageError) as exc:
            self.forget()
            raise SaveError(
                f"Could not save {self.path}: this device's identity cannot be kept ({exc})."
            ) from None
        if cloned(self._reading, device.id, self.folder.key):
            self.replaced_device = device.id  # another device wrote as this one: take a new id
            device = self.device = new_device(device.name, copy_of=device.id)
        own_path = self.folder.device_file(device.id)
        head = head_of(data)
        stamp = Clock(device.id, str(head.get("clock", ZERO))).next(time.time_ns() // 1_000_000)
        appended = only_new_records(data, appended or {})
        grown = stamp_changes(data, before or {}, stamp, settle or {}, appended)
        revision = (self._revision or 0) + 1
        meta = data.get(META, {})
        meta_head = {k: v for k, v in meta.get("1", {}).items() if k != "revision"}
        data[META] = {**meta, "1": {"revision": revision, **meta_head}}
        data[HEAD] = {"1": self._head(head, device, stamp)}
        tables = {k: as_written(v) for k, v in data.items() if k != HEAD}
        ordered = {META: data[META], **tables, HEAD: data[HEAD]}
        try:
            ensure_private_dir(self.folder.folder)
            reuse = self.known.reuse(changed, appended, grown)
            payload, pieces, starts = assemble(ordered.items(), reuse, CHECK_PIECES)
        except (OSError, TypeError, jsoncodec.EncodeError, PieceChanged) as exc:
            self.forget()  # a table's range that changed in place is never written
            why = "it changed while followup was reading it;" if isinstance(exc, PieceChanged) else ""
            raise SaveError(
                f"Could not save {self.path}: {why or exc.__class__.__name__ + '.'} the file is unchanged."
            ) from None
        now = time.monotonic()
        backup = self.saves == 0 or now - self._last_backup >= BACKUP_EVERY
        if not os.path.lexists(own_path):
            self._keep_legacy(own_path)
        problem = self._back_up(own_path) if backup else None
        try:
            st = write_durably(own_path, payload)
        except SaveError:
            self.forget()
            raise
        digest = hashlib.sha256()
        for part in payload:
            digest.update(part)
        self._revision = revision
        if backup:
            self._last_backup = now  # a failed backup too: it is tried again at the next one due
            self._note_backup(problem)
        self.saves += 1
        note_written(self.folder.key, stamp, digest.hexdigest())
        merged_copy.drop(self.folder)
        self._to_keep, self.merged = None, False
        self.gone = False
        self._cache = data
        self.known.wrote(pieces, data, (own_path, identity_of(st), starts))
        self._after_save(own_path, st)

    def _head(self, head: Mapping[str, Any], device: Device, stamp: str) -> dict[str, Any]:
        """This file's head after a save: who wrote it, when, and what it has merged."""
        devices = device_names([head, {"device": device.id, "name": device.name, "clock": stamp}])
        legacy = {d for d in head.get("legacy", []) if isinstance(d, str)} | self._reading.legacy_digests
        others = [s for s in self._sources if s.kind == DEVICE and s.device != device.id]
        # a file left unread is never marked merged: every read tries it again (and says so)
        merged = {s.path.name: mark(s) for s in others if s.path not in self._reader.refused}
        return {
            "device": device.id,
            "name": device.name,
            "clock": stamp,
            "default": head.get("default", [DEFAULT[0], dict(DEFAULT[1])]),
            "devices": devices,
            "legacy": sorted(legacy),
            "merged": merged,
        }

    def _keep_legacy(self, own_path: Path) -> None:
        """Before this device's first file: back up the old single file it moves over from."""
        legacy = self.folder.legacy
        if any(s.path == legacy for s, _t in self._reading.others) and legacy.is_file():
            self._note_backup(make_backup(legacy, owner=own_path))

    def _back_up(self, own_path: Path) -> str | None:
        """Keep this device's current file as a backup; say why not when that failed (the save
        goes on)."""
        try:
            if not stat.S_ISREG(os.stat(own_path).st_mode):
                return None  # nothing to keep, and the save refuses it anyway
        except OSError:
            return None
        return make_backup(own_path)

    def _note_backup(self, problem: str | None) -> None:
        if problem is None:
            self.backup_problem, self._backup_told = None, False
        elif problem != self.backup_problem:
            self.backup_problem, self._backup_told = problem, False

    def untold_backup_problem(self) -> str | None:
        """The sentence saying why backups fail, the first time it is asked for; None after.

        A failed backup never stops a save; it is told once, and again only after a backup
        worked and then failed anew (or failed for another reason).
        """
        if self.backup_problem is None or self._backup_told:
            return None
        self._backup_told = True
        return f"{self.backup_problem} Your change was saved."

    def _after_save(self, own_path: Path, st: os.stat_result) -> None:
        """Move merged conflict copies aside and note the folder as this save left it."""
        moved = set()
        for source in self._reading.conflicts:
            with contextlib.suppress(OSError):
                if identity_of(os.stat(source.path)) == source.identity:
                    ensure_private_dir(self.folder.conflicts_dir)
                    os.replace(source.path, self.folder.conflicts_dir / source.path.name)
                    moved.add(source.path)
        self._reading.conflicts = []
        kept = [
            (s.path.name, s.identity) for s in self._sources if s.path not in moved and s.path != own_path
        ]
        self._identity = tuple(sorted([*kept, (own_path.name, identity_of(st))]))
        self._sources = [s for s in self._sources if s.path not in moved and s.path != own_path]
        self._sources.append(Source(own_path, DEVICE, self.device.id if self.device else "", identity_of(st)))

    def _head_revision(self) -> int | None:
        """The revision stamped at the head of this device's file, if there is one."""
        own = self.own_path
        if own is None:
            return None
        try:
            return head_revision(read_head(own, HEAD_BYTES))
        except (OSError, UserFileError):
            return None

    @property
    def identity(self) -> tuple[tuple[str, Identity], ...] | None:
        """The folder's identity on disk when the tables were last read or written."""
        return self._identity

    def forget(self) -> None:
        """Drop the in-memory copy so the next read parses the files again."""
        self._cache, self._identity = None, None
        self.known.read({})
        self._reader.forget()

    def close(self) -> None:
        """Nothing stays open between operations."""
