"""Where followup keeps its data. Functions only: nothing is created at import."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "followup"
ENV_VAR = "FOLLOWUP_DB"


def default_data_file() -> Path:
    """Return the data file in the platform's user data folder."""
    return data_folder() / "followup.json"


def data_folder() -> Path:
    """The platform's user data folder for followup, as platformdirs names it.

    On Linux it is read from the environment as platformdirs reads it (``$XDG_DATA_HOME`` when
    it is absolute, else ``~/.local/share``) without importing platformdirs, which costs a
    command about 6 ms; on other systems, and wherever the answer could differ (any sign of
    Android, a relative ``XDG_DATA_HOME``, no absolute ``HOME``), platformdirs answers.
    """
    if sys.platform == "linux" and not _android_hint():
        base = os.environ.get("XDG_DATA_HOME", "")
        home = os.environ.get("HOME")
        if os.path.isabs(base):
            return Path(base) / APP_NAME
        if not base.strip() and home is not None and os.path.isabs(home):
            return Path(os.path.expanduser("~/.local/share")) / APP_NAME
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def _android_hint() -> bool:
    return hasattr(sys, "getandroidapilevel") or any(
        os.environ.get(name) for name in ("ANDROID_DATA", "ANDROID_ROOT")
    )


def resolve_data_file(option: str | os.PathLike[str] | None = None) -> Path:
    """Return the data file to use: ``--db`` first, then ``FOLLOWUP_DB``, then the default.

    Args:
        option: The value of ``--db``, if given.
    """
    if option:
        return Path(option).expanduser()
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_file()


def documents_folder() -> Path:
    """The platform's folder for the user's documents (``~/Documents`` on most systems).

    It may not exist (a server reached over SSH, a phone): whoever writes there creates it.
    """
    import platformdirs

    return Path(platformdirs.user_documents_dir())
