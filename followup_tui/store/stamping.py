"""Stamping a change before it is saved: what it made, changed or removed, in the stamps tables."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from followup_tui.domain.sync.changes import stamp_table
from followup_tui.domain.sync.fields import TEXT_FIELDS
from followup_tui.domain.sync.replicas import (
    META,
    is_data_table,
    meta_tables,
    record_key,
    stamps_of,
    stamps_table,
)
from followup_tui.store import jsoncodec
from followup_tui.store.parsing import parsed
from followup_tui.store.pieces import Json

Settle = Mapping[str, Collection[tuple[str, str]]]
"""Per table, the (record id, field) pairs a change settles (see ``stamp_table``)."""


def only_new_records(
    data: Mapping[str, Any], appended: Mapping[str, Collection[str]]
) -> dict[str, list[str]]:
    """The tables only appended to whose new documents are new records too (no other document
    of the table has their record's id), with the new document ids.

    Only for those can the stamps look at the new documents alone: a document appended under
    the id of a record already there changes that record, which needs the whole comparison.
    """
    found: dict[str, list[str]] = {}
    for name, doc_ids in appended.items():
        table = parsed(data.get(name))
        if not isinstance(table, dict) or not is_data_table(name):
            continue
        new = set(doc_ids)
        keys = [record_key(table[d]) for d in doc_ids if d in table]
        if len(keys) == len(new) == len(set(keys)) and set(keys).isdisjoint(
            record_key(doc) for key, doc in table.items() if key not in new
        ):
            found[name] = list(doc_ids)
    return found


def stamp_changes(
    data: dict[str, Any],
    before: Mapping[str, Json],
    stamp: str,
    settle: Settle,
    appended: Mapping[str, Collection[str]] | None = None,
) -> dict[str, tuple[Any, list[str]]]:
    """Write the stamps of what the change did into the stamps tables (new table objects).

    Args:
        data: Every table after the change (a stamps table still kept as its JSON is parsed).
        before: The JSON of each table the change reached, as it was read.
        stamp: The change's stamp.
        settle: The fields whose concurrent texts this change settles, per table.
        appended: Tables the change only appended new records to (``only_new_records``),
            with the new document ids: only those documents are stamped (as new records),
            the table is not parsed again from ``before`` to be compared.

    Returns:
        The stamps tables that only gained the stamps of new records, after their others:
        each with the table as read and the new records' ids (``parsing.with_new_stamps``
        writes them without serialising the others again).
    """
    grown: dict[str, tuple[Any, list[str]]] = {}
    for name, raw in before.items():
        if stamps_table(name) in data:
            data[stamps_table(name)] = parsed(data[stamps_table(name)])
        new = (appended or {}).get(name)
        if new is not None:
            table = parsed(data[name])
            was = stamps_of(data, name)
            updated = stamp_table({}, {d: table[d] for d in new}, was, stamp)
            keys = [record_key(table[d]) for d in new]
            records = was.get("records")
            if updated is not None and isinstance(records, dict) and records.keys().isdisjoint(keys):
                grown[stamps_table(name)] = (data.get(stamps_table(name)), keys)
        elif name == META:
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
    return grown
