"""Two devices, one data folder: each writes its own file, reading merges them all.

A device is its state folder (``XDG_STATE_HOME``): switching it in a test is switching
devices. The sync engine is played by hand: a file hidden while one device writes is a
device that is offline.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_tui.cli.main import main
from followup_tui.domain.models import Concern, Interview
from followup_tui.services import actions
from followup_tui.store import jsoncodec
from followup_tui.store.device import load_device
from followup_tui.store.folder import DataFolder
from followup_tui.store.migrations import CURRENT_SCHEMA
from followup_tui.store.repository import Repository
from followup_tui.store.storage import DamagedFileError
from tests.conftest import Switch
from tests.helpers.files import backups_of, device_file, lock_file, read_device_file


@contextmanager
def offline(path: Path) -> Iterator[None]:
    """The device that wrote ``path`` is offline: its newest file is not in the folder."""
    hidden = path.with_name(path.name + ".away")
    os.replace(path, hidden)
    try:
        yield
    finally:
        os.replace(hidden, path)


def test_each_device_writes_only_its_own_file(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme"))
    laptop = device_file(db_path)
    on_device("phone")
    phone_repo = Repository(db_path)
    assert [i.company for i in phone_repo.interviews()] == ["Acme"]
    before = laptop.read_bytes()
    phone_repo.add(Concern(interview_id=interview.id, text="They asked about on-call"))
    assert laptop.read_bytes() == before
    assert sorted(p.name for p in db_path.parent.glob("*.json")) == sorted(
        [laptop.name, device_file(db_path).name]
    )
    on_device("laptop")
    assert [c.text for c in Repository(db_path).children(Concern, interview.id)] == [
        "They asked about on-call"
    ]


def test_notes_written_offline_on_both_devices_are_all_kept(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme"))
    laptop = device_file(db_path)
    on_device("phone")
    Repository(db_path).set_setting("theme", "dark")  # the phone's file has the interview
    with offline(laptop):
        phone_note = Repository(db_path).add(Concern(interview_id=interview.id, text="from the phone"))
    phone = device_file(db_path)
    on_device("laptop")
    with offline(phone):
        laptop_note = Repository(db_path).add(Concern(interview_id=interview.id, text="from the laptop"))
    for device in ("laptop", "phone"):
        on_device(device)
        texts = {c.id: c.text for c in Repository(db_path).children(Concern, interview.id)}
        assert texts == {phone_note.id: "from the phone", laptop_note.id: "from the laptop"}


def typed_on_both(db_path: Path, on_device: Switch, **on_the_phone: object) -> tuple[Interview, Path]:
    """One interview's notes typed on the phone, then on the laptop, neither having seen the other
    (``on_the_phone``: more fields the phone changes with its notes); ends on the laptop.
    Returns the interview and the phone's device file."""
    on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme", notes="start"))
    laptop = device_file(db_path)
    on_device("phone")
    Repository(db_path).set_setting("theme", "dark")
    with offline(laptop):
        Repository(db_path).update(Interview, interview.id, notes="typed on the phone", **on_the_phone)
    phone = device_file(db_path)
    on_device("laptop")
    with offline(phone):
        Repository(db_path).update(Interview, interview.id, notes="typed on the laptop")
    return interview, phone


def test_one_text_typed_on_both_devices_keeps_both_and_settling_ends_it_everywhere(
    db_path: Path, on_device: Switch
) -> None:
    interview, phone = typed_on_both(db_path, on_device, outcome="offer")
    repo = Repository(db_path)
    shown = repo.get(Interview, interview.id)
    assert shown.notes == "typed on the laptop" and shown.outcome == "offer"  # later text, both fields
    (conflict,) = actions.field_conflicts(repo)
    assert (conflict.table, conflict.record_id, conflict.field) == ("interviews", interview.id, "notes")
    assert conflict.other_text == "typed on the phone" and conflict.shown_text == "typed on the laptop"
    phone_name = json.loads(phone.read_text())["sync"]["1"]["name"]
    assert conflict.other_device == phone_name
    text = actions.settle_conflict(repo, conflict.id, "combine")
    assert text == "typed on the laptop\n\ntyped on the phone"
    assert actions.field_conflicts(repo) == []
    with pytest.raises(LookupError, match="settled already"):
        actions.settle_conflict(repo, conflict.id, "keep")
    on_device("phone")
    phone_repo = Repository(db_path)
    assert phone_repo.get(Interview, interview.id).notes == text
    assert actions.field_conflicts(phone_repo) == []


