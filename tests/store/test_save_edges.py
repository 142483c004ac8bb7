"""Saves at the edges: a lock that cannot be opened, a symlinked data file, a read-only file.

Any ``OSError`` on the save path is a storage failure like a full disk: the edit stays queued,
is retried and lands once the cause goes away; the command line says what is wrong in one line.
The tests run as root, where permission bits stop nothing, so the failures are made with a
directory where the lock file belongs or with a patched ``os`` call.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from followup_tui.domain.models import Interview
from followup_tui.services import autosave
from followup_tui.services.autosave import Autosaver
from followup_tui.store import storage
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository
from followup_tui.store.storage import SaveError, StorageError
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.files import backups_of, device_file, lock_file
from tests.helpers.wait import until

if TYPE_CHECKING:
    from tests.journeys.test_signals import Terminal


@pytest.fixture(autouse=True)
def quick_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autosave, "RETRY_AFTER", 0.05)


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def _fail_opening(suffix: str, code: int) -> Callable[..., int]:
    """An ``os.open`` that fails with ``code`` for files whose name ends with ``suffix``."""
    real_open = os.open

    def fake_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(path).endswith(suffix) or (suffix == "tmp" and storage.TEMP_PREFIX in str(path)):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, flags, *args, **kwargs)

    return fake_open


@pytest.fixture
def lock_is_a_directory(db_path: Path) -> Iterator[Path]:
    """A directory where the lock file belongs: opening it fails, even for root."""
    lock = lock_file(db_path)
    lock.mkdir(parents=True)
    yield lock
    if lock.is_dir():
        lock.rmdir()


# -- 1. a lock that cannot be opened ----------------------------------------------------------------


def test_a_lock_that_cannot_be_opened_is_a_storage_error(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    before = device_file(db_path).read_bytes()
    lock_file(db_path).unlink()
    lock_file(db_path).mkdir()
    with pytest.raises(StorageError, match="lock file"):
        repo.add(Interview(company="Beta"))
    assert device_file(db_path).read_bytes() == before
    lock_file(db_path).rmdir()
    repo.add(Interview(company="Beta"))
    assert sorted(i.company for i in Repository(db_path).interviews()) == ["Acme", "Beta"]


@pytest.mark.parametrize(
    ("suffix", "code"),
    [(".lock", errno.EACCES), (".lock", errno.EROFS), ("tmp", errno.EROFS), ("tmp", errno.EACCES)],
    ids=["lock-other-owner", "lock-read-only-mount", "temp-read-only-mount", "temp-no-permission"],
)
def test_every_oserror_on_the_save_path_keeps_the_edit_queued_until_it_works(
    repo: Repository, db_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str, code: int
) -> None:
    repo.add(Interview(company="Acme"))
    errors: list[str] = []
    saver = Autosaver(on_error=errors.append, delay=0)
    with monkeypatch.context() as patch:  # undone alone: the test's state folder stays in place
        patch.setattr(os, "open", _fail_opening(suffix, code))
        saver.submit("add", lambda: repo.add(Interview(company="Beta")))
        assert _wait(lambda: len(errors) >= 2), "the failed save was not retried"
        assert saver.pending == 1
        assert os.strerror(code) in errors[0]
    assert _wait(lambda: saver.pending == 0)
    assert saver.close()
    assert sorted(i.company for i in Repository(db_path).interviews()) == ["Acme", "Beta"]


def test_a_raw_oserror_from_a_save_is_retried_not_dropped() -> None:
    attempts: list[int] = []

    def action() -> None:
        attempts.append(1)
        if len(attempts) < 3:
            raise PermissionError(errno.EACCES, "Permission denied", "/data/followup.json.lock")

    errors: list[str] = []
    saver = Autosaver(on_error=errors.append, delay=0)
    saver.submit("k", action)
    assert _wait(lambda: saver.pending == 0 and len(attempts) == 3)
    assert errors and all("Permission denied" in e and "tried again" in e for e in errors)
    assert saver.close()


def test_the_cli_says_in_one_line_that_the_lock_cannot_be_opened(
    db_path: Path, lock_is_a_directory: Path
) -> None:
    result = _cli(db_path, "add", "Acme")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "lock file" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not db_path.parent.exists() or not list(db_path.parent.glob("*.json"))


async def test_the_app_keeps_the_edit_warns_on_quit_and_saves_once_the_lock_opens(
    repo: Repository, db_path: Path
) -> None:
    interview = repo.add(Interview(company="Acme"))
    lock_file(db_path).unlink()
    lock_file(db_path).mkdir()
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.save("notes", lambda: repo.update(Interview, interview.id, notes="kept"))
        assert await until(pilot, lambda: any("lock file" in n.message for n in app._notifications))
        assert app.saver.pending == 1
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running, "ctrl+q quit while an edit was unsaved"
        assert any("ctrl+q again" in n.message for n in app._notifications)
        lock_file(db_path).rmdir()
        assert await until(pilot, lambda: app.saver.pending == 0)
    assert Repository(db_path).get(Interview, interview.id).notes == "kept"


# -- 3. a symlinked data file ------------------------------------------------------------------------


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """``home/link.json`` pointing at ``synced/followup.json`` (not there yet)."""
    synced = tmp_path / "synced"
    synced.mkdir()
    link = tmp_path / "home" / "link.json"
    link.symlink_to(synced / "followup.json")
    return link, synced / "followup.json"


def test_saves_through_a_link_write_its_target_and_keep_the_link(
    linked: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    link, target = linked
    monkeypatch.setattr(storage, "BACKUP_EVERY", 0)
    repo = Repository(link)
    repo.add(Interview(company="Acme"))
    repo.add(Interview(company="Beta"))
    Repository(link).add(Interview(company="Gamma"))
    assert link.is_symlink() and link.resolve() == target
    assert device_file(target).is_file() and not device_file(target).is_symlink()  # beside the target
    assert sorted(i.company for i in Repository(target).interviews()) == ["Acme", "Beta", "Gamma"]
    backups = backups_of(link)
    assert backups and backups == backups_of(target)
    folder = target.parent / f"{device_file(target).name}.backups"
    assert all(b.parent == folder and not b.is_symlink() for b in backups)
    assert b"Acme" in backups[0].read_bytes()
    assert not (link.parent / "link.json.backups").exists()
    assert not [p for p in target.parent.iterdir() if p.name.startswith(storage.TEMP_PREFIX)]


def test_the_link_and_its_target_share_one_lock(linked: tuple[Path, Path]) -> None:
    link, target = linked
    assert lock_file(link) == lock_file(target)
    assert target.parent not in lock_file(link).parents  # outside the synced folder


def test_the_cli_writes_through_a_link(linked: tuple[Path, Path]) -> None:
    link, target = linked
    assert _cli(link, "add", "Acme").returncode == 0
    assert _cli(link, "add", "Beta").returncode == 0
    assert link.is_symlink() and b"Beta" in device_file(target).read_bytes()
    listed = _cli(link, "list")
    assert "Acme" in listed.stdout and "Beta" in listed.stdout


# -- 8. modes: new things private, existing things left alone ----------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.mark.parametrize(("folder_mode", "file_mode"), [(0o750, 0o640), (0o755, 0o644), (0o1777, 0o600)])
def test_existing_folders_and_files_keep_their_modes(
    tmp_path: Path, folder_mode: int, file_mode: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "BACKUP_EVERY", 0)
    folder = tmp_path / "existing"
    folder.mkdir()
    os.chmod(folder, folder_mode)
    db = folder / "followup.json"
    Repository(db).add(Interview(company="Acme"))
    os.chmod(device_file(db), file_mode)
    Repository(db).add(Interview(company="Beta"))
    assert _mode(folder) == folder_mode
    assert _mode(device_file(db)) == file_mode
    assert _mode(DataFolder(db).backup_dir(device_file(db))) == 0o700


def test_a_read_only_folder_keeps_its_mode(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    db = folder / "followup.json"
    Repository(db).add(Interview(company="Acme"))
    os.chmod(folder, 0o500)
    try:
        Repository(db).add(Interview(company="Beta"))  # root may still write; others get a SaveError
    except StorageError:
        pass
    finally:
        assert _mode(folder) == 0o500
        os.chmod(folder, 0o700)


def test_new_folders_are_0700_and_new_files_0600_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o002)
    try:
        db = tmp_path / "a" / "b" / "followup.json"
        Repository(db).add(Interview(company="Acme"))
    finally:
        os.umask(old)
    assert _mode(tmp_path / "a") == 0o700 and _mode(tmp_path / "a" / "b") == 0o700
    assert _mode(device_file(db)) == 0o600 and _mode(lock_file(db)) == 0o600


def test_a_read_only_data_file_is_refused_not_replaced(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    os.chmod(device_file(db_path), 0o444)
    before = device_file(db_path).read_bytes()
    with pytest.raises(SaveError, match="read-only"):
        repo.add(Interview(company="Beta"))
    assert device_file(db_path).read_bytes() == before and _mode(device_file(db_path)) == 0o444
    result = _cli(db_path, "add", "Beta")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "read-only" in result.stderr, result.stderr
    assert device_file(db_path).read_bytes() == before and _mode(device_file(db_path)) == 0o444


async def test_the_app_keeps_an_edit_to_a_read_only_file_until_it_is_writable(
    repo: Repository, db_path: Path
) -> None:
    interview = repo.add(Interview(company="Acme"))
    os.chmod(device_file(db_path), 0o444)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.save("notes", lambda: repo.update(Interview, interview.id, notes="kept"))
        assert await until(pilot, lambda: any("read-only" in n.message for n in app._notifications))
        assert app.saver.pending == 1
        os.chmod(device_file(db_path), 0o600)
        assert await until(pilot, lambda: app.saver.pending == 0)
    assert Repository(db_path).get(Interview, interview.id).notes == "kept"
    assert _mode(device_file(db_path)) == 0o600


def test_doctor_warns_when_others_can_read_the_data_file(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    assert "readable by" not in _cli(db_path, "doctor").stdout
    os.chmod(device_file(db_path), 0o644)
    result = _cli(db_path, "doctor")
    assert "readable by other users" in result.stdout, result.stdout
    assert _mode(device_file(db_path)) == 0o644, "doctor changed the mode it reports"


def _wait(condition: Callable[[], bool], seconds: float = 10.0, term: Terminal | None = None) -> bool:
    """Wait for ``condition``; with ``term``, keep reading its output so the app never blocks writing."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        if term is None:
            time.sleep(0.01)
        else:
            term.read(0.05)
    return condition()


