"""The TinyDB storage: durable whole-file writes and the safety around the data file.

A save hard-links the current file into the backup folder when a backup is due (best-effort:
a backup that cannot be made never stops the save, and is told once), writes a temporary file
in the same folder, flushes and fsyncs it, replaces the data file with ``os.replace`` and
fsyncs the folder. Only a regular file is read or replaced: a device or a named pipe named as
the data file is refused before anything is written. A file that does not parse is never overwritten and never
read as empty: reading it raises ``DamagedFileError`` naming the file. An unchanged file is
parsed once and then served from memory until its identity on disk (inode, size, mtime)
changes, so another process's write is always seen.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import stat
import time
from collections.abc import Collection, Iterator, Sequence
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from followup_tui.store import jsoncodec
from followup_tui.store.backups import BACKUPS_KEPT, list_backups, make_backup
from followup_tui.store.paths import DIR_MODE, FILE_MODE, backup_dir, ensure_private_dir, lock_path, real_path
from followup_tui.store.safe_read import DATA_FILE_LIMIT, UserFileError, kind_of, read_head, read_user_file

__all__ = ["BACKUPS_KEPT", "DIR_MODE", "backup_dir", "lock_path"]  # still found here by older callers

BACKUP_EVERY = 10 * 60
"""Seconds between backups during a session (the first save of a process always makes one)."""

TEMP_PREFIX = ".followup-tmp-"
"""Prefix of the temporary files a save writes; leftovers from a crash are removed."""

HEAD_BYTES = 512
"""How much of the file's head holds the revision stamp."""

CHECK_PIECES = False
"""Compare every file assembled from pieces with the file written whole (the tests set it)."""

_REVISION = re.compile(rb'^\{"meta":\{"1":\{"revision":(\d{1,18})[,}]')


class StorageError(Exception):
    """A problem with the data file that the user must hear about, in one sentence."""


class DamagedFileError(StorageError):
    """The data file exists but cannot be read as a followup database."""


class SaveError(StorageError):
    """Writing the data file failed; the file on disk is unchanged."""


