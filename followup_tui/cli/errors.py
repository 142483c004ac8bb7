"""The problems a command reports as one line (without click, for the app's own start-up)."""

from __future__ import annotations

from followup_tui.domain.models import ValidationError
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


def error_message(exc: BaseException) -> str:
    """The one line a user sees for an error they can fix."""
    from followup_tui.store.storage import DamagedFileError

    if isinstance(exc, DamagedFileError) and "doctor" not in str(exc):
        return one_line(f"{exc} Run 'followup doctor' to check it and restore a backup.")
    if isinstance(exc, OSError) and not isinstance(exc, FileExistsError) and exc.strerror:
        where = f"{exc.filename}: " if exc.filename else ""
        return one_line(f"{where}{exc.strerror}.")
    return one_line(str(exc)) or type(exc).__name__
