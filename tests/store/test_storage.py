"""The storage layer: caching, backups, temp files, and damaged files that are never overwritten."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from tinydb import TinyDB

from followup_tui.domain.models import Concern, Interview
from followup_tui.store import jsoncodec, storage
from followup_tui.store.backups import BACKUPS_KEPT
from followup_tui.store.migrations import CURRENT_SCHEMA, NewerFileError
from followup_tui.store.repository import Repository
from followup_tui.store.storage import TEMP_PREFIX, DamagedFileError, SafeJSONStorage, StorageError
from tests.helpers.files import backups_of, device_file, read_device_file


def _cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


# -- reading and caching ------------------------------------------------------------------------


def test_an_unchanged_file_is_parsed_once_and_a_change_elsewhere_is_seen(db_path: Path) -> None:
    repo = Repository(db_path)
    repo.add(Interview(company="Acme"))
    parses = repo.storage.parses
    for _ in range(20):
        assert [i.company for i in repo.interviews()] == ["Acme"]
    assert repo.storage.parses == parses
    Repository(db_path).add(Interview(company="Beta"))
    assert sorted(i.company for i in repo.interviews()) == ["Acme", "Beta"]


def test_tinydb_reads_and_writes_through_the_storage(db_path: Path, repo: Repository) -> None:
    """The storage keeps TinyDB's storage interface without deriving from TinyDB's base class."""
    repo.add(Interview(company="Acme"))
    with TinyDB(db_path, storage=SafeJSONStorage) as db:
        assert [doc["company"] for doc in db.table("interviews").all()] == ["Acme"]
        db.table("interviews").insert({"id": "zq7tinydb", "company": "Beta"})
    assert sorted(i.company for i in Repository(db_path).interviews()) == ["Acme", "Beta"]


def test_the_file_is_plain_tinydb_json(db_path: Path, repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", notes="line one\nline two \x00 \u202e"))
    with TinyDB(device_file(db_path), access_mode="r") as plain:
        (doc,) = plain.table("interviews").all()
    assert doc["id"] == interview.id and doc["notes"] == interview.notes


def test_rolling_backups_are_hard_links_kept_to_a_limit(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "BACKUP_EVERY", 0)
    repo = Repository(db_path)
    for n in range(BACKUPS_KEPT + 5):
        repo.add(Interview(company=f"C{n}"))
    backups = backups_of(db_path)
    assert len(backups) == BACKUPS_KEPT
    newest = jsoncodec.loads(backups[0].read_bytes())
    assert len(newest["interviews"]) == BACKUPS_KEPT + 4
    assert all(stat.S_IMODE(b.stat().st_mode) == 0o600 for b in backups)


def test_stale_temp_files_of_dead_processes_go_and_live_ones_stay(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    stale = db_path.parent / f"{TEMP_PREFIX}{int(dead.stdout)}-1"
    live = db_path.parent / f"{TEMP_PREFIX}{os.getppid()}-2"
    odd = db_path.parent / f"{TEMP_PREFIX}garbage"
    for f in (stale, live, odd):
        f.write_bytes(b'{"half')
    Repository(db_path)
    assert not stale.exists() and not odd.exists()
    assert live.exists()


# -- damaged files ------------------------------------------------------------------------------

GOOD = jsoncodec.dumps({"meta": {"1": {"schema": CURRENT_SCHEMA}}, "interviews": {}})
DAMAGED: dict[str, bytes] = {
    "truncated": GOOD[:-7],
    "json-array": b'[{"company": "Acme"}]',
    "json-string": b'"just text"',
    "table-not-object": b'{"interviews": [1, 2, 3]}',
    "record-id-not-number": b'{"interviews": {"abc": {"id": "x"}}}',
    "not-utf8": b'{"interviews": {"1": {"company": "\xff\xfe"}}}',
    "nul-bytes": b"\x00" * 64,
    "bad-schema": b'{"meta": {"1": {"schema": "two"}}}',
    "newer-schema": jsoncodec.dumps({"meta": {"1": {"schema": CURRENT_SCHEMA + 1}}, "interviews": {}}),
}


@pytest.mark.parametrize("case", sorted(DAMAGED))
def test_a_damaged_file_is_named_and_never_overwritten(db_path: Path, case: str) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(DAMAGED[case])
    with pytest.raises(StorageError) as caught:
        Repository(db_path).add(Interview(company="Acme"))
    message = str(caught.value)
    assert str(db_path) in message and "\n" not in message
    if case == "newer-schema":
        assert isinstance(caught.value, NewerFileError) and "newer followup" in message
    assert db_path.read_bytes() == DAMAGED[case]
    result = _cli(db_path, "list")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(db_path) in lines[0], result.stderr
    assert db_path.read_bytes() == DAMAGED[case]
    assert [p.name for p in db_path.parent.iterdir() if p.name.startswith(TEMP_PREFIX)] == []


def test_a_file_damaged_while_open_is_not_overwritten(db_path: Path, repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme"))
    damaged = device_file(db_path).read_bytes()[:-3]
    device_file(db_path).write_bytes(damaged)
    with pytest.raises(DamagedFileError, match=str(device_file(db_path))):
        repo.update(Interview, interview.id, notes="x")
    with pytest.raises(DamagedFileError):
        repo.interviews()
    assert device_file(db_path).read_bytes() == damaged


def test_a_zero_byte_file_without_backups_is_a_new_empty_file(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"")
    result = _cli(db_path, "list")
    assert result.returncode == 0, result.stderr
    repo = Repository(db_path)
    assert repo.interviews() == []
    repo.add(Interview(company="Acme"))
    assert [i.company for i in Repository(db_path).interviews()] == ["Acme"]


def test_a_zero_byte_file_with_a_backup_is_refused_and_kept(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Acme"))
    Repository(db_path).add(Interview(company="Beta"))  # a second process: makes a backup
    assert backups_of(db_path)
    device_file(db_path).write_bytes(b"")
    with pytest.raises(DamagedFileError, match="empty but backups exist"):
        Repository(db_path).add(Interview(company="Gamma"))
    assert device_file(db_path).read_bytes() == b""
    result = _cli(db_path, "list")
    assert result.returncode == 1 and len(result.stderr.strip().splitlines()) == 1
    assert str(device_file(db_path)) in result.stderr and device_file(db_path).read_bytes() == b""


def test_an_unknown_table_is_kept_untouched_and_the_file_still_works(db_path: Path) -> None:
    extra = {"1": {"from": "a newer plug-in", "nested": {"a": [1, 2, {"b": None}]}}}
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(jsoncodec.dumps({"meta": {"1": {"schema": CURRENT_SCHEMA}}, "plugin_data": extra}))
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme"))
    repo.update(Interview, interview.id, notes="more")
    repo.delete(Interview, interview.id)
    assert read_device_file(db_path)["plugin_data"] == extra
    result = _cli(db_path, "list")
    assert result.returncode == 0, result.stderr


def test_unknown_fields_of_a_record_survive_an_update(db_path: Path) -> None:
    record = {"id": "abcde", "company": "Acme", "future_field": {"keep": True}}
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(
        jsoncodec.dumps({"meta": {"1": {"schema": CURRENT_SCHEMA}}, "interviews": {"1": record}})
    )
    Repository(db_path).update(Interview, "abcde", role="Engineer")
    stored = read_device_file(db_path)["interviews"]["1"]
    assert stored["future_field"] == {"keep": True} and stored["role"] == "Engineer"


def test_storage_reads_nothing_for_a_missing_file_and_creates_nothing(tmp_path: Path) -> None:
    target = tmp_path / "new" / "followup.json"
    assert SafeJSONStorage(target).read() is None
    Repository(target).interviews()
    assert not target.parent.exists()


# -- followup doctor ----------------------------------------------------------------------------


def test_doctor_skips_a_damaged_backup_and_restores_the_newest_good_one(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(storage, "BACKUP_EVERY", 0)
    repo = Repository(db_path)
    for name in ("Acme", "Beta", "Gamma"):
        repo.add(Interview(company=name))
    backups = backups_of(db_path)  # newest first: [Acme, Beta], then [Acme]
    good = jsoncodec.loads(backups[1].read_bytes())
    backups[0].unlink()  # a hard link: write a damaged copy instead of changing the data file
    backups[0].write_bytes(b'{"interviews": {"1": ')
    damaged = b'{"interviews": {"1": {"company": "Ac'
    device_file(db_path).write_bytes(damaged)
    report = _cli(db_path, "doctor")
    assert report.returncode == 1
    assert str(db_path) in report.stdout + report.stderr
    assert device_file(db_path).read_bytes() == damaged
    restored = _cli(db_path, "doctor", "--restore")
    assert restored.returncode == 0, restored.stderr
    kept_aside = [p for p in db_path.parent.iterdir() if ".damaged-" in p.name]
    assert [p.read_bytes() for p in kept_aside] == [damaged]
    names = sorted(i.company for i in Repository(db_path).interviews())
    assert names == sorted(d["company"] for d in good["interviews"].values()) == ["Acme"]


def test_doctor_names_an_unknown_table_and_leaves_it(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    content = jsoncodec.dumps({"meta": {"1": {"schema": CURRENT_SCHEMA}}, "plugin_data": {"1": {"a": 1}}})
    db_path.write_bytes(content)
    report = _cli(db_path, "doctor")
    assert "plugin_data" in report.stdout + report.stderr
    assert db_path.read_bytes() == content


@pytest.mark.parametrize("raw", [b'{"interviews": {"1": {"company": "Acme"}}}', b'{"interviews": [1'])
def test_parsing_leaves_the_cycle_collector_on_whether_or_not_the_file_is_good(
    tmp_path: Path, raw: bytes
) -> None:
    import contextlib
    import gc

    assert gc.isenabled()
    with contextlib.suppress(DamagedFileError):
        storage.parse_database(raw, tmp_path / "followup.json")
    assert gc.isenabled()


@pytest.mark.parametrize(
    "raw",
    [
        b'{"interviews": {"1": [1, 2]}}',
        b'{"interviews": {"1": {}, "2": "text"}}',
        b'{"interviews": {"x": {}}}',
    ],
)
def test_a_table_that_is_not_numbered_records_is_damaged(tmp_path: Path, raw: bytes) -> None:
    with pytest.raises(DamagedFileError, match=r"followup\.json is damaged: its table 'interviews'"):
        storage.parse_database(raw, tmp_path / "followup.json")


def test_a_save_reuses_the_json_of_tables_it_did_not_touch_and_writes_the_same_bytes(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme"))
    repo.add(Concern(interview_id=interview.id, text="Forgot the rota"))
    dumped: list[object] = []
    real_dumps = jsoncodec.dumps

    def counting(value: object, *args: object) -> bytes:
        dumped.append(value)
        return real_dumps(value, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(jsoncodec, "dumps", counting)
    repo.update(Interview, interview.id, notes="Edited")
    tables = jsoncodec.loads(device_file(db_path).read_bytes())
    concerns = tables["concerns"]
    assert concerns not in [v for v in dumped if isinstance(v, dict)]  # reused, not serialised
    assert jsoncodec.loads(device_file(db_path).read_bytes())["interviews"]["1"]["notes"] == "Edited"
    lines = [real_dumps(name) + b":" + real_dumps(table) for name, table in tables.items()]
    assert device_file(db_path).read_bytes() == b"{" + b",\n".join(lines) + b"}"  # as written whole
    with TinyDB(device_file(db_path), access_mode="r") as plain:
        assert plain.table("concerns").all()[0]["text"] == "Forgot the rota"


def test_a_table_changed_behind_the_transactions_back_is_caught_by_the_check(db_path: Path) -> None:
    repo = Repository(db_path)
    repo.add(Interview(company="Acme"))
    repo.add(Concern(interview_id=repo.interviews()[0].id, text="x"))
    cached = repo.storage.read()
    assert cached is not None
    next(iter(cached["concerns"].values()))["text"] = "changed without a mark"  # a bug would do this
    with pytest.raises(RuntimeError, match="changed without being marked"):
        repo.update(Interview, repo.interviews()[0].id, notes="y")
