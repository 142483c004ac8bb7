"""Backups are best-effort and kept in the order they were made (issue 25, items 1 and 2)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from followup_tui.domain.models import Interview
from followup_tui.store import storage
from followup_tui.store.backups import BACKUPS_KEPT, list_backups
from followup_tui.store.repository import Repository
from followup_tui.store.storage import backup_dir
from tests.helpers.files import device_file


def _companies(path: Path) -> list[str]:
    return sorted(doc["company"] for doc in json.loads(path.read_text())["interviews"].values())


def test_a_backups_folder_that_is_a_file_never_blocks_a_save_and_is_told_once(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    folder = backup_dir(device_file(db_path))
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("not a folder")
    repo = Repository(db_path)  # a new process: its first save makes a backup
    repo.add(Interview(company="Beta"))
    assert _companies(device_file(db_path)) == ["Acme", "Beta"]
    told = repo.untold_backup_problem()
    assert told is not None and str(folder) in told and "a file, not a folder" in told
    assert "saved" in told
    repo.add(Interview(company="Gamma"))
    assert repo.untold_backup_problem() is None  # once
    assert folder.read_text() == "not a folder"


def test_a_backup_told_as_failed_is_told_again_only_after_one_worked(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    folder = backup_dir(device_file(db_path))
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("")
    repo = Repository(db_path)
    repo.add(Interview(company="Beta"))
    assert repo.untold_backup_problem() is not None
    folder.unlink()
    repo.storage.saves = 0  # the next save is due a backup, as in a new process
    repo.add(Interview(company="Gamma"))
    assert repo.untold_backup_problem() is None
    assert list_backups(device_file(db_path))


def test_backups_stamped_in_the_future_do_not_crowd_out_new_ones(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    folder = backup_dir(device_file(db_path))
    folder.mkdir(mode=0o700, exist_ok=True)
    stale = device_file(db_path).read_bytes()
    for n in range(BACKUPS_KEPT):  # the clock was once years ahead: names in the old form, future dates
        (folder / f"{device_file(db_path).name}.2999010{n}T000000-000000000.bak").write_bytes(stale)
    repo = Repository(db_path)
    repo.add(Interview(company="Beta"))  # backs up the file holding Acme only, as the last one made
    repo.storage.saves = 0
    repo.add(Interview(company="Gamma"))  # backs up Acme and Beta
    backups = list_backups(device_file(db_path))
    assert len(backups) == BACKUPS_KEPT
    assert _companies(backups[0]) == ["Acme", "Beta"]
    assert not any("29990100" in b.name for b in backups)  # the oldest stale one went, not a new one


def test_a_half_made_copy_never_stays_as_a_backup(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    real_write = os.write

    def no_link(src: object, dst: object) -> None:
        raise OSError(18, "Invalid cross-device link")

    def full(fd: int, data: object) -> int:
        if os.readlink(f"/proc/self/fd/{fd}").endswith(".bak"):  # the copy into the backups folder
            raise OSError(28, "No space left on device")
        return real_write(fd, data)  # type: ignore[arg-type]

    repo = Repository(db_path)
    with monkeypatch.context() as patch:
        patch.setattr(os, "link", no_link)
        patch.setattr(os, "write", full)
        repo.add(Interview(company="Beta"))
    assert _companies(device_file(db_path)) == ["Acme", "Beta"]
    assert list_backups(device_file(db_path)) == []
    told = repo.untold_backup_problem()
    assert (
        told is not None
        and "No space left on device" in told
        and str(backup_dir(device_file(db_path))) in told
    )


def test_storage_still_offers_the_backup_names_it_always_had() -> None:
    assert storage.list_backups is list_backups and storage.BACKUPS_KEPT == BACKUPS_KEPT
