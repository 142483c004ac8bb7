"""``followup devices``: the devices sharing the data folder, as lines and as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_tui.cli.main import main
from followup_tui.domain.models import Interview
from followup_tui.store.device import load_device
from followup_tui.store.repository import Repository
from tests.helpers.files import device_file


def _run(*args: str) -> str:
    result = CliRunner().invoke(main, ["devices", *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_no_device_yet(db_path: Path) -> None:
    assert "No device has written" in _run()
    assert _run("--json").strip() == "[]"
    assert not db_path.parent.exists()


def test_every_device_with_its_last_write_and_records(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "phone"))
    Repository(db_path).add(Interview(company="From the phone"))
    phone = load_device()
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "laptop"))
    Repository(db_path).add(Interview(company="From the laptop"))
    laptop = load_device()
    assert phone is not None and laptop is not None
    before = {p.name: p.read_bytes() for p in db_path.parent.glob("*.json")}
    rows = {row["device"]: row for row in json.loads(_run("--json"))}
    assert set(rows) == {phone.id, laptop.id}
    assert rows[laptop.id]["this_device"] and not rows[phone.id]["this_device"]
    assert rows[phone.id]["records"] == 1 and rows[laptop.id]["records"] == 2  # the laptop merged
    assert rows[laptop.id]["file"] == device_file(db_path).name and rows[laptop.id]["last_wrote"]
    lines = _run().splitlines()
    assert len(lines) == 2 and any(line.startswith(f"* {laptop.id}") for line in lines)
    assert {p.name: p.read_bytes() for p in db_path.parent.glob("*.json")} == before


def test_a_damaged_device_file_is_named(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "phone"))
    Repository(db_path).add(Interview(company="From the phone"))
    device_file(db_path).write_bytes(b"{")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "laptop"))
    (row,) = json.loads(_run("--json"))
    assert "damaged" in row["problem"] and row["records"] == 0
    doctor = CliRunner().invoke(main, ["doctor"])
    assert doctor.exit_code == 1 and "damaged" in doctor.stdout


@pytest.mark.parametrize(
    ("adds", "deletes", "said"), [(1, 1, "0 records"), (1, 0, "1 record"), (2, 0, "2 records")]
)
def test_records_are_counted_in_words_that_agree(db_path: Path, adds: int, deletes: int, said: str) -> None:
    repo = Repository(db_path)
    added = [repo.add(Interview(company=f"Company {n}")) for n in range(adds)]
    for interview in added[:deletes]:
        repo.delete(Interview, interview.id)
    (line,) = _run().splitlines()
    assert said in [column.strip() for column in line.split("  ")]
