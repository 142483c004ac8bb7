"""The home index: what the home list's first frame needs, kept in this device's state folder.

Opening the data folder (reading, checking and merging its files, then building every
interview) is most of what start-up does before it can draw the list. After the home screen
has built its rows from the data, the app keeps one line per interview here (the fields the
list's columns, order, status line and filters use, and how far its cards and concerns got),
with the stored theme. At the next start-up, when every file of the data folder is exactly as
it was then, the first frame is drawn from these lines; the data folder is opened right after,
as always, and the list then takes its rows from it.

The index is trusted only while it can show nothing but the very file versions it was made
from: it names every file of the data folder with its inode, device, size and modification
time (the files are looked at with ``stat``, never read), this device's identity, and the
followup version and schema that wrote it, and the folder's real path; its own body carries
its CRC-32. Any difference
(another device's newer file, a file damaged or replaced, ``--db`` naming another folder) and
it is removed unused, and the index another device handed over in the data folder is looked
for instead (``store.handed_index``). It is written only from a read the next start-up makes
again to the same rows (one file, device files merged, or their merged copy): never with a
file refused or brought up to date in memory only, nor after a merge of an old single file or
a conflict copy.

It holds user text: 0600 in a 0700 folder, never in the synced data folder (the hand-over is a
file of its own there), never printed.
No Textual, no TinyDB, no models: start-up reads it before importing them.
"""

from __future__ import annotations

import contextlib
import os
import zlib
from pathlib import Path
from typing import Any

from followup_tui import __version__
from followup_tui.store import handed_index
from followup_tui.store.device import load_device, state_dir
from followup_tui.store.durable import StorageError, clean_stale_temp_files, write_durably
from followup_tui.store.folder import DataFolder
from followup_tui.store.index_body import (
    FORMAT,
    HomeIndex,
    Version,
    checksum,
    header_line,
    header_of,
    rows_of,
    same_kind,
)
from followup_tui.store.paths import ensure_private_dir
from followup_tui.store.safe_read import DATA_FILE_LIMIT, UserFileError, read_user_file
from followup_tui.store.schema import CURRENT_SCHEMA

__all__ = ["HomeIndex", "Version", "content", "drop", "index_path", "keep", "load"]


def _named(folder: DataFolder) -> str:
    """The data folder's real path and the data file's name, as the index names them."""
    return f"{os.path.realpath(folder.folder)}\0{folder.stem}"


def index_path(folder: DataFolder) -> Path:
    """Where this device keeps the home index of one data folder (named after a checksum of
    its real path, which the index holds too: ``DataFolder.key`` would load OpenSSL's hashes
    before the first frame)."""
    return state_dir() / "home" / f"{folder.stem}-{zlib.crc32(_named(folder).encode()):08x}.json"


def _device_id() -> str:
    device = load_device()
    return device.id if device is not None else ""


def _sources(version: Version) -> list[list[Any]]:
    return [[name, *identity] for name, identity in version or ()]


def content(folder: DataFolder, version: Version, encoded: bytes) -> bytes:
    """The index's bytes for rows (``index_body.body``) read from ``folder`` at ``version``."""
    header = {
        "format": FORMAT,
        "version": __version__,
        "schema": CURRENT_SCHEMA,
        "device": _device_id(),
        "folder": _named(folder),
        "sources": _sources(version),
        "body": checksum(encoded),
    }
    return header_line(header) + encoded


def load(data_file: Path) -> HomeIndex | None:
    """The home index of ``data_file``'s folder, when it was made from the folder as it is now.

    The folder's files are only looked at (``stat``), never read. An index that does not match
    them, or that is damaged or from another version, is removed; then the index another
    device handed over with its file is looked for (``handed_index.load``).

    Returns:
        The index, or None when there is none to trust (then start-up opens the data first).
    """
    folder = DataFolder(data_file)
    sources = folder.sources()
    version = tuple((s.path.name, s.identity) for s in sources) or None
    path = index_path(folder)
    try:
        raw = read_user_file(path, DATA_FILE_LIMIT)
    except (OSError, UserFileError):
        raw = None
    found = None if raw is None else _read(raw, folder, version)
    if found is None and raw is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)
    return found if found is not None else handed_index.load(folder, sources)


def _read(raw: bytes, folder: DataFolder, version: Version) -> HomeIndex | None:
    read = header_of(raw)
    if read is None or version is None:
        return None
    header, encoded = read
    if (
        not same_kind(header, (FORMAT, __version__, CURRENT_SCHEMA))
        or header.get("device") != _device_id()
        or header.get("folder") != _named(folder)
        or header.get("sources") != _sources(version)
    ):
        return None
    return rows_of(header, encoded, raw, version)


def keep(data_file: Path, made: bytes, previous: bytes | None = None) -> bool:
    """Write the index (``content``) for ``data_file``'s folder, unless it holds that already.

    Best effort: an index that cannot be written is none (start-up then opens the data first).

    Args:
        data_file: The data file.
        made: The new content.
        previous: The content last read or written by this process, if any.

    Returns:
        Whether the file was written.
    """
    if made == previous:
        return False
    path = index_path(DataFolder(data_file))
    with contextlib.suppress(OSError, StorageError):
        ensure_private_dir(path.parent)
        clean_stale_temp_files(path.parent)  # an index cut short by a forced exit
        write_durably(path, made)
        return True
    return False


def drop(data_file: Path) -> None:
    """Remove the index (the data can no longer be shown from it)."""
    with contextlib.suppress(OSError):
        os.unlink(index_path(DataFolder(data_file)))
