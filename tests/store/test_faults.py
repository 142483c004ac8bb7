"""Fault tests: kill -9 during saves, and disks that fail at write, fsync or replace."""

from __future__ import annotations

import errno
import os
import random
import select
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB

from followup_tui.domain.models import Interview
from followup_tui.domain.sync.replicas import is_data_table
from followup_tui.store import durable, jsoncodec
from followup_tui.store.repository import Repository
from followup_tui.store.storage import TEMP_PREFIX, SaveError
from followup_tui.store.tables import TABLES
from tests.helpers.bigdb import write_big_database
from tests.helpers.files import backups_of, device_file

WRITER = Path(__file__).parents[1] / "helpers" / "writer.py"


def _temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob(f"{TEMP_PREFIX}*"))


def _read_line(proc: subprocess.Popen[bytes], deadline: float) -> bytes:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], max(deadline - time.monotonic(), 0.01))
    return proc.stdout.readline() if ready else b""


def _check_file(path: Path) -> dict[str, Any]:
    """The file parses, plain TinyDB reads every table, and reading changed nothing."""
    raw = path.read_bytes()
    data = jsoncodec.loads(raw)
    assert isinstance(data, dict)
    with TinyDB(path, access_mode="r") as plain:
        for name in data:
            assert len(plain.table(name).all()) == len(data[name])
    assert path.read_bytes() == raw
    return data


@pytest.mark.slow
def test_kill_9_during_saves_never_loses_an_acknowledged_write(db_path: Path) -> None:
    base_ids = write_big_database(db_path, interviews=3000)
    seed = int(os.environ.get("FOLLOWUP_KILL_SEED", "0")) or random.randrange(1, 10**6)
    rng = random.Random(seed)
    rounds, acknowledged, leftovers = int(os.environ.get("FOLLOWUP_KILL_ROUNDS", "16")), 0, 0
    added: set[str] = set()
    notes: dict[str, int] = {}
    for n in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, str(WRITER), str(db_path), f"r{n}"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        try:
            assert _read_line(proc, time.monotonic() + 20) == b"ready\n", (
                f"writer did not start (seed {seed})"
            )
            # a slow disk must not make every round end before the first write: wait for one,
            # then kill at a random moment of the writes that follow
            first = _read_line(proc, time.monotonic() + 20)
            assert first.startswith(b"A "), f"writer did not write (seed {seed})"
            time.sleep(rng.uniform(0.02, 0.3))
        finally:
            proc.kill()
            proc.wait()
        assert proc.stdout is not None and proc.stderr is not None
        out = first.decode() + proc.stdout.read().decode()
        assert proc.stderr.read() == b"", f"writer failed (seed {seed})"
        for line in out.splitlines():
            kind, *rest = line.split()
            acknowledged += 1
            if kind == "A":
                added.add(rest[0])
            else:
                notes[rest[0]] = int(rest[1])
        leftovers += bool(_temp_files(db_path.parent))

        data = _check_file(device_file(db_path))
        on_disk = {doc["id"]: doc for doc in data["interviews"].values()}
        missing = added - set(on_disk)
        assert not missing, f"round {n}: {len(missing)} acknowledged adds lost (seed {seed})"
        for iid, counter in notes.items():
            assert int(on_disk[iid]["notes"]) >= counter, f"round {n}: update of {iid} lost (seed {seed})"
        assert set(base_ids) <= set(on_disk)

        reopened = Repository(db_path)
        assert _temp_files(db_path.parent) == []
        assert {i.id for i in reopened.all(Interview)} == set(on_disk)
    for backup in backups_of(db_path):
        assert isinstance(jsoncodec.loads(backup.read_bytes()), dict)
    assert acknowledged > rounds, "the writer hardly wrote anything; the test proves nothing"
    print(
        f"\nkill -9: {rounds} rounds, {acknowledged} writes acknowledged, 0 lost, "
        f"{leftovers} rounds left a temp file (seed {seed})"
    )


