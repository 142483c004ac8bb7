"""This device's lock on a data folder: an exclusive ``flock`` on a file in its state folder.

Where ``fcntl`` exists (Linux, macOS, Termux) the lock is taken with it directly: importing
the ``filelock`` library costs a command such as ``followup note`` about a tenth of its run.
The lock is the same one ``filelock`` takes there (``flock`` on the same file), so every
process, old or new, and ``followup doctor`` agree on who holds it. Without ``fcntl``
(Windows) ``filelock`` does the work, imported only then.

A lock is held by one open file: two locks on the same path exclude each other even within
one process, as two processes' locks do.
"""

from __future__ import annotations

import contextlib
import os
import time
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: filelock's own lock
    fcntl = None  # type: ignore[assignment]

POLL = 0.05
"""Seconds between two tries while another process holds the lock."""


class FolderLock:
    """An exclusive lock on one lock file, taken and released around each change.

    Args:
        path: The lock file (made, with ``mode``, when missing).
        mode: The permissions of a new lock file.
    """

    def __init__(self, path: str, mode: int) -> None:
        self.path = path
        self.mode = mode
        self._fd: int | None = None
        self._fallback: Any = None

    def acquire(self, timeout: float) -> bool:
        """Take the lock, waiting at most ``timeout`` seconds for another holder to let go.

        Returns:
            True once held; False when it was still held elsewhere after ``timeout``.

        Raises:
            OSError: If the lock file cannot be opened (a directory in its place, another
                user's file, a read-only folder).
        """
        if fcntl is None:
            return self._acquire_fallback(timeout)
        deadline = time.monotonic() + timeout
        while True:
            fd = self._open()
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(fd)
                if time.monotonic() >= deadline:
                    return False
                time.sleep(POLL)
                continue
            except BaseException:
                os.close(fd)
                raise
            if os.fstat(fd).st_nlink == 0:  # removed while we waited: lock the file there now
                os.close(fd)
                continue
            self._fd = fd
            return True

    def release(self) -> None:
        """Let go of the lock (nothing happens when it is not held)."""
        if self._fallback is not None:
            self._fallback.release()
            return
        fd, self._fd = self._fd, None
        if fd is not None:
            os.close(fd)  # closing the only descriptor releases the flock

    def _open(self) -> int:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, self.mode)
        with contextlib.suppress(OSError):  # another user's file: keep its mode, lock it anyway
            if os.fstat(fd).st_mode & 0o777 != self.mode:
                os.fchmod(fd, self.mode)
        return fd

    def _acquire_fallback(self, timeout: float) -> bool:
        from filelock import FileLock, Timeout

        if self._fallback is None:
            self._fallback = FileLock(self.path, mode=self.mode)
        try:
            self._fallback.acquire(timeout=timeout)
        except Timeout:
            return False
        return True
