"""Reading a data file's bytes: parsing them, table by table when they allow it, and checking
they have TinyDB's shape."""

from __future__ import annotations

import contextlib
import gc
import hashlib
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from followup_tui.domain.sync.replicas import HEAD, META
from followup_tui.store import jsoncodec
from followup_tui.store.durable import DamagedFileError
from followup_tui.store.pieces import Json, split, with_new_stamps
from followup_tui.store.ranges import Scan, Span
from followup_tui.store.safe_read import Identity

HEAD_BYTES = 512
"""How much of the file's head holds the revision stamp."""

REVISION = re.compile(rb'^\{"meta":\{"1":\{"revision":(\d{1,18})[,}]')
"""The revision stamp at the head of a file this code wrote."""

EAGER = (META, HEAD)
"""The tables parsed at once even from a file this device wrote: every read needs them."""


def head_revision(raw: bytes) -> int | None:
    """The revision stamped at the head of a file's bytes, if there is one."""
    match = REVISION.search(raw[:HEAD_BYTES])
    return int(match.group(1)) if match else None


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a large file is parsed.

    Parsing makes hundreds of thousands of dicts and lists, none of them in a cycle. Each
    time the heap grows by a quarter the collector walks all of it, which took longer than
    the parse itself at 5,000 interviews (docs/performance.md). Objects are still freed by
    reference counting as usual; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse_database(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse the bytes of a data file whole and check they have TinyDB's shape.

    Args:
        raw: The file's bytes.
        path: The file, named in the error message.

    Returns:
        The tables: a dict of table name to a dict of document id to document.

    Raises:
        DamagedFileError: If the bytes are not a JSON object of objects of objects.
    """
    try:
        with _collector_paused():
            data = jsoncodec.loads(raw)
    except jsoncodec.DecodeError as exc:
        if "surrogate" in exc.msg:
            raise DamagedFileError(
                f"{path} is damaged: it holds half of a character (an unpaired surrogate, "
                f"{exc.msg}) at byte {exc.pos}, which followup cannot read as text."
            ) from None
        raise DamagedFileError(
            f"{path} is damaged: it is not valid JSON ({exc.msg} at byte {exc.pos})."
        ) from None
    if not isinstance(data, dict):
        raise DamagedFileError(f"{path} is damaged: it holds a JSON {type(data).__name__}, not an object.")
    for name, table in data.items():
        _check_table(name, table, path)
    return data


def _check_table(name: str, table: Any, path: Path) -> None:
    """Refuse a table that is not a dict of numbered records (dicts)."""
    # map() keeps these checks in C: a long history holds a hundred thousand records
    if not isinstance(table, dict) or not set(map(type, table.values())) <= {dict}:
        raise DamagedFileError(f"{path} is damaged: its table '{name[:40]}' is not a table of records.")
    if not all(map(str.isdigit, table)):
        raise DamagedFileError(
            f"{path} is damaged: its table '{name[:40]}' has a record id that is not a number."
        )


def _parse_piece(name: str, json: Json, path: Path) -> dict[str, Any]:
    """One table's JSON, parsed and checked as the whole file's parse would.

    It is parsed inside a list, so it nests as deep as in the file (the depth limit is the
    same) and JSON after the table (a second table on its line) is not taken as part of it.

    Raises:
        DecodeError: If it is not one JSON value.
        DamagedFileError: If it is not a table of records.
    """
    value = jsoncodec.loads(b"".join((b"[", json, b"]")))
    if len(value) != 1:
        raise DamagedFileError(f"{path} is damaged: its table '{name[:40]}' is not one value.")
    _check_table(name, value[0], path)
    return value[0]


class Held:
    """A table's JSON held in memory: a slice of bytes whose digest was checked whole (the
    merged copy in the state folder, ``merged_copy``), read from there as a ``Span`` is."""

    __slots__ = ("_end", "_raw", "_start")

    def __init__(self, raw: bytes, start: int, end: int) -> None:
        self._raw, self._start, self._end = raw, start, end

    def read(self) -> memoryview:
        """The JSON."""
        return memoryview(self._raw)[self._start : self._end]

    def holds(self, text: bytes) -> bool:
        """Whether the JSON holds ``text`` (looked for where it lies, without a copy)."""
        return self._raw.find(text, self._start, self._end) >= 0


class PieceChanged(DamagedFileError):
    """A table kept as where it lies in the file cannot be read from there as it was: the file
    was replaced or changed since it was read (the storage then reads it again, whole)."""


class Piece:
    """A table kept as where its JSON lies, parsed the first time it is asked for.

    Only the tables of bytes this device itself wrote are kept this way (see ``parse_scanned``
    and ``parse_tables``), so the JSON is known to be a table, written as ``jsoncodec.dumps``
    writes it, and a save writes it back as it is. The JSON lies in the file (a ``Span``: read
    again, and checked to be the same file and the same bytes, each time it is needed) or in
    bytes held in memory (``Held``).

    Args:
        name: The table's name.
        span: Where its JSON lies.
        path: The file, named if it cannot be read after all.
        table: The table, when it is parsed already.
    """

    __slots__ = ("_found", "_table", "name", "path", "span")

    def __init__(self, name: str, span: Span | Held, path: Path, table: dict[str, Any] | None = None) -> None:
        self.name = name
        self.span = span
        self.path = path
        self._table = table
        self._found: dict[str, bool] = {}

    def json(self) -> Json:
        """The table's JSON (read again from the file when it lies there).

        Raises:
            PieceChanged: If the file is not the one read, or the range holds other bytes.
        """
        data = self.span.read()
        if data is None:
            raise PieceChanged(f"{self.path} changed while followup was reading it.")
        return data

    def mentions(self, text: str) -> bool:
        """Whether the table's JSON holds ``text`` (ASCII letters and digits, written as they
        are in this JSON): when it does not, no value of the table holds it. A range that
        cannot be read as it was may hold anything (its parse then says why it cannot)."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self.span.holds(text.encode("ascii"))
        return found

    @property
    def parsed(self) -> dict[str, Any] | None:
        """The table, if it was parsed already."""
        return self._table

    def table(self) -> dict[str, Any]:
        """The table (parsed once: every later call returns the same object).

        Raises:
            PieceChanged: If its range cannot be read as it was.
            DamagedFileError: If the JSON is not a table.
        """
        if self._table is None:
            json = self.json()
            try:
                with _collector_paused():
                    self._table = _parse_piece(self.name, json, self.path)
            except jsoncodec.DecodeError:
                raise DamagedFileError(
                    f"{self.path} is damaged: its table '{self.name[:40]}' cannot be read."
                ) from None
        return self._table


