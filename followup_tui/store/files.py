"""Reading files the user hands in, and writing files the user asked for, safely.

Reading (``read_user_file``, ``read_user_text``): only a regular file is read, up to a stated
size; a FIFO, a device, a folder or an oversized file is refused in one sentence without
blocking and without reading it.

Writing: a name built from user text ("Acme/../../etc") cannot leave the chosen folder, a
symlink at the target is never followed, and an existing file is never overwritten unless the
caller says so: the next free name ("acme-2.md") is used instead.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from pathlib import Path

from followup_tui.store.storage import write_durably

MEGABYTE = 1024 * 1024


class UserFileError(ValueError):
    """A file the user named cannot be read as asked; the message is one sentence naming it."""


def _size_text(size: int) -> str:
    return f"{size / MEGABYTE:,.1f} MB" if size >= MEGABYTE else f"{size:,} bytes"


def _refuse_kind(name: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UserFileError(f"{name} is a folder, not a file.")
    kind = (
        "a named pipe"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "not a regular file"
    )
    raise UserFileError(f"{name} is {kind}; followup reads only regular files.")


def read_user_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """Read a file the user named, refusing anything but a regular file of at most ``limit`` bytes.

    The file is checked before it is opened (a device is never opened), opened without
    blocking (a FIFO swapped in cannot hang) and checked again on the open descriptor; at most
    ``limit`` + 1 bytes are ever read, so a file that grows meanwhile is refused too.

    Args:
        path: The file (``~`` is expanded).
        limit: The most bytes accepted.

    Returns:
        The file's bytes.

    Raises:
        UserFileError: If it is not a regular file or is larger than ``limit``.
        OSError: If it cannot be opened or read (missing, no permission).
    """
    target = Path(path).expanduser()
    name = str(path)
    _refuse_kind(name, os.stat(target).st_mode)
    fd = os.open(
        target, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    )
    try:
        info = os.fstat(fd)
        _refuse_kind(name, info.st_mode)
        shown = f" ({_size_text(info.st_size)})" if info.st_size > limit else ""
        too_big = UserFileError(
            f"{name} is too large{shown}; followup reads files of up to {_size_text(limit)} here."
        )
        if info.st_size > limit:
            raise too_big
        chunks: list[bytes] = []
        remaining = limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, MEGABYTE))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        if remaining <= 0:
            raise too_big
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_user_text(path: str | os.PathLike[str], limit: int) -> str:
    """Read a UTF-8 text file the user named (see ``read_user_file``); a leading BOM is dropped.

    Raises:
        UserFileError: If it is not a regular file, too large, or not UTF-8 text.
        OSError: If it cannot be opened or read.
    """
    raw = read_user_file(path, limit)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserFileError(f"{path} is not a UTF-8 text file.") from None


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
