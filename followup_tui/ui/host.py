"""What every screen may ask of the app: the data, the clock, saving, and opening a screen.

Screens and the palette type ``self.app`` as ``FollowupHost``, never as ``FollowupApp``: the app
module imports the screens (to open them), so a screen that imported the app would close a
circle. ``FollowupApp`` (``ui/app.py``) is the one subclass.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual.app import App
from textual.message_pump import MessagePump

from followup_tui.services.autosave import Autosaver
from followup_tui.store.repository import Repository


class FollowupHost(App[None]):
    """The app as the screens see it.

    Args:
        repository: The data, handed in (tests pass one on a temporary file).
        clock: Returns "now"; tests pass a fixed clock.
    """

    def __init__(self, repository: Repository, *, clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__()
        self.repo = repository
        """The data of this session."""
        self.clock = clock
        """Returns the current local time (fixed in tests and snapshots)."""
        self.saver = Autosaver(on_error=self._save_failed, on_saved=self._saved)
        """Every edit goes through here, off the UI thread."""

    def save(
        self,
        key: str,
        action: Callable[[], Any],
        delay: float | None = None,
        *,
        on_done: Callable[[Any], object] | None = None,
        on_failed: Callable[[str, bool], object] | None = None,
        receiver: MessagePump | None = None,
    ) -> None:
        """Queue an edit for saving off the UI thread (see ``Autosaver.submit``).

        Args:
            key: What the edit changes; a newer edit under the same key replaces it.
            action: The write, usually one of ``services.actions``.
            delay: Seconds to wait for more edits under the key (None: the saver's default).
            on_done: Run on the UI thread with the action's result once it is written.
            on_failed: Run on the UI thread with the message, and whether the edit stays
                queued to be tried again; without it the app shows the message.
            receiver: The screen the callbacks belong to; they are dropped once it has
                closed (a failure is then shown by the app).
        """
        target = receiver or self

        def done(result: Any) -> None:
            if on_done is not None:
                target.call_later(_run, on_done, result)

        def failed(message: str, retrying: bool) -> None:
            if on_failed is None or not target.call_later(_run, on_failed, message, retrying):
                self._save_failed(message)

        self.saver.submit(key, action, delay, on_done=done, on_failed=failed)

    def open_screen(self, name: str, interview_id: str | None) -> None:
        """Open one of the interview screens ("prep", "debrief", "board", "card", ...)."""
        raise NotImplementedError("FollowupApp opens the screens")

    def _save_failed(self, message: str) -> None:
        # notify posts a message: safe from the autosave thread, and it never blocks that thread
        self.notify(message, title="Not saved", severity="error", timeout=8, markup=False)

    def _saved(self, key: str, result: Any) -> None:
        """Called on the autosave thread after each save; the app notes its own writes."""


def _run(callback: Callable[..., object], *args: Any) -> None:
    """Run a save's callback without awaiting what it returns (a screen may dismiss itself)."""
    callback(*args)
