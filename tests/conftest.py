"""Shared fixtures. Every test runs with its data, config and cache folders in tmp_path."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest

from followup_tui.store.repository import Repository, seeded_ids

FIXED_NOW = datetime(2026, 11, 25, 18, 30)
"""The clock of app tests and snapshots: a Wednesday evening."""


PLATFORM_FOLDERS = {
    "XDG_DATA_HOME": "data",
    "XDG_CONFIG_HOME": "config",
    "XDG_CACHE_HOME": "cache",
    "XDG_STATE_HOME": "state",
}
"""The platform folders every test gets in its own home (the state folder holds this device's
identity and locks)."""


@pytest.fixture(autouse=True)
def private_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point FOLLOWUP_DB and the platform folders at tmp_path; never the user's real data."""
    real = {var: os.environ.get(var) for var in ("HOME", *PLATFORM_FOLDERS)}
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for var, sub in PLATFORM_FOLDERS.items():
        monkeypatch.setenv(var, str(home / sub))
    db = tmp_path / "data" / "followup.json"
    monkeypatch.setenv("FOLLOWUP_DB", str(db))
    yield db
    back = sorted(var for var, value in real.items() if value is not None and os.environ.get(var) == value)
    assert not back, (  # monkeypatch.undo() in a test undoes these too: use monkeypatch.context()
        f"{back} were put back to this machine's own during the test: it may have used the user's folders"
    )


@pytest.fixture(autouse=True)
def check_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every save in every test also checks that the file put together from reused table JSON
    is byte for byte the file written whole (a table changed without being marked fails)."""
    from followup_tui.store import storage

    monkeypatch.setattr(storage, "CHECK_PIECES", True)


@pytest.fixture(autouse=True)
def no_helper_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """An app built in a test's own process opens its data itself: a fork of pytest's process
    (its threads, its plugins) is not the process a user's ``followup`` forks. The helper that
    reads ahead (``cli.read_ahead``) runs where a test starts the console script in a process
    of its own (tests/cli/test_read_ahead.py and every journey through a terminal)."""
    from followup_tui.cli import read_ahead

    monkeypatch.setattr(read_ahead, "usable", lambda: False)


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    """Every test starts and ends with Python's cycle collector on: the app pauses it until its
    data is open and the quick note for the rest of its process, which a test may never reach."""
    gc.enable()
    yield
    gc.enable()


@pytest.fixture
def db_path(private_folders: Path) -> Path:
    """The data file of this test (FOLLOWUP_DB points at it)."""
    return private_folders


Switch = Callable[[str], Path]
"""``on_device``'s switch: takes a device's name, returns its state folder."""


@pytest.fixture
def on_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Switch:
    """``on_device("phone")`` makes the rest of the test run as that device (its own state folder,
    so its own identity); returns that folder."""

    def switch(name: str) -> Path:
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "devices" / name))
        return tmp_path / "devices" / name

    return switch


@pytest.fixture
def repo(db_path: Path) -> Repository:
    """A repository on this test's data file, with ids that repeat from run to run."""
    return Repository(db_path, id_factory=seeded_ids(7))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Snapshot tests get two more tries.

    Under load, a picture is sometimes taken a frame before a text cursor appears (the same
    screen, one cell different). A real change to a screen fails all three tries; the report
    of a retried test still shows in the run's summary.
    """
    for item in items:
        if "snap_compare" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.flaky(reruns=2))
