"""The fast merge of device files gives exactly what the plain reference gives, for any files.

``tests/helpers/reference_merge.py`` is the merge without its shortcuts. Both run on files
made by real histories of edits, deletions and reads on three devices (clocks skewed), on
those files with stamps, entries and tombstones damaged or odd, and on files drawn freely
(ids missing or shared, texts typed on both sides, defaults of old files, files holding the
same tables). The results must be the same tables with the same keys in the same order and
the same types; where the reference fails on a value, the merge fails the same way.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.sync.replicas import merge_replicas, merge_tables
from followup_tui.domain.sync.stamps import is_stamp
from tests.helpers.reference_merge import reference_merge, reference_merge_table, valid_stamp
from tests.helpers.sync_histories import play, skews, steps

GOOD_STAMPS = (
    "1796627294515.0000.aaaaaaaa",
    "1796627294515.0001.bbbbbbbb",
    "1796627295000.0000.aaaaaaaa",
    "1796627295000.0000.cccccccc",
    "0000000000000.0000.-",
    "17966272945150.0000.aaaaaaaa",  # a wall time of 14 digits
    "1796627294515.0000.a.b",  # a device with a dot
    "1796627294515.0000.a\nb",
)
ODD_STAMPS = (
    "",
    "abc",
    "1796627294515.0000.",  # no device
    "179662729451.0000.aaaaaaaa",  # 12 digits
    "01796627294515.0000.aaaaaaaa",  # a leading zero too many
    "1796627294515.000.aaaaaaaa",
    "1796627294515.00000.aaaaaaaa",
    "\u0661\u0667\u0669\u0666\u0666\u0662\u0667\u0662\u0669\u0664\u0665\u0661\u0665.0000.aa",  # Arabic-Indic
    "1796627294515-0000-aaaaaaaa",
    " 1796627294515.0000.aaaaaaaa",
    5,
    None,
    ["1796627294515.0000.aaaaaaaa"],
)
DEVICES = ("aaaaaaaa", "bbbbbbbb", "cccccccc", "-")
VALUES = ("", "one", "two", 3, None, ["Ana", "Bo"], {"name": "Ana"}, True, 1)

stamps: st.SearchStrategy[Any] = st.sampled_from(GOOD_STAMPS) | st.sampled_from(ODD_STAMPS)
seens: st.SearchStrategy[Any] = st.dictionaries(
    st.sampled_from(DEVICES), stamps, max_size=3
) | st.sampled_from((None, "x", 4, []))
versions: st.SearchStrategy[Any] = st.builds(lambda s, seen: [s, seen], stamps, seens) | st.sampled_from(
    ("x", [], None, 7)
)
others: st.SearchStrategy[Any] = st.lists(
    st.builds(
        lambda v, value: [*v, value], versions.filter(lambda v: isinstance(v, list)), st.sampled_from(VALUES)
    )
    | versions,
    max_size=3,
)
field_versions: st.SearchStrategy[Any] = versions | st.builds(
    lambda v, o: [*v, o] if isinstance(v, list) else v, versions, others
)
FIELDS = ("id", "notes", "outcome", "company", "@")
entries: st.SearchStrategy[Any] = st.dictionaries(
    st.sampled_from(FIELDS), field_versions, max_size=4
) | st.sampled_from((None, "x", []))
IDS = ("r2222", "r3333", "r4444", "", 7)
docs: st.SearchStrategy[Any] = st.builds(
    lambda record_id, fields: fields if record_id is None else {"id": record_id, **fields},
    st.sampled_from((*IDS, None)),
    st.dictionaries(st.sampled_from(("notes", "outcome", "company")), st.sampled_from(VALUES), max_size=3),
)


@st.composite
def tables_of(draw: st.DrawFn) -> dict[str, Any]:
    """One table and its stamps document, as a file could hold them."""
    found = draw(st.lists(docs, max_size=5))
    table = {str(n): doc for n, doc in enumerate(found, start=1)}
    keys = st.sampled_from(("r2222", "r3333", "r4444", "r5555", '#{"notes": "one"}'))
    stamp_doc: Any = {
        "records": draw(st.dictionaries(keys, entries, max_size=4) | st.sampled_from((None, [], "x"))),
        "gone": draw(st.dictionaries(keys, versions, max_size=3) | st.sampled_from((None, "x"))),
    }
    return {"docs": table, "stamps": stamp_doc}


@st.composite
def replicas_of(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Two to four files, some holding tables (or whole files) equal to another's."""
    pool = draw(st.lists(tables_of(), min_size=1, max_size=3))
    out: list[dict[str, Any]] = []
    for n in range(draw(st.integers(2, 4))):
        again: int = draw(st.integers(0, 3)) if out else 0
        if again:  # the same file twice: the very same tables, or a copy of them
            earlier = draw(st.sampled_from(out))
            out.append(earlier if again == 1 else copy.deepcopy(earlier))
            continue
        tables: dict[str, Any] = {}
        for name in draw(st.lists(st.sampled_from(("interviews", "questions")), unique=True, max_size=2)):
            shared: bool = draw(st.booleans())  # one table object in several files, as the store hands them
            chosen = draw(st.sampled_from(pool))
            chosen = chosen if shared else copy.deepcopy(chosen)
            tables[name] = chosen["docs"]
            tables["sync." + name] = (
                {"1": chosen["stamps"]} if draw(st.booleans()) else draw(st.sampled_from(({}, 3)))
            )
        head = {
            "device": draw(st.sampled_from(DEVICES[:3])),
            "name": draw(st.sampled_from(("laptop", "phone", 5))),
            "clock": draw(stamps),
            "devices": draw(
                st.dictionaries(st.sampled_from(DEVICES), st.sampled_from(("laptop", "phone", 1)))
            ),
            "legacy": draw(st.lists(st.sampled_from(("d1", "d2", 3)), max_size=2)),
        }
        if draw(st.booleans()):
            head["default"] = draw(versions)
        tables["sync"] = {"1": head} if n % 3 != 2 else draw(st.sampled_from(({}, {"1": "x"})))
        meta = {
            "revision": n,
            "schema": draw(st.sampled_from((4, 3, True, "x"))),
            "retired": draw(st.lists(st.sampled_from(("r2222", "r9999", 5)), max_size=2)),
            "settings": draw(
                st.dictionaries(st.sampled_from(("theme", "my_email")), st.sampled_from(VALUES))
            ),
            "tz_migrated": draw(st.sampled_from(VALUES)),
        }
        tables["meta"] = {"1": meta}
        if draw(st.booleans()):
            tables["sync.meta"] = {"1": draw(tables_of())["stamps"]}
        out.append(tables)
    return out


