"""The rows of a home index, as this device keeps them (``store.home_index``) and as a device
hands them over to the others in the data folder (``store.handed_index``).

Both files are one line of JSON saying what the rows were made from, then this body: the
stored theme and one line per interview (``domain.home_listing``). The body holds only what
the data holds (no time zone, clock or locale of the machine that wrote it): every device
works out "upcoming", "card late" and the order from its own clock, as for the records.

No Textual, no TinyDB, no models: start-up reads it before importing them.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from followup_tui.store.safe_read import Identity

if TYPE_CHECKING:
    from followup_tui.domain.home_listing import Entry, IndexedInterview

FORMAT = 1
"""The layout: one line of JSON saying what the rows were made from, then the rows."""

Version = tuple[tuple[str, Identity], ...] | None
"""The data folder's files as ``DataFolder.version`` names them (None: no file)."""


@dataclass(frozen=True)
class HomeIndex:
    """A home index as read, trusted for the data folder as it is now."""

    interviews: list[IndexedInterview]
    """One line per interview, in stored order."""
    theme: str | None
    """The stored theme setting."""
    content: bytes
    """The file's bytes (a later ``keep`` of the same rows writes nothing)."""
    made_from: Version
    """The data folder's files the rows were made from (as they are at ``load``); None when
    another device handed the rows over (they were not made here: the list builds its rows
    from the data once it is open)."""


def body(theme: str | None, entries: Sequence[Entry]) -> bytes:
    """The rows' part of an index: the theme and one line per interview."""
    text = json.dumps({"theme": theme, "interviews": list(entries)}, separators=(",", ":"))
    return text.encode()  # ASCII: every other character is written as an escape


def checksum(encoded: bytes) -> str:
    """The body's CRC-32 (against damage only: the rows are replaced by the data's right after)."""
    return f"{zlib.crc32(encoded):08x}"


def header_line(header: dict[str, Any]) -> bytes:
    """An index's first line, for its header."""
    return json.dumps(header, separators=(",", ":")).encode() + b"\n"


def header_of(raw: bytes) -> tuple[dict[str, Any], bytes] | None:
    """An index's header and body; None when the header is not a JSON object."""
    line, _, rest = raw.partition(b"\n")
    try:
        header = json.loads(line)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested past the parser
        return None
    return (header, rest) if isinstance(header, dict) else None


def same_kind(header: dict[str, Any], kind: tuple[int, str, int]) -> bool:
    """Whether an index's header says it has the layout, followup version and data schema
    ``kind`` names (those of the code reading it)."""
    return (header.get("format"), header.get("version"), header.get("schema")) == kind


def rows_of(header: dict[str, Any], encoded: bytes, raw: bytes, made_from: Version) -> HomeIndex | None:
    """The index whose body is ``encoded`` (``raw`` is the whole file); None when the body does
    not match its checksum or holds a line this code does not write."""
    from followup_tui.domain.home_listing import entry_interview

    if header.get("body") != checksum(encoded):
        return None
    try:
        data = json.loads(encoded)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("interviews"), list):
        return None
    theme = data.get("theme")
    interviews = [entry_interview(entry) for entry in data["interviews"]]
    if not isinstance(theme, (str, type(None))) or None in interviews:
        return None
    return HomeIndex([i for i in interviews if i is not None], theme, raw, made_from)
