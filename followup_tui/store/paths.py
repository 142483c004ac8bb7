"""Where a data file's backups live, the file behind a link, and how followup makes folders."""

from __future__ import annotations

import os
from pathlib import Path

FILE_MODE = 0o600
DIR_MODE = 0o700


def real_path(path: Path) -> Path:
    """Return the file a data path stands for: the target of a symbolic link, else the path.

    People keep the data in a synced folder and link it from elsewhere: saves replace the
    link's target (in the target's folder) and keep the link, and backups and the lock belong
    to the target, so every path that leads to one file shares them.
    """
    if not path.is_symlink():
        return path
    return Path(os.path.realpath(path))


def backup_dir(path: Path) -> Path:
    """Return the folder that holds the rolling backups of ``path`` (of its target, for a link)."""
    real = real_path(path)
    return real.parent / f"{real.name}.backups"


def ensure_private_dir(folder: Path) -> None:
    """Create ``folder`` and its missing parents as 0700; leave a folder that exists alone.

    The mode of an existing folder is the user's choice (a shared 0750 folder, a read-only
    0500 one, the system's temporary folder): followup never changes it.
    """
    missing: list[Path] = []
    current = folder
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for new in reversed(missing):
        try:
            new.mkdir(mode=DIR_MODE)
        except FileExistsError:  # another process made it first: it is not ours to change
            continue
        os.chmod(new, DIR_MODE)  # whatever the umask