class NotAFileError(StorageError):
    """The data file named is not a regular file (a device, a named pipe) or is far too large."""


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large file is parsed.

    Parsing makes hundreds of thousands of dicts and lists, none of them in a cycle. Each
    time the heap grows by a quarter the collector walks all of it, which took longer than
    the parse itself at 5,000 interviews (docs/performance.md). Objects are still freed by
    reference counting as usual; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_database(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse the bytes of a data file and check they have TinyDB's shape.

    Args:
        raw: The file's bytes.
        path: The file, named in the error message.

    Returns:
        The tables: a dict of table name to a dict of document id to document.

    Raises:
        DamagedFileError: If the bytes are not a JSON object of objects of objects.
    """
    try:
        with _collector_paused():
            data = jsoncodec.loads(raw)
    except jsoncodec.DecodeError as exc:
        if "surrogate" in exc.msg:
            raise DamagedFileError(
                f"{path} is damaged: it holds half of a character (an unpaired surrogate, "
                f"{exc.msg}) at byte {exc.pos}, which followup cannot read as text."
            ) from None
        raise DamagedFileError(
            f"{path} is damaged: it is not valid JSON ({exc.msg} at byte {exc.pos})."
        ) from None
    if not isinstance(data, dict):
        raise DamagedFileError(f"{path} is damaged: it holds a JSON {type(data).__name__}, not an object.")
    for name, table in data.items():
        # map() keeps these checks in C: a long history holds a hundred thousand records
        if not isinstance(table, dict) or not set(map(type, table.values())) <= {dict}:
            raise DamagedFileError(f"{path} is damaged: its table '{name[:40]}' is not a table of records.")
        if not all(map(str.isdigit, table)):
            raise DamagedFileError(
                f"{path} is damaged: its table '{name[:40]}' has a record id that is not a number."
            )
    return data


def write_durably(path: Path, payload: bytes | Sequence[bytes]) -> os.stat_result:
    """Replace ``path`` with ``payload`` atomically and durably.

    A new file is made 0600. An existing file keeps its mode (and, when root saves it, its
    owner); a file the user made read-only is refused rather than replaced, and so is anything
    that is not a regular file (a device, a named pipe). A symbolic link stays a link: its
    target is replaced, in the target's folder.

    Args:
        path: The file to replace (its folder must exist).
        payload: The complete new content, or its pieces in order (written one after the
            other, so a large file need not be copied into one buffer first).

    Returns:
        The stat of the new file.

    Raises:
        SaveError: If any step fails; the old file is then untouched.
    """
    path = real_path(path)
    folder = path.parent
    tmp = folder / f"{TEMP_PREFIX}{os.getpid()}-{time.monotonic_ns()}"
    try:
        old = _existing(path)
        if old is not None and not stat.S_ISREG(old.st_mode):
            raise SaveError(
                f"Could not save {path}: it is {kind_of(old.st_mode)}; followup saves only to regular files."
            )
        if old is not None and not old.st_mode & stat.S_IWUSR:
            raise SaveError(
                f"Could not save {path}: the file is read-only (make it writable with "
                f"'chmod u+w {path}'); the file is unchanged."
            )
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        try:
            _take_over_mode(fd, old)
            for piece in [payload] if isinstance(payload, bytes) else payload:
                view = memoryview(piece)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        reason = os.strerror(exc.errno) if exc.errno else str(exc.__class__.__name__)
        raise SaveError(f"Could not save {path}: {reason}; the file is unchanged.") from None
    # The new file is in place and every reader sees it. Reporting a failed folder fsync as a
    # failed save would make the caller repeat the change (an added record twice), so the
    # fsync is tried twice and a persistent failure is left to the next save's own checks.
    for _attempt in range(2):
        try:
            _fsync_dir(folder)
            break
        except OSError:
            continue
    return os.stat(path)


def _existing(path: Path) -> os.stat_result | None:
    """The stat of the file a save replaces, or None when there is none yet."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


def _take_over_mode(fd: int, old: os.stat_result | None) -> None:
    """Give the new file the mode of the file it replaces (0600 for a new one, whatever the umask)."""
    os.fchmod(fd, FILE_MODE if old is None else stat.S_IMODE(old.st_mode))
    if old is not None and hasattr(os, "fchown") and (old.st_uid, old.st_gid) != (os.geteuid(), os.getegid()):
        with contextlib.suppress(OSError):  # only root may give a file away; others keep their own
            os.fchown(fd, old.st_uid, old.st_gid)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError as exc:  # some filesystems cannot fsync a folder; the data is already safe
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def clean_stale_temp_files(folder: Path) -> int:
    """Remove temporary files left by saves that were killed; return how many went."""
    removed = 0
    if not folder.is_dir():
        return 0
    for leftover in folder.glob(f"{TEMP_PREFIX}*"):
        pid_text = leftover.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and _pid_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SafeJSONStorage(Storage):
    """A TinyDB storage that never loses or silently discards the user's data.

    The file stays plain TinyDB JSON, so ``TinyDB(path)`` can read it.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        """Open the storage; nothing is created until the first write.

        Args:
            path: The data file.
        """
        self.path = Path(path)
        self._cache: dict[str, dict[str, Any]] | None = None
        self._identity: tuple[int, int, int, int] | None = None
        self._last_backup = 0.0
        self.gone = False
        """The file went away while open; reads serve the tables as last read until a save."""
        self.backup_problem: str | None = None
        """Why the last backup due could not be made (None when it was)."""
        self._backup_told = False
        self._revision: int | None = None
        self._pieces: dict[str, tuple[Any, bytes]] = {}
        """Each table as last written, and its JSON: a table a save did not touch is reused."""
        self.saves = 0
        """How many writes this storage made (for tests and benchmarks)."""
        self.parses = 0
        """How many times this storage parsed the file (for tests and benchmarks)."""

    @staticmethod
    def _identity_of(st: os.stat_result) -> tuple[int, int, int, int]:
        return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)

    def read(self, verify: bool = False) -> dict[str, dict[str, Any]] | None:
        """Return the tables, parsing the file only when it changed on disk.

        Args:
            verify: Also check the revision stamp at the head of the file (a few hundred bytes)
                before trusting the in-memory copy. Used under the lock before every change:
                in theory another process could write twice within one clock tick, reusing the
                inode and the size, so that the file's identity alone would not show it.

        Returns:
            The tables, or None when the file does not exist yet (or is empty with no backup).

        Raises:
            DamagedFileError: If the file cannot be read as a followup database.
        """
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self._cache is not None:  # gone while open (its folder deleted): keep what was read
                self.gone = True  # the next save writes it all back, in a folder made again
                return self._cache
            self.forget()
            return None
        except OSError as exc:
            raise DamagedFileError(f"{self.path} cannot be read: {os.strerror(exc.errno or 0)}.") from None
        if not stat.S_ISREG(st.st_mode):
            self.forget()
            raise NotAFileError(
                f"{self.path} is {kind_of(st.st_mode)}, not a data file; followup keeps its data "
                "only in a regular file (name another with --db)."
            )
        identity = self._identity_of(st)
        fresh = self._cache is not None and identity == self._identity
        if fresh and (not verify or self._head_revision() == self._revision):
            return self._cache
        try:
            raw = read_user_file(self.path, DATA_FILE_LIMIT)
        except UserFileError as exc:
            raise NotAFileError(str(exc)) from None
        except OSError as exc:
            raise DamagedFileError(f"{self.path} cannot be read: {os.strerror(exc.errno or 0)}.") from None
        if not raw.strip():
            if list_backups(self.path):
                raise DamagedFileError(
                    f"{self.path} is empty but backups exist; "
                    "run 'followup doctor' to restore the newest one."
                )
            return None
        self.parses += 1
        self._pieces = {}  # they belong to the tables of the old version of the file
        self._cache = parse_database(raw, self.path)
        self._identity = self._identity_of(st)
        match = _REVISION.search(raw[:HEAD_BYTES])
        self._revision = int(match.group(1)) if match else None
        return self._cache

    def write(self, data: dict[str, dict[str, Any]], changed: Collection[str] | None = None) -> None:
        """Save the tables durably; keep the in-memory copy only when the save worked.

        Every write stamps a fresh revision at the head of the file (the ``meta`` table goes
        first, its revision first), so ``read(verify=True)`` can check it cheaply.

        Args:
            data: Every table.
            changed: The tables that may have changed since the last write; None means any.
                The JSON of a table left out is reused when it is the very same table object
                that was written last time, so one edit does not serialise the whole history.

        Raises:
            SaveError: If the save failed; the file on disk is unchanged.
        """
        # a counter, not a random stamp: every write raises it (writes happen under the lock,
        # after a verified read), and the same edits give the same file (the demo relies on it)
        revision = (self._revision or 0) + 1
        meta = data.get("meta", {})
        head = {k: v for k, v in meta.get("1", {}).items() if k != "revision"}
        data["meta"] = {**meta, "1": {"revision": revision, **head}}
        ordered = {"meta": data["meta"], **data}
        try:
            ensure_private_dir(real_path(self.path).parent)
            payload, pieces = self._serialise(ordered, changed)  # the file as a list of pieces
        except (OSError, TypeError, jsoncodec.EncodeError) as exc:
            self.forget()
            raise SaveError(
                f"Could not save {self.path}: {exc.__class__.__name__}; the file is unchanged."
            ) from None
        now = time.monotonic()
        backup = self.saves == 0 or now - self._last_backup >= BACKUP_EVERY
        problem = self._back_up() if backup else None
        try:
            st = write_durably(self.path, payload)
        except SaveError:
            self.forget()
            raise
        self._revision = revision
        if backup:
            self._last_backup = now  # a failed backup too: it is tried again at the next one due
            self._note_backup(problem)
        self.saves += 1
        self.gone = False
        self._cache = data
        self._identity = self._identity_of(st)
        self._pieces = pieces

    def _back_up(self) -> str | None:
        """Keep the current file as a backup; say why not when that failed (the save goes on)."""
        real = real_path(self.path)
        try:
            if not stat.S_ISREG(os.stat(real).st_mode):
                return None  # nothing to keep, and the save refuses it anyway
        except OSError:
            return None
        return make_backup(real)

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

    def _serialise(
        self, ordered: dict[str, Any], changed: Collection[str] | None
    ) -> tuple[list[bytes], dict[str, tuple[Any, bytes]]]:
        """The file's bytes in pieces, table by table, and the tables' JSON for the next save.

        Joined, the pieces are exactly ``jsoncodec.dumps(ordered)``: compact JSON of an object
        whose members are the tables in order. They are written one after the other, never
        joined: that would copy the whole file once more.
        """
        pieces: dict[str, tuple[Any, bytes]] = {}
        parts: list[bytes] = [b"{"]
        for name, table in ordered.items():
            known = self._pieces.get(name)
            reusable = (
                changed is not None
                and name not in changed
                and name != "meta"
                and known is not None
                and known[0] is table
            )
            blob = known[1] if reusable and known is not None else jsoncodec.dumps(table)
            pieces[name] = (table, blob)
            parts += [b"," if len(parts) > 1 else b"", jsoncodec.dumps(name) + b":", blob]
        parts.append(b"}")
        if CHECK_PIECES and b"".join(parts) != jsoncodec.dumps(ordered):
            raise RuntimeError(f"{self.path}: a table changed without being marked as changed.")
        return parts, pieces

    def _head_revision(self) -> int | None:
        """The revision stamped at the head of the file, if there is one."""
        try:
            head = read_head(self.path, HEAD_BYTES)
        except (OSError, UserFileError):
            return None
        match = _REVISION.search(head)
        return int(match.group(1)) if match else None

    @property
    def identity(self) -> tuple[int, int, int, int] | None:
        """The identity on disk of the tables last read or written (None when unknown)."""
        return self._identity

    def forget(self) -> None:
        """Drop the in-memory copy so the next read parses the file again."""
        self._cache, self._identity, self._pieces = None, None, {}

    def close(self) -> None:
        """Nothing stays open between operations."""
