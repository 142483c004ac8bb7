"""The command line on odd data files, a failing backup and a stopped lock holder (issue 25)."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.store.storage import backup_dir
from tests.helpers.files import device_file, lock_file

FOLLOWUP = [sys.executable, "-m", "followup_tui"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run a command in its own process (a hang fails the test instead of stopping the run)."""
    return subprocess.run([*FOLLOWUP, *args], capture_output=True, text=True, timeout=60)


def _one_line(done: subprocess.CompletedProcess[str]) -> str:
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in done.stderr, done.stderr
    return lines[0]


@pytest.mark.parametrize("command", [["list"], ["doctor"], ["add", "Acme"], ["export"]])
def test_a_named_pipe_as_db_is_refused_in_one_line_and_left_alone(tmp_path: Path, command: list[str]) -> None:
    fifo = tmp_path / "followup.json"
    os.mkfifo(fifo)
    done = _run("--db", str(fifo), *command)
    if command == ["doctor"]:
        assert done.returncode == 1 and "is a named pipe; followup reads only regular files" in done.stdout
    else:
        assert "is a named pipe" in _one_line(done)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/full"])
def test_a_device_as_db_is_refused_by_list_and_doctor(device: str) -> None:
    assert "is a device, not a data file" in _one_line(_run("--db", device, "list"))
    doctor = _run("--db", device, "doctor")
    assert doctor.returncode == 1 and "is a device" in doctor.stdout


def test_a_backup_that_cannot_be_made_never_loses_the_note(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    folder = backup_dir(device_file(db_path))
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("")
    done = _run("note", "They asked about on-call twice")
    assert done.returncode == 0, done.stderr
    assert "kept in memory" not in done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        f"Warning: The backups folder {folder} is a file, not a folder, so no backup can be made. "
        "Your change was saved."
    )
    concerns = json.loads(device_file(db_path).read_text())["concerns"].values()
    assert [c["text"] for c in concerns] == ["They asked about on-call twice"]


def test_a_command_waiting_for_a_held_lock_says_so_at_once(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    lock = FileLock(str(lock_file(db_path)))
    lock.acquire()  # as a followup process stopped with ctrl+z in the middle of a save would
    try:
        waiting = subprocess.Popen(
            [*FOLLOWUP, "note", "A question to ask"],
            stderr=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert waiting.stderr is not None
        first = waiting.stderr.readline()  # arrives while the lock is still held
        assert first.strip() == f"Waiting for another followup process to release {db_path}..."
    finally:
        lock.release()
    assert waiting.wait(timeout=60) == 0
    assert [c.text for c in Repository(db_path).all(Concern)] == ["A question to ask"]


@pytest.mark.parametrize("command", [["list"], ["export"], ["export", "--format", "csv"]])
def test_tz_out_of_range_is_one_clear_line_and_utc(db_path: Path, command: list[str]) -> None:
    Repository(db_path).add(Interview(company="Acme", when="2026-12-10 10:00", tz="Asia/Tokyo"))
    done = subprocess.run(
        [*FOLLOWUP, *command], capture_output=True, text=True, timeout=60, env={**os.environ, "TZ": "UTC+99"}
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == (
        "Warning: TZ is set to 'UTC+99', which is not a usable time zone; times here are in UTC."
    )
    assert "Acme" in done.stdout


def test_add_under_a_posix_rule_stores_a_zone_that_keeps_its_clock(db_path: Path) -> None:
    rule = "EST+5EDT,M3.2.0/2,M11.1.0/2"
    done = subprocess.run(
        [*FOLLOWUP, "add", "Acme", "--when", "2027-01-15 10:00"],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TZ": rule},
    )
    assert done.returncode == 0, done.stderr
    stored = Repository(db_path).interviews()[0].tz
    assert stored not in ("Etc/UTC", "UTC", "")
    assert done.stderr.strip() == (
        f"Warning: TZ is set to '{rule}', not a zone name; followup uses {stored}, which keeps that clock."
    )
