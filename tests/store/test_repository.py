"""The repository: typed reads and writes, cascades, undo, ordering, ids, settings, merge."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from tinydb import TinyDB

from followup_tui.domain.models import (
    BankQuestion,
    Card,
    ChecklistItem,
    Concern,
    Debrief,
    Interview,
    LikelyQuestion,
    Question,
    Record,
    ValidationError,
)
from followup_tui.store.migrations import CURRENT_SCHEMA
from followup_tui.store.repository import (
    ID_ALPHABET,
    ID_LENGTH,
    SCANS_BEFORE_BUILDING_ALL,
    NotFoundError,
    Repository,
    seeded_ids,
)
from tests.conftest import FIXED_NOW
from tests.helpers.files import device_file, read_device_file
from tests.helpers.machine_zone import machine_tz


def _interview(repo: Repository, company: str = "Acme", when: str | None = "2026-11-25 14:00") -> Interview:
    return repo.add(Interview(company=company, when=when))


def test_add_assigns_short_id_stamps_and_order(repo: Repository) -> None:
    interview = _interview(repo)
    assert len(interview.id) == ID_LENGTH and set(interview.id) <= set(ID_ALPHABET)
    assert interview.created and interview.updated
    first = repo.add(Question(interview_id=interview.id, text="One?"))
    second = repo.add(Question(interview_id=interview.id, text="Two?"))
    assert (first.order, second.order) == (1.0, 2.0)
    assert [q.text for q in repo.children(Question, interview.id)] == ["One?", "Two?"]


def test_added_records_are_on_disk_and_plain_tinydb_reads_them(repo: Repository, db_path: Path) -> None:
    interview = _interview(repo, company="Acme [/]")
    again = Repository(db_path)
    assert again.get(Interview, interview.id) == interview
    with TinyDB(device_file(db_path)) as plain:
        assert plain.table("interviews").all()[0]["company"] == "Acme [/]"


def test_child_of_missing_interview_is_refused(repo: Repository, db_path: Path) -> None:
    with pytest.raises(NotFoundError, match="No interview with id 'nope2'"):
        repo.add(Concern(interview_id="nope2", text="t"))
    assert not db_path.exists()


def test_update_writes_only_the_named_fields(repo: Repository, db_path: Path) -> None:
    interview = _interview(repo)
    other = Repository(db_path)
    other.update(Interview, interview.id, role="Engineer")
    repo.update(Interview, interview.id, notes="Bring the portfolio")
    stored = Repository(db_path).get(Interview, interview.id)
    assert stored.role == "Engineer"
    assert stored.notes == "Bring the portfolio"


def test_update_rejects_bad_values_and_unknown_fields_without_writing(
    repo: Repository, db_path: Path
) -> None:
    interview = _interview(repo)
    before = device_file(db_path).read_bytes()
    with pytest.raises(ValidationError, match="Outcome must be one of"):
        repo.update(Interview, interview.id, outcome="great")
    with pytest.raises(ValidationError, match="Cannot change"):
        repo.update(Interview, interview.id, colour="red")
    with pytest.raises(ValidationError, match="Cannot change id"):
        repo.update(Interview, interview.id, id="zzzzz")
    with pytest.raises(NotFoundError):
        repo.update(Interview, "zzzzz", role="x")
    assert device_file(db_path).read_bytes() == before
    assert repo.get(Interview, interview.id).outcome == "pending"


def test_delete_cascades_and_restore_brings_back(repo: Repository) -> None:
    interview = _interview(repo)
    keep = _interview(repo, company="Other")
    for cls, kwargs in (
        (Question, {"text": "Q?"}),
        (LikelyQuestion, {"question": "Why us?"}),
        (ChecklistItem, {"text": "CV"}),
        (Concern, {"text": "worry"}),
        (Card, {"interviewer": "Ana"}),
    ):
        repo.add(cls(interview_id=interview.id, **kwargs))
    repo.update_debrief(interview.id, gut=4)
    repo.add(Concern(interview_id=keep.id, text="stays"))
    removed = repo.delete(Interview, interview.id)
    assert removed == interview
    for cls in (Question, LikelyQuestion, ChecklistItem, Concern, Card, Debrief):
        assert repo.children(cls, interview.id) == []
    assert [c.text for c in repo.children(Concern, keep.id)] == ["stays"]
    with pytest.raises(NotFoundError):
        repo.get(Interview, interview.id)
    repo.restore(removed)
    assert repo.get(Interview, interview.id) == interview
    with pytest.raises(ValidationError, match="already there"):
        repo.restore(removed)


def test_restore_of_a_child_keeps_id_and_order(repo: Repository) -> None:
    interview = _interview(repo)
    items = [repo.add(ChecklistItem(interview_id=interview.id, text=t)) for t in ("a", "b", "c")]
    removed = repo.delete(ChecklistItem, items[1].id)
    assert [i.text for i in repo.children(ChecklistItem, interview.id)] == ["a", "c"]
    repo.restore(removed)
    assert [i.text for i in repo.children(ChecklistItem, interview.id)] == ["a", "b", "c"]
    assert repo.get(ChecklistItem, items[1].id) == items[1]


def test_reorder(repo: Repository) -> None:
    interview = _interview(repo)
    ids = [repo.add(Question(interview_id=interview.id, text=t)).id for t in ("a", "b", "c")]
    repo.reorder(Question, [ids[2], ids[0], ids[1]])
    assert [q.text for q in repo.children(Question, interview.id)] == ["c", "a", "b"]
    with pytest.raises(NotFoundError):
        repo.reorder(Question, ["zzzzz"])


def test_ids_are_unique_and_never_reused(db_path: Path) -> None:
    # A factory that offers the same few ids again and again: the repository must skip taken and
    # retired ones.
    offers = iter(["aaaaa", "aaaaa", "bbbbb", "aaaaa", "bbbbb", "ccccc", "ddddd"])
    repo = Repository(db_path, id_factory=lambda: next(offers))
    first = _interview(repo)
    second = _interview(repo)
    assert (first.id, second.id) == ("aaaaa", "bbbbb")
    repo.delete(Interview, first.id)
    third = _interview(repo)
    assert third.id == "ccccc"


def test_many_ids_are_unique(repo: Repository) -> None:
    interview = _interview(repo)
    with repo.transaction():
        ids = {repo.add(Concern(interview_id=interview.id, text=str(n))).id for n in range(300)}
    assert len(ids) == 300 and interview.id not in ids


def test_numeric_ids_are_never_made(db_path: Path) -> None:
    offers = iter(["12345", "a2345"])
    repo = Repository(db_path, id_factory=lambda: next(offers))
    assert _interview(repo).id == "a2345"


def test_interviews_newest_first_and_latest_started(repo: Repository) -> None:
    past = _interview(repo, "Past", "2026-11-20 10:00")
    today = _interview(repo, "Today", "2026-11-25 14:00")
    _interview(repo, "Future", "2026-12-02 09:00")
    _interview(repo, "Undated", None)
    assert [i.company for i in repo.interviews()] == ["Future", "Today", "Past", "Undated"]
    assert repo.latest_started(FIXED_NOW) == today
    assert repo.latest_started(datetime(2026, 11, 21)) == past


def test_interviews_in_other_zones_are_newest_first_by_this_machines_clock(repo: Repository) -> None:
    with machine_tz("Europe/London"):
        repo.add(Interview(company="Kyoto Labs", when="2026-11-24 09:00", tz="Asia/Tokyo"))  # 00:00 here
        repo.add(Interview(company="Mayfair", when="2026-11-24 08:00", tz="Europe/London"))
        assert [i.company for i in repo.interviews()] == ["Mayfair", "Kyoto Labs"]


def test_latest_started_without_started_interviews_is_the_newest_created(db_path: Path) -> None:
    repo = Repository(db_path, id_factory=seeded_ids(1))
    assert repo.latest_started(FIXED_NOW) is None
    _interview(repo, "Later", "2027-01-01 10:00")
    assert repo.latest_started(FIXED_NOW) is not None


def test_debrief_is_empty_until_written_then_updates_fields(repo: Repository) -> None:
    interview = _interview(repo)
    assert repo.debrief(interview.id) == Debrief(id=interview.id, interview_id=interview.id)
    repo.update_debrief(interview.id, gut=2)
    repo.update_debrief(interview.id, notes="Long day")
    debrief = repo.debrief(interview.id)
    assert (debrief.gut, debrief.notes) == (2, "Long day")
    with pytest.raises(NotFoundError):
        repo.update_debrief("zzzzz", gut=3)


def test_settings(repo: Repository, db_path: Path) -> None:
    assert repo.setting("theme", "default") == "default"
    repo.set_setting("theme", "nord")
    assert Repository(db_path).setting("theme") == "nord"


def test_merge_adds_missing_records_once(repo: Repository, tmp_path: Path) -> None:
    interview = _interview(repo)
    question = repo.add(Question(interview_id=interview.id, text="Q?"))
    bank = repo.add(BankQuestion(text="What does success look like?"))
    other = Repository(tmp_path / "other.json")
    records = [interview, question, bank, Concern(id="orph1", interview_id="gone1", text="orphan")]
    assert other.merge(records) == 3
    assert other.merge(records) == 0
    assert other.get(Question, question.id) == question
    assert other.all(Concern) == []


def test_merge_keeps_local_versions(repo: Repository) -> None:
    interview = _interview(repo)
    repo.update(Interview, interview.id, role="Local role")
    assert repo.merge([interview]) == 0
    assert repo.get(Interview, interview.id).role == "Local role"


def test_merge_brings_debriefs(repo: Repository, tmp_path: Path) -> None:
    interview = _interview(repo)
    debrief = repo.update_debrief(interview.id, gut=5, notes="Went well")
    other = Repository(tmp_path / "other.json")
    assert other.merge([interview, debrief]) == 2
    assert other.debrief(interview.id).gut == 5
    assert other.merge([interview, debrief]) == 0


def test_file_is_plain_json_with_schema(repo: Repository, db_path: Path) -> None:
    _interview(repo)
    data = read_device_file(db_path)
    assert data["meta"]["1"]["schema"] == CURRENT_SCHEMA


def count_builds(monkeypatch: pytest.MonkeyPatch, cls: type[Record], field: str) -> list[str]:
    """Record the ``field`` of every stored row ``cls.from_record`` builds from now on."""
    built: list[str] = []
    real = cls.from_record.__func__  # type: ignore[attr-defined]

    def counting(kind: type[Record], record: dict[str, object]) -> Record:
        built.append(str(record.get(field)))
        return real(kind, record)  # type: ignore[no-any-return]

    monkeypatch.setattr(cls, "from_record", classmethod(counting))
    return built


def test_one_interview_read_again_and_again_does_not_build_every_record(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = [repo.add(Interview(company=f"Firm {n}")).id for n in range(6)]
    for iid in ids:
        repo.add(Concern(interview_id=iid, text=f"About {iid}"))
    built = count_builds(monkeypatch, Concern, "interview_id")
    for _ in range(5):  # a board opened five times
        assert [c.text for c in repo.children(Concern, ids[0])] == [f"About {ids[0]}"]
    assert set(built) == {ids[0]}  # only its own rows were ever built
    built.clear()
    for iid in ids:  # a loop over every interview, as `followup list` does
        assert [c.text for c in repo.children(Concern, iid)] == [f"About {iid}"]
    assert set(built) == set(ids)
    assert len(built) <= len(ids) + SCANS_BEFORE_BUILDING_ALL  # a few scans, then everything once


def test_shared_records_are_the_cached_objects_and_follow_the_file(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    first = repo.shared(Interview)
    assert first == repo.shared(Interview) and all(
        a is b for a, b in zip(first, repo.shared(Interview), strict=True)
    )
    assert repo.all(Interview)[0] is not first[0]  # all() still hands out copies
    Repository(db_path).add(Interview(company="Globex"))  # another process writes
    assert sorted(i.company for i in repo.shared(Interview)) == ["Acme", "Globex"]


def test_a_change_started_in_the_middle_of_a_save_is_refused_and_nothing_is_lost(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.store import storage
    from followup_tui.store.storage import StorageError

    repo = Repository(db_path)
    iid = repo.add(Interview(company="Acme")).id
    qid = repo.add(BankQuestion(text="old question")).id
    real = storage.write_durably
    refused: list[str] = []

    def interrupted(path: Path, payload: object) -> object:
        if not refused:  # as a signal handler on the same thread would
            with pytest.raises(StorageError, match="is being saved") as caught:
                repo.update(BankQuestion, qid, text="new question")
            refused.append(str(caught.value))
        return real(path, payload)  # type: ignore[arg-type]

    monkeypatch.setattr(storage, "write_durably", interrupted)
    repo.update(Interview, iid, company="Acme Ltd")
    monkeypatch.setattr(storage, "write_durably", real)
    assert refused
    repo.update(BankQuestion, qid, text="new question")  # the retry
    repo.add(Interview(company="Later"))
    fresh = Repository(db_path)
    assert [q.text for q in fresh.all(BankQuestion)] == ["new question"]
    assert sorted(i.company for i in fresh.all(Interview)) == ["Acme Ltd", "Later"]


def test_latest_started_and_get_read_hand_edited_rows_as_the_models_do(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repository(db_path)
    past = repo.add(Interview(company="Past", when="2026-11-20 10:00")).id
    repo.add(Interview(company="Future", when="2026-12-20 10:00"))
    odd = repo.add(Interview(company="Odd", when="2026-11-21 10:00")).id
    with TinyDB(device_file(db_path)) as plain:  # a hand edit: a time that does not parse, a number as a date
        table = plain.table("interviews")
        table.update({"when": "tomorrow-ish", "created": 12}, doc_ids=[3])
    fresh = Repository(db_path)
    built = count_builds(monkeypatch, Interview, "id")
    latest = fresh.latest_started(FIXED_NOW)
    assert latest is not None and latest.id == past  # "Odd" has no usable time any more
    assert fresh.get(Interview, odd).when is None
    assert built == [past, odd]  # only what was asked for was built
    with pytest.raises(NotFoundError):
        fresh.get(Interview, "zzzzz")