def test_a_text_typed_on_both_is_found_when_only_the_tables_that_may_hold_it_are_parsed(
    db_path: Path, on_device: Switch
) -> None:
    interview, _phone = typed_on_both(db_path, on_device)
    Repository(db_path).add(Concern(interview_id=interview.id, text="saved once: the merge is in our file"))
    repo = Repository(db_path)
    (conflict,) = actions.field_conflicts(repo)
    assert (conflict.record_id, conflict.other_text) == (interview.id, "typed on the phone")
    assert {"sync.concerns", "concerns"} <= repo.storage.unparsed  # no text of theirs waits there
    assert "sync.interviews" not in repo.storage.unparsed


def test_a_delete_on_one_device_is_not_undone_by_the_others_copy(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    kept = Repository(db_path).add(Interview(company="Kept"))
    gone = Repository(db_path).add(Interview(company="Gone"))
    on_device("phone")
    Repository(db_path).add(Concern(interview_id=kept.id, text="the phone wrote its whole file"))
    on_device("laptop")
    Repository(db_path).delete(Interview, gone.id)
    for device in ("laptop", "phone"):
        on_device(device)
        assert [i.company for i in Repository(db_path).interviews()] == ["Kept"]


def test_an_old_single_file_opens_as_before_and_moves_over_on_the_first_save(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    old = {"meta": {"1": {"schema": CURRENT_SCHEMA}}, "interviews": {"1": {"id": "abcde", "company": "Old"}}}
    db_path.write_bytes(jsoncodec.dumps(old))
    original = db_path.read_bytes()
    repo = Repository(db_path)
    assert [i.company for i in repo.interviews()] == ["Old"]
    assert load_device() is None and sorted(p.name for p in db_path.parent.iterdir()) == ["followup.json"]
    repo.add(Interview(company="New"))
    assert db_path.read_bytes() == original  # kept where it was, and as a backup
    assert any(b.read_bytes() == original for b in backups_of(db_path))
    stored = json.loads(device_file(db_path).read_text())
    assert sorted(d["company"] for d in stored["interviews"].values()) == ["New", "Old"]
    again = Repository(db_path)
    assert sorted(i.company for i in again.interviews()) == ["New", "Old"]
    assert again.storage.parses == 1  # the old file is known to be merged: not read again


def test_an_old_single_file_written_later_by_an_older_followup_is_merged(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    old = {"meta": {"1": {"schema": CURRENT_SCHEMA}}, "interviews": {"1": {"id": "abcde", "company": "Old"}}}
    db_path.write_bytes(jsoncodec.dumps(old))
    Repository(db_path).add(Interview(company="New"))
    later = {
        "meta": {"1": {"schema": 3}},
        "interviews": {"1": {"id": "abcde", "company": "Old", "notes": "x"}},
    }
    later["interviews"]["2"] = {"id": "fghjk", "company": "From the old laptop"}
    db_path.write_bytes(jsoncodec.dumps(later))
    companies = sorted(i.company for i in Repository(db_path).interviews())
    assert companies == ["From the old laptop", "New", "Old"]
    assert Repository(db_path).get(Interview, "abcde").notes == "x"


def test_a_conflict_copy_is_merged_then_moved_aside(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme"))
    laptop = device_file(db_path)
    copy = laptop.with_name(laptop.stem + ".sync-conflict-20261206-101010-ABCDEFG.json")
    shutil.copyfile(laptop, copy)
    data = json.loads(copy.read_text())
    data["concerns"] = {"1": {"id": "cccc2", "interview_id": interview.id, "text": "only in the copy"}}
    copy.write_text(json.dumps(data))  # a copy with no stamps for the concern: read as an old file
    repo = Repository(db_path)
    assert [c.text for c in repo.children(Concern, interview.id)] == ["only in the copy"]
    repo.update(Interview, interview.id, role="Engineer")
    assert not copy.exists()
    assert (DataFolder(db_path).conflicts_dir / copy.name).is_file()
    assert [c.text for c in Repository(db_path).children(Concern, interview.id)] == ["only in the copy"]


def test_a_damaged_device_file_is_refused_and_named_and_the_others_still_open(
    db_path: Path, on_device: Switch
) -> None:
    on_device("laptop")
    Repository(db_path).add(Interview(company="Acme"))
    on_device("phone")
    Repository(db_path).add(Interview(company="Beta"))
    phone = device_file(db_path)
    phone.write_bytes(b'{"interviews": {"1": ')
    on_device("laptop")
    repo = Repository(db_path)
    assert [i.company for i in repo.interviews()] == ["Acme"]
    assert list(repo.storage.refused) == [phone] and "damaged" in repo.storage.refused[phone]
    repo.add(Interview(company="Gamma"))
    assert phone.read_bytes() == b'{"interviews": {"1": '
    on_device("phone")
    with pytest.raises(DamagedFileError, match=str(phone)):
        Repository(db_path)  # this device's own file: refused as a damaged single file always was


def test_a_start_up_with_nothing_new_parses_only_this_devices_file(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    Repository(db_path).add(Interview(company="Acme"))
    on_device("phone")
    Repository(db_path).add(Interview(company="Beta"))
    assert Repository(db_path).storage.parses == 1
    on_device("laptop")
    first = Repository(db_path)
    assert first.storage.parses == 2  # the phone's file is new here
    first.add(Interview(company="Gamma"))  # the laptop's file now records what it merged
    assert Repository(db_path).storage.parses == 1


def test_the_data_version_covers_every_device_file(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    repo = Repository(db_path)
    repo.add(Interview(company="Acme"))
    seen = repo.data_version()
    on_device("phone")
    Repository(db_path).add(Interview(company="Beta"))
    assert repo.data_version() != seen
    assert sorted(i.company for i in repo.interviews()) == ["Acme", "Beta"]


def test_the_lock_is_outside_the_data_folder_and_kept_per_device(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    Repository(db_path).add(Interview(company="Acme"))
    lock = lock_file(db_path)
    assert lock.exists() and db_path.parent not in lock.parents
    on_device("phone")
    assert lock_file(db_path) != lock


def test_a_cloned_device_is_noticed_and_takes_a_new_id_losing_nothing(
    db_path: Path, on_device: Switch, tmp_path: Path
) -> None:
    laptop_state = on_device("laptop")
    first = Repository(db_path).add(Interview(company="Acme"))
    shutil.copytree(laptop_state, tmp_path / "devices" / "clone")  # a restored copy of the phone
    on_device("clone")
    Repository(db_path).update(Interview, first.id, notes="written by the clone")
    cloned_id = load_device()
    on_device("laptop")
    doctor = CliRunner().invoke(main, ["doctor"])
    assert "another device writes under the same id" in doctor.stdout
    repo = Repository(db_path)
    repo.add(Interview(company="Beta"))
    assert "same id" not in CliRunner().invoke(main, ["doctor"]).stdout
    assert repo.storage.replaced_device == (cloned_id.id if cloned_id else None)
    assert load_device() != cloned_id  # the laptop took a new id; the clone keeps the old one
    companies = sorted(i.company for i in Repository(db_path).interviews())
    assert companies == ["Acme", "Beta"]
    assert Repository(db_path).get(Interview, first.id).notes == "written by the clone"
    assert len(list(db_path.parent.glob("followup.*.json"))) == 2
    again = Repository(db_path)
    again.add(Interview(company="Gamma"))
    assert again.storage.replaced_device is None  # noticed once


def test_another_devices_damaged_file_is_left_unread_at_every_read_never_marked_merged(
    db_path: Path, on_device: Switch
) -> None:
    on_device("phone")
    Repository(db_path).add(Interview(company="From the phone"))
    phone_file = device_file(db_path)
    on_device("laptop")
    Repository(db_path).add(Interview(company="From the laptop"))
    phone_file.write_bytes(phone_file.read_bytes()[:300])
    repo = Repository(db_path)
    repo.add(Interview(company="Beta"))  # a save with the phone's file unread
    assert list(repo.unread_files) == [phone_file]
    later = Repository(db_path)
    assert sorted(i.company for i in later.interviews()) == ["Beta", "From the laptop", "From the phone"]
    assert list(later.unread_files) == [phone_file]  # still found unread, so still said
    assert phone_file.name not in read_device_file(db_path)["sync"]["1"]["merged"]


def test_the_texts_to_settle_are_looked_for_once_per_version_of_the_folder(
    db_path: Path, on_device: Switch, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.domain import conflicts  # the repository imports it when first asked

    interview, _ = typed_on_both(db_path, on_device)
    repo = Repository(db_path)
    looked: list[int] = []
    real = conflicts.find_conflicts
    monkeypatch.setattr(conflicts, "find_conflicts", lambda tables: looked.append(1) or real(tables))
    first = repo.conflicts()
    assert [c.other_text for c in first] == ["typed on the phone"]
    assert repo.conflicts() == first  # every screen that holds texts asks as it opens
    assert len(looked) == 1
    repo.update(Interview, interview.id, notes="settled on the laptop")
    repo.conflicts()
    assert len(looked) == 2  # the folder changed: looked for again


@pytest.mark.parametrize(
    ("name", "kind", "device"),
    [
        ("followup.json", "legacy", ""),
        ("followup.k7m2p9qx.json", "device", "k7m2p9qx"),
        ("followup.K7M2P9QX.json", None, ""),  # a device id is written in small letters
        ("followup.k7m2p9q.json", None, ""),  # seven characters
        ("followup.k7m2p9qxz.json", None, ""),  # nine
        ("followup.k7m2p9q0.json", None, ""),  # 0 is not in the alphabet
        ("followup.k7m2p9qx.JSON", None, ""),
        ("followupxk7m2p9qx.json", None, ""),
        ("other.k7m2p9qx.json", None, ""),
        ("followup.k7m2p9qx.json.backups", None, ""),
        ("followup.k7m2p9qx.home-index", None, ""),
        ("followup (2).JSON", "conflict", ""),  # a copy's extension in any case
        ("followup.k7m2p9qx.sync-conflict-20261206-101010-ABCDEFG.json", "conflict", ""),
        (".followup.k7m2p9qx.json", None, ""),
    ],
)
def test_the_files_of_a_data_folder_are_known_by_their_names(
    tmp_path: Path, name: str, kind: str | None, device: str
) -> None:
    (tmp_path / name).write_text("{}")
    found = [(s.kind, s.device) for s in DataFolder(tmp_path / "followup.json").sources()]
    assert found == ([] if kind is None else [(kind, device)])


def test_a_copy_of_a_data_file_named_beyond_ascii_is_known_in_any_case(tmp_path: Path) -> None:
    (tmp_path / "notes (2).İNİ").write_text("{}")  # the dotted capital I folds as the old pattern did
    found = [(s.kind, s.path.name) for s in DataFolder(tmp_path / "notes.ini").sources()]
    assert found == [("conflict", "notes (2).İNİ")]
