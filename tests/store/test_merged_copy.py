"""The merged copy: a start-up after another device wrote reads it, never trusting it blindly.

A device is its state folder (``XDG_STATE_HOME``), as in ``test_device_files.py``.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.folder import DataFolder
from followup_tui.store.merged_copy import copy_path
from followup_tui.store.repository import Repository
from followup_tui.store.storage import DamagedFileError
from tests.helpers.files import device_file

Switch = Callable[[str], None]


@pytest.fixture
def on_device(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Switch:
    """``on_device("phone")`` makes the rest of the test run as that device."""

    def switch(name: str) -> None:
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "devices" / name))

    return switch


@pytest.fixture
def phone_wrote_since(db_path: Path, on_device: Switch) -> tuple[str, Path]:
    """The laptop saved, then the phone wrote a concern: the laptop's start-ups merge.

    Returns the interview's id and the phone's file; the test goes on as the laptop.
    """
    on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme"))
    on_device("phone")
    phone = Repository(db_path)
    phone.add(Concern(interview_id=interview.id, text="Asked about on-call"))
    phone_file = device_file(db_path)
    on_device("laptop")
    return interview.id, phone_file


def _concerns(repo: Repository) -> list[str]:
    return [c.text for c in repo.all(Concern)]


def _kept(db_path: Path) -> Repository:
    """A start-up that merged, and kept the result."""
    repo = Repository(db_path)
    assert repo.storage.parses == 2 and not repo.storage.from_copy
    repo.keep_merged_copy()
    assert copy_path(DataFolder(db_path)).is_file()
    return repo


def test_the_next_start_up_reads_the_copy_and_sees_the_same(db_path: Path, phone_wrote_since: object) -> None:
    merged = _kept(db_path)
    again = Repository(db_path)
    assert again.storage.from_copy and again.storage.parses == 0
    assert _concerns(again) == _concerns(merged) == ["Asked about on-call"]
    assert [i.company for i in again.interviews()] == ["Acme"]


def test_the_copy_holds_a_table_per_line_and_a_start_up_from_it_parses_only_what_it_asks_for(
    db_path: Path, phone_wrote_since: object
) -> None:
    merged = _kept(db_path)
    body = copy_path(DataFolder(db_path)).read_bytes().partition(b"\n")[2]
    assert body.count(b"\n") == len(json.loads(body)) - 1
    again = Repository(db_path)
    assert [i.company for i in again.interviews()] == ["Acme"]
    assert {"concerns", "sync.concerns"} <= again.storage.unparsed
    assert again.storage.read() == merged.storage.read()


def test_the_copy_is_private_and_outside_the_data_folder(db_path: Path, phone_wrote_since: object) -> None:
    _kept(db_path)
    copy = copy_path(DataFolder(db_path))
    assert db_path.parent not in copy.parents
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert stat.S_IMODE(copy.parent.stat().st_mode) == 0o700


def test_another_write_on_the_phone_makes_the_copy_unused(
    db_path: Path, on_device: Switch, phone_wrote_since: tuple[str, Path]
) -> None:
    interview_id, _ = phone_wrote_since
    _kept(db_path)
    on_device("phone")
    Repository(db_path).add(Concern(interview_id=interview_id, text="A second one"))
    on_device("laptop")
    again = Repository(db_path)
    assert not again.storage.from_copy
    assert sorted(_concerns(again)) == ["A second one", "Asked about on-call"]


def test_a_file_damaged_in_place_with_its_size_and_time_kept_is_still_refused(
    db_path: Path, phone_wrote_since: tuple[str, Path]
) -> None:
    _, phone_file = phone_wrote_since
    _kept(db_path)
    before = phone_file.stat()
    raw = phone_file.read_bytes()
    phone_file.write_bytes(b"#" + raw[1:])  # same size, one byte damaged
    os.utime(phone_file, ns=(before.st_atime_ns, before.st_mtime_ns))
    again = Repository(db_path)
    assert not again.storage.from_copy
    assert phone_file in again.storage.refused
    assert _concerns(again) == []  # the phone's concern came only from its file


def test_a_damaged_own_file_stops_the_start_up_as_always(db_path: Path, phone_wrote_since: object) -> None:
    _kept(db_path)
    own = device_file(db_path)
    before = own.stat()
    raw = own.read_bytes()
    own.write_bytes(b"#" + raw[1:])
    os.utime(own, ns=(before.st_atime_ns, before.st_mtime_ns))
    with pytest.raises(DamagedFileError):
        Repository(db_path)


def test_a_damaged_copy_is_left_unused(db_path: Path, phone_wrote_since: object) -> None:
    _kept(db_path)
    copy = copy_path(DataFolder(db_path))
    raw = copy.read_bytes()
    copy.write_bytes(raw[:-10] + b"0" * 10)
    again = Repository(db_path)
    assert not again.storage.from_copy
    assert _concerns(again) == ["Asked about on-call"]


def test_a_change_after_reading_the_copy_reads_the_files_and_loses_nothing(
    db_path: Path, phone_wrote_since: tuple[str, Path]
) -> None:
    interview_id, _ = phone_wrote_since
    _kept(db_path)
    again = Repository(db_path)
    assert again.storage.from_copy
    again.add(Concern(interview_id=interview_id, text="Written on the laptop"))
    assert not again.storage.from_copy and again.storage.parses == 2
    assert not copy_path(DataFolder(db_path)).exists()  # out of date once saved
    fresh = Repository(db_path)
    assert sorted(_concerns(fresh)) == ["Asked about on-call", "Written on the laptop"]
    assert fresh.storage.parses == 1  # the save recorded the merge


def test_nothing_is_kept_when_nothing_was_merged(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    Repository(db_path).add(Interview(company="Acme"))
    repo = Repository(db_path)
    repo.keep_merged_copy()
    assert not copy_path(DataFolder(db_path)).exists()


def test_a_copy_cut_short_by_a_forced_exit_is_cleared_at_the_next(
    db_path: Path, phone_wrote_since: object
) -> None:
    from followup_tui.store.durable import TEMP_PREFIX

    folder = copy_path(DataFolder(db_path)).parent
    folder.mkdir(parents=True, mode=0o700)
    leftover = folder / f"{TEMP_PREFIX}999999999-1"  # no such process
    leftover.write_bytes(b"half a copy")
    _kept(db_path)
    assert not leftover.exists()
