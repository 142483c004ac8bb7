"""The demo's throwaway folder: removed after a kill -9 at the next start, never while in use."""

from __future__ import annotations

import fcntl
import os
import signal
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup_tui.services.demo import folders
from followup_tui.services.demo.folders import DEMO_PREFIX, MARKER, demo_folder, remove_stale_demo_folders


@pytest.fixture
def temp_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A temporary folder of this test's own, standing in for the system's."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(root))
    monkeypatch.setenv("TMPDIR", str(root))
    yield root


def _left_by_a_killed_demo(root: Path, name: str = "abc") -> Path:
    folder = root / f"{DEMO_PREFIX}{name}"
    folder.mkdir(mode=0o700)
    (folder / MARKER).write_text("999999")  # nobody holds its lock: its process is gone
    (folder / "followup-demo.json").write_text("{}")
    return folder


def test_a_folder_left_by_a_killed_demo_goes_at_the_next_start(temp_root: Path) -> None:
    stale = _left_by_a_killed_demo(temp_root)
    with demo_folder() as folder:
        assert folder.is_dir() and folder.parent == temp_root
        assert not stale.exists()
    assert not folder.exists()


def test_the_folder_of_a_demo_still_running_is_kept(temp_root: Path) -> None:
    with demo_folder() as running:
        assert remove_stale_demo_folders(temp_root) == []
        with demo_folder() as second:
            assert running.is_dir() and second != running
        assert running.is_dir()


def test_a_marker_locked_by_another_process_is_respected(temp_root: Path) -> None:
    folder = _left_by_a_killed_demo(temp_root)
    holder = os.open(folder / MARKER, os.O_RDONLY)
    try:
        fcntl.flock(holder, fcntl.LOCK_EX)
        assert remove_stale_demo_folders(temp_root) == []
        assert folder.is_dir()
    finally:
        os.close(holder)
    assert remove_stale_demo_folders(temp_root) == [folder]


def test_only_our_folders_are_touched(temp_root: Path) -> None:
    other_user = _left_by_a_killed_demo(temp_root, "other")
    if os.getuid() == 0:
        os.chown(other_user, 4242, 4242)
    else:  # pragma: no cover - the tests run as root in CI
        pytest.skip("only root can give a folder to another user")
    unrelated = temp_root / "followup-demonstration"  # a name alike, but a file
    unrelated.write_text("not a folder")
    target = temp_root / "elsewhere"
    target.mkdir()
    (target / MARKER).write_text("1")
    (temp_root / f"{DEMO_PREFIX}link").symlink_to(target)
    unmarked = temp_root / f"{DEMO_PREFIX}young"
    unmarked.mkdir()  # made a moment ago, its marker not written yet
    assert remove_stale_demo_folders(temp_root) == []
    assert other_user.is_dir() and unrelated.is_file() and target.is_dir() and unmarked.is_dir()


def test_an_unmarked_folder_from_an_older_followup_goes_when_old(temp_root: Path) -> None:
    old = temp_root / f"{DEMO_PREFIX}old"
    old.mkdir()
    day_ago = old.stat().st_mtime - folders.UNMARKED_STALE_AFTER - 60
    os.utime(old, (day_ago, day_ago))
    assert remove_stale_demo_folders(temp_root) == [old]


@pytest.mark.slow
def test_after_kill_9_of_a_demo_the_next_demo_removes_its_folder(temp_root: Path) -> None:
    from tests.journeys.test_signals import Terminal

    argv = [sys.executable, "-m", "followup_tui", "--demo"]
    first = Terminal(argv)
    try:
        assert first.wait_for(b"Interviews", 30), first.output[-2000:]
        [left] = list(temp_root.glob(f"{DEMO_PREFIX}*"))
        os.kill(first.pid, signal.SIGKILL)
        assert first.finish() is not None
    finally:
        first.close()
    assert left.is_dir(), "kill -9 cannot clean up: the folder is still there"
    second = Terminal(argv)
    try:
        assert second.wait_for(b"Interviews", 30), second.output[-2000:]
        assert not left.exists(), "the next demo did not remove the stale folder"
        [running] = list(temp_root.glob(f"{DEMO_PREFIX}*"))
        third = Terminal(argv)
        try:
            assert third.wait_for(b"Interviews", 30), third.output[-2000:]
            assert running.is_dir(), "a second demo removed the folder of one still running"
        finally:
            third.send("\x11")
            third.finish()
            third.close()
        second.send("\x11")
        assert second.finish() is not None
    finally:
        second.close()
    assert list(temp_root.glob(f"{DEMO_PREFIX}*")) == []
