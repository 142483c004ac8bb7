"""Where followup keeps its data. Functions only: nothing is created at import."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "followup"
ENV_VAR = "FOLLOWUP_DB"


def default_data_file() -> Path:
    """Return the data file in the platform's user data folder."""
    import platformdirs  # only here: ``--db`` and ``FOLLOWUP_DB`` start faster without it

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "followup.json"


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
