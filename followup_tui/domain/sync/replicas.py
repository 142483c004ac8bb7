"""Merging device files: every file is a whole replica; the merge of any of them is one more.

A replica is the tables of one file (TinyDB's shape: table name to document id to document),
with the file's head in the ``sync`` table and a stamps table ``sync.<name>`` beside each data
table (``fields`` says what an entry holds). ``meta``'s one document is merged like a record
(each setting on its own), except its revision (this file's own), its schema (the caller's)
and its retired ids (every id retired anywhere).

``merge_replicas`` is a pure function of the set of replicas: records by id, each field's
live versions (``fields.live_heads``), deletions as tombstones that remove every version they
had seen (an edit they had not seen brings the record back), records in the order they were
made. Merging is commutative, associative and idempotent (``tests/domain/test_sync_merge.py``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from followup_tui.domain.sync.fields import (
    BASE,
    DEFAULT,
    Entry,
    Head,
    canonical,
    encode_record,
    live_heads,
    record_heads,
)
from followup_tui.domain.sync.stamps import ZERO, Version, covers, is_stamp, join, reads_version

Tables = dict[str, dict[str, Any]]

META = "meta"
HEAD = "sync"
"""The table whose one document is the file's head: device, clock, default version, devices."""

STAMPS_PREFIX = "sync."
META_RECORD = "meta"
"""The id ``meta``'s document has when it is merged as a record."""

LOCAL_META = ("revision", "schema", "retired")
"""Keys of ``meta``'s document that are not merged as fields."""

SETTING = "settings/"
"""How one setting is named when ``meta`` is merged as a record."""


def stamps_table(name: str) -> str:
    """The name of the stamps table of a data table."""
    return STAMPS_PREFIX + name


def is_data_table(name: str) -> bool:
    """True for a table of records (neither ``meta`` nor a head or stamps table)."""
    return name != META and name != HEAD and not name.startswith(STAMPS_PREFIX)


def head_of(tables: Mapping[str, Any]) -> dict[str, Any]:
    """A file's head (an empty one when it has none)."""
    head = tables.get(HEAD, {}).get("1") if isinstance(tables.get(HEAD), dict) else None
    return head if isinstance(head, dict) else {}


def stamps_of(tables: Mapping[str, Any], name: str) -> dict[str, Any]:
    """The stamps document of a data table (records and tombstones), empty when missing."""
    table = tables.get(stamps_table(name))
    doc = table.get("1") if isinstance(table, dict) else None
    return doc if isinstance(doc, dict) else {}


def default_of(tables: Mapping[str, Any]) -> Version:
    """The version of the file's values that have no entry."""
    return reads_version(head_of(tables).get("default")) or DEFAULT


def record_key(doc: Mapping[str, Any]) -> str:
    """What matches a record across files: its id (a record without one: its content)."""
    value = doc.get("id")
    return value if isinstance(value, str) and value else "#" + canonical(dict(doc))


def meta_view(doc: Mapping[str, Any]) -> dict[str, Any]:
    """``meta``'s document as a record: each setting a field of its own."""
    view: dict[str, Any] = {"id": META_RECORD}
    for key, value in doc.items():
        if key in LOCAL_META or key == "id":
            continue
        if key == "settings" and isinstance(value, dict):
            view.update({SETTING + name: setting for name, setting in value.items()})
        else:
            view[key] = value
    return view


def meta_from_view(view: Mapping[str, Any], local: Mapping[str, Any]) -> dict[str, Any]:
    """``meta``'s document from its record view and the keys kept out of the merge."""
    doc = {key: local[key] for key in LOCAL_META if key in local}
    settings = {key[len(SETTING) :]: value for key, value in view.items() if key.startswith(SETTING)}
    doc.update({key: value for key, value in view.items() if key != "id" and not key.startswith(SETTING)})
    if settings:
        doc["settings"] = settings
    return doc


