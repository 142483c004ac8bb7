"""A copy of the merged tables in this device's state folder, for start-ups that would merge.

When another device wrote since this device's last save, every start-up parses each changed
file and merges them (three to four times the start-up of one file at 1,000 interviews)
until this device saves once. After such a merge the app keeps the result here, so the next
start-ups read one file instead, until the folder changes again.

The copy is never in the synced folder (it is this device's, in its state folder, 0600), and
it is trusted only while it can say nothing the files would not: it names every file of the
folder with its inode, device, size and modification time, and the SHA-256 of the bytes of
each file the merge parsed, which are read and hashed again before it is used (so a file
damaged in place, even keeping its size and time, is read and refused as usual); its own
tables carry their SHA-256 too, and the followup version and schema that wrote them. Any
difference and it is left unused. A change always reads the files themselves (see
``SafeJSONStorage.read``), and a save removes the copy: it is then out of date.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from followup_tui import __version__
from followup_tui.store import jsoncodec
from followup_tui.store.device import state_dir
from followup_tui.store.durable import StorageError, clean_stale_temp_files, write_durably
from followup_tui.store.folder import DataFolder, Source
from followup_tui.store.parsing import parse_tables
from followup_tui.store.paths import ensure_private_dir
from followup_tui.store.pieces import assemble
from followup_tui.store.safe_read import DATA_FILE_LIMIT, UserFileError, read_head, read_user_file
from followup_tui.store.schema import CURRENT_SCHEMA

Tables = dict[str, dict[str, Any]]

FORMAT = 1
"""The layout of the copy: one line of JSON saying what it was made from, then the tables, one
per line as in a data file (``store.pieces``): a start-up from the copy parses each table
only when it is first asked for, as it does for this device's own file."""

HEADER_BYTES = 64 * 1024
"""The most bytes of the copy's first line (what it was made from) that are read."""


def copy_path(folder: DataFolder) -> Path:
    """Where this device keeps the merged copy of one data folder."""
    return state_dir() / "merged" / f"{folder.stem}-{folder.key}.json"


def _header(sources: Sequence[Source], digests: Mapping[Path, str], body: bytes) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": __version__,
        "schema": CURRENT_SCHEMA,
        "sources": [[s.path.name, *s.identity, digests.get(s.path, "")] for s in sources],
        "tables": hashlib.sha256(body).hexdigest(),
    }


def keep(folder: DataFolder, sources: Sequence[Source], digests: Mapping[Path, str], tables: Tables) -> None:
    """Keep the merged ``tables`` of ``sources`` (best effort: a copy that cannot be made is none).

    Args:
        folder: The data folder.
        sources: Every file of the folder, as the merge found them.
        digests: The SHA-256 of the bytes of each file the merge parsed.
        tables: The merged tables.
    """
    with contextlib.suppress(OSError, StorageError, TypeError, jsoncodec.EncodeError):
        body = b"".join(assemble(tables.items(), lambda _name, _table: None)[0])  # a table per line
        path = copy_path(folder)
        ensure_private_dir(path.parent)
        clean_stale_temp_files(path.parent)  # a copy cut short by a forced exit
        write_durably(path, [jsoncodec.dumps(_header(sources, digests, body)), b"\n", body])


def load(folder: DataFolder, sources: Sequence[Source]) -> Tables | None:
    """The kept tables, when they were merged from exactly these files as they are now.

    The header is read first: a copy made from other files is not read any further.

    Returns:
        The tables, or None when there is no copy or any file, digest or check differs.
    """
    path = copy_path(folder)
    try:
        line = read_head(path, HEADER_BYTES).partition(b"\n")[0]
        header = jsoncodec.loads(line)
        made_from = [[s.path.name, *s.identity] for s in sources]
        if (
            not isinstance(header, dict)
            or (header.get("format"), header.get("version"), header.get("schema"))
            != (FORMAT, __version__, CURRENT_SCHEMA)
            or [entry[:-1] for entry in header.get("sources", [])] != made_from
            or not all(_same_bytes(s.path, e[-1]) for s, e in zip(sources, header["sources"], strict=True))
        ):
            return None
        body = read_user_file(path, 8 * DATA_FILE_LIMIT)[len(line) + 1 :]
        if header.get("tables") != hashlib.sha256(body).hexdigest():
            return None
        tables, _pieces = parse_tables(body, path, written_here=True)  # its digest is checked
    except (OSError, UserFileError, StorageError, TypeError, AttributeError, IndexError, ValueError):
        return None
    return tables


def _same_bytes(path: Path, digest: str) -> bool:
    """Whether the file still holds the bytes that were merged (no digest: it was not parsed,
    and the file's identity says, as for any start-up, that it did not change)."""
    if not digest:
        return True
    try:
        return hashlib.sha256(read_user_file(path, DATA_FILE_LIMIT)).hexdigest() == digest
    except (OSError, UserFileError):
        return False


def drop(folder: DataFolder) -> None:
    """Remove the copy (a save makes it out of date)."""
    with contextlib.suppress(OSError):
        os.unlink(copy_path(folder))
