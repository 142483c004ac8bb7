"""Stamping a change before it is saved: what it made, changed or removed, in the stamps tables."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from followup_tui.domain.conflicts import TEXT_FIELDS
from followup_tui.domain.sync.changes import stamp_table
from followup_tui.domain.sync.replicas import META, is_data_table, meta_tables, stamps_of, stamps_table
from followup_tui.store import jsoncodec
from followup_tui.store.parsing import parsed
from followup_tui.store.pieces import Json

Settle = Mapping[str, Collection[tuple[str, str]]]
"""Per table, the (record id, field) pairs a change settles (see ``stamp_table``)."""


def stamp_changes(data: dict[str, Any], before: Mapping[str, Json], stamp: str, settle: Settle) -> None:
    """Write the stamps of what the change did into the stamps tables (new table objects).

    Args:
        data: Every table after the change (a stamps table still kept as its JSON is parsed).
        before: The JSON of each table the change reached, as it was read.
        stamp: The change's stamp.
        settle: The fields whose concurrent texts this change settles, per table.
    """
    for name, raw in before.items():
        if stamps_table(name) in data:
            data[stamps_table(name)] = parsed(data[stamps_table(name)])
        if name == META:
            old_view = meta_tables({META: jsoncodec.loads(raw)})[0]
            new_view = meta_tables(data)[0]
            updated = stamp_table(old_view, new_view, stamps_of(data, META), stamp)
        elif is_data_table(name) and name in data:
            updated = stamp_table(
                jsoncodec.loads(raw),
                parsed(data[name]),
                stamps_of(data, name),
                stamp,
                TEXT_FIELDS.get(name, ()),
                settle.get(name, ()),
            )
        else:
            continue
        if updated is not None:
            data[stamps_table(name)] = {"1": updated}
