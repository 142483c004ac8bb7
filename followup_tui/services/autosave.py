"""Saving edits off the UI thread: a small queue that coalesces edits and retries failures.

Screens hand every edit to ``Autosaver.submit`` as it is made, under a key naming what it
changes ("debrief:ab3k9:notes"). A later edit under the same key replaces the pending one, so
typing a sentence costs one save after a short pause, not one per keystroke. A background
thread runs the saves; ``flush`` runs whatever is pending at once (on quit, SIGHUP, SIGTERM).
A save that fails on storage (any ``StorageError`` or ``OSError``: disk full, a lock that cannot
be opened, a read-only file or mount) stays queued and is retried until the cause goes away;
the error is reported through ``on_error``. A save can carry its own callbacks (``on_done`` with
the action's result, ``on_failed`` with the message) for a screen that waits for it, such as a
form waiting for the new record's id.
No Textual here: the app passes callbacks.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from followup_tui.store.durable import StorageError

RETRY_AFTER = 3.0
"""Seconds before a failed save is tried again."""


@dataclass
class _Pending:
    due: float
    action: Callable[[], Any]
    on_done: Callable[[Any], None] | None = None
    on_failed: Callable[[str, bool], None] | None = None


class Autosaver:
    """A debounced, coalescing save queue with one worker thread.

    Args:
        on_error: Called (from the worker thread) with a one-line message when a save fails.
        on_saved: Called (from the worker thread) with the key and the action's result.
        delay: Default seconds to wait for more edits under the same key.
    """

    def __init__(
        self,
        on_error: Callable[[str], None] | None = None,
        on_saved: Callable[[str, Any], None] | None = None,
        delay: float = 0.4,
    ) -> None:
        self._on_error = on_error or (lambda message: None)
        self._on_saved = on_saved or (lambda key, result: None)
        self.delay = delay
        self._pending: dict[str, _Pending] = {}
        self._cond = threading.Condition()
        self._run_lock = threading.RLock()
        self._closed = False
        self._running = 0
        self.failures = 0
        """How many save attempts failed so far."""
        self._thread = threading.Thread(target=self._loop, name="followup-autosave", daemon=True)
        self._thread.start()

    def submit(
        self,
        key: str,
        action: Callable[[], Any],
        delay: float | None = None,
        *,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[str, bool], None] | None = None,
    ) -> None:
        """Queue a save; it replaces any pending save under the same key (and its callbacks),
        and runs after every save queued before it.

        Args:
            key: What the save changes; a newer save with the same key supersedes it.
            action: A callable that performs the write (a repository call).
            delay: Seconds to wait first; 0 saves as soon as the worker is free.
            on_done: Called with the action's result once it is written.
            on_failed: Called with the one-line message and whether the save stays queued to
                be tried again (a storage failure) or was given up (a validation error, a
                record deleted meanwhile); called instead of the saver's ``on_error``.
        Both run on the thread that ran the save (the worker, or the one calling ``flush``).
        """
        wait = self.delay if delay is None else delay
        with self._cond:
            if self._closed:
                raise RuntimeError("The autosaver is closed.")
            self._pending.pop(key, None)  # the newest edit goes after every edit made before it
            self._pending[key] = _Pending(time.monotonic() + wait, action, on_done, on_failed)
            self._cond.notify()

    @property
    def pending(self) -> int:
        """How many saves are not yet written: those waiting and the one running now."""
        with self._cond:
            return len(self._pending) + self._running

    def flush(self, timeout: float | None = None) -> bool:
        """Run every pending save now, in the calling thread.

        Args:
            timeout: Give up waiting for a save that is already running after this many
                seconds (a signal handler must never wait forever); None waits.

        Returns:
            True when nothing is left pending (every save worked).
        """
        with self._cond:
            keys = list(self._pending)
        for key in keys:
            if self._run(key, force=True, timeout=timeout) != "done":
                break
        # a save the worker started before this call must be written too
        if self._run_lock.acquire(timeout=-1 if timeout is None else timeout):
            self._run_lock.release()
        with self._cond:
            return not self._pending and not self._running

    def close(self) -> bool:
        """Flush and stop the worker thread; return True when everything was saved."""
        saved = self.flush()
        with self._cond:
            self._closed = True
            self._cond.notify()
        self._thread.join(timeout=5)
        return saved

    def _loop(self) -> None:
        while True:
            with self._cond:
                while not self._closed:
                    now = time.monotonic()
                    due = [k for k, p in self._pending.items() if p.due <= now]
                    if due:
                        break
                    soonest = min((p.due for p in self._pending.values()), default=None)
                    self._cond.wait(None if soonest is None else max(soonest - now, 0.001))
                if self._closed:
                    return
            for key in due:
                if self._run(key, force=False) == "failed":
                    break  # later saves wait for this one: they may build on it

    def _run(self, key: str, force: bool, timeout: float | None = None) -> str:
        """Run one pending save; return "done", "failed" (kept for a retry) or "busy".

        "busy" means the run lock could not be had in time.

        The callbacks run after the lock is released: ``on_error`` may wait for the UI thread,
        and the UI thread may be waiting in ``flush`` for this lock.
        """
        if not self._run_lock.acquire(timeout=-1 if timeout is None else timeout):
            return "busy"
        outcome = "done"
        try:
            with self._cond:
                item = self._pending.get(key)
                if item is None or (not force and item.due > time.monotonic()):
                    return "done"
                del self._pending[key]
                self._running += 1
            try:
                result = item.action()
            except (StorageError, OSError) as exc:  # the disk, the lock, a mount: it may come back
                self.failures += 1
                outcome = "failed"
                self._requeue_first(key, item)  # also ends the running count, in one step
                message = _storage_failure(exc)
            except Exception as exc:  # a bug or a validation error: report, do not retry
                self.failures += 1
                message = _describe(exc)
            else:
                message = ""
            finally:
                if outcome != "failed":
                    with self._cond:
                        self._running -= 1
        finally:
            self._run_lock.release()
        if message:
            if item.on_failed is not None:
                self._call(item.on_failed, message, outcome == "failed")
            else:
                self._call(self._on_error, message)
        else:
            self._call(self._on_saved, key, result)
            if item.on_done is not None:
                self._call(item.on_done, result)
        return outcome

    def _requeue_first(self, key: str, item: _Pending) -> None:
        """Keep a failed save at the head of the queue, and hold every later save behind it.

        Saves run in the order they were made: an edit of a question must not run before the
        save that creates the question. A newer save under the same key replaces this one.
        """
        retry_at = time.monotonic() + RETRY_AFTER
        with self._cond:
            first = self._pending.pop(key, None) or item  # its due time moves below
            self._pending = {key: first, **self._pending}
            self._running -= 1
            for pending in self._pending.values():
                pending.due = max(pending.due, retry_at)
            self._cond.notify()

    @staticmethod
    def _call(callback: Callable[..., None], *args: Any) -> None:
        """Run a callback; a failing callback must not stop the queue or lose an edit."""
        try:
            callback(*args)
        except Exception:  # the queue outlives a broken observer
            return


_SERIAL = itertools.count(1)


SaveSubject = Literal[
    "accept",
    "bank",
    "board",
    "capture",
    "card",
    "card-part",
    "concern",
    "debrief",
    "insights",
    "interview",
    "kept",
    "prep",
    "question",
    "settings",
]
"""What a save writes: the first part of its key."""


def join_key(*parts: str | None) -> str:
    """Parts of a key joined with ":", a part None written "new" (a record not stored yet)."""
    return ":".join(part or "new" for part in parts)


def save_key(subject: SaveSubject, *parts: str | None) -> str:
    """The key a save is queued under, such as ``save_key("concern", concern_id, "text")``.

    Saves queued under one key coalesce (a burst of typing is one write), so a key names the
    one thing a save writes.
    """
    return join_key(subject, *parts)


def unique_key(subject: SaveSubject, *parts: str | None) -> str:
    """A save key no other save uses: additions must never replace one another in the queue."""
    return f"{save_key(subject, *parts)}:#{next(_SERIAL)}"


def _storage_failure(exc: Exception) -> str:
    """A one-line message for a save that failed on storage and will be tried again."""
    if isinstance(exc, StorageError):
        return f"{exc} Your change is kept and will be tried again."
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
    return f"Could not save a change ({reason}); it is kept and will be tried again."


def _describe(exc: Exception) -> str:
    """A one-line message for a failed save that carries no user text except our own."""
    from followup_tui.domain.models import ValidationError
    from followup_tui.store.repository import NotFoundError

    if isinstance(exc, (ValidationError, NotFoundError)):
        return str(exc)
    return f"Could not save a change ({type(exc).__name__}); it was not written."
