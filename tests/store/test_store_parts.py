"""The parts the repository is made of, each on its own: tables, ids, settings, queries,
merge, the model cache and the transaction."""

from __future__ import annotations

import threading
from datetime import datetime
from itertools import cycle
from pathlib import Path
from typing import Any

import pytest
from tinydb import TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from followup_tui.domain.models import Concern, Debrief, Interview, Interviewer, Question
from followup_tui.store import ids, jsoncodec, queries, tables
from followup_tui.store.cache import SCANS_BEFORE_BUILDING_ALL, ModelCache, copy_model
from followup_tui.store.documents import Documents
from followup_tui.store.merge import merge_records
from followup_tui.store.settings import read_setting, store_setting
from followup_tui.store.storage import SafeJSONStorage, write_durably
from followup_tui.store.tables import META
from followup_tui.store.touched_tables import TouchedTables
from followup_tui.store.transaction import Transactions
from tests.helpers.files import device_file
from tests.helpers.machine_zone import machine_tz


def _tables(**named: dict[str, Any]) -> TouchedTables:
    """Tables as a transaction sees them, with the meta document in place."""
    return TouchedTables({META: {"1": {"schema": 2}}, **named})


# -- tables ---------------------------------------------------------------------------------------


def test_nouns_name_one_record() -> None:
    assert tables.noun(Question) == "question"
    assert str(tables.not_found(Concern, "x")) == "No concern with id 'x'."


# -- ids ------------------------------------------------------------------------------------------


def test_a_new_id_is_never_held_retired_or_all_digits() -> None:
    docs = Documents(_tables(interviews={"1": {"id": "aaaaa"}}))
    ids.retire(docs, ["bbbbb"])
    offered = cycle(["aaaaa", "bbbbb", "22222", "ccccc"])
    assert ids.new_id(docs, lambda: next(offered)) == "ccccc"


def test_retire_and_unretire() -> None:
    docs = Documents(_tables())
    ids.retire(docs, ["aaaaa", "bbbbb", "ccccc"])
    assert ids.retired_ids(docs) == ["aaaaa", "bbbbb", "ccccc"]
    ids.unretire(docs, ["aaaaa", "ccccc", "never"])
    assert ids.retired_ids(docs) == ["bbbbb"]


def test_a_debrief_may_share_its_interviews_id_but_not_another_debriefs() -> None:
    stored = _tables(interviews={"1": {"id": "aaaaa"}})
    docs = Documents(stored)
    debrief = Debrief(id="aaaaa", interview_id="aaaaa")
    assert not ids.record_taken(docs, debrief)
    assert ids.record_taken(docs, Interview(id="aaaaa", company="Acme"))
    stored["debriefs"] = {"1": {"id": "aaaaa", "interview_id": "aaaaa"}}
    assert ids.record_taken(docs, debrief)


def test_checking_ids_reaches_no_table() -> None:
    stored = _tables(interviews={"1": {"id": "aaaaa"}})
    stored.touched.clear()
    docs = Documents(stored)
    ids.new_id(docs, ids.random_id)
    ids.record_taken(docs, Interview(id="aaaaa", company="Acme"))
    assert stored.touched == set()


def test_random_and_seeded_ids_use_the_alphabet() -> None:
    made = {ids.random_id() for _ in range(200)}
    assert all(len(i) == ids.ID_LENGTH and set(i) <= set(ids.ID_ALPHABET) for i in made)
    first, second = ids.seeded_ids(3), ids.seeded_ids(3)
    assert [first() for _ in range(5)] == [second() for _ in range(5)]


# -- settings -------------------------------------------------------------------------------------


def _meta(tables: dict[str, Any]) -> Table:
    db = TinyDB(storage=MemoryStorage)
    db.storage.write(tables)
    return db.table(META)


def test_settings_live_in_the_meta_document() -> None:
    stored = _tables()
    assert read_setting(_meta(stored), "theme", "dark") == "dark"
    store_setting(Documents(stored), "theme", "light")
    assert stored[META]["1"]["settings"] == {"theme": "light"}
    assert read_setting(_meta(stored), "theme") == "light"
    assert read_setting(_meta({}), "theme", 1) == 1
    assert read_setting(_meta({META: {"1": {"settings": "broken"}}}), "theme", 2) == 2


