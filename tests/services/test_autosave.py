"""The autosaver: coalescing, retrying failed saves, never dead-locking with the UI thread."""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from followup_tui.domain.models import Interview
from followup_tui.services import autosave
from followup_tui.services.autosave import Autosaver
from followup_tui.store.repository import Repository
from followup_tui.store.storage import SaveError, StorageError
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.files import device_file


def _wait_for(condition: Callable[[], bool], seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


@pytest.fixture(autouse=True)
def quick_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autosave, "RETRY_AFTER", 0.05)


def test_edits_under_one_key_coalesce_into_one_save() -> None:
    runs: list[str] = []
    saver = Autosaver(delay=1.0)  # long enough that a stalled test thread still coalesces
    for text in ("a", "ab", "abc"):
        saver.submit("notes", lambda text=text: runs.append(text))
    assert _wait_for(lambda: runs == ["abc"])
    time.sleep(0.3)
    assert runs == ["abc"]
    assert saver.close()


def test_a_failed_save_stays_queued_is_reported_and_retried_until_it_works() -> None:
    errors: list[str] = []
    saved: list[str] = []
    disk_full = threading.Event()
    disk_full.set()

    def action() -> str:
        if disk_full.is_set():
            raise SaveError("Could not save /x/followup.json: No space left on device.")
        saved.append("notes")
        return "ok"

    saver = Autosaver(on_error=errors.append, on_saved=lambda key, result: None, delay=0)
    saver.submit("debrief:abc:notes", action)
    assert _wait_for(lambda: len(errors) >= 2), "the failed save was not retried"
    assert saver.pending == 1 and saved == []
    assert errors[0] == (
        "Could not save /x/followup.json: No space left on device."
        " Your change is kept and will be tried again."
    )
    disk_full.clear()
    assert _wait_for(lambda: saved == ["notes"])
    assert saver.pending == 0
    assert saver.close()


def test_a_newer_edit_replaces_a_failing_one() -> None:
    attempts: list[str] = []
    saved: list[str] = []

    def failing() -> None:
        attempts.append("old")
        raise SaveError("Could not save: Input/output error.")

    saver = Autosaver(delay=0)
    saver.submit("k", failing)
    assert _wait_for(lambda: len(attempts) >= 1)
    saver.submit("k", lambda: saved.append("new"))
    assert _wait_for(lambda: saved == ["new"])
    assert _wait_for(lambda: saver.pending == 0)
    assert saver.close()


def test_close_reports_an_edit_that_could_not_be_saved() -> None:
    saver = Autosaver(delay=60)
    saver.submit("k", lambda: (_ for _ in ()).throw(StorageError("disk gone")))
    assert saver.close() is False
    assert saver.pending == 1


def test_a_validation_error_is_reported_in_one_line_and_not_retried() -> None:
    errors: list[str] = []
    saver = Autosaver(on_error=errors.append, delay=0)
    saver.submit("k", lambda: Interview(company=""))
    assert _wait_for(lambda: errors == ["Company is required."])
    assert saver.pending == 0
    saver.submit("k2", lambda: {}["MARKER-secret"])
    assert _wait_for(lambda: len(errors) == 2)
    assert "MARKER" not in errors[1] and "KeyError" in errors[1]
    assert saver.close()


def test_a_save_tells_its_own_callback_the_result_in_queue_order() -> None:
    order: list[str] = []
    results: list[Any] = []
    saver = Autosaver(delay=0)
    saver.submit("first", lambda: order.append("first"), 0.05)
    saver.submit("second", lambda: order.append("second") or "new-id", 0.05, on_done=results.append)
    assert _wait_for(lambda: results == ["new-id"])
    assert order == ["first", "second"]
    assert saver.close()


def test_a_save_with_its_own_failure_callback_hears_whether_it_is_retried() -> None:
    errors: list[str] = []
    failures: list[tuple[str, bool]] = []
    done: list[Any] = []
    disk_full = threading.Event()
    disk_full.set()

    def action() -> str:
        if disk_full.is_set():
            raise SaveError("Could not save: No space left on device.")
        return "stored"

    saver = Autosaver(on_error=errors.append, delay=0)
    saver.submit("k", action, on_done=done.append, on_failed=lambda m, r: failures.append((m, r)))
    assert _wait_for(lambda: len(failures) >= 2), "the failed save was not retried"
    assert failures[0] == (
        "Could not save: No space left on device. Your change is kept and will be tried again.",
        True,
    )
    disk_full.clear()
    assert _wait_for(lambda: done == ["stored"])  # the retry keeps the callbacks
    saver.submit("v", lambda: Interview(company=""), on_failed=lambda m, r: failures.append((m, r)))
    assert _wait_for(lambda: ("Company is required.", False) in failures)
    assert errors == []  # the save's own callback was told instead of the saver's
    assert saver.close()


