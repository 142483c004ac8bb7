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
    ) -> None:
        """Queue an edit for saving off the UI thread (see ``Autosaver.submit``)."""
        self.saver.submit(key, action, delay)

    def open_screen(self, name: str, interview_id: str | None) -> None:
        """Open one of the interview screens ("prep", "debrief", "board", "card", ...)."""
        raise NotImplementedError("FollowupApp opens the screens")

    def _save_failed(self, message: str) -> None:
        # notify posts a message: safe from the autosave thread, and it never blocks that thread
        self.notify(message, title="Not saved", severity="error", timeout=8, markup=False)

    def _saved(self, key: str, result: Any) -> None:
        """Called on the autosave thread after each save; the app notes its own writes."""
