"""This device's file read without holding its bytes: each table unparsed kept as where it lies."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from followup_tui.domain.models import Concern, Interview, Question
from followup_tui.store import ranges
from followup_tui.store.durable import DamagedFileError, StorageError
from followup_tui.store.parsing import EAGER, Piece, PieceChanged, parse_all, parse_scanned
from followup_tui.store.pieces import split
from followup_tui.store.repository import Repository
from followup_tui.store.safe_read import DATA_FILE_LIMIT
from followup_tui.store.storage import SafeJSONStorage
from tests.helpers.files import device_file

ASKED = "How do you deploy?"


def _filled(db_path: Path) -> Path:
    """A data folder with a few records saved by this device; its file."""
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme", role="Engineer"))
    repo.add(Question(interview_id=interview.id, text=ASKED))
    repo.add(Concern(interview_id=interview.id, text="Forgot the rota"))
    return device_file(db_path)


def _opened(db_path: Path) -> SafeJSONStorage:
    """A storage that read the folder afresh, its tables unparsed as far as they can be."""
    storage = SafeJSONStorage(db_path)
    assert storage.load() is not None
    assert "questions" in storage.unparsed
    return storage


def _in_place(path: Path, old: bytes, new: bytes) -> None:
    """Change bytes of ``path`` in place, keeping its size, inode and modification time."""
    before = os.stat(path)
    raw = path.read_bytes()
    assert raw.count(old) == 1 and len(old) == len(new)
    with open(path, "r+b") as file:
        file.seek(raw.index(old))
        file.write(new)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))


def test_a_table_read_later_from_its_range_is_the_table_parsed_whole(db_path: Path) -> None:
    whole = json.loads(_filled(db_path).read_bytes())
    storage = _opened(db_path)
    piece = storage.load()["questions"]  # type: ignore[index]
    assert isinstance(piece, Piece) and piece.parsed is None
    assert storage.table("questions") == whole["questions"]
    assert storage.read() == whole


def test_no_table_left_unparsed_holds_the_file_s_bytes(db_path: Path) -> None:
    _filled(db_path)
    storage = _opened(db_path)
    for name in storage.unparsed:
        piece = storage.load()[name]  # type: ignore[index]
        assert not any(isinstance(value, bytes | memoryview) for value in (piece.name, piece.span))


def test_a_file_replaced_after_the_open_is_read_again_whole(db_path: Path) -> None:
    path = _filled(db_path)
    storage = _opened(db_path)
    piece = storage.load()["questions"]  # type: ignore[index]
    raw = path.read_bytes().replace(ASKED.encode(), b"How do you rollback?")
    path.unlink()
    path.write_bytes(raw)  # another inode: the range is never read from it
    with pytest.raises(PieceChanged):
        piece.table()
    parses = storage.parses
    assert [q["text"] for q in storage.table("questions").values()] == ["How do you rollback?"]
    assert storage.parses == parses + 1


def test_a_range_changed_in_place_is_never_used_the_file_is_read_again(db_path: Path) -> None:
    path = _filled(db_path)
    storage = _opened(db_path)
    _in_place(path, b"deploy", b"deplox")  # same size, same inode, same time: only the digest tells
    piece = storage.load()["questions"]  # type: ignore[index]
    with pytest.raises(PieceChanged):
        piece.table()
    assert [q["text"] for q in storage.table("questions").values()] == ["How do you deplox?"]
    assert storage.unparsed == set()  # not the bytes this device wrote: every table parsed


def test_a_range_damaged_in_place_is_refused_as_a_damaged_file(db_path: Path) -> None:
    path = _filled(db_path)
    storage = _opened(db_path)
    _in_place(path, b'"How', b"xHow")
    with pytest.raises(DamagedFileError, match="is damaged: it is not valid JSON"):
        storage.table("questions")


def test_a_save_writes_an_untouched_table_back_from_its_range(db_path: Path) -> None:
    path = _filled(db_path)
    repo = Repository(db_path)
    before = json.loads(path.read_bytes())
    line = next(line for line in path.read_bytes().split(b"\n") if line.startswith(b'"questions":'))
    repo.add(Interview(company="Beta", role="Designer"))
    assert "questions" in repo.storage.unparsed
    raw = path.read_bytes()
    assert line in raw.split(b"\n") and json.loads(raw)["questions"] == before["questions"]
    piece = repo.storage.load()["questions"]  # type: ignore[index]
    assert piece.span.identity[0] == os.stat(path).st_ino  # now where it lies in the new file
    assert repo.storage.table("questions") == before["questions"]


def test_a_save_never_writes_a_range_that_changed_in_place(db_path: Path) -> None:
    path = _filled(db_path)
    repo = Repository(db_path)
    repo.interviews()
    _in_place(path, b"deploy", b"deplox")
    tampered = path.read_bytes()
    with pytest.raises(StorageError):
        repo.add(Interview(company="Beta", role="Designer"))
    assert path.read_bytes() == tampered


@pytest.mark.parametrize("chunk", [1, 2, 7, 64 * 1024])
def test_a_scan_in_chunks_of_any_size_finds_each_table_where_it_lies(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    path = _filled(db_path)
    raw = path.read_bytes()
    monkeypatch.setattr(ranges, "CHUNK", chunk)
    scan = ranges.scan(path, DATA_FILE_LIMIT, frozenset(EAGER))
    assert scan is not None and scan.spans is not None
    assert scan.digest == hashlib.sha256(raw).hexdigest() and raw.startswith(scan.head)
    assert [(n, s.start, s.end) for n, s in scan.spans.items()] == split(raw)
    assert all(s.digest == hashlib.sha256(raw[s.start : s.end]).hexdigest() for s in scan.spans.values())
    read = parse_scanned(scan, path)
    assert read is not None and parse_all(read[0]) == json.loads(raw)


@pytest.mark.parametrize(
    "raw",
    [b'{"meta":{},"cards":{}}', b'{"meta":{},\n"cards":{}}\n', b'{"meta":{};\n"cards":{}}', b'["meta",\n1]'],
    ids=["one-line", "newline-last", "no-comma", "not-an-object"],
)
def test_a_file_in_another_layout_has_no_ranges(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "followup.json"
    path.write_bytes(raw)
    scan = ranges.scan(path, DATA_FILE_LIMIT, frozenset(EAGER))
    assert scan is not None and scan.spans is None and split(raw) is None


def test_a_range_is_read_without_pread(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    whole = json.loads(_filled(db_path).read_bytes())
    storage = _opened(db_path)
    monkeypatch.delattr(os, "pread")
    assert storage.table("questions") == whole["questions"]
