"""A record stored as its row (``Repository.add_row``, for ``followup note``) is stored as
``Repository.add`` stores the model."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.domain.concerns import new_concern_row
from followup_tui.domain.models import Concern, Interview
from followup_tui.store import documents
from followup_tui.store.repository import NotFoundError, Repository, seeded_ids
from followup_tui.store.rows import copied
from followup_tui.store.tables import TABLE_NAMES
from tests.helpers.files import device_file

STAMP = "2026-12-07T08:00:00+00:00"


def _twins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Repository, Repository, str]:
    """Two files holding the same interview and one concern, with the same ids to come."""
    monkeypatch.setattr(documents, "now_stamp", lambda: STAMP)
    made = []
    for name in ("by-model", "by-row"):
        repo = Repository(tmp_path / name / "followup.json", id_factory=seeded_ids(11))
        interview = repo.add(Interview(company="Acme", when="2026-12-01 10:00", tz="UTC"))
        repo.add(Concern(text="first", interview_id=interview.id, order=4.5))
        made.append(repo)
    return made[0], made[1], interview.id


def test_a_row_is_stored_as_the_model_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    by_model, by_row, interview = _twins(tmp_path, monkeypatch)
    for text, kind in (("Spoke too fast", "worry"), ("Never asked about the team", "error")):
        added = by_model.add(Concern(text=text, kind=kind, interview_id=interview))
        stored = by_row.add_row(
            TABLE_NAMES["Concern"], {**new_concern_row(text, kind), "interview_id": interview}
        )
        assert stored == added.to_record()
        assert stored["order"] > 4.5 and stored["created"] == stored["updated"] == STAMP
    concerns = TABLE_NAMES["Concern"]
    assert Repository(by_row.path).storage.table(concerns) == Repository(by_model.path).storage.table(
        concerns
    )


def test_a_row_for_an_interview_not_there_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _by_model, by_row, _interview = _twins(tmp_path, monkeypatch)
    before = by_row.path.parent.joinpath(
        sorted(p.name for p in by_row.path.parent.glob("followup.*.json"))[0]
    )
    saved = before.read_bytes()
    with pytest.raises(NotFoundError, match="No interview with id 'zzzzz'"):
        by_row.add_row(TABLE_NAMES["Concern"], {**new_concern_row("x", "unsorted"), "interview_id": "zzzzz"})
    assert device_file(by_row.path).read_bytes() == saved


def test_the_row_given_and_the_row_returned_share_nothing_with_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _by_model, by_row, interview = _twins(tmp_path, monkeypatch)
    given = {**new_concern_row("Spoke too fast", "worry"), "interview_id": interview}
    stored = by_row.add_row(TABLE_NAMES["Concern"], given)
    given["traps"].append("mind-reading")
    stored["traps"].append("catastrophising")
    kept = [c for c in by_row.all(Concern) if c.id == stored["id"]]
    assert [c.traps for c in kept] == [[]]


def test_a_copied_row_shares_no_dict_or_list_at_any_depth() -> None:
    row = {"a": [{"b": [1, "x"]}], "t": ([2],), "n": None}
    copy = copied(row)
    assert copy == row and type(copy["t"]) is tuple
    copy["a"][0]["b"].append(3)
    copy["t"][0].append(4)
    assert row == {"a": [{"b": [1, "x"]}], "t": ([2],), "n": None}