def meta_tables(tables: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """``meta`` as a table of one record, and its stamps, for merging and stamping."""
    meta = tables.get(META, {}).get("1", {})
    return {"1": meta_view(meta)}, stamps_of(tables, META)


def merge_tables(
    sources: Sequence[tuple[Mapping[str, Any], Mapping[str, Any], Version]],
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Merge one table across files.

    Args:
        sources: Per file: the table's documents, its stamps document, the file's default.

    Returns:
        The merged documents (ids "1", "2", ... in the order the records were made) and the
        merged stamps document.
    """
    docs, stamps, _keys = _merge_table(sources)
    return docs, stamps


def _merge_table(
    sources: Sequence[tuple[Mapping[str, Any], Mapping[str, Any], Version]],
) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """``merge_tables``, and the key of each merged document (``record_key``), in their order.

    A file whose table and stamps are the very objects of a file before it (one file given
    twice, or one parsed table given for two files), with the same default, is left out of
    the records' merge: each of its copies is one already there, and a copy met
    twice changes neither the records taken as they are nor a field's live versions
    (``live_heads`` counts the same version once). Its tombstones still count
    (``_tombstones``). Equal is not enough: ``True == 1``, yet they are two versions.
    """
    gone = _tombstones(sources)
    found: dict[str, list[tuple[Mapping[str, Any], Any, Version]]] = {}
    distinct: list[tuple[Mapping[str, Any], Mapping[str, Any], Version]] = []
    for source in sources:
        docs, stamps, default = source
        if any(docs is d[0] and stamps is d[1] and default == d[2] for d in distinct):
            continue
        distinct.append(source)
        entry_of = _mapping(stamps.get("records")).get
        for doc in docs.values():
            key = doc.get("id")
            if not (isinstance(key, str) and key):
                key = record_key(doc)
            copies = found.get(key)
            if copies is None:
                found[key] = [(doc, entry_of(key), default)]
            else:
                copies.append((doc, entry_of(key), default))
    # (made, key, document, entry, the key of the document): keys are unique, so sorting these
    # tuples orders by made stamp then key and never compares the documents
    kept: list[tuple[str, str, Mapping[str, Any], Entry | None, str]] = []
    for key, copies in found.items():
        first = copies[0]
        doc, entry, default = first
        if default == DEFAULT and key not in gone and copies.count(first) == len(copies):
            kept.append((_made(entry), key, doc, entry, key))  # the same everywhere: taken as it is
            continue
        merged = _merged_record(copies, gone.get(key))
        if merged is not None:
            merged_doc, merged_entry = merged
            kept.append((_made(merged_entry), key, merged_doc, merged_entry, record_key(merged_doc)))
    kept.sort()
    docs_out = {str(n): dict(item[2]) for n, item in enumerate(kept, start=1)}
    records = {item[1]: item[3] for item in kept if item[3] is not None}
    tombs_out = {key: [stamp, seen] for key, (stamp, seen) in sorted(gone.items())}
    return docs_out, {"records": records, "gone": tombs_out}, [item[4] for item in kept]


def _tombstones(
    sources: Iterable[tuple[Mapping[str, Any], Mapping[str, Any], Version]],
) -> dict[str, Version]:
    """Every deleted record's tombstone: the latest stamp, and all that any of them had seen."""
    gone: dict[str, Version] = {}
    for _docs, stamps, _default in sources:
        for key, raw in _mapping(stamps.get("gone")).items():
            tomb = reads_version(raw)
            if tomb is not None:
                known = gone.get(key)
                gone[key] = tomb if known is None else (max(known[0], tomb[0]), join([known[1], tomb[1]]))
    return gone


def _merged_record(
    copies: Sequence[tuple[Mapping[str, Any], Any, Version]], tomb: Version | None
) -> tuple[dict[str, Any], Entry | None] | None:
    """One record merged from its copies, field by field (None: its deletion had seen it all)."""
    fields: dict[str, list[Head]] = {}
    for one_doc, one_entry, one_default in copies:
        for name, heads in record_heads(one_doc, one_entry, one_default).items():
            fields.setdefault(name, []).extend(heads)
    live = {name: live_heads(heads) for name, heads in fields.items()}
    kept_fields = live if tomb is None else _after_tombstone(live, tomb)
    return None if kept_fields is None else encode_record(kept_fields)


def _after_tombstone(fields: dict[str, list[Head]], tomb: Version) -> dict[str, list[Head]] | None:
    """A deleted record's fields without the versions its deletion had seen, or None when
    nothing is left: an edit the deleting device had not seen brings the record back, with the
    latest of the versions it had seen for the fields nobody edited since."""
    left = {name: [h for h in heads if not covers(tomb[1], (h[0], h[1]))] for name, heads in fields.items()}
    if not any(left.values()):
        return None
    return {name: left[name] or heads[:1] for name, heads in fields.items()}


def _made(entry: Any) -> str:
    """When a record was made: the stamp of its id (which never changes), else of its base."""
    if isinstance(entry, dict):
        for name in ("id", BASE):
            raw = entry.get(name)
            if isinstance(raw, list) and len(raw) >= 2 and is_stamp(raw[0]):  # ``reads_version``
                stamp: str = raw[0]
                return stamp
    return DEFAULT[0]


def merge_replicas(replicas: Sequence[Tables]) -> Tables:
    """The merge of several device files (see the module docstring).

    The result has every data table, ``meta`` (its retired ids: every id retired anywhere and
    not in use), the stamps tables and a head with the newest clock, every device's name and
    every old single file already merged; the caller adds what belongs to its own device.
    """
    ordered = sorted(replicas, key=lambda r: canonical(head_of(r)))
    names: list[str] = []
    for replica in ordered:
        names += [name for name in replica if is_data_table(name) and name not in names]
    out: Tables = {}
    alive: set[str] = set()
    for name in names:
        docs, stamps, keys = _merge_table(
            [(r.get(name, {}), stamps_of(r, name), default_of(r)) for r in ordered]
        )
        out[name] = docs
        out[stamps_table(name)] = {"1": stamps}
        alive.update(keys)
    views = [(*meta_tables(r), default_of(r)) for r in ordered]
    meta_docs, meta_stamps = merge_tables(views)
    local = {
        "schema": max((_schema(r) for r in ordered), default=1),
        "retired": sorted(set(_retired(ordered)) - alive),
    }
    out[META] = {"1": meta_from_view(meta_docs.get("1", {"id": META_RECORD}), local)}
    out[stamps_table(META)] = {"1": meta_stamps}
    heads = [head_of(r) for r in ordered]
    out[HEAD] = {
        "1": {
            "default": [DEFAULT[0], dict(DEFAULT[1])],
            "clock": max((h["clock"] for h in heads if isinstance(h.get("clock"), str)), default=ZERO),
            "devices": device_names(heads),
            "legacy": sorted({s for h in heads for s in _strings(h.get("legacy"))}),
        }
    }
    return {META: out.pop(META), **out}


def device_names(heads: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    """Every device's readable name: as the device itself last said, else as another knew it."""
    said: dict[str, tuple[str, str]] = {}
    known: dict[str, str] = {}
    for head in heads:
        devices = head.get("devices")
        for device, name in devices.items() if isinstance(devices, dict) else ():
            if isinstance(name, str) and (device not in known or name < known[device]):
                known[device] = name
        device, name, clock = head.get("device"), head.get("name"), str(head.get("clock", ""))
        if isinstance(device, str) and isinstance(name, str) and (clock, name) > said.get(device, ("", "")):
            said[device] = (clock, name)
    known.update({device: name for device, (_clock, name) in said.items()})
    return dict(sorted(known.items()))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, dict) else {}


def _schema(tables: Mapping[str, Any]) -> int:
    value = tables.get(META, {}).get("1", {}).get("schema", 1)
    return value if isinstance(value, int) and not isinstance(value, bool) else 1


def _retired(replicas: Iterable[Tables]) -> list[str]:
    return [rid for r in replicas for rid in _strings(r.get(META, {}).get("1", {}).get("retired"))]


def _strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []
