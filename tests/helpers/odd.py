"""Valid JSON with odd values in every field of every record: data files followup must read.

``ODD`` is a hand-picked list of values of the wrong type, out of range, too long or hostile;
``json_values`` is the hypothesis strategy for any JSON value followup can write.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from followup_tui.domain.models import Record
from followup_tui.store import jsoncodec
from followup_tui.store.tables import TABLES

ODD: list[Any] = [
    None,
    True,
    False,
    0,
    5,
    -1,
    7.5,
    2**64 - 1,
    -(2**63),
    1e300,
    -0.0,
    "",
    "zzz",
    "Ana, Bo",
    "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07",
    "\x00nul",
    "x" * 30_000,
    20261201,
    "2026-13-45 99:99",
    [],
    ["a", 1, None],
    [[["deep"]]],
    [{"name": 5}, "Cy", 3],
    {},
    {"a": {"b": [1]}},
]
"""Odd values: each field of each record type gets every one of them in ``odd_tables``."""

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
"""Any JSON value read back as it was written (no NaN or Infinity: reading refuses them)."""


def field_names(cls: type[Record]) -> list[str]:
    """The stored fields of a record type."""
    return [f.name for f in dataclasses.fields(cls)]


def odd_tables(interview_ids: list[str]) -> dict[str, dict[str, dict[str, Any]]]:
    """A data file's tables where every field of every record type takes every value of ``ODD``.

    Record ``k`` of a table holds ``ODD[(k + i) % len(ODD)]`` in its ``i``-th field; the first
    interviews keep the ids given (so screens can be opened on them) and every other record
    belongs to one of them, except where its ``interview_id`` is itself odd.
    """
    tables: dict[str, dict[str, dict[str, Any]]] = {
        "meta": {"1": {"schema": 2, "retired": 5, "settings": [1]}}
    }
    for cls, name in TABLES.items():
        rows: dict[str, dict[str, Any]] = {}
        names = field_names(cls)
        for k in range(len(ODD)):
            row = {field: ODD[(k + i) % len(ODD)] for i, field in enumerate(names)}
            if name == "interviews" and k < len(interview_ids):
                row["id"] = interview_ids[k]
            elif "interview_id" in row and k % 3:
                row["interview_id"] = interview_ids[k % len(interview_ids)]
                if name == "debriefs":
                    row["id"] = row["interview_id"]
            rows[str(k + 1)] = row
        tables[name] = rows
    return tables


def write_tables(path: Path, tables: dict[str, Any]) -> None:
    """Write tables as a data file, as plain TinyDB or a text editor might."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(jsoncodec.dumps(tables))
    path.chmod(0o600)  # private, as followup makes it (doctor warns about a readable one)