def parse_tables(
    raw: bytes, path: Path, written_here: bool = False, like: Mapping[str, Piece] | None = None
) -> tuple[dict[str, Any], dict[str, Piece]]:
    """Parse a data file's bytes table by table when they have one table per line.

    Each table's JSON is parsed (and decoded) on its own, so the whole file's text is never
    alive at once. Bytes in any other layout, or with a table that does not parse, are
    parsed whole by ``parse_database``: the result is the same, and so is the message that
    refuses a damaged file.

    Args:
        raw: The file's bytes.
        path: The file, named in the error message.
        written_here: The bytes are exactly what this device last wrote into the file (its
            digest matches the one noted then): every table but ``meta`` and ``sync`` is then
            kept as a ``Piece``, parsed when first asked for.
        like: Another file's tables as ``Piece``s not parsed yet (this device's own file,
            when another device's is read): a table whose JSON is byte for byte that of the
            same name there is that piece's table, parsed once for both files (the very same
            object: the merge then takes it once).

    Returns:
        The tables (a ``Piece`` in place of each table not parsed yet), and, for bytes this
        device wrote, every table as a ``Piece`` (its JSON, for a save to write back).

    Raises:
        DamagedFileError: If the bytes are not a JSON object of objects of objects.
    """
    found = split(raw)
    if found is None:
        return parse_database(raw, path), {}
    tables: dict[str, Any] = {}
    pieces: dict[str, Piece] = {}
    try:
        with _collector_paused():
            for name, start, end in found:
                if written_here:
                    piece = pieces[name] = Piece(name, Held(raw, start, end), path)
                    tables[name] = piece.table() if name in EAGER else piece
                else:
                    json = memoryview(raw)[start:end]
                    same = _same_table(like.get(name), json) if like else None
                    tables[name] = same if same is not None else _parse_piece(name, json, path)
    except (jsoncodec.DecodeError, DamagedFileError):
        return parse_database(raw, path), {}  # refused with the whole file's message
    return tables, pieces


def _same_table(piece: Piece | None, json: memoryview) -> dict[str, Any] | None:
    """The table of ``piece`` when its JSON is exactly ``json`` (None otherwise, or when the
    piece cannot be read as it was: ``json`` is then parsed on its own)."""
    if piece is None:
        return None
    span = piece.span
    if isinstance(span, Span):  # compared by the digest of its bytes, not read again
        if span.end - span.start != len(json) or hashlib.sha256(json).hexdigest() != span.digest:
            return None
    elif span.read() != json:
        return None
    try:
        return piece.table()
    except DamagedFileError:  # changed since (or not a table: the bytes here then say so themselves)
        return None


def parse_scanned(scan: Scan, path: Path) -> tuple[dict[str, Any], dict[str, Piece]] | None:
    """The tables of a file this device wrote, each kept as where it lies in the file.

    Args:
        scan: The file as streamed (``ranges.scan``), with its ``EAGER`` tables kept as bytes.
        path: The file.

    Returns:
        The tables (``meta`` and ``sync`` parsed, a ``Piece`` for every other), and every table
        as a ``Piece`` (for a save to write back); None when the file is not one table per
        line or a table parsed now does not parse (the caller reads the file whole).
    """
    if scan.spans is None:
        return None
    tables: dict[str, Any] = {}
    pieces: dict[str, Piece] = {}
    try:
        with _collector_paused():
            for name, span in scan.spans.items():
                kept = scan.kept.get(name)
                table = None if kept is None else _parse_piece(name, kept, path)
                pieces[name] = Piece(name, span, path, table)
                tables[name] = table if table is not None else pieces[name]
    except (jsoncodec.DecodeError, DamagedFileError):
        return None
    return tables, pieces


