"""A new record's stamps written after the others, without serialising the stamps table again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from followup_tui.domain.models import Concern, Interview
from followup_tui.store import jsoncodec
from followup_tui.store.pieces import with_new_stamps
from followup_tui.store.repository import Repository
from tests.helpers.files import device_file

OLD = {"@": ["1796600000000.0000.dev", {}]}
NEW = {"@": ["1796600000001.0000.dev", {}]}


def _stamps(records: dict[str, Any], gone: dict[str, Any]) -> dict[str, Any]:
    return {"1": {"records": records, "gone": gone}}


@pytest.mark.parametrize("gone", [{}, {"zz9": ["1796500000000.0000.dev", {"@": "x"}]}])
@pytest.mark.parametrize("before", [{}, {"a1": OLD}, {"a1": OLD, "a2": OLD}])
@pytest.mark.parametrize("added", [["b1"], ["b1", "b2"]])
def test_new_stamps_after_the_others_are_the_bytes_of_the_whole_table(
    before: dict[str, Any], gone: dict[str, Any], added: list[str]
) -> None:
    was = _stamps(before, gone)
    now = _stamps({**before, **dict.fromkeys(added, NEW)}, dict(gone))
    assert with_new_stamps(memoryview(jsoncodec.dumps(was)), was, now, added) == jsoncodec.dumps(now)


def _with(was: dict[str, Any], *members: tuple[str, Any]) -> dict[str, Any]:
    """``was`` with members added to its document, after its records (a layout this code never writes)."""
    return {"1": {"records": was["1"]["records"], **dict(members), "gone": was["1"]["gone"]}}


A1 = _stamps({"a1": OLD}, {})
A1_B1 = _stamps({"a1": OLD, "b1": NEW}, {})


@pytest.mark.parametrize(
    ("was", "now", "added"),
    [
        # a tombstone came too
        (A1, _stamps({"a1": OLD, "b1": NEW}, {"c1": ["1.0000.dev", {}]}), ["b1"]),
        # the new stamps are not last
        (A1, {"1": {"records": {"b1": NEW, "a1": OLD}, "gone": {}}}, ["b1"]),
        # an old stamp changed, or went
        (A1, _stamps({"a1": dict(OLD), "b1": NEW}, {}), ["b1"]),
        (_stamps({"a1": OLD, "a2": OLD}, {}), _stamps({"a1": OLD, "b1": NEW}, {}), ["b1"]),
        # the JSON read has its tombstones first
        ({"1": {"gone": {}, "records": {"a1": OLD}}}, A1_B1, ["b1"]),
        # the document read has more than records and tombstones (its JSON ends in braces too)
        (_with(A1, ("x", {})), A1_B1, ["b1"]),
        (_with(A1, ("x", {"k": 1})), A1_B1, ["b1"]),
        # a second document, read or now
        ({**A1, "2": {}}, A1_B1, ["b1"]),
        (A1, {**A1_B1, "2": {}}, ["b1"]),
        # records that are no table
        ({"1": {"records": [], "gone": {}}}, A1_B1, ["b1"]),
        # nothing added
        (A1, A1, []),
    ],
)
def test_stamps_not_laid_out_as_read_are_left_to_serialise(
    was: dict[str, Any], now: dict[str, Any], added: list[str]
) -> None:
    assert with_new_stamps(jsoncodec.dumps(was), was, now, added) is None


@pytest.mark.parametrize("held", [False, True], ids=["app", "command"])
def test_adding_a_record_does_not_serialise_its_stamps_table_again(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, held: bool
) -> None:
    first = Repository(db_path)
    interview = first.add(Interview(company="Acme", when="2026-01-02 10:00"))
    for n in range(3):
        first.add(Concern(interview_id=interview.id, text=f"worry {n}"))
    dumped: list[Any] = []
    dumps = jsoncodec.dumps

    def spy(value: Any, sort_keys: bool = False) -> bytes:
        dumped.append(value)
        return dumps(value, sort_keys)

    monkeypatch.setattr(jsoncodec, "dumps", spy)
    repo = Repository(db_path, held=held)  # this device's file, as a new process reads it
    for n in range(2):
        repo.add(Concern(interview_id=interview.id, text=f"later {n}"))
    stamps = [v for v in dumped if isinstance(v, dict) and "records" in v.get("1", {})]
    assert stamps == []
    monkeypatch.setattr(jsoncodec, "dumps", dumps)
    again = Repository(db_path)
    assert [c.text for c in again.all(Concern)] == [*(f"worry {n}" for n in range(3)), "later 0", "later 1"]
    kept = jsoncodec.loads(device_file(db_path).read_bytes())["sync.concerns"]["1"]["records"]
    assert {key.split(":")[0] for key in kept} >= {c.id for c in again.all(Concern)}