# -- injected failures --------------------------------------------------------------------------


def _failing(real: Callable[..., Any], code: int) -> Callable[..., Any]:
    """Wrap an os function so that it fails when called from the write path (store/durable.py) only."""

    def fake(*args: Any, **kwargs: Any) -> Any:
        if sys._getframe(1).f_globals.get("__name__") == "followup_tui.store.durable":
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    return fake


@pytest.fixture
def fault(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str, int], Callable[[], None]]]:
    """``fault("write", errno.EIO)`` makes that os call fail in storage; returns a healer."""

    def start(name: str, code: int) -> Callable[[], None]:
        real = getattr(os, name)
        monkeypatch.setattr(os, name, _failing(real, code))
        return lambda: monkeypatch.setattr(os, name, real)

    yield start


FAULTS = [(name, code) for name in ("write", "fsync", "replace") for code in (errno.ENOSPC, errno.EIO)]


@pytest.mark.parametrize(("call", "code"), FAULTS, ids=[f"{c}-{errno.errorcode[e]}" for c, e in FAULTS])
def test_failed_save_leaves_the_file_byte_identical(
    db_path: Path, repo: Repository, fault: Callable[[str, int], Callable[[], None]], call: str, code: int
) -> None:
    kept = repo.add(Interview(company="Kept", notes="before"))
    before = device_file(db_path).read_bytes()
    heal = fault(call, code)
    with pytest.raises(SaveError) as caught:
        repo.add(Interview(company="Lost"))
    with pytest.raises(SaveError):
        repo.update(Interview, kept.id, notes="after")
    heal()
    message = str(caught.value)
    assert str(device_file(db_path)) in message and os.strerror(code) in message and "\n" not in message
    assert device_file(db_path).read_bytes() == before
    assert _temp_files(db_path.parent) == []
    # the repository reads what is on disk, not what the failed change left in memory
    assert [i.company for i in repo.all(Interview)] == ["Kept"]
    assert repo.get(Interview, kept.id).notes == "before"
    assert repo.update(Interview, kept.id, notes="after").notes == "after"
    assert Repository(db_path).get(Interview, kept.id).notes == "after"


def test_failed_folder_fsync_after_replace_does_not_repeat_the_change(
    db_path: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.add(Interview(company="First"))
    real = durable._fsync_dir

    def broken(folder: Path) -> None:
        raise OSError(errno.EIO, "folder fsync failed")

    monkeypatch.setattr(durable, "_fsync_dir", broken)
    repo.add(Interview(company="Second"))
    monkeypatch.setattr(durable, "_fsync_dir", real)
    assert sorted(i.company for i in Repository(db_path).all(Interview)) == ["First", "Second"]


def test_zero_free_space_on_the_very_first_save_creates_nothing_damaged(
    db_path: Path, fault: Callable[[str, int], Callable[[], None]]
) -> None:
    repo = Repository(db_path)
    heal = fault("write", errno.ENOSPC)
    with pytest.raises(SaveError):
        repo.add(Interview(company="Nowhere"))
    heal()
    assert not db_path.parent.exists() or [p.name for p in db_path.parent.iterdir()] == []
    assert _temp_files(db_path.parent) == []
    assert repo.all(Interview) == []


def test_every_table_survives_a_failed_save(
    db_path: Path, repo: Repository, fault: Callable[[str, int], Callable[[], None]]
) -> None:
    interview = repo.add(Interview(company="Acme"))
    repo.update_debrief(interview.id, notes="went well")
    heal = fault("replace", errno.EIO)
    with pytest.raises(SaveError):
        repo.update_debrief(interview.id, notes="rewritten")
    heal()
    assert repo.debrief(interview.id).notes == "went well"
    stored = {name for name in jsoncodec.loads(device_file(db_path).read_bytes()) if is_data_table(name)}
    assert stored <= set(TABLES.values())
