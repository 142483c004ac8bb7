"""The rolling backups beside a data file: made by saves, listed and restored by ``doctor``.

A backup is the data file as it was before a save, hard-linked (or copied) into
``<name>.backups/``. Its name carries a sequence number, so backups are kept and restored in
the order they were made, whatever the clock said then (a clock once set ahead stamps names
in the future). A backup is best-effort: when one cannot be made the save still happens and
the reason is handed back to be told to the user once.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from pathlib import Path

from followup_tui.store.paths import FILE_MODE, backup_dir, ensure_private_dir, real_path
from followup_tui.store.safe_read import DATA_FILE_LIMIT, UserFileError, kind_of, read_user_file

BACKUPS_KEPT = 10
"""How many rolling backups stay beside the data file."""

_SEQUENCE = re.compile(r"\.(\d{6,18})\.\d{8}T\d{6}-\d{9}\.bak$")


def _made_order(backup: Path) -> tuple[int, str]:
    """Sort key, oldest first: the sequence number, then (for names without one) the name."""
    match = _SEQUENCE.search(backup.name)
    return (int(match.group(1)) if match else 0, backup.name)


def list_backups(path: Path) -> list[Path]:
    """Return the backups of ``path``, the last one made first."""
    folder = backup_dir(path)
    prefix = f"{real_path(path).name}."
    try:
        with os.scandir(folder) as entries:  # ``name.*.bak``, without compiling the glob
            names = [
                e.name
                for e in entries
                if e.name.startswith(prefix) and e.name[len(prefix) :].endswith(".bak")
            ]
    except OSError:  # no folder, or not one that can be listed: no backups
        return []
    return sorted((folder / name for name in names), key=_made_order, reverse=True)


def folder_problem(path: Path) -> str | None:
    """Say why the backups folder of ``path`` cannot take a backup, or None when it can."""
    folder = backup_dir(path)
    try:
        mode = os.stat(folder).st_mode
    except FileNotFoundError:
        return None  # made by the next save
    except OSError as exc:
        return f"The backups folder {folder} cannot be opened ({exc.strerror or type(exc).__name__})."
    if not os.path.isdir(folder):
        return f"The backups folder {folder} is {_kind(mode)}, so no backup can be made."
    if not os.access(folder, os.W_OK | os.X_OK):
        return f"The backups folder {folder} is read-only, so no backup can be made."
    return None


def _kind(mode: int) -> str:
    kind = kind_of(mode)
    return "a file, not a folder" if kind == "not a regular file" else kind


def make_backup(path: Path, owner: Path | None = None) -> str | None:
    """Keep the current data file as the newest backup and prune the oldest beyond the limit.

    Args:
        path: The data file (already resolved from a link); it exists.
        owner: The file whose backups these are, when not ``path`` itself (the old single
            file is kept among the backups of the device file it moves into).

    Returns:
        None when the backup was made, else one sentence naming the backups folder and why.
    """
    owner = owner or path
    folder = backup_dir(owner)
    backups = list_backups(owner)
    sequence = (_made_order(backups[0])[0] if backups else 0) + 1
    now_ns = time.time_ns()
    seconds, fraction = divmod(now_ns, 1_000_000_000)
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(seconds)) + f"-{fraction:09d}"
    target = folder / f"{owner.name}.{sequence:06d}.{stamp}.bak"
    try:
        ensure_private_dir(folder)
        try:
            os.link(path, target)  # shares the data file's mode, inside a folder only its owner opens
        except OSError:
            _copy(path, target)
    except (OSError, UserFileError) as exc:
        problem = folder_problem(owner)
        if problem is None:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            problem = f"No backup could be made in {folder} ({reason})."
        return problem
    for old in list_backups(owner)[BACKUPS_KEPT:]:
        with contextlib.suppress(OSError):
            old.unlink()
    return None


def _copy(path: Path, target: Path) -> None:
    """Copy the data file to ``target`` (where a hard link is not possible); no half copy stays."""
    data = read_user_file(path, DATA_FILE_LIMIT)
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    try:
        os.fchmod(fd, FILE_MODE)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(target)
        raise
    os.close(fd)
