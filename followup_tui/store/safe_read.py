"""Reading files without surprises: regular files only, never blocking, up to a stated size.

Every read of a file followup did not just write goes through here: the data file, its
backups, an export to import, an invitation. A FIFO, a device, a folder or an oversized file
is refused in one sentence without blocking and without reading it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

MEGABYTE = 1024 * 1024

DATA_FILE_LIMIT = 256 * MEGABYTE
"""Largest data file (or backup) followup reads: 5,000 interviews are about 20 MB."""

_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


Identity = tuple[int, int, int, int]
"""A file's identity on disk: inode, device, size, modification time (ns)."""


def identity_of(st: os.stat_result) -> Identity:
    """A file's identity from its stat."""
    return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns)


class UserFileError(ValueError):
    """A file cannot be read as asked; the message is one sentence naming it."""


def _size_text(size: int) -> str:
    return f"{size / MEGABYTE:,.1f} MB" if size >= MEGABYTE else f"{size:,} bytes"


def kind_of(mode: int) -> str:
    """Say what a file that is not a regular file is ("a folder", "a named pipe", "a device")."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _refuse_kind(name: str, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UserFileError(f"{name} is a folder, not a file.")
    raise UserFileError(f"{name} is {kind_of(mode)}; followup reads only regular files.")


def open_regular(path: str | os.PathLike[str], name: str | None = None) -> int:
    """Open a regular file for reading without blocking; return its descriptor.

    The file is checked before it is opened (a device is never opened), opened without
    blocking (a FIFO swapped in cannot hang) and checked again on the open descriptor.

    Args:
        path: The file.
        name: How to name it in a refusal (the path by default).

    Raises:
        UserFileError: If it is not a regular file.
        OSError: If it cannot be opened (missing, no permission).
    """
    shown = str(path) if name is None else name
    _refuse_kind(shown, os.stat(path).st_mode)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _refuse_kind(shown, os.fstat(fd).st_mode)
    except BaseException:
        os.close(fd)
        raise
    return fd


def read_head(path: str | os.PathLike[str], size: int) -> bytes:
    """Read at most ``size`` bytes from the start of a regular file (see ``open_regular``)."""
    fd = open_regular(path)
    try:
        return os.read(fd, size)
    finally:
        os.close(fd)


def read_user_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """Read a file, refusing anything but a regular file of at most ``limit`` bytes.

    At most ``limit`` + 1 bytes are ever read, so a file that grows meanwhile is refused too.

    Args:
        path: The file (``~`` is expanded).
        limit: The most bytes accepted.

    Returns:
        The file's bytes.

    Raises:
        UserFileError: If it is not a regular file or is larger than ``limit``.
        OSError: If it cannot be opened or read (missing, no permission).
    """
    name = str(path)
    fd = open_regular(Path(path).expanduser(), name)
    try:
        size = os.fstat(fd).st_size
        shown = f" ({_size_text(size)})" if size > limit else ""
        too_big = UserFileError(
            f"{name} is too large{shown}; followup reads files of up to {_size_text(limit)} here."
        )
        if size > limit:
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
