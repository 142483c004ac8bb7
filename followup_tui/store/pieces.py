"""The data file's layout: one table per line, so each table can be read and written alone.

A file this code writes is compact JSON with a newline after each table's comma::

    {"meta":{"1":{"revision":7,...}},
    "interviews":{"1":{...},...},
    ...
    "sync":{"1":{...}}}

It is still one JSON object: a newline is whitespace between tokens, and compact JSON never
holds a raw newline anywhere else (inside a string it is written ``\\n``), so in such a file
each newline ends a table. ``TinyDB(path)`` and ``json.load`` read it unchanged, and the
revision stamp stays at the very start (``parsing.head_revision``).

``split`` finds the tables of bytes in that layout (any other layout, such as an older file
on one line or a pretty-printed one, gives None: it is parsed whole, as before); ``assemble``
writes the file from each table's JSON, reusing the JSON of a table a change did not reach;
``with_new_stamps`` writes a stamps table as read with the stamps of new records after.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from followup_tui.store import jsoncodec

Json = bytes | memoryview
"""A table's JSON: its own bytes, or a view of bytes read or made for it."""

_NAME = re.compile(rb'"([A-Za-z0-9_.\-]{1,100})":')
"""A table's name at the start of its line (any other name: the file is parsed whole)."""

_COMMA, _CLOSE = ord(","), ord("}")


def split(raw: bytes) -> list[tuple[str, int, int]] | None:
    """Each table's name and where its JSON starts and ends in ``raw``, in the order of the file.

    Args:
        raw: A data file's bytes.

    Returns:
        The tables' names and JSON's bounds, or None when the bytes are not in the layout
        above (the JSON of each table is not checked here: ``parsing`` parses it).
    """
    if not raw.startswith(b'{"') or raw[-1] != _CLOSE or b"\n" not in raw:
        return None  # a file on one line is parsed whole: it is old, or holds one table
    found: list[tuple[str, int, int]] = []
    start = 1
    while True:
        newline = raw.find(b"\n", start)
        last = newline < 0
        stop = len(raw) - 1 if last else newline - 1  # the comma after the table, or the final }
        if not last and raw[stop] != _COMMA:
            return None
        name = _NAME.match(raw, start, stop)
        if name is None or name.end() >= stop:
            return None
        found.append((name.group(1).decode("ascii"), name.end(), stop))
        if last:
            return found
        start = newline + 1


def assemble(
    tables: Iterable[tuple[str, object]],
    reuse: Callable[[str, object], Json | None],
    check: bool = False,
) -> tuple[list[Json], dict[str, tuple[object, Json]], dict[str, int]]:
    """The file's bytes in pieces for ``tables`` (name and table, in order), each table's JSON,
    and where each table's JSON starts in the file.

    Args:
        tables: The tables in the order they are written.
        reuse: The JSON to write for a table the change did not reach (None: serialise it).
        check: Also compare the file with the tables serialised afresh, whole (the tests'
            check that a table reused was not changed).

    Returns:
        The pieces, written one after the other (joining them would copy the whole file once
        more), each table with the JSON written for it, and the offset of that JSON.

    Raises:
        EncodeError: If a table cannot be written as JSON.
        RuntimeError: With ``check``, if a reused table's JSON is not what it holds now.
    """
    written: dict[str, tuple[object, Json]] = {}
    starts: dict[str, int] = {}
    parts: list[Json] = [b"{"]
    offset = 1
    for name, table in tables:
        blob = reuse(name, table)
        if blob is None:
            blob = jsoncodec.dumps(table)
        written[name] = (table, blob)
        head = [b",\n" if len(parts) > 1 else b"", jsoncodec.dumps(name) + b":"]
        offset += len(head[0]) + len(head[1])
        starts[name] = offset
        offset += len(blob)
        parts += [*head, blob]
    parts.append(b"}")
    if check:  # without its newlines (each after a table's comma), the file is compact JSON
        whole = jsoncodec.dumps({name: _fresh(table) for name, (table, _blob) in written.items()})
        if b"".join(parts).replace(b",\n", b",") != whole:
            raise RuntimeError("A table changed without being marked as changed.")
    return parts, written, starts


def _fresh(table: object) -> object:
    """The value a table holds now, parsed again from its JSON if it was never parsed (a
    ``parsing.Piece``, which this module cannot import: it imports this one)."""
    json = getattr(table, "json", None)
    return jsoncodec.loads(json()) if callable(json) else table


STAMPS_HEAD = b'{"1":{"records":{'
"""How a stamps table's JSON starts: its one document, the records' stamps first."""


def with_new_stamps(json: Json, was: Any, table: Any, keys: Sequence[str]) -> bytes | None:
    """A stamps table's JSON as read, with the stamps of new records after the others: the bytes
    ``jsoncodec.dumps(table)`` writes, when ``table`` is ``was`` with only those records' stamps
    added last and both are laid out as this code writes them (one document, its records, then
    its tombstones); None otherwise (the table is then serialised).

    Args:
        json: The JSON of the stamps table as read: ``jsoncodec.dumps(was)``.
        was: The stamps table as read.
        table: The stamps table now.
        keys: The records whose stamps were added, none of them stamped before.
    """
    if not keys or not _stamps_layout(was) or not _stamps_layout(table):
        return None
    before, records = was["1"]["records"], table["1"]["records"]
    kept = len(before)
    if len(records) != kept + len(keys) or list(records)[kept:] != list(keys):
        return None
    first = zip(before.items(), records.items(), strict=False)  # the records' first ``kept``
    if any(key != now_key or entry is not now for (key, entry), (now_key, now) in first):
        return None
    tail = b',"gone":' + jsoncodec.dumps(table["1"]["gone"]) + b"}}"
    cut = len(json) - len(tail) - 1  # where the records' closing brace stands
    if cut < len(STAMPS_HEAD) - 1 or json[cut:] != b"}" + tail or json[: len(STAMPS_HEAD)] != STAMPS_HEAD:
        return None  # the tombstones changed, or the JSON is not laid out as said
    members = b",".join(jsoncodec.dumps(key) + b":" + jsoncodec.dumps(records[key]) for key in keys)
    return b"".join((json[:cut], b"," if kept else b"", members, json[cut:]))


def _stamps_layout(table: Any) -> bool:
    """Whether a stamps table is one document of records then tombstones, as this code writes."""
    doc = table.get("1") if isinstance(table, dict) else None
    return (
        isinstance(doc, dict)
        and list(table) == ["1"]
        and list(doc) == ["records", "gone"]
        and isinstance(doc["records"], dict)
    )