def _outcome(merge: Any, *args: Any) -> tuple[str, Any]:
    """What a merge gives: its result, or the kind of error it stops with."""
    try:
        return "result", merge(*args)
    except Exception as exc:  # the reference's own failure is part of what must be matched
        return "error", type(exc).__name__


def _assert_same(ours: tuple[str, Any], reference: tuple[str, Any]) -> None:
    """The same result to the letter: equal, and equal JSON with the keys in the same order
    (``==`` tells a list from a tuple and a dict's keys in any order; the JSON tells
    ``True`` from ``1`` and keeps the order)."""
    assert ours[0] == reference[0], (ours, reference)
    assert ours[1] == reference[1]
    assert json.dumps(ours[1], default=repr) == json.dumps(reference[1], default=repr)


def _both(replicas: list[dict[str, Any]]) -> None:
    untouched = copy.deepcopy(replicas)
    ours = _outcome(merge_replicas, replicas)
    assert replicas == untouched  # the merge never changes what it reads
    _assert_same(ours, _outcome(reference_merge, copy.deepcopy(replicas)))


def _damaged(tables: dict[str, Any], seed: int) -> dict[str, Any]:
    """A file with some stamps, entries and tombstones made odd (``seed`` picks which)."""
    out = copy.deepcopy(tables)
    odd = [*ODD_STAMPS, *GOOD_STAMPS]
    for n, name in enumerate(sorted(k for k in out if k.startswith("sync.interviews"))):
        doc = out[name].get("1", {})
        for m, (key, entry) in enumerate(sorted(doc.get("records", {}).items())):
            pick = (seed + n + m) % 5
            if pick == 0:
                doc["records"][key] = {"@": [odd[(seed + m) % len(odd)], {"aaaaaaaa": ""}]}
            elif pick == 1 and isinstance(entry, dict):
                entry["notes"] = [
                    odd[(seed * 3 + m) % len(odd)],
                    {},
                    [[GOOD_STAMPS[1], {}, "typed elsewhere"]],
                ]
            elif pick == 2:
                doc["records"][key] = "not an entry"
        gone = doc.get("gone", {})
        for m, key in enumerate(sorted(gone)):
            gone[key] = [odd[(seed + m) % len(odd)], {"bbbbbbbb": GOOD_STAMPS[1], "zzz": 5}]
        if seed % 4 == 3:
            doc.setdefault("gone", {})["r2222"] = [GOOD_STAMPS[2], {"cccccccc": GOOD_STAMPS[3]}]
    return out


