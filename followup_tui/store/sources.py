"""Reading the files of a data folder as replicas to merge, each parsed once per version.

Every source is parsed, checked and brought up to the current schema in memory (the file on
disk is left as it is). A file with no stamps (the old single file, or a sync engine's copy
of it) gets a default version for all its values: the file the devices moved over from
replaces nothing (``ZERO``); one written later by a device that has not been upgraded is
stamped with its modification time, as an edit made after the move (it replaces what was
moved over, and is concurrent with every edit made since, so its texts are kept).

A damaged source, or one written by a newer followup, is refused: named in ``refused`` and
left out, never overwritten; this device's own file is the exception, which stops the app as
a damaged single file always did.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any

from followup_tui.domain.sync.fields import DEFAULT
from followup_tui.domain.sync.replicas import HEAD, head_of
from followup_tui.domain.sync.stamps import LEGACY_DEVICE, ZERO, Version, make_stamp
from followup_tui.store import ranges
from followup_tui.store.backups import list_backups
from followup_tui.store.device import last_written
from followup_tui.store.durable import DamagedFileError, NotAFileError, StorageError
from followup_tui.store.folder import CONFLICT, DEVICE, LEGACY, DataFolder, Identity, Source
from followup_tui.store.parsing import EAGER, Piece, head_revision, parse_scanned, parse_tables
from followup_tui.store.safe_read import DATA_FILE_LIMIT, UserFileError, kind_of, read_user_file
from followup_tui.store.schema import CURRENT_SCHEMA, schema_of

Tables = dict[str, dict[str, Any]]


class Parsed:
    """One source as read: its tables (current schema), bytes' digest and revision stamp.

    Attributes:
        tables: The tables (None: the source was refused).
        digest: The SHA-256 of its bytes.
        revision: The revision stamped at its head, if any.
        upgraded: The file on disk has an older schema than the tables.
        pieces: Each table's JSON as read, when the file holds exactly what this device last
            wrote (empty otherwise).
    """

    __slots__ = ("digest", "pieces", "revision", "tables", "upgraded")

    def __init__(
        self,
        tables: Tables | None,
        digest: str,
        revision: int | None,
        upgraded: bool,
        pieces: dict[str, Piece],
    ) -> None:
        self.tables, self.digest, self.revision = tables, digest, revision
        self.upgraded, self.pieces = upgraded, pieces


class Reading:
    """What one read of the folder found.

    Attributes:
        own: This device's own file, as parsed (None when it has none yet).
        others: The other sources merged, with their tables as merged (stamped).
        upgraded: The file whose tables are used as they are has an older schema on disk.
        conflicts: Conflict copies read (merged now or before): moved aside once this device's
            file has them.
        legacy_digests: Digests of old single files merged by this read.
    """

    __slots__ = ("conflicts", "legacy_digests", "others", "own", "upgraded")

    def __init__(self) -> None:
        self.own: Parsed | None = None
        self.others: list[tuple[Source, Tables]] = []
        self.upgraded = False
        self.conflicts: list[Source] = []
        self.legacy_digests: set[str] = set()


def late_default(source: Source) -> Version:
    """The version of the values of an old single file written after the move (see above)."""
    wall = source.identity[3] // 1_000_000
    return make_stamp(wall, 1, LEGACY_DEVICE), {"-": ZERO, LEGACY_DEVICE: make_stamp(wall, 0, LEGACY_DEVICE)}


class SourceReader:
    """Parses the sources of one data folder, keeping each until it changes on disk.

    Args:
        folder: The data folder.
        held: Read this device's file whole and hold its bytes (``parsing.Held``) rather than
            stream it and read each table again from the file when it is needed: for a process
            that reads the folder once and saves at most once (a command such as ``followup
            note``), which then reads and hashes the file once.
    """

    def __init__(self, folder: DataFolder, held: bool = False) -> None:
        self.folder = folder
        self.held = held
        self._parsed: dict[Path, tuple[Identity, Parsed]] = {}
        self.refused: dict[Path, str] = {}
        """Sources left out of the last read, with the reason in one sentence."""
        self.parses = 0

    def forget(self) -> None:
        """Drop every parsed file: the next read parses them again."""
        self._parsed = {}

    def parse(
        self,
        source: Source,
        known: Collection[str] = (),
        mine: str | None = None,
        like: Mapping[str, Piece] | None = None,
    ) -> Parsed:
        """One source's tables, from memory when it did not change on disk.

        Args:
            source: The file.
            known: Digests of files already merged: such a file is not parsed (its tables
                come back as None).
            mine: The digest of the bytes this device last wrote into this file: when the
                file holds exactly them, it is read without keeping its bytes and its tables
                are parsed only when first asked for (``parsing.parse_scanned``).
            like: This device's file's tables as ``Piece``s, none parsed before: a table of
                the same bytes is parsed once for both (``parsing.parse_tables``).

        Raises:
            StorageError: If it is damaged or newer than this code.
        """
        cached = self._parsed.get(source.path)
        if cached is not None and cached[0] == source.identity:
            return cached[1]
        scanned = self._scan(source, mine) if mine is not None and not self.held else None
        if scanned is not None:
            self.parses += 1
            parsed = scanned
        else:
            parsed = self._read_whole(source, known, like, mine if self.held else None)
        self._parsed[source.path] = (source.identity, parsed)
        return parsed

    def _scan(self, source: Source, mine: str) -> Parsed | None:
        """This device's file read without holding its bytes, when it holds exactly what this
        device last wrote (``ranges.scan``); None for any other file: it is read whole."""
        try:
            scan = ranges.scan(source.path, DATA_FILE_LIMIT, frozenset(EAGER))
        except (OSError, UserFileError):
            return None  # the whole read says why, in its own words
        if scan is None or scan.digest != mine:
            return None
        read = parse_scanned(scan, source.path)
        if read is None:
            return None
        tables, pieces = read
        if schema_of(tables, source.path) < CURRENT_SCHEMA:
            return None  # brought up to date in memory: read whole (rare: once per upgrade)
        return Parsed(tables, scan.digest, head_revision(scan.head), False, pieces)

    def _read_whole(
        self,
        source: Source,
        known: Collection[str],
        like: Mapping[str, Piece] | None = None,
        mine: str | None = None,
    ) -> Parsed:
        """A source read and parsed whole (see ``parse``); with ``mine`` (a held read), bytes
        that are exactly what this device last wrote are kept, each table a ``Piece`` of them."""
        try:
            mode = os.stat(source.path).st_mode
            if not stat.S_ISREG(mode):
                raise NotAFileError(
                    f"{source.path} is {kind_of(mode)}, not a data file; followup keeps its data "
                    "only in a regular file (name another with --db)."
                )
            raw = read_user_file(source.path, DATA_FILE_LIMIT)
        except UserFileError as exc:
            raise NotAFileError(str(exc)) from None
        except OSError as exc:
            raise DamagedFileError(
                f"{source.path} cannot be read: {exc.strerror or type(exc).__name__}."
            ) from None
        digest = hashlib.sha256(raw).hexdigest()
        held = self._held(raw, digest, source.path) if digest == mine else None
        if held is not None:
            return held
        if digest in known:
            return Parsed(None, digest, None, False, {})
        if not raw.strip():
            if list_backups(source.path):
                raise DamagedFileError(
                    f"{source.path} is empty but backups exist; "
                    "run 'followup doctor' to restore the newest one."
                )
            return Parsed(None, digest, None, False, {})
        self.parses += 1
        tables, _pieces = parse_tables(raw, source.path, like=like)
        upgraded = schema_of(tables, source.path) < CURRENT_SCHEMA
        if upgraded and like:  # an upgrade changes the tables in place: none may be shared
            tables, _pieces = parse_tables(raw, source.path)
        if upgraded:
            from followup_tui.store.migrations import migrate  # once per upgrade

            migrate(tables, source.path)
        return Parsed(tables, digest, head_revision(raw), upgraded, {})

    def _held(self, raw: bytes, digest: str, path: Path) -> Parsed | None:
        """This device's own bytes with their tables kept as ``Piece``s of them; None when they
        are not one table per line or are brought up to date in memory (read as usual)."""
        tables, pieces = parse_tables(raw, path, written_here=True)
        if not pieces or schema_of(tables, path) < CURRENT_SCHEMA:
            return None
        self.parses += 1
        return Parsed(tables, digest, head_revision(raw), False, pieces)

    def digests(self, sources: list[Source]) -> dict[Path, str]:
        """The SHA-256 of each of ``sources`` parsed as it is now (files skipped have none)."""
        return {
            s.path: parsed.digest
            for s in sources
            if (known := self._parsed.get(s.path)) is not None and known[0] == s.identity
            for parsed in (known[1],)
        }

    def read(
        self, sources: list[Source], own: Source | None, done: set[str], mine: str | None = None
    ) -> Reading:
        """Parse what a read needs: this device's file and every source not merged into it.

        Args:
            sources: Every source in the folder.
            own: This device's file, if it exists.
            done: Digests of old single files already merged (none is read twice).
            mine: The digest of the bytes this device last wrote into its file.

        Raises:
            StorageError: If this device's file is damaged or newer, or there is no device
                file and the old single file is (it is then the only copy, as it always was).
        """
        self.refused = {}
        reading = Reading()
        live = {s.path for s in sources}
        self._parsed = {path: value for path, value in self._parsed.items() if path in live}
        if own is not None:
            reading.own = self.parse(own, mine=mine)
        head = head_of(reading.own.tables) if reading.own and reading.own.tables else {}
        merged = head.get("merged")
        marks: dict[str, Any] = merged if isinstance(merged, dict) else {}
        done = done | {d for d in head.get("legacy", []) if isinstance(d, str)}
        devices = any(s.kind == DEVICE for s in sources)
        others = [
            s for s in sources if s.kind == DEVICE and s is not own and marks.get(s.path.name) != mark(s)
        ]
        others += [s for s in sources if s.kind != DEVICE]
        # our tables not handed out yet (so still their bytes) can be another file's too
        like = {name: p for name, p in reading.own.pieces.items() if p.parsed is None} if reading.own else {}
        for source in others:
            try:
                parsed = self.parse(source, () if source.kind == DEVICE else done, like=like)
            except StorageError as exc:
                if source.kind == LEGACY and not devices:
                    raise
                self.refused[source.path] = str(exc)
                continue
            if source.kind == CONFLICT:
                reading.conflicts.append(source)
            if parsed.tables is None:
                continue
            tables = parsed.tables
            if HEAD in tables:
                done |= {d for d in head_of(tables).get("legacy", []) if isinstance(d, str)}
            elif parsed.digest in done:  # an old single file merged before (or a copy of it)
                continue
            else:
                late = source.kind == CONFLICT or devices
                stamp, seen = late_default(source) if late else DEFAULT
                tables = {**tables, HEAD: {"1": {"default": [stamp, seen]}}}
                reading.legacy_digests.add(parsed.digest)
            reading.others.append((source, tables))
        single = reading.own if reading.own and reading.own.tables else None
        if single is None and len(reading.others) == 1:
            single = self.parse(reading.others[0][0])
        reading.upgraded = single is not None and single.upgraded
        return reading


def mark(source: Source) -> list[int]:
    """What this device's file records of another device's file it merged: size and time."""
    return [source.identity[2], source.identity[3]]


def cloned(reading: Reading, device: str, folder_key: str) -> bool:
    """This device's file holds a save newer than this device's last one: another device (a
    cloned phone, a restored state folder) writes under the same id. Asked under the lock, so a
    save of this device's other processes is never half noted."""
    own = reading.own.tables if reading.own else None
    head = head_of(own) if own else {}
    noted = last_written(folder_key)
    clock = head.get("clock")
    return noted is not None and head.get("device") == device and isinstance(clock, str) and clock > noted