# -- queries --------------------------------------------------------------------------------------


def test_open_concern_counts_per_interview() -> None:
    rows = [
        {"interview_id": "a", "kind": "error"},
        {"interview_id": "a", "kind": "error", "resolved": True},
        {"interview_id": "a"},
        {"interview_id": "b", "kind": "worry"},
        {"interview_id": "b", "kind": "unsorted"},
    ]
    assert queries.open_concern_counts(rows) == {"a": 2, "b": 1}


def test_latest_started_prefers_a_started_interview_then_the_newest_created() -> None:
    now = datetime(2026, 11, 25, 12, 0)
    past = {"when": "2026-11-20 10:00", "created": "2026-01-01"}
    future = {"when": "2026-12-01 10:00", "created": "2026-02-01"}
    unreadable = {"when": "soon", "created": "2026-03-01"}
    assert queries.latest_started([future, past, unreadable], now) is past
    assert queries.latest_started([future, unreadable], now) is unreadable
    assert queries.latest_started([], now) is None


def test_the_latest_started_interview_is_the_latest_by_this_machines_clock() -> None:
    """09:00 in Tokyo is 00:00 here in London (winter): the 08:00 interview here came after it."""
    now = datetime(2026, 12, 7, 15, 0)
    tokyo = {"when": "2026-12-07 09:00", "tz": "Asia/Tokyo", "created": "2026-12-01"}
    london = {"when": "2026-12-07 08:00", "tz": "Europe/London", "created": "2026-11-01"}
    with machine_tz("Europe/London"):
        assert queries.latest_started([tokyo, london], now) is london
        assert queries.latest_started([london, tokyo], now) is london
        same = {**london, "created": "2026-11-02"}  # the same moment: the newer created
        assert queries.latest_started([london, same, tokyo], now) is same


# -- merge ----------------------------------------------------------------------------------------


def test_merge_skips_taken_ids_and_orphans_and_brings_back_retired_ids() -> None:
    stored = _tables(interviews={"3": {"id": "aaaaa", "company": "Local"}})
    docs = Documents(stored)
    ids.retire(docs, ["ccccc"])
    incoming = [
        Interview(id="aaaaa", company="Imported"),
        Interview(id="ccccc", company="New"),
        Question(id="qqqqq", interview_id="ccccc", text="Kept?"),
        Question(id="rrrrr", interview_id="nobody", text="Orphan"),
        Debrief(id="aaaaa", interview_id="aaaaa"),
    ]
    assert merge_records(docs, incoming) == 3
    assert stored["interviews"]["3"]["company"] == "Local"
    assert stored["interviews"]["4"]["id"] == "ccccc"
    assert [d["id"] for d in stored["questions"].values()] == ["qqqqq"]
    assert ids.retired_ids(docs) == []


# -- the model cache ------------------------------------------------------------------------------


def _file(path: Path, **named: dict[str, Any]) -> SafeJSONStorage:
    write_durably(path, jsoncodec.dumps({META: {"1": {"schema": 2}}, **named}))
    return SafeJSONStorage(path)


def test_the_cache_builds_one_interviews_records_then_everything(tmp_path: Path) -> None:
    rows = {str(n): {"id": f"q{n}", "interview_id": f"i{n}", "text": "?"} for n in range(1, 9)}
    storage = _file(tmp_path / "f.json", questions=rows)
    cache = ModelCache(storage, threading.RLock())
    for n in range(1, SCANS_BEFORE_BUILDING_ALL + 1):
        assert [q.id for q in cache.by_parent(Question, f"i{n}")] == [f"q{n}"]
        assert cache._models == {}  # only the rows asked for were built
    cache.by_parent(Question, "i8")
    assert len(cache.models(Question)) == 8


