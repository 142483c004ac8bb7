"""The throwaway folder of ``followup --demo``, and the cleaning up of ones left behind.

A demo runs in a private folder made in the system's temporary folder and removed when the demo
ends. A demo killed with ``kill -9`` cannot remove it, so every demo start removes the folders
such demos left: only folders named like ours, owned by this user, holding our marker file,
and only when no process holds the marker's lock any more (the lock goes with its process,
however it ended). The folder of a demo still running elsewhere is never touched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: a folder's owner is judged by its pid alone
    fcntl = None  # type: ignore[assignment]

from followup_tui.store.durable import pid_alive

DEMO_PREFIX = "followup-demo-"
"""How the demo's temporary folders are named."""

MARKER = "followup-demo.owner"
"""The file in a demo folder that names its process and holds its lock while it runs."""

UNMARKED_STALE_AFTER = 24 * 60 * 60
"""Seconds after which a demo folder without a marker (left by an older followup) is stale."""


@contextlib.contextmanager
def demo_folder() -> Iterator[Path]:
    """Make a private (0700) demo folder that is marked as ours while this process lives.

    Folders left by demos that were killed are removed first. The folder is removed when the
    block ends.
    """
    remove_stale_demo_folders()
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX))  # mkdtemp makes it 0700
    handle = _mark(folder)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        os.close(handle)


def _mark(folder: Path) -> int:
    """Write the marker, locked before it takes its name, so it is never seen unlocked."""
    draft = folder / f".{MARKER}.new"
    handle = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    if fcntl is not None:
        fcntl.flock(handle, fcntl.LOCK_EX)
    os.write(handle, str(os.getpid()).encode())
    os.replace(draft, folder / MARKER)
    return handle


def remove_stale_demo_folders(parent: Path | None = None) -> list[Path]:
    """Remove the demo folders that killed demos left behind; return those removed.

    Args:
        parent: Where to look; the system's temporary folder by default.
    """
    removed = []
    for folder in Path(parent or tempfile.gettempdir()).glob(f"{DEMO_PREFIX}*"):
        if _is_stale(folder):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def _is_stale(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid():
        return False  # a link, a file, or another user's folder: not ours
    marker = folder / MARKER
    try:
        handle = os.open(marker, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return time.time() - info.st_mtime > UNMARKED_STALE_AFTER
    except OSError:
        return False
    try:
        if fcntl is None:
            pid_text = os.read(handle, 32).decode("ascii", "replace").strip()
            return not (pid_text.isdigit() and pid_alive(int(pid_text)))
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # held: that demo is running
        return True
    finally:
        os.close(handle)
