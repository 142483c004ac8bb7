"""The home index handed over in the data folder: trusted only for the folder's files exactly as
the device that wrote it read them (names, sizes, modification times), else left alone unused.

A device is its state folder (``XDG_STATE_HOME``): ``on_device`` switches between them.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from followup_tui.domain.models import Interview
from followup_tui.store import handed_index, home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository
from tests.conftest import Switch
from tests.helpers.home_index import handed_over, keep_index


def _folder_bytes(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def handed(db_path: Path, on_device: Switch) -> Path:
    """The laptop wrote, then the phone's app wrote and kept its index (handing it over); the
    test goes on as the laptop, whose own index is gone. Returns the phone's hand-over."""
    on_device("laptop")
    Repository(db_path).add(Interview(company="Acme", when="2026-11-20 10:00"))
    on_device("phone")
    phone = Repository(db_path)
    phone.add(Interview(company="Written on the phone", when="2026-11-24 09:00"))
    assert keep_index(phone)
    path = handed_over(db_path)
    on_device("laptop")
    return path


def _companies(index: home_index.HomeIndex | None) -> list[str]:
    assert index is not None
    return sorted(i.company for i in index.interviews)


def test_the_other_devices_rows_draw_the_first_frame(handed: Path, db_path: Path) -> None:
    index = home_index.load(db_path)
    assert _companies(index) == ["Acme", "Written on the phone"]
    assert index is not None and index.made_from is None  # not made here: rebuilt from the data


def test_it_is_a_private_file_of_its_own_beside_the_device_files(handed: Path, db_path: Path) -> None:
    assert handed.parent == db_path.parent
    old = os.umask(0o022)
    try:
        handed.unlink()
        assert keep_index(Repository(db_path))  # this device's own rows, handed over anew
    finally:
        os.umask(old)
    assert stat.S_IMODE(handed_over(db_path).stat().st_mode) == 0o600
    sources = {s.path.name for s in DataFolder(db_path).sources()}
    assert handed.name not in sources and len(sources) == 2  # never read as data


def test_a_copy_of_the_folder_on_another_machine_trusts_it(handed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "synced"
    shutil.copytree(handed.parent, elsewhere, copy_function=shutil.copy2)  # other inodes, same times
    index = home_index.load(elsewhere / "followup.json")
    assert _companies(index) == ["Acme", "Written on the phone"]


def test_reading_it_changes_nothing_in_the_data_folder(handed: Path, db_path: Path) -> None:
    before = _folder_bytes(db_path.parent)
    assert home_index.load(db_path) is not None
    assert _folder_bytes(db_path.parent) == before


def _device_files(db_path: Path) -> list[Path]:
    return [s.path for s in DataFolder(db_path).sources()]


def _touch(path: Path, by: int) -> None:
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + by))


def _grow_keeping_time(path: Path) -> None:
    st = path.stat()
    with path.open("ab") as out:
        out.write(b" ")
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))


def _extra_device_file(db_path: Path) -> None:
    shutil.copy2(_device_files(db_path)[0], db_path.parent / "followup.zzzzzzzz.json")


def _conflict_copy(db_path: Path) -> None:
    shutil.copy2(
        _device_files(db_path)[0], db_path.parent / "followup.sync-conflict-20261207-120000-ABCDEFG.json"
    )


CHANGES: dict[str, Callable[[Path], object]] = {
    "a file missing": lambda db: _device_files(db)[0].unlink(),
    "an extra file": _extra_device_file,
    "a conflict copy": _conflict_copy,
    "a size changed": lambda db: _grow_keeping_time(_device_files(db)[0]),
    "a time changed": lambda db: _touch(_device_files(db)[1], 1),
    "written since": lambda db: Repository(db).add(Interview(company="Later")),
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_any_difference_in_the_folder_refuses_it(
    handed: Path, db_path: Path, change: Callable[[Path], object]
) -> None:
    change(db_path)
    assert home_index.load(db_path) is None
    assert handed.exists()  # only its writer replaces it


DAMAGES: dict[str, Callable[[bytes], bytes]] = {
    "cut short": lambda raw: raw[:-5],
    "body changed": lambda raw: raw.replace(b"Acme", b"Acne"),
    "header damaged": lambda raw: b"not json\n" + raw.partition(b"\n")[2],
    "header not an object": lambda raw: b"[]\n" + raw.partition(b"\n")[2],
    "empty": lambda raw: b"",
    "nested too deep": lambda raw: b"[" * 100_000 + b"\n" + raw.partition(b"\n")[2],
}


@pytest.mark.parametrize("damage", DAMAGES.values(), ids=DAMAGES.keys())
def test_a_damaged_one_is_refused_and_left_alone(
    handed: Path, db_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    damaged = damage(handed.read_bytes())
    handed.write_bytes(damaged)
    assert home_index.load(db_path) is None
    assert handed.read_bytes() == damaged


@pytest.mark.parametrize(("field", "value"), [("version", "0.0.1"), ("schema", 99), ("format", 2)])
def test_one_written_by_another_followup_is_refused(
    handed: Path, db_path: Path, field: str, value: object
) -> None:
    line, _, rest = handed.read_bytes().partition(b"\n")
    header = json.loads(line)
    assert field in header
    handed.write_bytes(json.dumps({**header, field: value}).encode() + b"\n" + rest)
    assert home_index.load(db_path) is None


def test_one_under_another_devices_name_is_refused(handed: Path, db_path: Path) -> None:
    phone = handed.name.split(".")[1]
    laptop = next(s.device for s in DataFolder(db_path).sources() if s.device != phone)
    handed.rename(handed.with_name(f"followup.{laptop}{handed_index.SUFFIX}"))
    assert home_index.load(db_path) is None


def test_this_devices_own_index_comes_first_while_trusted(handed: Path, db_path: Path) -> None:
    assert keep_index(Repository(db_path))  # the laptop read the folder and kept its rows
    index = home_index.load(db_path)
    assert index is not None and index.made_from is not None
    assert index.content == home_index.index_path(DataFolder(db_path)).read_bytes()
