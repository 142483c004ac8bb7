"""The write path: durable whole-file writes and the leftover temporary files of killed saves.

A save writes a temporary file in the same folder, flushes and fsyncs it, replaces the file
with ``os.replace`` and fsyncs the folder: a crash at any moment leaves the old file or the new
one. Only a regular file is replaced: a device or a named pipe named as the data file is
refused before anything is written.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from collections.abc import Sequence
from pathlib import Path

from followup_tui.store.paths import FILE_MODE, real_path
from followup_tui.store.safe_read import kind_of

TEMP_PREFIX = ".followup-tmp-"
"""Prefix of the temporary files a save writes; leftovers from a crash are removed."""


class StorageError(Exception):
    """A problem with the data file that the user must hear about, in one sentence."""


class DamagedFileError(StorageError):
    """The data file exists but cannot be read as a followup database."""


class SaveError(StorageError):
    """Writing the data file failed; the file on disk is unchanged."""


class NotAFileError(StorageError):
    """The data file named is not a regular file (a device, a named pipe) or is far too large."""


def write_durably(path: Path, payload: bytes | Sequence[bytes | memoryview]) -> os.stat_result:
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
    try:
        with os.scandir(folder) as entries:  # what ``TEMP_PREFIX*`` matches, without compiling a glob
            leftovers = [folder / e.name for e in entries if e.name.startswith(TEMP_PREFIX)]
    except OSError:  # no folder, or not one that can be listed
        return 0
    for leftover in leftovers:
        pid_text = leftover.name[len(TEMP_PREFIX) :].split("-", 1)[0]
        if pid_text.isdigit() and int(pid_text) != os.getpid() and pid_alive(int(pid_text)):
            continue
        with contextlib.suppress(OSError):
            leftover.unlink()
            removed += 1
    return removed


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs (or exists and is not ours to signal)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