def parsed(table: Any) -> Any:
    """A table itself: parsed now if it is still a ``Piece``."""
    return table.table() if isinstance(table, Piece) else table


def parse_all(tables: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Parse every ``Piece`` of ``tables`` in place; return the same dict."""
    for name, table in list(tables.items()):
        if isinstance(table, Piece):
            tables[name] = table.table()
    return tables


def _with_appended(json: Json, table: dict[str, Any], doc_ids: Collection[str]) -> bytes:
    """A table's JSON as read, with the documents appended since written after its others: the
    bytes ``jsoncodec.dumps(table)`` writes, as they are its last members."""
    members = b",".join(jsoncodec.dumps(doc_id) + b":" + jsoncodec.dumps(table[doc_id]) for doc_id in doc_ids)
    head = bytes(json[:-1])
    return b"".join((head, b"," if len(head) > 1 else b"", members, b"}"))


def as_written(table: Any) -> Any:
    """A table as a save writes it: a ``Piece`` parsed meanwhile is written as its table."""
    return table.parsed if isinstance(table, Piece) and table.parsed is not None else table


class KnownJson:
    """Each table as last read or written, and its JSON (or where it lies in the file), so a
    save writes back a table the change did not reach as it is instead of serialising it."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[Any, Json | Span | Held]] = {}
        self.spans: dict[str, Span] = {}
        """The tables the last ``reuse`` wrote back from where they lay in the file."""

    def read(self, pieces: Mapping[str, Piece]) -> None:
        """Know the tables of a file as read (only those: the others belong to another version)."""
        self._known = {name: (piece, piece.span) for name, piece in pieces.items()}

    def wrote(
        self,
        written: Mapping[str, tuple[Any, Json]],
        data: dict[str, Any],
        where: tuple[Path, Identity, Mapping[str, int]],
    ) -> None:
        """Know the tables as a save wrote them.

        Args:
            written: Each table and the JSON written for it.
            data: The tables saved: each ``Piece`` written back from where it lay in the old
                file is replaced by one where it lies in the new file (not by its bytes).
            where: The new file, its identity and where each table's JSON starts in it.
        """
        path, identity, starts = where
        self._known = dict(written)
        for name, span in self.spans.items():
            now = span.moved(path, identity, starts[name])
            table = data.get(name)
            if isinstance(table, Piece):
                table = data[name] = Piece(name, now, path, table.parsed)
            self._known[name] = (table if isinstance(table, Piece) else written[name][0], now)

    def json_of(self, name: str, table: Any) -> Json | None:
        """The JSON ``table`` was read or last written as, if it is that very table (None: it
        must be serialised: it is not, or its bytes cannot be read again as they were).

        Raises:
            PieceChanged: If ``table`` is a ``Piece`` whose range cannot be read as it was.
        """
        if isinstance(table, Piece):
            return table.json()
        known = self._known.get(name)
        if known is None:
            return None
        was = known[0].parsed if isinstance(known[0], Piece) else known[0]
        if was is not table:
            return None
        return known[1].read() if isinstance(known[1], Span | Held) else known[1]

    def reuse(
        self,
        changed: Collection[str] | None,
        appended: Mapping[str, Collection[str]],
        grown: Mapping[str, tuple[Any, Sequence[str]]] | None = None,
    ) -> Callable[[str, Any], Json | None]:
        """For a save: the JSON to write back for a table (None: serialise it).

        A table never parsed is written back as it was read (from its range, read again and
        checked); one the change did not reach, as it was read or last written (``meta`` and
        ``sync`` change at every save); one it only appended documents to (``appended``: their
        ids), as read with those documents after; a stamps table that only gained the stamps
        of new records (``grown``: the table as read and their ids), as read with those stamps
        after. Each table written back from its range in the file is noted in ``spans``.
        """
        self.spans = {}

        def reuse(name: str, table: Any) -> Json | None:
            if isinstance(table, Piece) and table.parsed is None:
                if isinstance(table.span, Span):
                    self.spans[name] = table.span
                return table.json()
            if grown and name in grown:
                was, keys = grown[name]
                json = self.json_of(name, parsed(was))
                return None if json is None else with_new_stamps(json, parsed(was), table, keys)
            if name in appended:
                json = self.json_of(name, parsed(table))  # as read: the same dict, appended to
                return None if json is None else _with_appended(json, parsed(table), appended[name])
            if changed is None or name in changed or name in EAGER:
                return None
            json = self.json_of(name, parsed(table))
            known = self._known.get(name)
            if json is not None and known is not None and isinstance(known[1], Span):
                self.spans[name] = known[1]
            return json

        return reuse
