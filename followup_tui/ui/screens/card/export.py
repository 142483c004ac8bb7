"""Writing a file the user asked for from the card screen, off the UI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.screen import Screen

from followup_tui.store.files import export_path, write_new_file
from followup_tui.store.storage import StorageError


def export_in_background(
    screen: Screen[Any], folder: Path, stem: str, suffix: str, content: Callable[[], str], done: str
) -> None:
    """Write a new file named after user text in a worker thread; notify the path or the error.

    Args:
        screen: The screen that runs the worker and shows the notification.
        folder: Where the file goes.
        stem: User text to name the file after (reduced to a safe name, never overwriting).
        suffix: The file extension, with its dot.
        content: Returns the file's text (called in the worker).
        done: The start of the message shown with the path ("Card saved to").
    """
    app = screen.app

    def work() -> None:
        try:
            path = export_path(folder, stem, suffix)
            write_new_file(path, content())
        except (OSError, StorageError) as exc:
            app.call_from_thread(app.notify, str(exc), title="Not exported", severity="error", markup=False)
            return
        app.call_from_thread(app.notify, f"{done} {path}", markup=False)

    screen.run_worker(work, thread=True, group="card-export", exit_on_error=False)
