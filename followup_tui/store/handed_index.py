"""The home index handed over: one device's home rows, in the data folder, for the others' first
frame.

The debrief is written in the app on the phone on the drive home; at home the laptop starts.
The laptop's own index (``store.home_index``) names the phone's file as it was, so the phone's
newer file makes it untrusted, and the laptop would read and merge every file before its
first frame. So when a device's app keeps its home index from a read of the whole folder of
device files, it also writes the same rows into the data folder, beside its device file:
``followup.<device>.home-index``, written only by that device, never by another and never
removed by another. The name ends neither as a data file's nor as a conflict copy's, so no
read of the data folder takes it for either (``store.folder``).

At start-up, when this device's own index is not trusted, the rows handed over are trusted
only when the file names every file of the data folder (the same set of names, each a
device's file) with the very size and modification time (ns) each has here now (a sync
engine keeps a file's modification time; inode and device differ between machines), with
the same followup version and schema, and its body matches its checksum. The body holds only
stored values (``store.index_body``): this device works out the rest from its own clock and
zone, so the first frame shows what its own read would show. The data folder is opened right
after, as always, and the list then builds its rows from the data (``HomeIndex.made_from`` is
None). It never changes what is stored; a damaged or foreign one is left alone, unused.

It holds user text, as the device files do: 0600, written durably, never printed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from followup_tui import __version__
from followup_tui.store import index_body
from followup_tui.store.device import load_device
from followup_tui.store.durable import StorageError, write_durably
from followup_tui.store.folder import DEVICE, DataFolder, Source
from followup_tui.store.index_body import FORMAT, HomeIndex, Version
from followup_tui.store.safe_read import DATA_FILE_LIMIT, UserFileError, read_user_file
from followup_tui.store.schema import CURRENT_SCHEMA

SUFFIX = ".home-index"
"""How a handed-over index's name ends (after the data file's name and the device's id)."""


def handed_path(folder: DataFolder, device: str) -> Path:
    """The index one device hands over in the data folder."""
    return folder.folder / f"{folder.stem}.{device}{SUFFIX}"


def _named(version: Version) -> list[list[Any]]:
    """The files as the hand-over names them: name, size and modification time (ns)."""
    return [[name, identity[2], identity[3]] for name, identity in version or ()]


def content(version: Version, device: str, encoded: bytes) -> bytes:
    """The handed-over index's bytes for rows (``index_body.body``) read at ``version``."""
    header = {
        "format": FORMAT,
        "version": __version__,
        "schema": CURRENT_SCHEMA,
        "device": device,
        "sources": _named(version),
        "body": index_body.checksum(encoded),
    }
    return index_body.header_line(header) + encoded


def hand_over(data_file: Path, version: Version, encoded: bytes) -> bool:
    """Hand over rows read from every file of ``data_file``'s folder at ``version``, when those
    are all device files, this device's among them, and are still as ``version`` names them.
    Best effort; nothing is written when the file holds these bytes already, nor through a
    symbolic link in its place.

    Returns:
        Whether the file was written.
    """
    folder = DataFolder(data_file)
    device = load_device()
    sources = folder.sources()
    now = tuple((s.path.name, s.identity) for s in sources) or None
    if device is None or now != version or not _devices_only(sources):
        return False
    if not any(s.device == device.id for s in sources):  # beside its own file only
        return False
    path = handed_path(folder, device.id)
    if path.is_symlink():  # never written through a link another device could have synced in
        return False
    made = content(version, device.id, encoded)
    with contextlib.suppress(OSError, UserFileError):
        if read_user_file(path, DATA_FILE_LIMIT) == made:
            return False
    with contextlib.suppress(OSError, StorageError):
        write_durably(path, made)
        return True
    return False


def _devices_only(sources: list[Source]) -> bool:
    return bool(sources) and all(s.kind == DEVICE for s in sources)


def load(folder: DataFolder, sources: list[Source]) -> HomeIndex | None:
    """The rows a device handed over for the folder's files as ``sources`` found them, if one
    names them all exactly (the newest device file's writer is asked first).

    Returns:
        The index (its ``made_from`` None), or None when no hand-over can be trusted.
    """
    if not _devices_only(sources):
        return None
    named = _named(tuple((s.path.name, s.identity) for s in sources))
    for source in sorted(sources, key=lambda s: s.identity[3], reverse=True):
        try:
            raw = read_user_file(handed_path(folder, source.device), DATA_FILE_LIMIT)
        except (OSError, UserFileError):
            continue
        found = _read(raw, source.device, named)
        if found is not None:
            return found
    return None


def _read(raw: bytes, device: str, named: list[list[Any]]) -> HomeIndex | None:
    read = index_body.header_of(raw)
    if read is None:
        return None
    header, encoded = read
    if (
        not index_body.same_kind(header, (FORMAT, __version__, CURRENT_SCHEMA))
        or header.get("device") != device
        or header.get("sources") != named
    ):
        return None
    return index_body.rows_of(header, encoded, raw, None)
