"""Writing files the user asked for, safely (reading them is ``store/safe_read.py``).

A name built from user text ("Acme/../../etc") cannot leave the chosen folder, a
symlink at the target is never followed, and an existing file is never overwritten unless the
caller says so: the next free name ("acme-2.md") is used instead.
"""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from followup_tui.store.durable import write_durably


def slug(text: str, fallback: str = "followup") -> str:
    """Return a short, safe file-name stem made from user text."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    stem = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-").lower()[:60]
    return stem or fallback


def export_folder() -> Path:
    """Where the app writes files for the user: the home folder, else the working folder."""
    home = Path.home()
    return home if home.is_dir() else Path.cwd()


def export_path(folder: Path, stem: str, suffix: str) -> Path:
    """Return a new file path inside ``folder`` for an export named after user text.

    Args:
        folder: Where the file goes (must exist).
        stem: User text to name the file after; it is reduced to a safe slug.
        suffix: The extension, with its dot (".md").

    Returns:
        A path directly inside ``folder`` that does not exist yet.
    """
    base = slug(stem)
    for n in range(1, 10_000):
        candidate = folder / (f"{base}{suffix}" if n == 1 else f"{base}-{n}{suffix}")
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(f"Too many files named {base}{suffix} in {folder}.")


def write_new_file(path: Path, text: str, *, overwrite: bool = False) -> None:
    """Write ``text`` to ``path`` durably; a new file gets mode 0600.

    Args:
        path: The target file.
        text: The content.
        overwrite: Replace an existing regular file; without it an existing file is refused.

    Raises:
        FileExistsError: If the file exists and ``overwrite`` is False, or it is a symlink.
        StorageError: If writing fails (the old file, if any, is unchanged).
    """
    if path.is_symlink():
        raise FileExistsError(f"{path} is a symbolic link; choose another name.")
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists; choose another name or allow overwriting.")
    write_durably(path, text.encode("utf-8"))  # a new file is 0600; a replaced one keeps its mode
