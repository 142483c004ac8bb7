"""Reading a data file this device wrote without holding its bytes: each table kept as where it is.

``scan`` streams the file once, in chunks, computing the SHA-256 of the whole file (the one
noted at this device's last save, ``written.json``) and, for each table of the one-table-per-
line layout (``pieces``), where its JSON lies and that range's own SHA-256. Only the JSON of
the tables every read needs (``meta`` and ``sync``) and the file's head are kept as bytes.

A table left unparsed is then a ``Span``: the file's identity (inode, device, size, mtime) as
it was read, the byte range of its JSON and the range's digest. Reading it again checks the
file is still that very file and the range still those very bytes; anything else gives None,
and the caller reads the file again whole, as if it had changed.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from followup_tui.store.safe_read import Identity, UserFileError, identity_of, open_regular

CHUNK = 64 * 1024
"""How much of the file is read at once: the most of its bytes alive during a scan."""

_NAME = re.compile(rb'"([A-Za-z0-9_.\-]{1,100})":')
"""A table's name at the start of its line (as ``pieces.split`` reads it)."""

_LONGEST_NAME = 1 + 2 + 100 + 2
"""The most bytes a line can start with before its table's JSON: ``{`` and the quoted name."""


class Span:
    """Where a table's JSON lies in a file as it was read, and the digest of those bytes.

    (A plain class, not a ``NamedTuple``: making one costs a note's process a fifth of a
    millisecond, and no code reads a span as a tuple.)
    """

    __slots__ = ("digest", "end", "identity", "path", "start")

    def __init__(self, path: Path, identity: Identity, start: int, end: int, digest: str) -> None:
        self.path, self.identity, self.start, self.end, self.digest = path, identity, start, end, digest

    def read(self) -> bytes | None:
        """The range's bytes, if the file is the one read and the range holds the same bytes.

        Returns:
            The JSON, or None when the file was replaced, changed, or cannot be opened.
        """
        try:
            fd = open_regular(self.path)
        except (OSError, UserFileError):
            return None
        try:
            if identity_of(os.fstat(fd)) != self.identity:
                return None
            data = _read_at(fd, self.start, self.end - self.start)
        except OSError:
            return None
        finally:
            os.close(fd)
        if len(data) != self.end - self.start or hashlib.sha256(data).hexdigest() != self.digest:
            return None
        return data

    def holds(self, text: bytes) -> bool:
        """Whether the range's JSON holds ``text``; True when it cannot be read as it was (it may
        hold anything: its parse then says why it cannot)."""
        data = self.read()
        return data is None or text in data

    def moved(self, path: Path, identity: Identity, start: int) -> Span:
        """The same bytes, written at ``start`` of another file (a save wrote them back as read)."""
        return Span(path, identity, start, start + self.end - self.start, self.digest)


def _read_at(fd: int, offset: int, size: int) -> bytes:
    """Up to ``size`` bytes of an open file from ``offset`` (fewer only at its end)."""
    if not hasattr(os, "pread"):  # Windows
        os.lseek(fd, offset, os.SEEK_SET)
    parts: list[bytes] = []
    while size > 0:
        part = os.pread(fd, size, offset) if hasattr(os, "pread") else os.read(fd, size)
        if not part:
            break
        parts.append(part)
        offset, size = offset + len(part), size - len(part)
    return b"".join(parts)


class Scan:
    """What one streaming read of a data file found.

    Attributes:
        digest: The SHA-256 of the whole file.
        head: The file's first bytes (where the revision is stamped).
        spans: Each table's JSON, in the order of the file (None: not one table per line).
        kept: The JSON of the tables asked to be kept as bytes.
    """

    __slots__ = ("digest", "head", "kept", "spans")

    def __init__(
        self, digest: str, head: bytes, spans: dict[str, Span] | None, kept: dict[str, bytes]
    ) -> None:
        self.digest, self.head, self.spans, self.kept = digest, head, spans, kept


