"""Keeping the home index: only from a read the next start-up makes again, only when it changed."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

from followup_tui.domain.home_filters import HomeRow, IndexedInterview
from followup_tui.domain.models import Concern, Interview
from followup_tui.services.home_index import IndexKeeper
from followup_tui.store import handed_index, home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository
from tests.conftest import Switch
from tests.helpers.files import device_file
from tests.helpers.home_index import handed_over, keep_index, list_rows


def _index(db_path: Path) -> Path:
    return home_index.index_path(DataFolder(db_path))


def test_kept_after_a_plain_read_and_not_again_while_the_same(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    keeper = IndexKeeper(None)
    assert keep_index(repo, keeper)
    first = _index(db_path).stat()
    keep_index(Repository(db_path), keeper)  # the same rows, read again
    assert _index(db_path).stat().st_ino == first.st_ino
    repo.add(Interview(company="Globex"))
    keep_index(repo, keeper)
    assert _index(db_path).stat().st_ino != first.st_ino
    index = home_index.load(db_path)
    assert index is not None and {i.company for i in index.interviews} == {"Acme", "Globex"}


def test_the_index_read_at_start_up_is_not_written_again(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    keep_index(repo)
    index = home_index.load(db_path)
    assert index is not None
    before = _index(db_path).stat()
    keep_index(Repository(db_path), IndexKeeper(index.content))
    assert _index(db_path).stat().st_ino == before.st_ino


def test_not_kept_from_data_older_than_the_folder(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    rows = list_rows(repo)
    Repository(db_path).add(Interview(company="Globex"))  # another process wrote since
    assert IndexKeeper(None).keep(repo, rows) is None  # the next build of the rows keeps them
    assert not _index(db_path).exists()


def _phone_wrote(db_path: Path, on_device: Switch) -> tuple[Path, str]:
    """An index kept on the laptop, then a concern added on the phone; the laptop's state folder
    and the interview's id."""
    laptop = on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme"))
    keep_index(Repository(db_path))
    assert _index(db_path).is_file()
    on_device("phone")
    Repository(db_path).add(Concern(interview_id=interview.id, text="Asked about on-call"))
    os.environ["XDG_STATE_HOME"] = str(laptop)
    return laptop, interview.id


def _open_concerns(db_path: Path) -> list[int]:
    index = home_index.load(db_path)
    assert index is not None
    return [entry.open_concerns for entry in index.interviews]


def test_kept_after_a_merge_of_device_files_and_from_their_merged_copy(
    db_path: Path, on_device: Switch
) -> None:
    _phone_wrote(db_path, on_device)
    assert home_index.load(db_path) is None  # the phone's file is newer than the index
    merging = Repository(db_path)
    merging.interviews()
    assert merging.storage.merged and merging.read_whole
    assert keep_index(merging)
    assert _open_concerns(db_path) == [1]  # the phone's concern, counted from the merge
    merging.keep_merged_copy()
    from_copy = Repository(db_path)
    from_copy.interviews()
    assert from_copy.storage.from_copy and from_copy.read_whole
    assert keep_index(from_copy)
    assert _open_concerns(db_path) == [1]


def test_removed_and_not_kept_with_a_file_refused(db_path: Path, on_device: Switch) -> None:
    _phone_wrote(db_path, on_device)
    phone_file = next(p for p in db_path.parent.glob("followup.*.json") if p != device_file(db_path))
    phone_file.write_bytes(b"{damaged")
    refusing = Repository(db_path)
    refusing.interviews()
    assert refusing.storage.refused and not refusing.read_whole
    assert not keep_index(refusing)
    assert not _index(db_path).exists()


def test_handed_over_from_a_whole_read_of_device_files(db_path: Path, on_device: Switch) -> None:
    _phone_wrote(db_path, on_device)
    merging = Repository(db_path)
    merging.interviews()
    assert keep_index(merging)
    handed = handed_over(db_path)
    assert handed.read_bytes().partition(b"\n")[2] == _index(db_path).read_bytes().partition(b"\n")[2]
    assert {i.open_concerns for i in _from_hand_over(db_path, on_device)} == {1}


def _from_hand_over(db_path: Path, on_device: Switch) -> list[IndexedInterview]:
    """The rows another device's start-up would take from this folder's hand-overs."""
    laptop = os.environ["XDG_STATE_HOME"]
    on_device("tablet")  # no index of its own
    folder = DataFolder(db_path)
    index = handed_index.load(folder, folder.sources())
    os.environ["XDG_STATE_HOME"] = laptop
    assert index is not None
    return index.interviews


