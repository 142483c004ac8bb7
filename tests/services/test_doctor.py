"""``followup doctor``: the report, and restoring the newest good backup."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from click.testing import CliRunner, Result

from followup_tui.cli.main import main
from followup_tui.domain.models import Concern, Interview
from followup_tui.services import doctor
from followup_tui.store.folder import DataFolder
from followup_tui.store.migrations import CURRENT_SCHEMA
from followup_tui.store.repository import Repository
from followup_tui.store.storage import TEMP_PREFIX
from tests.helpers.files import backups_of, device_file, lock_file


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["doctor", *args])


def _with_backups(db_path: Path) -> Repository:
    """A data file with three interviews and two backups (the first save of a process backs up)."""
    for n, company in enumerate(("First", "Second", "Third"), start=1):
        repo = Repository(db_path)
        repo.add(Interview(company=company, when=f"2026-0{n}-01 10:00"))
    assert len(backups_of(db_path)) == 2
    return repo


def test_no_file_yet_is_healthy(db_path: Path) -> None:
    result = run()
    assert result.exit_code == 0
    assert f"Data file: {db_path}" in result.stdout and "not created yet" in result.stdout
    assert "Backups: none yet" in result.stdout
    assert not db_path.exists()


def test_healthy_file_report(db_path: Path) -> None:
    repo = _with_backups(db_path)
    before = device_file(db_path).read_bytes()
    result = run()
    assert result.exit_code == 0, result.stdout
    out = result.stdout
    assert f"Schema version: {CURRENT_SCHEMA}" in out
    assert "interviews 3" in out and "concerns 0" in out
    assert "Backups (2, newest first):" in out
    names = [b.name for b in backups_of(db_path)]
    assert out.index(names[0]) < out.index(names[1])
    assert "ok: parses, 1 interview\n" in out
    assert "Lock: free" in out and "Integrity: ok" in out
    assert device_file(db_path).read_bytes() == before
    assert repo.interviews()


def test_warnings_do_not_fail(db_path: Path) -> None:
    repo = _with_backups(db_path)
    interview = repo.interviews()[0]
    repo.add(Concern(interview_id=interview.id, text="t"))
    data = json.loads(device_file(db_path).read_text())
    data["concerns"]["1"]["interview_id"] = "gone1"
    data["plugins"] = {"1": {"x": 1}}
    data["\x1b]0;evil\x07tbl"] = {}
    device_file(db_path).write_text(json.dumps(data))
    stale = db_path.parent / f"{TEMP_PREFIX}999999999-1"
    stale.write_text("half")
    before = device_file(db_path).read_bytes()
    result = run()
    assert result.exit_code == 0, result.stdout
    assert "1 concerns belong to no interview" in result.stdout
    assert "Unknown tables (kept untouched): tbl, plugins." in result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert f"Stale temporary file: {stale}" in result.stdout
    assert device_file(db_path).read_bytes() == before and stale.exists()


def test_damaged_file_is_reported_then_restored(db_path: Path) -> None:
    _with_backups(db_path)
    newest = backups_of(db_path)[0]
    device_file(db_path).write_bytes(b'{"interviews": {"1": ')
    result = run()
    assert result.exit_code == 1
    assert "PROBLEM:" in result.stdout and "not valid JSON" in result.stdout
    assert "followup doctor --restore" in result.stdout
    assert device_file(db_path).read_bytes() == b'{"interviews": {"1": '

    restored = run("--restore")
    assert restored.exit_code == 0, restored.stdout
    assert (
        f"Restored {db_path} (this device's file {device_file(db_path)}) from {newest.name}"
        in restored.stdout
    )
    aside = [
        p for p in db_path.parent.iterdir() if p.name.startswith(f"{device_file(db_path).name}.damaged-")
    ]
    assert len(aside) == 1 and aside[0].read_bytes() == b'{"interviews": {"1": '
    assert f"Kept the damaged file as {aside[0]}" in restored.stdout
    assert device_file(db_path).read_bytes() == newest.read_bytes()
    assert stat.S_IMODE(device_file(db_path).stat().st_mode) == 0o600
    assert [i.company for i in Repository(db_path).interviews()] == ["Second", "First"]
    assert "Integrity: ok" in restored.stdout


def test_empty_file_with_backups_is_restored(db_path: Path) -> None:
    _with_backups(db_path)
    device_file(db_path).write_bytes(b"")
    assert run().exit_code == 1
    result = run("--restore")
    assert result.exit_code == 0, result.stdout
    assert Repository(db_path).interviews()


def test_missing_file_with_backups_is_restored(db_path: Path) -> None:
    _with_backups(db_path)
    device_file(db_path).unlink()
    assert "missing but backups exist" in run().stdout
    result = run("--restore")
    assert result.exit_code == 0, result.stdout
    assert "Kept the damaged file" not in result.stdout
    assert device_file(db_path).exists()


def test_restore_skips_damaged_backups(db_path: Path) -> None:
    _with_backups(db_path)
    newest, older = backups_of(db_path)
    newest.write_bytes(b"garbage")
    device_file(db_path).write_bytes(b"also garbage")
    report = run().stdout
    assert f"{newest.name}" in report and "DAMAGED" in report
    result = run("--restore")
    assert result.exit_code == 0
    assert older.name in result.stdout
    assert device_file(db_path).read_bytes() == older.read_bytes()


def test_no_good_backup_leaves_everything_as_it_is(db_path: Path) -> None:
    _with_backups(db_path)
    for backup in backups_of(db_path):
        backup.write_bytes(b"[]")
    device_file(db_path).write_bytes(b"{broken")
    files_before = sorted(p.name for p in db_path.parent.iterdir())
    result = CliRunner().invoke(main, ["doctor", "--restore"])
    assert result.exit_code == 1
    assert "No backup can replace the data file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert device_file(db_path).read_bytes() == b"{broken"
    assert sorted(p.name for p in db_path.parent.iterdir()) == files_before


def test_restore_on_a_healthy_file_does_nothing(db_path: Path) -> None:
    _with_backups(db_path)
    before = device_file(db_path).read_bytes()
    result = run("--restore")
    assert result.exit_code == 0
    assert "healthy; nothing to restore" in result.stdout
    assert device_file(db_path).read_bytes() == before


def test_newer_file_is_not_restored_over(db_path: Path) -> None:
    _with_backups(db_path)
    data = json.loads(device_file(db_path).read_text())
    data["meta"]["1"]["schema"] = 99
    device_file(db_path).write_text(json.dumps(data))
    before = device_file(db_path).read_bytes()
    result = run("--restore")
    assert result.exit_code == 1
    assert "newer followup" in result.stderr
    assert device_file(db_path).read_bytes() == before


def test_held_lock_is_reported(db_path: Path) -> None:
    from filelock import FileLock

    _with_backups(db_path)
    with FileLock(str(lock_file(db_path))):
        health = doctor.examine(db_path)
    assert health.lock_held
    assert "held by another followup process" in "\n".join(doctor.report(health))


def test_backup_folder_is_private(db_path: Path) -> None:
    _with_backups(db_path)
    assert stat.S_IMODE(os.stat(DataFolder(db_path).backup_dir(device_file(db_path))).st_mode) == 0o700
