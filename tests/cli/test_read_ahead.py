"""The helper process that reads the data folder while Textual loads, when no home index can be
trusted (``cli.read_ahead``, issue 23): the first frame waits for the index it keeps, the
data is never written by it, and a file it cannot read is said as before.

The helper is a fork of the console script's own process, so these tests run that start-up in
a process of their own (``START``); every other test's app opens its data itself (conftest).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from followup_tui.cli import read_ahead
from followup_tui.domain.models import Interview
from followup_tui.store import home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository
from tests.conftest import Switch
from tests.helpers.home_index import handed_over, keep_index

USABLE = read_ahead.usable
"""The real check (the tests' own processes replace it: conftest ``no_helper_in_process``)."""

START = """
import os, sys
from textual.app import App
from followup_tui.cli import read_ahead

real = read_ahead.usable

def usable():
    print("USABLE HERE", real())  # no thread runs yet at this point of the console script
    return True  # a helper even on a machine with one core

read_ahead.usable = usable

def run(app, *args, **kwargs):  # the app as built, at the moment it would start
    index = app.home_index
    print("ROWS", None if index is None else sorted(i.company for i in index.interviews))
    print("OPEN", app.data_open)
    print("THEME", app.theme)
    if not app.data_open:
        app._opener()  # as right after the first frame
    try:
        os.waitpid(-1, os.WNOHANG)
        print("HELPER LEFT")
    except ChildProcessError:
        print("HELPER ENDED")

App.run = run
sys.argv = ["followup", "--db", sys.argv[1]]
from followup_tui.cli.launch import main
main()
"""
"""``followup --db FILE`` as the console script starts it, up to the app's run."""


def start(db_path: Path) -> subprocess.CompletedProcess[str]:
    """Start the app on ``db_path`` in a process of its own, as this test's device."""
    return subprocess.run(
        [sys.executable, "-c", START, str(db_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )


def files_of(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every data file of a folder: its bytes and modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.glob("*.json")}


@pytest.fixture
def phone_wrote(db_path: Path, on_device: Switch) -> Path:
    """The laptop kept its index; then the phone wrote without keeping one (as a note does)."""
    on_device("laptop")
    laptop = Repository(db_path)
    laptop.add(Interview(company="Acme", when="2026-11-20 10:00"))
    laptop.set_setting("theme", "nord")
    assert keep_index(Repository(db_path))
    on_device("phone")
    Repository(db_path).add(Interview(company="Written on the phone", when="2026-11-21 09:00"))
    on_device("laptop")
    assert home_index.load(db_path) is None
    return db_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper is a fork (Linux, Android)")
def test_the_first_frame_shows_the_rows_the_helper_kept(phone_wrote: Path) -> None:
    before = files_of(phone_wrote.parent)
    result = start(phone_wrote)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # the helper says nothing
    lines = result.stdout.splitlines()
    assert "ROWS ['Acme', 'Written on the phone']" in lines  # the merge of both files
    assert "OPEN False" in lines  # the data opens after the first frame
    assert "THEME nord" in lines  # the stored theme, from the index
    assert "HELPER ENDED" in lines
    assert files_of(phone_wrote.parent) == before  # the helper never writes the data
    kept = home_index.load(phone_wrote)
    assert kept is not None and kept.made_from is not None  # trusted by the next start-up too
    assert handed_over(phone_wrote).exists()  # and handed over, as the app does


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or len(os.sched_getaffinity(0)) < 2, reason="needs two cores"
)
def test_the_console_script_forks_nothing_else_before_it(phone_wrote: Path) -> None:
    assert "USABLE HERE True" in start(phone_wrote).stdout.splitlines()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper is a fork (Linux, Android)")
def test_a_damaged_file_is_said_in_one_line_as_before(phone_wrote: Path) -> None:
    own = Repository(phone_wrote).storage.own_path
    assert own is not None
    own.write_text("[1, 2]")
    result = start(phone_wrote)
    assert result.returncode == 1
    assert "ROWS" not in result.stdout  # refused before the app starts
    error = result.stderr.splitlines()
    assert len(error) == 1 and error[0].startswith("Error: ") and "damaged" in error[0]
    assert own.read_text() == "[1, 2]"  # refused, never written over


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper is a fork (Linux, Android)")
def test_an_old_file_is_brought_up_to_date_by_the_app_not_the_helper(db_path: Path) -> None:
    db_path.parent.mkdir(mode=0o700)
    shutil.copy(Path(__file__).parents[1] / "fixtures" / "v1.json", db_path)
    old = db_path.read_bytes()
    assert read_ahead.keep_index(db_path) is False  # read, left as it was: no index from it
    assert db_path.read_bytes() == old
    result = start(db_path)
    assert result.returncode == 0, result.stderr
    assert "OPEN True" in result.stdout.splitlines()  # opened first
    assert "HELPER ENDED" in result.stdout.splitlines()
    assert not home_index.index_path(DataFolder(db_path)).exists()  # not from an upgrade in memory


def test_the_helper_needs_a_fork_a_second_core_and_no_other_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    assert USABLE()
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert not USABLE()  # one core: it would only add work
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    assert not USABLE()  # a fork could copy a lock another thread holds
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(sys, "platform", "darwin")
    assert not USABLE()


def test_a_helper_that_never_ends_is_stopped(monkeypatch: pytest.MonkeyPatch) -> None:
    ended, writing = os.pipe()
    never = subprocess.Popen(["sleep", "600"], pass_fds=(writing,))  # holds the pipe open
    os.close(writing)
    monkeypatch.setattr(read_ahead, "PATIENCE", 0.2)
    read_ahead.Helper(never.pid, ended).wait()
    with pytest.raises(ChildProcessError):
        os.waitpid(never.pid, os.WNOHANG)  # stopped and reaped
    with pytest.raises(OSError):
        os.close(ended)  # closed by the wait


def test_a_helper_that_kept_the_index_is_reaped_once_it_ended(monkeypatch: pytest.MonkeyPatch) -> None:
    told, telling = os.pipe()
    os.write(telling, read_ahead.KEPT)
    helper_like = subprocess.Popen(["sleep", "0.3"], pass_fds=(telling,))  # ends by itself
    os.close(telling)
    helper = read_ahead.Helper(helper_like.pid, told)
    helper.wait()  # it said it kept the index: not waited for
    assert os.waitpid(helper_like.pid, os.WNOHANG) == (0, 0)  # still at work (its hand-over)
    helper.end()
    with pytest.raises(ChildProcessError):
        os.waitpid(helper_like.pid, os.WNOHANG)  # ended and reaped
    helper.end()  # once is enough