def test_not_handed_over_with_a_conflict_copy_or_a_file_refused(db_path: Path, on_device: Switch) -> None:
    _phone_wrote(db_path, on_device)
    handed_over(db_path).unlink()  # the laptop's, from before the phone wrote
    shutil.copy2(device_file(db_path), db_path.parent / "followup.sync-conflict-20261207-120000-ABCDEFG.json")
    with_copy = Repository(db_path)
    with_copy.interviews()
    keep_index(with_copy)
    assert not handed_over(db_path).exists()
    (db_path.parent / "followup.sync-conflict-20261207-120000-ABCDEFG.json").unlink()
    phone_file = next(p for p in db_path.parent.glob("followup.*.json") if p != device_file(db_path))
    phone_file.write_bytes(b"{damaged")
    refusing = Repository(db_path)
    refusing.interviews()
    keep_index(refusing)
    assert not handed_over(db_path).exists()


def test_not_handed_over_from_data_older_than_the_folder(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    rows = list_rows(repo)
    Repository(db_path).add(Interview(company="Globex"))
    assert IndexKeeper(None).keep(repo, rows) is None
    assert not handed_over(db_path).exists()


def test_handed_over_once_a_session_when_missing_and_not_again_while_the_same(
    repo: Repository, db_path: Path
) -> None:
    repo.add(Interview(company="Acme"))
    keep_index(repo)
    handed_over(db_path).unlink()  # kept by a followup that did not hand over yet
    index = home_index.load(db_path)
    assert index is not None
    keeper = IndexKeeper(index.content, index.made_from)
    keep_index(Repository(db_path), keeper)  # this device's own index holds these rows already
    before = handed_over(db_path).stat()
    keep_index(Repository(db_path))  # another session: the same rows, already handed over
    assert handed_over(db_path).stat().st_ino == before.st_ino


def test_never_handed_over_through_a_link_in_its_place(
    repo: Repository, db_path: Path, tmp_path: Path
) -> None:
    repo.add(Interview(company="Acme"))
    keep_index(repo)
    handed = handed_over(db_path)
    handed.unlink()
    elsewhere = tmp_path / "elsewhere.txt"
    elsewhere.write_text("someone's file")
    handed.symlink_to(elsewhere)  # as a sync engine could bring it in
    repo.add(Interview(company="Globex"))
    keep_index(repo)
    assert handed.is_symlink() and elsewhere.read_text() == "someone's file"


def test_not_handed_over_into_a_folder_this_device_never_wrote(
    repo: Repository, db_path: Path, tmp_path: Path
) -> None:
    repo.add(Interview(company="Acme"))  # this device's identity, made in another folder
    elsewhere = tmp_path / "elsewhere" / "followup.json"
    elsewhere.parent.mkdir()
    shutil.copy2(device_file(db_path), elsewhere.parent / "followup.zzzzzzzz.json")  # another device's
    keep_index(Repository(elsewhere))
    assert [p.name for p in elsewhere.parent.iterdir()] == ["followup.zzzzzzzz.json"]


def test_kept_once_the_folder_stays_quiet_and_once_per_version(repo: Repository, db_path: Path) -> None:
    repo.add(Interview(company="Acme"))
    keeper, built = IndexKeeper(None), []

    def rows() -> list[HomeRow]:
        built.append(1)
        return list_rows(repo)

    def poll() -> bool:
        thread = keeper.keep_once_quiet(repo, repo.data_version(), rows)
        if thread is not None:
            thread.join()
        return thread is not None

    assert not poll()  # just changed: not yet
    assert poll() and _index(db_path).is_file() and handed_over(db_path).is_file()
    assert not poll() and len(built) == 1  # the index holds these rows
    repo.add(Interview(company="Globex"))
    assert not poll()
    assert poll()
    index = home_index.load(db_path)
    assert index is not None and {i.company for i in index.interviews} == {"Acme", "Globex"}


def test_tried_once_for_a_version_it_cannot_keep(db_path: Path, on_device: Switch) -> None:
    _phone_wrote(db_path, on_device)
    phone_file = next(p for p in db_path.parent.glob("followup.*.json") if p != device_file(db_path))
    phone_file.write_bytes(b"{damaged")
    refusing, keeper, built = Repository(db_path), IndexKeeper(None), []

    def rows() -> list[HomeRow]:
        built.append(1)
        return list_rows(refusing)

    for _ in range(4):
        thread = keeper.keep_once_quiet(refusing, refusing.data_version(), rows)
        if thread is not None:
            thread.join()
    assert len(built) == 1 and not _index(db_path).exists()


def test_the_rows_to_keep_are_built_off_the_callers_thread(repo: Repository) -> None:
    """The app asks from its screen's thread: building 5,000 rows there would freeze it."""
    repo.add(Interview(company="Acme"))
    keeper, built_on = IndexKeeper(None), []

    def rows() -> list[HomeRow]:
        built_on.append(threading.current_thread())
        return list_rows(repo)

    keeper.keep_once_quiet(repo, repo.data_version(), rows)
    thread = keeper.keep_once_quiet(repo, repo.data_version(), rows)
    assert thread is not None
    thread.join()
    assert built_on == [thread] and thread is not threading.current_thread()
