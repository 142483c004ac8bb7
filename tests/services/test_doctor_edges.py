"""``followup doctor`` on odd backups: a folder that takes none, a FIFO, future stamps (issue 25)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from followup_tui.cli.main import main
from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.store.storage import backup_dir, list_backups
from tests.helpers.files import device_file

DOCTOR = [sys.executable, "-m", "followup_tui", "doctor"]


def run(*args: str) -> Result:
    return CliRunner().invoke(main, ["doctor", *args])


def _companies(raw: bytes) -> list[str]:
    return sorted(doc["company"] for doc in json.loads(raw)["interviews"].values())


def test_a_backups_folder_that_is_a_file_is_a_problem_named_by_doctor(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    folder = backup_dir(device_file(db_path))
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("")
    result = run()
    assert result.exit_code == 1
    assert f"PROBLEM: The backups folder {folder} is a file, not a folder" in result.stdout
    assert "Integrity: ok" not in result.stdout
    restore = run("--restore")  # the data file is fine: nothing to restore, and nothing written
    assert "nothing to restore" in restore.stdout and _companies(device_file(db_path).read_bytes()) == [
        "Acme"
    ]


def test_a_named_pipe_among_the_backups_is_listed_as_unusable_without_hanging(db_path: Path) -> None:
    for company in ("Acme", "Beta"):
        Repository(db_path).add(Interview(company=company))
    os.mkfifo(
        backup_dir(device_file(db_path)) / f"{device_file(db_path).name}.999999.29990101T000000-000000000.bak"
    )
    done = subprocess.run(DOCTOR, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "DAMAGED: it is a named pipe; followup reads only regular files." in done.stdout
    device_file(db_path).write_bytes(b"garbage")
    restored = subprocess.run([*DOCTOR, "--restore"], capture_output=True, text=True, timeout=60)
    assert restored.returncode == 0, restored.stderr
    assert _companies(device_file(db_path).read_bytes()) == ["Acme"]


def test_restore_brings_back_the_backup_made_last_not_the_one_dated_last(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    folder = backup_dir(device_file(db_path))
    folder.mkdir(mode=0o700, exist_ok=True)
    stale = device_file(db_path).read_bytes()
    (folder / f"{device_file(db_path).name}.29990101T000000-000000000.bak").write_bytes(
        stale
    )  # the clock ran ahead
    for company in ("Beta", "Gamma"):
        Repository(db_path).add(Interview(company=company))
    device_file(db_path).write_bytes(b"garbage")
    result = run("--restore")
    assert result.exit_code == 0, result.stdout
    assert _companies(device_file(db_path).read_bytes()) == ["Acme", "Beta"]
    assert list_backups(device_file(db_path))[-1].name.startswith(f"{device_file(db_path).name}.2999")


def test_doctor_names_input_kept_for_an_interview_that_is_gone_and_repair_removes_it(db_path: Path) -> None:
    from followup_tui.services import actions

    repo = Repository(db_path)
    kept = repo.add(Interview(company="Kept"))
    gone = "zz9zz"  # deleted by a followup from before deleting took its kept input along
    for key in (actions.kept_input_key("concern", gone, "worry"), actions.kept_input_key("capture", kept.id)):
        actions.keep_input(repo, key, {"text": "typed"})
    repo.set_setting(f"checklist-seeded:{gone}", True)
    report = run()
    assert f"  kept input concern:{gone}:worry" in report.stdout
    assert f"  checklist-seeded:{gone}" in report.stdout
    assert "2 setting(s) belong to interviews that are gone" in report.stdout
    repaired = run("--repair")
    assert "Removed 2 setting(s) kept for interviews that are gone." in repaired.stdout
    after = Repository(db_path)
    assert list(after.setting(actions.KEPT_INPUT)) == [f"capture:{kept.id}"]
    assert after.setting(f"checklist-seeded:{gone}") is None
    assert "belong to interviews that are gone" not in run().stdout
