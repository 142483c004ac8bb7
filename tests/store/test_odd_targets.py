"""A data file or backup that is not a regular file is refused without blocking (issue 25, 3-5)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.store.storage import (
    DamagedFileError,
    SafeJSONStorage,
    SaveError,
    StorageError,
    write_durably,
)


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def test_a_named_pipe_as_the_data_file_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "followup.json")
    with pytest.raises(StorageError, match="is a named pipe, not a data file"):
        SafeJSONStorage(fifo).read()


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/full"])
def test_a_device_as_the_data_file_is_refused_before_it_is_opened(device: str) -> None:
    with pytest.raises(StorageError, match="is a device, not a data file"):
        Repository(Path(device))


def test_a_save_never_replaces_something_that_is_not_a_regular_file(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path / "pipe" / "followup.json")
    with pytest.raises(SaveError, match="it is a named pipe; followup saves only to regular files"):
        write_durably(fifo, b"{}")
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert [p.name for p in fifo.parent.iterdir()] == ["followup.json"]  # no temporary file left


def test_a_link_to_a_regular_file_is_still_saved_through(tmp_path: Path) -> None:
    target = tmp_path / "real.json"
    Repository(target).add(Interview(company="Acme"))
    link = tmp_path / "link.json"
    link.symlink_to(target)
    Repository(link).add(Interview(company="Beta"))
    assert link.is_symlink() and len(Repository(target).interviews()) == 2


def test_a_revision_check_never_opens_a_pipe_swapped_in(tmp_path: Path) -> None:
    path = tmp_path / "followup.json"
    storage = SafeJSONStorage(path)
    path.write_bytes(b'{"meta":{"1":{"revision":3}}}')
    storage.read()
    path.unlink()
    _fifo(path)
    assert storage._head_revision() is None


@pytest.mark.parametrize("raw", [b'{"a":{"1":{"t":"\\ud800"}}}', b'{"a":{"1":{"t":"\xed\xa0\x80"}}}'])
def test_a_lone_surrogate_is_named_as_such_not_as_bad_json(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "followup.json"
    path.write_bytes(raw)
    with pytest.raises(DamagedFileError) as caught:
        SafeJSONStorage(path).read()
    assert "unpaired surrogate" in str(caught.value) and "not valid JSON" not in str(caught.value)
