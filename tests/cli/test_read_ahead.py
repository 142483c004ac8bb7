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
from followup_tui.cli.app_start import open_repository
from followup_tui.domain.models import Interview
from followup_tui.store import home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository
from followup_tui.store.storage import DamagedFileError
from followup_tui.ui.app import FollowupApp
from tests.conftest import Switch
from tests.helpers.first_frame import OpensWhenTold, cells
from tests.helpers.home_index import handed_over, keep_index
from tests.helpers.wait import until

USABLE = read_ahead.usable
"""The real check (the tests' own processes replace it: conftest ``no_helper_in_process``)."""

START = """
import asyncio, os, sys
from pathlib import Path
from textual.app import App
from followup_tui.cli import read_ahead
from followup_tui.cli.app_start import open_repository
from followup_tui.ui.host import FollowupHost

read_ahead.usable = lambda: True  # as on any machine with a second core
first = FollowupHost.first_frame_index

def first_frame_index(app):
    print("OPEN BEFORE", app.data_open)
    index = first(app)
    files = Path(sys.argv[1]).parent.glob("*.json")
    print("FILES", sorted((p.name, p.stat().st_mtime_ns) for p in files))
    print("ROWS", None if index is None else sorted(i.company for i in index.interviews))
    print("OPEN AT THE FIRST FRAME", app.data_open, type(app.open_error).__name__)
    return index

FollowupHost.first_frame_index = first_frame_index

def run(app, *args, **kwargs):  # headless, as Textual's tests run an app
    async def started():
        async with app.run_test(size=(100, 30)) as pilot:
            for _ in range(50):
                await pilot.pause(0.05)
                if app.data_open or app.open_error is not None:
                    break
            print("THEME", app.theme)
    asyncio.run(started())
    try:
        os.waitpid(-1, os.WNOHANG)
        print("HELPER LEFT")
    except ChildProcessError:
        print("HELPER ENDED")

App.run = run
from followup_tui.cli.app_start import open_app
sys.exit(open_app(Path(sys.argv[1])))
"""
"""``followup --db FILE`` as the console script starts it, up to the first frame's rows."""


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
    assert "OPEN BEFORE False" in lines
    assert "ROWS ['Acme', 'Written on the phone']" in lines  # the merge of both files
    assert "OPEN AT THE FIRST FRAME False NoneType" in lines  # the data opens after it
    assert "THEME nord" in lines  # the stored theme, from the index
    assert "HELPER ENDED" in lines
    # the helper never writes the data (the app, once its data is open, records the merge)
    assert f"FILES {sorted((name, mtime) for name, (_, mtime) in before.items())}" in lines
    assert files_of(phone_wrote.parent) == before  # nor does the app, where nothing was edited
    kept = home_index.load(phone_wrote)
    assert kept is not None and kept.made_from is not None  # trusted by the next start-up too
    assert handed_over(phone_wrote).exists()  # and handed over, as the app does


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the helper is a fork (Linux, Android)")
def test_a_damaged_file_is_said_in_one_line_as_before(phone_wrote: Path) -> None:
    own = Repository(phone_wrote).storage.own_path
    assert own is not None
    own.write_text("[1, 2]")
    result = start(phone_wrote)
    assert result.returncode == 1
    assert "ROWS None" in result.stdout.splitlines()  # the helper kept nothing to show
    assert "OPEN AT THE FIRST FRAME False DamagedFileError" in result.stdout.splitlines()
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
    assert "OPEN AT THE FIRST FRAME True NoneType" in result.stdout.splitlines()  # opened first
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


async def test_the_first_frame_waits_for_the_index_then_the_data_opens(phone_wrote: Path) -> None:
    asked: list[bool] = []

    def waiting() -> home_index.HomeIndex | None:
        asked.append(True)
        assert read_ahead.keep_index(phone_wrote)  # as the helper does meanwhile
        return home_index.load(phone_wrote)

    app = OpensWhenTold(
        opener=lambda: open_repository(phone_wrote), waiting=waiting, keep_index=True, watch=False
    )
    assert not app.data_open and app.home_index is None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert asked == [True] and not app.data_open
        assert sorted(row[0].strip() for row in cells(app)) == ["Acme", "Written on the phone"]
        assert app.theme == "nord"
        app.open_now()
        assert await until(pilot, lambda: app.data_open)


async def test_without_an_index_the_data_opens_before_the_first_frame(phone_wrote: Path) -> None:
    before = files_of(phone_wrote.parent)
    app = FollowupApp(opener=lambda: open_repository(phone_wrote), waiting=lambda: None, keep_index=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.data_open and app.home_index is None
        assert sorted(row[0].strip() for row in cells(app)) == ["Acme", "Written on the phone"]
        assert app.theme == "nord"  # the stored theme, from the data
    assert files_of(phone_wrote.parent) == before  # shown as stored, not stored again
    assert home_index.load(phone_wrote) is not None  # kept from the rows built


async def test_a_file_that_cannot_be_opened_then_ends_the_app_without_a_crash(phone_wrote: Path) -> None:
    own = Repository(phone_wrote).storage.own_path
    assert own is not None
    own.write_text("[1, 2]")
    app = FollowupApp(opener=lambda: open_repository(phone_wrote), waiting=lambda: None, keep_index=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert app.return_code == 1 and isinstance(app.open_error, DamagedFileError)
    assert not app._exit_renderables  # the command says the error's one line
