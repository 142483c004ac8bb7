"""The home index: trusted only for the data folder's files exactly as they were, else removed.

A device is its state folder (``XDG_STATE_HOME``): ``on_device`` switches between them.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from followup_tui.domain.models import Concern, Interview, Interviewer
from followup_tui.store import home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.index_body import body
from followup_tui.store.repository import Repository
from tests.conftest import Switch
from tests.helpers.home_index import handed_over, keep_index


@pytest.fixture
def kept(repo: Repository) -> Path:
    """Two interviews saved, and the index of their rows kept; returns the index's path."""
    acme = repo.add(
        Interview(company="Acme", when="2026-11-20 10:00", interviewers=[Interviewer(name="Ada")])
    )
    repo.add(Interview(company="Globex", when="2026-12-01 09:00"))
    repo.add(Concern(interview_id=acme.id, text="On-call"))
    repo.set_setting("theme", "nord")
    assert keep_index(repo)
    path = home_index.index_path(DataFolder(repo.path))
    assert path.is_file()
    handed_over(repo.path).unlink()  # this device's own index alone (test_handed_index: the other)
    return path


def test_the_index_holds_the_rows_and_the_theme(kept: Path, db_path: Path) -> None:
    index = home_index.load(db_path)
    assert index is not None and index.theme == "nord"
    by_company = {i.company: i for i in index.interviews}
    assert sorted(by_company) == ["Acme", "Globex"]
    acme = by_company["Acme"]
    assert (acme.when, [p.name for p in acme.interviewers], acme.open_concerns) == (
        "2026-11-20 10:00",
        ["Ada"],
        1,
    )
    assert index.content == kept.read_bytes()


def test_the_index_is_private_and_outside_the_data_folder(kept: Path, db_path: Path) -> None:
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert not kept.is_relative_to(db_path.parent)
    assert kept.is_relative_to(Path(os.environ["XDG_STATE_HOME"]))


def test_a_save_since_makes_it_stale_and_it_is_removed(kept: Path, repo: Repository, db_path: Path) -> None:
    Repository(db_path).add(Interview(company="Initech"))  # another process of this device
    assert home_index.load(db_path) is None
    assert not kept.exists()


def test_another_devices_newer_file_makes_it_stale(kept: Path, db_path: Path, on_device: Switch) -> None:
    laptop = os.environ["XDG_STATE_HOME"]
    on_device("phone")
    Repository(db_path).add(Interview(company="Written on the phone"))
    os.environ["XDG_STATE_HOME"] = laptop  # undone by the fixture's monkeypatch at the end
    assert home_index.load(db_path) is None


def test_a_file_touched_in_place_makes_it_stale(kept: Path, repo: Repository, db_path: Path) -> None:
    own = repo.storage.own_path
    assert own is not None
    st = own.stat()
    os.utime(own, ns=(st.st_atime_ns, st.st_mtime_ns + 1))
    assert home_index.load(db_path) is None


def test_another_data_folder_has_none(kept: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "followup.json"
    Repository(elsewhere).add(Interview(company="Elsewhere"))
    assert home_index.load(elsewhere) is None
    assert kept.exists()  # the index of the other folder stays


def test_the_index_of_another_folder_is_refused_even_for_the_very_same_files(
    kept: Path, repo: Repository, tmp_path: Path
) -> None:
    own = repo.storage.own_path
    assert own is not None
    twin = tmp_path / "twin" / "followup.json"
    twin.parent.mkdir()
    os.link(own, twin.parent / own.name)  # the same file (inode, size, time) in another folder
    home_index.index_path(DataFolder(twin)).write_bytes(kept.read_bytes())
    assert home_index.load(twin) is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[:-5],
        lambda raw: raw.replace(b"Acme", b"Acne"),
        lambda raw: b"not json\n" + raw.partition(b"\n")[2],
        lambda raw: b"",
        lambda raw: b"[" * 100_000 + b"\n" + raw.partition(b"\n")[2],
    ],
    ids=["cut short", "body changed", "header damaged", "empty", "nested too deep"],
)
def test_a_damaged_index_is_refused(kept: Path, db_path: Path, damage: object) -> None:
    assert callable(damage)
    kept.write_bytes(damage(kept.read_bytes()))
    assert home_index.load(db_path) is None
    assert not kept.exists()


@pytest.mark.parametrize("field", ["__version__", "CURRENT_SCHEMA", "FORMAT"])
def test_an_index_of_another_version_is_refused(
    kept: Path, db_path: Path, monkeypatch: pytest.MonkeyPatch, field: str
) -> None:
    monkeypatch.setattr(home_index, field, {"__version__": "0.0.1"}.get(field, 99))
    assert home_index.load(db_path) is None


def test_an_index_of_another_device_identity_is_refused(kept: Path, db_path: Path, on_device: Switch) -> None:
    state = on_device("restored")  # a state folder without this device's identity
    (state / "followup" / "home").mkdir(parents=True)
    (state / "followup" / "home" / kept.name).write_bytes(kept.read_bytes())
    assert home_index.load(db_path) is None


def test_a_line_of_other_types_is_refused(kept: Path, db_path: Path, repo: Repository) -> None:
    made = home_index.content(
        DataFolder(db_path),
        repo.read_as,
        body(None, [["id", "Acme", "", None, "", "onsite", "pending", [], "", "sent", "1", 1, 0]]),
    )
    kept.write_bytes(made)
    assert home_index.load(db_path) is None


def test_nothing_is_written_when_the_index_holds_it_already(kept: Path, db_path: Path) -> None:
    made = kept.read_bytes()
    before = kept.stat()
    assert not home_index.keep(db_path, made, made)
    assert home_index.keep(db_path, made, None)  # without knowing what it holds: written
    assert kept.stat().st_ino != before.st_ino
    assert kept.read_bytes() == made


def test_no_index_before_the_first_file(db_path: Path) -> None:
    assert home_index.load(db_path) is None