def test_flush_does_not_dead_lock_with_an_error_callback_waiting_for_the_ui_thread() -> None:
    """The app's error callback waits for the UI thread; the UI thread may be in flush."""
    ui_free = threading.Event()
    waited: list[bool] = []

    def on_error(message: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            waited.append(ui_free.wait(timeout=3))

    saver = Autosaver(on_error=on_error, delay=0)
    saver.submit("a", lambda: (_ for _ in ()).throw(SaveError("disk full")))
    assert _wait_for(lambda: saver.failures >= 1)
    started = time.monotonic()
    saver.submit("b", lambda: None, delay=60)
    saver.flush()  # the "UI thread": it must not wait for the callback
    elapsed = time.monotonic() - started
    ui_free.set()
    assert elapsed < 1.0, f"flush waited {elapsed:.1f}s for an error callback"
    assert _wait_for(lambda: bool(waited) and waited[0])
    saver.close()


def test_a_broken_callback_does_not_stop_the_queue() -> None:
    saved: list[int] = []

    def on_saved(key: str, result: Any) -> None:
        raise RuntimeError("observer broke")

    saver = Autosaver(on_saved=on_saved, delay=0)
    saver.submit("a", lambda: saved.append(1))
    saver.submit("b", lambda: saved.append(2))
    assert _wait_for(lambda: sorted(saved) == [1, 2])
    assert saver.close()


def test_flush_with_a_timeout_gives_up_while_a_slow_save_runs() -> None:
    release, started_slow = threading.Event(), threading.Event()
    saver = Autosaver(delay=0)
    saver.submit("slow", lambda: (started_slow.set(), release.wait(5)))
    assert started_slow.wait(5)
    saver.submit("next", lambda: None, delay=60)
    started = time.monotonic()
    assert saver.flush(timeout=0.2) is False
    assert time.monotonic() - started < 1.0
    release.set()
    assert saver.close()


def test_a_save_still_running_counts_as_pending_until_it_is_written() -> None:
    release, started = threading.Event(), threading.Event()
    written: list[str] = []
    saver = Autosaver(delay=0)
    saver.submit("slow", lambda: (started.set(), release.wait(5), written.append("slow")))
    assert started.wait(5)
    assert saver.pending == 1
    release.set()
    assert _wait_for(lambda: saver.pending == 0)
    assert written == ["slow"]
    assert saver.close()


def test_flush_waits_for_a_save_the_worker_already_started() -> None:
    started = threading.Event()
    written: list[str] = []
    saver = Autosaver(delay=0)
    saver.submit("slow", lambda: (started.set(), time.sleep(0.3), written.append("slow")))
    assert started.wait(5)
    assert saver.flush() is True
    assert written == ["slow"]
    assert saver.close()


async def test_the_app_tells_the_user_keeps_the_edit_and_saves_it_once_the_disk_recovers(
    db_path: Path, repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    interview = repo.add(Interview(company="Acme"))
    before = device_file(db_path).read_bytes()
    real_fsync = os.fsync

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        monkeypatch.setattr(os, "fsync", full_disk)
        app.save(
            f"interview:{interview.id}:notes", lambda: repo.update(Interview, interview.id, notes="typed")
        )
        deadline = time.monotonic() + 10  # a loaded machine may be slow to report
        while not app._notifications and time.monotonic() < deadline:
            await pilot.pause(0.02)
        messages = [n.message for n in app._notifications]
        assert any("No space left on device" in m and str(device_file(db_path)) in m for m in messages), (
            messages
        )
        assert {n.severity for n in app._notifications} == {"error"}
        assert app.saver.pending == 1
        assert device_file(db_path).read_bytes() == before
        monkeypatch.setattr(os, "fsync", real_fsync)
        deadline = time.monotonic() + 10  # the retry comes RETRY_AFTER seconds later
        while app.saver.pending and time.monotonic() < deadline:
            await pilot.pause(0.02)
        assert Repository(db_path).get(Interview, interview.id).notes == "typed"


def test_a_newer_edit_under_a_key_runs_after_the_edits_queued_before_it() -> None:
    order: list[str] = []
    saver = Autosaver(delay=60)
    saver.submit("draft", lambda: order.append("old draft"))
    saver.submit("record", lambda: order.append("record"))
    saver.submit("draft", lambda: order.append("draft forgotten"))
    assert saver.flush()
    assert order == ["record", "draft forgotten"]
    assert saver.close()