@pytest.mark.slow
def test_in_a_terminal_an_edit_waits_for_a_lock_that_cannot_be_opened_then_lands(db_path: Path) -> None:
    from followup_tui.domain.models import Debrief
    from tests.journeys.test_signals import TABS_TO_NOTES, open_debrief

    added = _cli(db_path, "add", "Acme", "--when", "2026-01-05 10:00")
    assert added.returncode == 0, added.stderr
    interview_id = added.stdout.split()[-1]
    lock = lock_file(db_path)
    lock.unlink()
    lock.mkdir()
    typed = "KEPT-BEHIND-THE-LOCK"
    term = open_debrief(db_path)
    try:
        for _ in range(TABS_TO_NOTES):
            term.send("\t")
            term.read(0.25)
        term.send(typed)
        assert term.wait_for(b"Not saved", 15), "the failed save was not reported"
        term.send("\x11")  # ctrl+q while the edit is unsaved: a warning, not an exit
        assert term.wait_for(b"again", 15), "ctrl+q did not warn about the unsaved edit"
        assert term.finish(0.5) is None, "the app quit with an edit unsaved"
        lock.rmdir()
        saved = _wait(lambda: typed in _notes(db_path, interview_id, Debrief), 20, term)
        assert saved, "the retry never saved"
        term.send("\x11")
        status = term.finish()
        assert status is not None and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, status
    finally:
        term.close()
    assert b"Traceback" not in term.output


def _notes(db_path: Path, interview_id: str, kind: Any) -> str:
    try:
        debrief = Repository(db_path).get(kind, interview_id)
    except LookupError:  # not saved yet
        return ""
    return " ".join(
        str(getattr(debrief, name)) for name in ("notes", "felt_off", "not_learned", "forgot_to_ask")
    )
