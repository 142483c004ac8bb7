"""The folder lock taken with fcntl: it excludes other holders, filelock's included."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from filelock import FileLock, Timeout

from followup_tui.store.lock import FolderLock


def test_a_second_lock_on_the_same_file_waits_for_the_first(tmp_path: Path) -> None:
    path = str(tmp_path / "data.lock")
    first, second = FolderLock(path, 0o600), FolderLock(path, 0o600)
    assert first.acquire(0)
    assert not second.acquire(0.1)
    first.release()
    assert second.acquire(0)
    second.release()


def test_a_new_lock_file_is_private(tmp_path: Path) -> None:
    path = tmp_path / "data.lock"
    lock = FolderLock(str(path), 0o600)
    assert lock.acquire(0)
    lock.release()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_it_excludes_filelock_and_filelock_excludes_it(tmp_path: Path) -> None:
    path = str(tmp_path / "data.lock")
    theirs = FileLock(path)
    with theirs:
        assert not FolderLock(path, 0o600).acquire(0)
    ours = FolderLock(path, 0o600)
    assert ours.acquire(0)
    try:
        with pytest.raises(Timeout):
            FileLock(path).acquire(timeout=0)
    finally:
        ours.release()


def test_another_process_holding_it_makes_us_wait(tmp_path: Path) -> None:
    path = str(tmp_path / "data.lock")
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom followup_tui.store.lock import FolderLock\n"
            f"lock = FolderLock({path!r}, 0o600)\nassert lock.acquire(5)\nprint('held', flush=True)\n"
            "sys.stdin.readline()\nlock.release()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdin is not None
    try:
        assert holder.stdout.readline().strip() == "held"
        assert not FolderLock(path, 0o600).acquire(0.1)
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    lock = FolderLock(path, 0o600)
    assert lock.acquire(5)
    lock.release()


def test_a_lock_file_removed_while_waiting_is_locked_afresh(tmp_path: Path) -> None:
    path = tmp_path / "data.lock"
    first, second = FolderLock(str(path), 0o600), FolderLock(str(path), 0o600)
    assert first.acquire(0)
    got: list[bool] = []
    waiter = threading.Thread(target=lambda: got.append(second.acquire(10)))
    waiter.start()
    os.unlink(path)  # the waiter's open file is gone from the folder
    first.release()
    waiter.join(timeout=20)
    assert got == [True]
    assert path.exists()  # it holds the file that is there now, not the removed one
    third = FolderLock(str(path), 0o600)
    assert not third.acquire(0)
    second.release()