class _Lines:
    """Follows the lines of a file as its chunks go by (see ``scan``)."""

    def __init__(self, path: Path, identity: Identity, keep: frozenset[str]) -> None:
        self.path, self.identity, self.keep = path, identity, keep
        self.spans: dict[str, Span] | None = {}
        self.kept: dict[str, bytes] = {}
        self._line_start = 0
        self._head = bytearray()
        self._name: str | None = None
        self._json_start = 0
        self._hash = hashlib.sha256()
        self._hold = b""
        self._keeping: list[bytes] | None = None

    def feed(self, segment: memoryview) -> None:
        """Bytes of the current line (never a newline), as a view of the chunk read."""
        if self.spans is None or not segment:
            return
        if self._name is not None:
            self._json(segment)
            return
        taken = segment[: _LONGEST_NAME + 1 - len(self._head)]
        self._head += taken
        skip = 1 if self._line_start == 0 else 0
        if skip and not self._head.startswith(b"{"):
            self.spans = None
            return
        found = _NAME.match(self._head, skip)
        if found is None:
            if len(self._head) > _LONGEST_NAME:
                self.spans = None
            return
        self._name = found.group(1).decode("ascii")
        self._json_start = self._line_start + found.end()
        self._hash = hashlib.sha256()
        self._keeping = [] if self._name in self.keep else None
        rest, self._head = bytes(self._head[found.end() :]), bytearray()
        self._json(memoryview(rest))
        self._json(segment[len(taken) :])

    def _json(self, segment: memoryview) -> None:
        """Bytes of the current table's JSON, and the byte after it: the last byte of each
        segment is held back until the next one shows it is not the line's last."""
        if not segment:
            return
        if self._hold:
            self._body(self._hold)
        self._body(segment[:-1])
        self._hold = bytes(segment[-1:])

    def _body(self, body: bytes | memoryview) -> None:
        self._hash.update(body)
        if self._keeping is not None:
            self._keeping.append(bytes(body))

    def end(self, at: int, last: bool) -> None:
        """The current line ends at offset ``at`` (its newline, or the end of the file)."""
        if self.spans is None:
            return
        name, closing = self._name, b"}" if last else b","
        if name is None or self._hold != closing or at - 1 <= self._json_start or name in self.spans:
            self.spans = None
            return
        self.spans[name] = Span(self.path, self.identity, self._json_start, at - 1, self._hash.hexdigest())
        if self._keeping is not None:
            self.kept[name] = b"".join(self._keeping)
        self._line_start, self._name, self._hold, self._keeping = at + 1, None, b"", None


def scan(path: Path, limit: int, keep: frozenset[str]) -> Scan | None:
    """Stream a data file once: its digest, and where each table's JSON lies in it.

    Args:
        path: The file.
        limit: The most bytes accepted.
        keep: The tables whose JSON is also kept as bytes.

    Returns:
        What was found, or None when the file changed while it was read (or is too large to
        scan: the caller's whole read refuses it in its own words).

    Raises:
        UserFileError: If it is not a regular file.
        OSError: If it cannot be opened or read.
    """
    fd = open_regular(path)
    try:
        before = identity_of(os.fstat(fd))
        if before[2] > limit:
            return None
        whole = hashlib.sha256()
        lines = _Lines(path, before, keep)
        head = b""
        offset = 0
        while chunk := os.read(fd, CHUNK):
            whole.update(chunk)
            if offset == 0:
                head = chunk[:512]
            view, start = memoryview(chunk), 0  # slices of the chunk, not copies
            while (newline := chunk.find(b"\n", start)) >= 0:
                lines.feed(view[start:newline])
                lines.end(offset + newline, last=False)
                start = newline + 1
            lines.feed(view[start:])
            offset += len(chunk)
            if offset > limit:
                return None
        lines.end(offset, last=True)
        if identity_of(os.fstat(fd)) != before or offset != before[2]:
            return None
    finally:
        os.close(fd)
    spans = lines.spans if lines.spans and len(lines.spans) > 1 else None
    return Scan(whole.hexdigest(), head, spans, lines.kept if spans else {})
