"""TinyDB inside a transaction: its tables over the transaction's dicts, and the record steps."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from tinydb import Query, TinyDB
from tinydb.storages import MemoryStorage
from tinydb.table import Table

from followup_tui.domain.models import Concern, Question
from followup_tui.store import jsoncodec
from followup_tui.store.documents import Documents
from followup_tui.store.tables import META, NotFoundError
from followup_tui.store.touched_tables import TouchedTables

START = {
    META: {"1": {"schema": 2}},
    "questions": {
        "1": {"id": "aaaaa", "interview_id": "i", "order": 1.0},
        "4": {"id": "bbbbb", "interview_id": "i", "order": 2.0},
        "7": {"id": "ccccc", "interview_id": "j", "order": 1.0},
    },
    "interviews": {"1": {"id": "i", "company": "Acme"}, "2": {"id": "j", "company": "Beta"}},
}

Steps = Callable[[Table], Any]

STEPS: list[tuple[str, Steps]] = [
    ("insert", lambda t: t.insert({"id": "ddddd", "interview_id": "j"})),
    ("insert several", lambda t: t.insert_multiple([{"id": "eeeee"}, {"id": "fffff"}])),
    ("update by doc id", lambda t: t.update({"order": 9.0}, doc_ids=[4, 99])),
    ("update by query", lambda t: t.update({"seen": True}, Query().interview_id == "i")),
    ("update with a function", lambda t: t.update(lambda d: d.update(order=5.0), doc_ids=[7])),
    ("update all", lambda t: t.update({"flag": 1})),
    ("remove by doc id", lambda t: t.remove(doc_ids=[1, 99])),
    ("remove by query", lambda t: t.remove(Query().interview_id == "i")),
    ("upsert", lambda t: t.upsert({"id": "aaaaa", "order": 3.0}, Query().id == "aaaaa")),
    ("insert after a remove", lambda t: (t.remove(doc_ids=[7]), t.insert({"id": "ggggg"}))),
    ("truncate", lambda t: t.truncate()),
]


@pytest.mark.parametrize("step", [s for _n, s in STEPS], ids=[n for n, _s in STEPS])
@pytest.mark.parametrize("name", ["questions", "cards"])
def test_a_record_table_changes_the_tables_as_tinydbs_own_table_does(step: Steps, name: str) -> None:
    plain = TinyDB(storage=MemoryStorage)
    plain.storage.write(copy.deepcopy(START))
    expected = step(plain.table(name))
    stored = TouchedTables(copy.deepcopy(START))
    got = step(Documents(stored).table(name))
    assert got == expected
    # the same documents under the same string ids, in the same order: the same file
    assert jsoncodec.dumps(stored.plain()) == jsoncodec.dumps(plain.storage.read())


def test_a_change_is_made_in_the_transactions_own_table() -> None:
    stored = TouchedTables(copy.deepcopy(START))
    questions = stored.peek("questions")
    stored.touched.clear()
    Documents(stored).table(Question).update({"order": 3.0}, doc_ids=[1])
    assert stored.peek("questions") is questions and questions["1"]["order"] == 3.0
    assert stored.touched == {"questions"}


def test_looking_up_an_id_marks_nothing_and_finding_a_document_to_change_marks_its_table() -> None:
    stored = TouchedTables(copy.deepcopy(START))
    stored.touched.clear()
    docs = Documents(stored)
    docs.check_parent({"interview_id": "i"})
    assert docs.doc_id(Question, "bbbbb") == 4
    assert stored.touched == set()
    docs.find(Question, "aaaaa")
    assert stored.touched == {"questions"}


def test_the_ids_follow_every_change_to_the_table() -> None:
    docs = Documents(TouchedTables(copy.deepcopy(START)))
    assert docs.doc_id(Question, "ddddd") is None
    docs.insert(Question(id="ddddd", interview_id="j", text="New?"))
    assert docs.doc_id(Question, "ddddd") == 8
    docs.table(Question).remove(doc_ids=[1])
    assert docs.doc_id(Question, "aaaaa") is None


def test_a_repeated_id_finds_the_first_document() -> None:
    stored = TouchedTables(copy.deepcopy(START))
    stored["questions"]["9"] = {"id": "aaaaa", "interview_id": "j"}
    assert Documents(stored).find(Question, "aaaaa").doc_id == 1


def test_the_storage_only_takes_the_transactions_own_tables() -> None:
    docs = Documents(TouchedTables(copy.deepcopy(START)))
    with pytest.raises(TypeError):
        docs.table(Question).storage.write({})


def test_find_gives_the_document_and_its_id() -> None:
    docs = Documents(TouchedTables(copy.deepcopy(START)))
    found = docs.find(Question, "bbbbb")
    assert (found.doc_id, found["order"]) == (4, 2.0)
    with pytest.raises(NotFoundError, match="No concern with id 'aaaaa'"):
        docs.find(Concern, "aaaaa")


def test_insert_takes_the_document_id_after_the_highest() -> None:
    stored = TouchedTables(copy.deepcopy(START))
    docs = Documents(stored)
    assert docs.insert(Question(id="ddddd", interview_id="j", text="Why?")) == 8
    assert stored["questions"]["8"]["text"] == "Why?"
    assert docs.insert(Concern(id="eeeee", interview_id="j", text="Late")) == 1
    assert list(stored) == [META, "questions", "interviews", "concerns"]


def test_next_order_follows_the_interviews_own_children_only() -> None:
    docs = Documents(TouchedTables(copy.deepcopy(START)))
    assert docs.next_order(Question, "i") == 3.0
    assert docs.next_order(Question, "nobody") == 1.0
    assert docs.next_order(Concern, "i") == 1.0


def test_a_missing_parent_is_refused() -> None:
    docs = Documents(TouchedTables(copy.deepcopy(START)))
    docs.check_parent({"company": "no parent needed"})
    with pytest.raises(NotFoundError, match="No interview with id 'x'"):
        docs.check_parent({"interview_id": "x"})


def test_change_meta_changes_the_files_own_document() -> None:
    stored = TouchedTables(copy.deepcopy(START))
    Documents(stored).change_meta(lambda meta: meta.update(settings={"theme": "light"}))
    assert stored[META] == {"1": {"schema": 2, "settings": {"theme": "light"}}}