@settings(max_examples=200, deadline=None)
@given(steps, skews)
def test_the_merge_of_real_histories_is_the_references(history: list[Any], skew: tuple[int, ...]) -> None:
    devices, _typed = play(history, skew)
    a, b, c = (d.tables for d in devices)
    for replicas in ([a, b], [b, a], [a, b, c], [c, a, b], [a, a], [a, b, a], [a]):
        _both(replicas)


@settings(max_examples=200, deadline=None)
@given(steps, skews, st.integers(0, 1000))
def test_the_merge_of_damaged_histories_is_the_references(
    history: list[Any], skew: tuple[int, ...], seed: int
) -> None:
    devices, _typed = play(history, skew)
    a, b, c = (d.tables for d in devices)
    _both([_damaged(a, seed), b, c])
    _both([_damaged(a, seed), _damaged(b, seed + 1)])
    _both([_damaged(a, seed), copy.deepcopy(_damaged(a, seed))])


@settings(max_examples=400, deadline=None)
@given(replicas_of())
def test_the_merge_of_any_files_is_the_references(replicas: list[dict[str, Any]]) -> None:
    _both(replicas)


defaults = st.sampled_from(
    (
        ("0000000000000.0000.-", {}),
        (GOOD_STAMPS[0], {}),
        ("1796627290000.0001.legacy", {"-": "0000000000000.0000.-", "legacy": "1796627290000.0000.legacy"}),
    )
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(tables_of(), defaults), min_size=1, max_size=4), st.data())
def test_one_table_merged_is_the_references(drawn: list[Any], data: st.DataObject) -> None:
    sources = [(t["docs"], t["stamps"] if isinstance(t["stamps"], dict) else {}, v) for t, v in drawn]
    if data.draw(st.booleans()):
        sources.append(copy.deepcopy(data.draw(st.sampled_from(sources))))  # the same table twice
    ours = _outcome(merge_tables, sources)
    _assert_same(ours, _outcome(reference_merge_table, copy.deepcopy(sources)))


@given(stamps | st.text(max_size=24) | st.text(alphabet="0123456789.ab\u0663\n", max_size=24))
def test_a_stamp_is_known_by_its_shape_as_by_its_parts(value: Any) -> None:
    assert _outcome(is_stamp, value) == _outcome(valid_stamp, value)


def test_a_superscript_digit_stops_both_alike() -> None:
    odd = "1796627294515.000\u00b2.aaaaaaaa"  # isdigit() says yes, int() says no
    assert _outcome(is_stamp, odd) == _outcome(valid_stamp, odd) == ("error", "ValueError")


def test_files_equal_but_for_true_and_1_are_two_files() -> None:
    def file(revision: int, value: Any, head: dict[str, Any]) -> dict[str, Any]:
        return {"meta": {"1": {"revision": revision, "schema": 4, "tz_migrated": value}}, "sync": head}

    head = {"1": {"device": "aaaaaaaa", "name": "laptop", "clock": GOOD_STAMPS[0]}}
    replicas = [file(0, "", head), file(1, "", head), file(2, True, {}), file(3, 1, head)]
    _both(replicas)
    assert merge_replicas(replicas)["meta"]["1"]["tz_migrated"] is True  # "true" sorts after "1"
