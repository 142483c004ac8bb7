"""The problems a command reports as one line, and its quiet end when the reader of its output
goes away (without click: for the app's own start-up and the quick ``followup note``)."""

from __future__ import annotations

import os
import sys

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.text import one_line
from followup_tui.store.repository import NotFoundError
from followup_tui.store.storage import StorageError

EXPECTED_ERRORS: tuple[type[BaseException], ...] = (
    StorageError,
    ValidationError,
    NotFoundError,
    FileExistsError,
    OSError,
    ValueError,
)
"""Problems a command reports as one line and exit status 1."""

BROKEN_PIPE_STATUS = 128 + 13
"""The exit status when the reader of the output went away: a shell's status for SIGPIPE."""


def error_message(exc: BaseException) -> str:
    """The one line a user sees for an error they can fix."""
    from followup_tui.store.storage import DamagedFileError

    if isinstance(exc, DamagedFileError) and "doctor" not in str(exc):
        return one_line(f"{exc} Run 'followup doctor' to check it and restore a backup.")
    if isinstance(exc, OSError) and not isinstance(exc, FileExistsError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return one_line(f"{where}{exc.strerror}.")
    return one_line(str(exc)) or type(exc).__name__


def silence_stdout() -> None:
    """Point standard output at the null device: what is still buffered for it has no reader."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file behind stdout (tests)
        return
