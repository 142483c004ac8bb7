"""Keeping the home index: only from a plain read of the folder, only when it changed."""

from __future__ import annotations

import os
from pathlib import Path

from followup_tui.domain.models import Concern, Interview
from followup_tui.services.home_index import IndexKeeper
from followup_tui.store import home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository
from tests.conftest import Switch
from tests.helpers.home_index import keep_index, list_rows


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


def test_removed_and_not_kept_after_a_merge(repo: Repository, db_path: Path, on_device: Switch) -> None:
    laptop = on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme"))
    keep_index(Repository(db_path))
    assert _index(db_path).is_file()
    on_device("phone")
    Repository(db_path).add(Concern(interview_id=interview.id, text="Asked about on-call"))
    os.environ["XDG_STATE_HOME"] = str(laptop)
    merging = Repository(db_path)
    merging.interviews()
    assert merging.storage.merged and not merging.read_plainly
    assert not keep_index(merging)
    assert not _index(db_path).exists()
    merging.keep_merged_copy()
    from_copy = Repository(db_path)
    from_copy.interviews()
    assert from_copy.storage.from_copy and not from_copy.read_plainly
    assert not keep_index(from_copy)
    assert not _index(db_path).exists()
