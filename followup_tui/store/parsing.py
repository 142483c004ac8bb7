"""Reading a data file's bytes: parsing them and checking they have TinyDB's shape."""

from __future__ import annotations

import contextlib
import gc
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from followup_tui.store import jsoncodec
from followup_tui.store.durable import DamagedFileError

HEAD_BYTES = 512
"""How much of the file's head holds the revision stamp."""

REVISION = re.compile(rb'^\{"meta":\{"1":\{"revision":(\d{1,18})[,}]')
"""The revision stamp at the head of a file this code wrote."""


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
    """Parse the bytes of a data file and check they have TinyDB's shape.

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
        # map() keeps these checks in C: a long history holds a hundred thousand records
        if not isinstance(table, dict) or not set(map(type, table.values())) <= {dict}:
            raise DamagedFileError(f"{path} is damaged: its table '{name[:40]}' is not a table of records.")
        if not all(map(str.isdigit, table)):
            raise DamagedFileError(
                f"{path} is damaged: its table '{name[:40]}' has a record id that is not a number."
            )
    return data
