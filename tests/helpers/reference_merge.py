"""The merge of device files said the slow, obvious way: the reference the fast one must match.

``followup_tui.domain.sync.replicas.merge_replicas`` takes shortcuts (a stamp recognised by
its shape, a file holding the same table as another merged once, a record the same
everywhere taken as it is). This module follows the rules of ``docs/data-format.md`` as the
merge did before those shortcuts (main at 2006157): every copy of every record from every
file, each stamp rebuilt from its parts before it is trusted. It imports nothing of
followup, so a change to the product's merge can never change this one along with it.
``tests/domain/test_sync_merge_reference.py`` checks that both give the same tables: the
same content, the same order of keys and documents, the same types.
"""

from __future__ import annotations

import json
from typing import Any

ZERO = "0000000000000.0000.-"
PLAIN: tuple[str, dict[str, str]] = (ZERO, {})
"""The version of a value nothing stamped."""

LOCAL_KEYS = ("revision", "schema", "retired")


def _text(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def _device(stamp: str) -> str:
    return stamp.partition(".")[2].partition(".")[2]


def valid_stamp(value: Any) -> bool:
    """A string that ``<13-digit wall>.<4-digit counter>.<device>`` of its own parts gives back."""
    if not isinstance(value, str):
        return False
    wall, _dot, rest = value.partition(".")
    counter, _dot, device = rest.partition(".")
    if not wall.isdigit() or not counter.isdigit() or not device:
        return False
    return f"{int(wall):013d}.{int(counter):04d}.{device}" == value


def _as_version(value: Any) -> tuple[str, dict[str, str]] | None:
    if not isinstance(value, list) or len(value) < 2 or not valid_stamp(value[0]):
        return None
    seen = value[1] if isinstance(value[1], dict) else {}
    return value[0], {k: v for k, v in seen.items() if isinstance(k, str) and isinstance(v, str)}


def _knew(seen: dict[str, str], stamp: str, its_seen: dict[str, str]) -> bool:
    """Whether an edit that had seen ``seen`` knew the version ``(stamp, its_seen)``."""
    if not seen.get(_device(stamp), "") >= stamp:
        return False
    return not any(seen.get(device, "") < newest for device, newest in its_seen.items())


def _newest_of(maps: list[dict[str, str]]) -> dict[str, str]:
    best: dict[str, str] = {}
    for one in maps:
        for device, stamp in one.items():
            if best.get(device, "") < stamp:
                best[device] = stamp
    return {device: best[device] for device in sorted(best)}


def _key_of(doc: dict[str, Any]) -> str:
    record_id = doc.get("id")
    if isinstance(record_id, str) and record_id != "":
        return record_id
    return "#" + _text(dict(doc))


def _versions_of(
    doc: dict[str, Any], entry: Any, default: tuple[str, dict[str, str]]
) -> dict[str, list[Any]]:
    """Each field of a stored record with every version its entry keeps for it."""
    stored = entry if isinstance(entry, dict) else {}
    base = _as_version(stored.get("@"))
    if base is None:
        base = default
    out: dict[str, list[Any]] = {}
    for name in doc:
        raw = stored.get(name)
        own = _as_version(raw)
        stamp, seen = own if own is not None else base
        versions = [(stamp, seen, doc[name])]
        if isinstance(raw, list) and len(raw) > 2 and isinstance(raw[2], list):
            for other in raw[2]:
                read = _as_version(other)
                if read is not None and len(other) > 2:
                    versions.append((read[0], read[1], other[2]))
        out[name] = versions
    return out


def _order(version: Any) -> tuple[str, str]:
    return version[0], _text(version[2])


def _heads(versions: list[Any]) -> list[Any]:
    """The versions no other one replaces, the shown one first (one of each stamp and value)."""
    by_key: dict[tuple[str, str], Any] = {}
    for version in versions:
        key = _order(version)
        if key not in by_key or _text(version[1]) > _text(by_key[key][1]):
            by_key[key] = version
    pool = list(by_key.values())
    heads = []
    for version in pool:
        replaced = False
        for other in pool:
            if other[0] != version[0] and _knew(other[1], version[0], version[1]):
                replaced = True
        if not replaced:
            heads.append(version)
    return sorted(heads, key=_order, reverse=True)


def _stored(fields: dict[str, list[Any]]) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """A record and its entry: the most common shown version is the base."""
    doc = {}
    tally: dict[tuple[str, str], int] = {}
    for name, heads in fields.items():
        doc[name] = heads[0][2]
        shown = (heads[0][0], _text(heads[0][1]))
        tally[shown] = tally.get(shown, 0) + 1
    plain = (ZERO, "{}")
    base = plain
    if tally:
        base = sorted(tally, key=lambda k: (tally[k], k))[-1]
    entry: dict[str, Any] = {}
    if base != plain:
        entry["@"] = [base[0], json.loads(base[1])]
    for name, heads in fields.items():
        rest = [[h[0], dict(h[1]), h[2]] for h in heads[1:]]
        if rest:
            entry[name] = [heads[0][0], dict(heads[0][1]), rest]
        elif (heads[0][0], _text(heads[0][1])) != base:
            entry[name] = [heads[0][0], dict(heads[0][1])]
    return doc, (entry if entry else None)


def _birth(entry: Any) -> str:
    if isinstance(entry, dict):
        for name in ("id", "@"):
            version = _as_version(entry.get(name))
            if version is not None:
                return version[0]
    return ZERO


def _dict_or_empty(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def reference_merge_table(sources: list[Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """One table merged from ``(documents, stamps document, default)`` per file."""
    copies: dict[str, list[Any]] = {}
    tombs: dict[str, tuple[str, dict[str, str]]] = {}
    for docs, stamps, default in sources:
        entries = _dict_or_empty(stamps.get("records"))
        for doc in docs.values():
            key = _key_of(doc)
            copies.setdefault(key, []).append((doc, entries.get(key), default))
        for key, raw in _dict_or_empty(stamps.get("gone")).items():
            tomb = _as_version(raw)
            if tomb is None:
                continue
            if key in tombs:
                before = tombs[key]
                tomb = (max(before[0], tomb[0]), _newest_of([before[1], tomb[1]]))
            tombs[key] = tomb
    rows = []
    for key, found in copies.items():
        tomb = tombs.get(key)
        same = all(one == found[0] for one in found)
        if tomb is None and found[0][2] == PLAIN and same:
            rows.append((_birth(found[0][1]), key, found[0][0], found[0][1]))
            continue
        fields: dict[str, list[Any]] = {}
        for doc, entry, default in found:
            for name, versions in _versions_of(doc, entry, default).items():
                fields[name] = fields.get(name, []) + versions
        live = {name: _heads(versions) for name, versions in fields.items()}
        if tomb is not None:
            unseen = {n: [h for h in hs if not _knew(tomb[1], h[0], h[1])] for n, hs in live.items()}
            if all(not hs for hs in unseen.values()):
                continue
            live = {n: unseen[n] if unseen[n] else live[n][:1] for n in live}
        doc, entry = _stored(live)
        rows.append((_birth(entry), key, doc, entry))
    rows.sort(key=lambda row: (row[0], row[1]))
    docs_out = {}
    records = {}
    for number, (_birth_stamp, key, doc, entry) in enumerate(rows, start=1):
        docs_out[str(number)] = dict(doc)
        if entry is not None:
            records[key] = entry
    gone = {key: [tombs[key][0], tombs[key][1]] for key in sorted(tombs)}
    return docs_out, {"records": records, "gone": gone}


def _head(tables: dict[str, Any]) -> dict[str, Any]:
    table = tables.get("sync")
    head = table.get("1") if isinstance(table, dict) else None
    return head if isinstance(head, dict) else {}


def _stamps(tables: dict[str, Any], name: str) -> dict[str, Any]:
    table = tables.get("sync." + name)
    doc = table.get("1") if isinstance(table, dict) else None
    return doc if isinstance(doc, dict) else {}


def _default(tables: dict[str, Any]) -> tuple[str, dict[str, str]]:
    version = _as_version(_head(tables).get("default"))
    return PLAIN if version is None else version


def _listed_strings(value: Any) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _names(heads: list[dict[str, Any]]) -> dict[str, str]:
    """Each device's name as it last said it itself, else the smallest name another knew."""
    known: dict[str, str] = {}
    own: dict[str, tuple[str, str]] = {}
    for head in heads:
        listed = head.get("devices")
        if isinstance(listed, dict):
            for device, name in listed.items():
                if isinstance(name, str) and (device not in known or name < known[device]):
                    known[device] = name
        device, name = head.get("device"), head.get("name")
        if isinstance(device, str) and isinstance(name, str):
            said = (str(head.get("clock", "")), name)
            if said > own.get(device, ("", "")):
                own[device] = said
    for device, (_clock, name) in own.items():
        known[device] = name
    return {device: known[device] for device in sorted(known)}


def _meta_doc(tables: dict[str, Any]) -> Any:
    return tables.get("meta", {}).get("1", {})


def _meta_as_record(meta: dict[str, Any]) -> dict[str, Any]:
    view: dict[str, Any] = {"id": "meta"}
    for key, value in meta.items():
        if key == "id" or key in LOCAL_KEYS:
            continue
        if key == "settings" and isinstance(value, dict):
            for name, setting in value.items():
                view["settings/" + name] = setting
        else:
            view[key] = value
    return view


def reference_merge(replicas: list[dict[str, Any]]) -> dict[str, Any]:
    """The merge of device files, as ``merge_replicas`` gives it."""
    ordered = sorted(replicas, key=lambda tables: _text(_head(tables)))
    names: list[str] = []
    for tables in ordered:
        for name in tables:
            data = name not in ("meta", "sync") and not name.startswith("sync.")
            if data and name not in names:
                names.append(name)
    out: dict[str, Any] = {}
    in_use: set[str] = set()
    for name in names:
        docs, stamps = reference_merge_table(
            [(t.get(name, {}), _stamps(t, name), _default(t)) for t in ordered]
        )
        out[name] = docs
        out["sync." + name] = {"1": stamps}
        in_use |= {_key_of(doc) for doc in docs.values()}
    meta_sources = [({"1": _meta_as_record(_meta_doc(t))}, _stamps(t, "meta"), _default(t)) for t in ordered]
    meta_docs, meta_stamps = reference_merge_table(meta_sources)
    view = meta_docs.get("1", {"id": "meta"})
    schemas = [_meta_doc(t).get("schema", 1) for t in ordered]
    schema = max((s if isinstance(s, int) and not isinstance(s, bool) else 1 for s in schemas), default=1)
    retired = {rid for t in ordered for rid in _listed_strings(_meta_doc(t).get("retired"))}
    meta: dict[str, Any] = {"schema": schema, "retired": sorted(retired - in_use)}
    meta.update({k: v for k, v in view.items() if k != "id" and not k.startswith("settings/")})
    settings = {k[len("settings/") :]: v for k, v in view.items() if k.startswith("settings/")}
    if settings:
        meta["settings"] = settings
    heads = [_head(t) for t in ordered]
    clocks = [h["clock"] for h in heads if isinstance(h.get("clock"), str)]
    out["sync.meta"] = {"1": meta_stamps}
    out["sync"] = {
        "1": {
            "default": [ZERO, {}],
            "clock": max(clocks) if clocks else ZERO,
            "devices": _names(heads),
            "legacy": sorted({d for h in heads for d in _listed_strings(h.get("legacy"))}),
        }
    }
    return {"meta": {"1": meta}, **out}
