"""Old files are migrated on open; newer files are refused and left byte-identical."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_tui.cli.main import main
from followup_tui.domain.models import Concern, Interview, Interviewer, Question
from followup_tui.store.migrations import CURRENT_SCHEMA, NewerFileError
from followup_tui.store.repository import Repository
from followup_tui.store.storage import StorageError
from tests.helpers.files import backups_of, read_device_file

FIXTURE = Path(__file__).parents[1] / "fixtures" / "v1.json"


@pytest.fixture
def v1_file(db_path: Path) -> Path:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(FIXTURE, db_path)
    return db_path


def test_v1_fixture_is_migrated_with_values_converted(v1_file: Path) -> None:
    repo = Repository(v1_file)
    old = repo.get(Interview, "v1aaa")
    assert old.when == "2025-03-04 15:30"
    assert old.format == "video"
    assert old.outcome == "rejected"
    assert old.interviewers == [Interviewer(name="Ana Ruiz"), Interviewer(name="Ben Okafor")]
    assert repo.get(Interview, "v1bbb").when == "2025-04-10 09:00"
    assert repo.get(Interview, "v1bbb").interviewers == []
    assert repo.get(Interview, "v1ccc").when is None
    kinds = {c.id: c.kind for c in repo.children(Concern, "v1aaa")}
    assert kinds == {"v1c01": "worry", "v1c02": "error", "v1c03": "unsorted"}
    assert repo.get(Question, "v1q01").must_ask is True

    data = read_device_file(v1_file)
    assert data["meta"]["1"]["schema"] == CURRENT_SCHEMA
    stored = data["interviews"]["1"]
    assert "interviewer" not in stored and "date" not in stored and "time" not in stored
    assert all("type" not in doc for doc in data["concerns"].values())


def test_migration_keeps_a_backup_of_the_old_file(v1_file: Path) -> None:
    original = v1_file.read_bytes()
    Repository(v1_file)
    backups = backups_of(v1_file)
    assert backups and backups[-1].read_bytes() == original


def test_migrated_file_opens_again_without_change(v1_file: Path) -> None:
    Repository(v1_file)
    after = v1_file.read_bytes()
    Repository(v1_file).all(Interview)
    assert v1_file.read_bytes() == after


def _newer(db_path: Path) -> bytes:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    content = {
        "meta": {"1": {"schema": CURRENT_SCHEMA + 1}},
        "interviews": {"1": {"id": "fut01", "company": "X"}},
    }
    raw = json.dumps(content).encode()
    db_path.write_bytes(raw)
    return raw


def test_newer_file_is_refused_and_left_byte_identical(db_path: Path) -> None:
    raw = _newer(db_path)
    with pytest.raises(NewerFileError) as caught:
        Repository(db_path)
    message = str(caught.value)
    assert "newer followup" in message and str(db_path) in message and "not changed" in message
    assert db_path.read_bytes() == raw


def test_newer_file_through_the_cli(db_path: Path) -> None:
    raw = _newer(db_path)
    runner = CliRunner()
    for args in (["list"], ["add", "Acme"], ["note", "hi"], ["export"]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1, args
        assert "newer followup" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    doctor = runner.invoke(main, ["doctor"])
    assert doctor.exit_code == 1 and "newer followup" in doctor.stdout
    assert db_path.read_bytes() == raw


def test_unreadable_schema_is_refused(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text(json.dumps({"meta": {"1": {"schema": "two"}}}))
    with pytest.raises(StorageError, match="unreadable schema version"):
        Repository(db_path)


def test_v2_file_gains_the_cards_own_sentences(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    old = {
        "meta": {"1": {"schema": 2}},
        "interviews": {"1": {"id": "v2int", "company": "Acme", "when": "2025-03-04 15:30"}},
        "debriefs": {"1": {"id": "v2int", "interview_id": "v2int", "notes": "fine"}},
        "concerns": {
            "1": {
                "id": "v2c01",
                "interview_id": "v2int",
                "kind": "error",
                "error_kind": "answer",
                "action": "clarify-in-card",
                "text": "Clarify my answer to: Why Go? (better: I picked Go for its tooling.)",
            },
            "2": {
                "id": "v2c02",
                "interview_id": "v2int",
                "kind": "worry",
                "text": "They frowned",
                "prediction": True,
            },
        },
    }
    db_path.write_text(json.dumps(old))
    repo = Repository(db_path)
    assert repo.get(Concern, "v2c01").to_know == "I picked Go for its tooling."
    worry = repo.get(Concern, "v2c02")
    assert (
        worry.to_know == "" and worry.prediction and worry.prediction_text == "" and worry.confidence is None
    )
    assert repo.debrief("v2int").worth_mentioning == ""
    assert repo.get(Interview, "v2int").why_this_job == ""
    data = read_device_file(db_path)
    assert data["meta"]["1"]["schema"] == CURRENT_SCHEMA
    assert data["concerns"]["2"]["confidence"] is None and data["interviews"]["1"]["why_this_job"] == ""


def test_v2_interviews_get_this_machines_zone_once_and_doctor_says_so(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.store import migrations

    monkeypatch.setattr(migrations, "local_zone_name", lambda: "Europe/Lisbon")
    db_path.parent.mkdir(parents=True, exist_ok=True)
    v2 = {
        "meta": {"1": {"schema": 2}},
        "interviews": {
            "1": {"id": "v2aaa", "company": "Acme", "when": "2026-01-05 10:00"},
            "2": {"id": "v2bbb", "company": "Globex", "when": None},
        },
    }
    db_path.write_text(json.dumps(v2))
    before = CliRunner().invoke(main, ["doctor"]).stdout
    assert "2 interviews have no time zone yet; opening the file gives them this machine's zone" in before
    repo = Repository(db_path)
    assert [i.tz for i in repo.all(Interview)] == ["Europe/Lisbon", "Europe/Lisbon"]
    meta = read_device_file(db_path)["meta"]["1"]
    assert meta["schema"] == CURRENT_SCHEMA
    assert meta["tz_migrated"]["zone"] == "Europe/Lisbon" and meta["tz_migrated"]["interviews"] == 2
    # once: a later machine in another zone changes nothing
    monkeypatch.setattr(migrations, "local_zone_name", lambda: "Asia/Tokyo")
    Repository(db_path).add(Interview(company="Initech", tz="Asia/Tokyo"))
    assert [i.tz for i in Repository(db_path).all(Interview)] == [
        "Europe/Lisbon",
        "Europe/Lisbon",
        "Asia/Tokyo",
    ]
    report = CliRunner().invoke(main, ["doctor"]).stdout
    assert (
        "Time zones: 2 interviews from before time zones were given this machine's zone, Europe/Lisbon"
        in report
    )
