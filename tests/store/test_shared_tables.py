"""A table another device's file holds byte for byte as this device's file is parsed once.

The first start-up after another device wrote parses that device's file whole and merges it
with this device's. Most of its tables are then the very bytes of ours (the other device
changed one record): ``parsing.parse_tables`` gives such a table the object already parsed
from our file, and the merge takes it once. What the folder reads as must not change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followup_tui.domain.models import Concern, Interview
from followup_tui.domain.sync.replicas import merge_replicas
from followup_tui.store.device import load_device, written_digest
from followup_tui.store.folder import DataFolder
from followup_tui.store.migrations import CURRENT_SCHEMA
from followup_tui.store.repository import Repository
from followup_tui.store.sources import Reading, SourceReader
from followup_tui.store.storage import SafeJSONStorage
from tests.conftest import Switch
from tests.helpers.files import device_file


def _phone_wrote_since(db_path: Path, on_device: Switch) -> tuple[Path, Path]:
    """The laptop's file and the phone's, the phone having written since the laptop's last save."""
    on_device("laptop")
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme", notes="first"))
    repo.add(Concern(interview_id=interview.id, text="They asked about on-call"))
    laptop = device_file(db_path)
    on_device("phone")
    Repository(db_path).update(Interview, interview.id, notes="from the phone")
    phone = device_file(db_path)
    on_device("laptop")
    Repository(db_path).update(Interview, interview.id, role="merged on the laptop")
    on_device("phone")
    Repository(db_path).update(Interview, interview.id, location="a new edit on the phone")
    on_device("laptop")
    return laptop, phone


def _read(db_path: Path) -> Reading:
    folder = DataFolder(db_path)
    sources = folder.sources()
    device = load_device()
    assert device is not None
    own = next(s for s in sources if s.device == device.id)
    return SourceReader(folder).read(sources, own, set(), written_digest(folder.key))


def _plain(path: Path) -> dict[str, Any]:
    return json.loads(path.read_bytes())


def test_the_tables_the_other_file_holds_unchanged_are_the_ones_parsed_from_ours(
    db_path: Path, on_device: Switch
) -> None:
    laptop, phone = _phone_wrote_since(db_path, on_device)
    reading = _read(db_path)
    assert reading.own is not None and reading.own.pieces  # our file, as this device wrote it
    ((_source, theirs),) = reading.others
    ours = reading.own.pieces
    assert theirs["concerns"] is ours["concerns"].parsed is not None
    assert theirs["sync.concerns"] is ours["sync.concerns"].parsed
    assert theirs["interviews"] != _plain(laptop)["interviews"]  # the phone's edit
    assert theirs["interviews"] is not ours["interviews"].parsed
    assert theirs["interviews"] == _plain(phone)["interviews"]


def test_the_folder_reads_as_the_merge_of_its_files_parsed_apart(db_path: Path, on_device: Switch) -> None:
    laptop, phone = _phone_wrote_since(db_path, on_device)
    merged = SafeJSONStorage(db_path).read()
    apart = merge_replicas([_plain(laptop), _plain(phone)])
    assert merged == apart
    assert json.dumps(merged) == json.dumps(apart)  # the same order too
    assert [d["location"] for d in merged["interviews"].values()] == ["a new edit on the phone"]


def test_a_file_of_an_older_schema_shares_no_table_with_ours(db_path: Path, on_device: Switch) -> None:
    laptop, phone = _phone_wrote_since(db_path, on_device)
    older = phone.read_bytes().replace(b'"schema":%d' % CURRENT_SCHEMA, b'"schema":3', 1)
    assert older != phone.read_bytes()
    phone.write_bytes(older)  # brought up to date in memory when read: its tables change
    reading = _read(db_path)
    assert reading.own is not None
    ((_source, theirs),) = reading.others
    ours = {name: piece.parsed for name, piece in reading.own.pieces.items()}
    assert not any(table is ours.get(name) for name, table in theirs.items())
    for piece in reading.own.pieces.values():
        piece.table()
    assert {n: p.parsed for n, p in reading.own.pieces.items()} == _plain(laptop)  # ours untouched


def test_a_table_of_other_bytes_is_parsed_from_them(db_path: Path, on_device: Switch) -> None:
    _laptop, phone = _phone_wrote_since(db_path, on_device)
    lines = phone.read_bytes().split(b"\n")
    at = next(n for n, line in enumerate(lines) if line.startswith(b'"concerns":'))
    lines[at] = lines[at].replace(b"They asked about on-call", b"They asked about on-call!")
    phone.write_bytes(b"\n".join(lines))  # one byte more in that table: other bytes
    reading = _read(db_path)
    ((_source, theirs),) = reading.others
    (concern,) = theirs["concerns"].values()
    assert concern["text"] == "They asked about on-call!"


def test_three_files_share_what_they_hold_unchanged_and_read_as_their_merge(
    db_path: Path, on_device: Switch
) -> None:
    laptop, phone = _phone_wrote_since(db_path, on_device)
    on_device("tablet")
    (interview,) = Repository(db_path).interviews()
    Repository(db_path).update(Interview, interview.id, notes="from the tablet")
    tablet = device_file(db_path)
    on_device("laptop")
    reading = _read(db_path)
    assert reading.own is not None
    ours = reading.own.pieces["concerns"].parsed
    assert ours is not None and all(theirs["concerns"] is ours for _source, theirs in reading.others)
    merged = SafeJSONStorage(db_path).read()
    apart = merge_replicas([_plain(laptop), _plain(phone), _plain(tablet)])
    assert merged == apart and json.dumps(merged) == json.dumps(apart)