def test_one_interviews_records_asked_again_are_built_once_until_the_file_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "f.json"
    rows = {str(n): {"id": f"q{n}", "interview_id": "i1", "text": "?"} for n in range(1, 4)}
    storage = _file(path, questions=rows)
    cache = ModelCache(storage, threading.RLock())
    built: list[str] = []
    from_record = Question.from_record

    def counting(row: dict[str, Any]) -> Question:
        built.append(row["id"])
        return from_record(row)

    monkeypatch.setattr(Question, "from_record", counting)
    for _ in range(3):  # as a screen opening asks for the same interview's records
        assert [q.id for q in cache.by_parent(Question, "i1")] == ["q1", "q2", "q3"]
    assert built == ["q1", "q2", "q3"]
    assert [q.id for q in cache.by_parent(Question, "i2")] == []
    _file(path, questions={**rows, "4": {"id": "q4", "interview_id": "i1", "text": "?"}})
    assert [q.id for q in cache.by_parent(Question, "i1")] == ["q1", "q2", "q3", "q4"]


def test_the_cache_follows_the_file_and_finds_copies(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    storage = _file(path, interviews={"1": {"id": "aaaaa", "company": "Acme"}})
    cache = ModelCache(storage, threading.RLock())
    first = cache.models(Interview)
    found = cache.find(Interview, "aaaaa")
    assert found == first[0] and found is not first[0]
    assert cache.find(Interview, "zzzzz") is None
    _file(path, interviews={"1": {"id": "aaaaa", "company": "Beta Labs, a longer name"}})
    assert cache.models(Interview)[0].company == "Beta Labs, a longer name"


def test_a_copy_has_its_own_lists() -> None:
    interview = Interview(id="aaaaa", company="Acme", interviewers=[Interviewer(name="Ada")])
    twin = copy_model(interview)
    twin.interviewers.append(Interviewer(name="Grace"))
    assert [i.name for i in interview.interviewers] == ["Ada"] and twin == copy_model(twin)


# -- the transaction ------------------------------------------------------------------------------


def _transactions(path: Path) -> Transactions:
    changes = Transactions(SafeJSONStorage(path), threading.RLock())
    changes.start()
    return changes


def test_a_nested_transaction_joins_the_outer_one_and_it_writes_once(tmp_path: Path) -> None:
    changes = _transactions(tmp_path / "f.json")
    with changes.transaction() as outer:
        with changes.transaction() as inner:
            assert inner is outer
            inner["interviews"] = {"1": {"id": "aaaaa"}}
        assert changes.storage.saves == 0
    assert changes.storage.saves == 1
    assert jsoncodec.loads(device_file(tmp_path / "f.json").read_bytes())["interviews"] == {
        "1": {"id": "aaaaa"}
    }


def test_a_transaction_that_changed_nothing_or_failed_writes_nothing(tmp_path: Path) -> None:
    changes = _transactions(tmp_path / "f.json")
    with changes.transaction():
        changes.nothing_changed()
    with pytest.raises(KeyError), changes.transaction() as stored:
        stored["interviews"] = {"1": {"id": "aaaaa"}}
        raise KeyError("stop")
    assert not (tmp_path / "f.json").exists() and changes.storage.saves == 0


def test_an_inner_transaction_cannot_skip_the_outer_write(tmp_path: Path) -> None:
    changes = _transactions(tmp_path / "f.json")
    with changes.transaction() as stored:
        stored["interviews"] = {"1": {"id": "aaaaa"}}
        with changes.transaction():
            changes.nothing_changed()
    assert changes.storage.saves == 1


def test_a_write_by_another_process_is_counted(tmp_path: Path) -> None:
    path = tmp_path / "f.json"
    ours, theirs = _transactions(path), _transactions(path)
    with ours.transaction() as stored:
        stored["interviews"] = {"1": {"id": "aaaaa"}}
    with theirs.transaction() as stored:
        stored["interviews"]["2"] = {"id": "bbbbb"}
    with ours.transaction() as stored:
        assert set(stored["interviews"]) == {"1", "2"}
    assert (ours.foreign_writes, theirs.foreign_writes) == (1, 1)
