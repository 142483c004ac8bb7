"""The data file a table per line: read a table at a time, parsed when asked, written back as read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tinydb import TinyDB

from followup_tui.domain.models import Concern, Interview, Question
from followup_tui.store import jsoncodec
from followup_tui.store.durable import DamagedFileError
from followup_tui.store.parsing import parse_all, parse_database, parse_tables
from followup_tui.store.repository import Repository
from followup_tui.store.storage import SafeJSONStorage
from tests.helpers.files import backups_of, device_file

LATER_TABLES = {"questions", "debriefs", "sync.questions", "sync.debriefs", "sync.concerns"}
"""Tables the home screen never asks for (the stamps of concerns included)."""


@pytest.fixture(params=["orjson", "stdlib"])
def codec(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each reading test runs with orjson (when installed) and with the standard library."""
    if request.param == "stdlib":
        monkeypatch.setattr(jsoncodec, "orjson", None)
    elif jsoncodec.orjson is None:
        pytest.skip("orjson is not installed")
    return str(request.param)


@pytest.fixture(params=[False, True], ids=["streamed", "held"])
def held(request: pytest.FixtureRequest) -> bool:
    """This device's file streamed and read again per table (the app), or held (a command)."""
    return bool(request.param)


def _filled(db_path: Path) -> tuple[Repository, Interview]:
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme", role="Engineer"))
    repo.add(Question(interview_id=interview.id, text="How do you deploy?"))
    repo.add(Concern(interview_id=interview.id, text="Forgot the rota"))
    repo.update_debrief(interview.id, notes="Went well")
    return repo, interview


def _lines(raw: bytes) -> dict[str, bytes]:
    """Each table's line of a file in the new layout, by the table's name."""
    return {_name(line): line for line in raw.split(b"\n")}


def _name(line: bytes) -> str:
    """The name of the table on one line of a file in the new layout."""
    body = (line[1:] if line.startswith(b"{") else line)[:-1]  # no brace first, no comma last
    return str(json.loads(b"{" + body + b"}").popitem()[0])


def _table(line: bytes) -> object:
    """The table on one line of a file in the new layout."""
    body = (line[1:] if line.startswith(b"{") else line)[:-1]
    return json.loads(b"{" + body + b"}").popitem()[1]


def _count_dumps(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """From now on, every value ``jsoncodec.dumps`` serialises, in a list."""
    dumped: list[object] = []
    real_dumps = jsoncodec.dumps

    def counting(value: object, *args: bool) -> bytes:
        dumped.append(value)
        return real_dumps(value, *args)

    monkeypatch.setattr(jsoncodec, "dumps", counting)
    return dumped


def _same_reading(raw: bytes, path: Path) -> None:
    """Table by table, and left as pieces then parsed, ``raw`` reads as the whole parse reads it."""
    whole = parse_database(raw, path)
    tables, _pieces = parse_tables(raw, path)
    assert tables == whole and list(tables) == list(whole)
    deferred, _pieces = parse_tables(raw, path, written_here=True)
    assert parse_all(deferred) == whole and list(deferred) == list(whole)


def test_a_save_writes_one_table_per_line_that_json_and_tinydb_read(db_path: Path) -> None:
    _filled(db_path)
    raw = device_file(db_path).read_bytes()
    lines = raw.split(b"\n")
    tables = json.loads(raw)
    assert len(lines) == len(tables) and lines[0].startswith(b'{"meta":{"1":{"revision":')
    assert raw.replace(b",\n", b",") == jsoncodec.dumps(tables)  # compact JSON otherwise
    with TinyDB(device_file(db_path), access_mode="r") as plain:
        assert plain.table("questions").all()[0]["text"] == "How do you deploy?"


@pytest.mark.parametrize(
    "raw",
    [
        b'{"meta":{"1":{"schema":4}},\n"interviews":{"1":{"id":"a","id":"b"},"1":{"id":"c"}},\n"sync":{}}',
        b'{"meta":{},\n"interviews":{"1":{}},\n"interviews":{"2":{"x":1}},\n"meta":{"1":{"y":2}}}',
        b'{"meta":  { "1" : {"a" : [1, 2.50, -0.0, 1e400000000]}} ,\n"cards":{"1":{}}\t}',
        '{"meta":{"1":{"t":"\\ud83d\\ude00 \\u00e9 \u00e9"}},\n"x.y-z":{"1":{"t":"\\n\\"}"}}}'.encode(),
        b'{"meta":{"1":{"deep":' + b"[" * 1022 + b"]" * 1022 + b"}},\n" + b'"cards":{}}',
    ],
    ids=["duplicate-keys", "duplicate-tables", "odd-whitespace", "escapes-and-surrogates", "deep"],
)
def test_a_file_in_the_new_layout_reads_as_the_whole_parse(tmp_path: Path, raw: bytes, codec: str) -> None:
    try:
        _same_reading(raw, tmp_path / "followup.json")
    except DamagedFileError as whole:  # refused whole: refused the same way table by table
        for written_here in (False, True):
            with pytest.raises(DamagedFileError) as pieces:
                parse_tables(raw, tmp_path / "followup.json", written_here=written_here)
            assert str(pieces.value) == str(whole)


@pytest.mark.parametrize(
    "raw",
    [
        b'\xef\xbb\xbf{"meta":{},\n"cards":{}}',
        b'{"meta":{"1":{"t":"\\ud83d"}},\n"cards":{}}',
        b'{"meta":{},\n"cards":{"1":[]}}',
        b'{"meta":{},\n"cards":{"x":{}}}',
        b'{"meta":{},\n"cards":{"1":{}},"questions":{}}',
        b'{"meta":{},\n"cards":{"1":{}}\n}',
        b'{"meta":{"1":{"deep":' + b"[" * 1023 + b"]" * 1023 + b"}},\n" + b'"cards":{}}',
        b'{"meta":{"1":{"n":NaN}},\n"cards":{}}',
        b'{"meta":{},\n"cards":{"1":{"t":"\xff"}}}',
        b'{"meta":{},\n\n"cards":{}}',
    ],
    ids=[
        "bom",
        "lone-surrogate",
        "list-record",
        "bad-id",
        "two-per-line",
        "own-line-brace",
        "too-deep",
        "nan",
        "bad-utf8",
        "blank",
    ],
)
def test_odd_bytes_read_or_are_refused_exactly_as_the_whole_parse_does(
    tmp_path: Path, raw: bytes, codec: str
) -> None:
    path = tmp_path / "followup.json"
    try:
        whole = parse_database(raw, path)
    except DamagedFileError as refused:
        with pytest.raises(DamagedFileError) as pieces:
            parse_tables(raw, path)  # bytes this device did not write: every table parsed
        assert str(pieces.value) == str(refused)
    else:
        assert parse_tables(raw, path)[0] == whole


def test_an_old_one_line_file_is_read_and_saved_again_a_table_per_line(db_path: Path) -> None:
    _repo, interview = _filled(db_path)
    tables = json.loads(device_file(db_path).read_bytes())
    device_file(db_path).write_bytes(jsoncodec.dumps(tables))  # as followup wrote it before
    again = Repository(db_path)
    assert again.get(Question, again.children(Question, interview.id)[0].id).text == "How do you deploy?"
    assert again.storage.unparsed == set()  # not bytes this device wrote: every table parsed
    again.update(Interview, interview.id, notes="Moved on")
    raw = device_file(db_path).read_bytes()
    assert raw.count(b"\n") == len(json.loads(raw)) - 1
    assert json.loads(raw)["questions"] == tables["questions"]


def test_a_table_not_asked_for_stays_unparsed_until_it_is(db_path: Path, held: bool) -> None:
    _repo, interview = _filled(db_path)
    again = Repository(db_path, held=held)
    again.interviews()
    again.open_concern_counts()
    assert again.setting("theme") is None
    assert again.storage.unparsed >= LATER_TABLES
    assert {"interviews", "concerns", "meta", "sync"}.isdisjoint(again.storage.unparsed)
    assert [q.text for q in again.children(Question, interview.id)] == ["How do you deploy?"]
    assert "questions" not in again.storage.unparsed


def test_a_file_this_device_did_not_write_last_is_parsed_whole_at_once(db_path: Path, held: bool) -> None:
    _filled(db_path)
    raw = device_file(db_path).read_bytes()
    device_file(db_path).write_bytes(raw.replace(b'"Went well"', b'"Went ok!!"'))  # same size
    again = Repository(db_path, held=held)
    assert again.storage.unparsed == set()
    assert again.debrief(again.interviews()[0].id).notes == "Went ok!!"


def test_a_damaged_table_is_refused_with_the_whole_files_message_and_nothing_written(db_path: Path) -> None:
    _filled(db_path)
    lines = _lines(device_file(db_path).read_bytes())
    damaged = device_file(db_path).read_bytes().replace(lines["questions"], lines["questions"][:-3] + b"],")
    device_file(db_path).write_bytes(damaged)
    backups = backups_of(db_path)
    with pytest.raises(DamagedFileError) as whole:
        parse_database(damaged, device_file(db_path))
    with pytest.raises(DamagedFileError) as caught:
        Repository(db_path).add(Concern(interview_id="x", text="never written"))
    assert str(caught.value) == str(whole.value)
    assert device_file(db_path).read_bytes() == damaged and backups_of(db_path) == backups


def test_a_save_writes_back_the_tables_it_did_not_reach_as_they_were_read(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str, held: bool
) -> None:
    _repo, interview = _filled(db_path)
    before = _lines(device_file(db_path).read_bytes())
    again = Repository(db_path, held=held)
    dumped = _count_dumps(monkeypatch)
    again.add(Concern(interview_id=interview.id, text="Salary came up late"))
    after = _lines(device_file(db_path).read_bytes())
    for name in ("interviews", "questions", "debriefs", "sync.questions", "sync.debriefs"):
        assert after[name] == before[name]
        assert _table(before[name]) not in dumped
    assert after["concerns"] != before["concerns"] and after["sync.concerns"] != before["sync.concerns"]
    assert {"questions", "debriefs", "sync.questions"} <= again.storage.unparsed
    assert [c.text for c in Repository(db_path).children(Concern, interview.id)][-1] == "Salary came up late"


def test_an_id_held_in_a_table_not_parsed_is_never_handed_out_again(db_path: Path, held: bool) -> None:
    _repo, interview = _filled(db_path)
    taken = Repository(db_path).children(Question, interview.id)[0].id
    candidates = iter([taken, "zz9zz"])
    again = Repository(db_path, id_factory=lambda: next(candidates), held=held)
    assert "questions" in again.storage.unparsed
    added = again.add(Concern(interview_id=interview.id, text="Second thoughts"))
    assert added.id == "zz9zz"


def test_the_stamps_of_a_change_see_the_stamps_table_kept_as_json(db_path: Path) -> None:
    _repo, interview = _filled(db_path)
    stamps = json.loads(device_file(db_path).read_bytes())["sync.interviews"]["1"]["records"]
    Repository(db_path).update(Interview, interview.id, notes="Second round")
    after = json.loads(device_file(db_path).read_bytes())["sync.interviews"]["1"]["records"]
    assert set(after[interview.id]) > set(stamps[interview.id])  # kept, and the new field stamped
    assert SafeJSONStorage(db_path).read() == json.loads(device_file(db_path).read_bytes())


def test_a_record_added_is_appended_to_its_tables_json_and_stamped_alone(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, codec: str, held: bool
) -> None:
    _repo, interview = _filled(db_path)
    before = json.loads(device_file(db_path).read_bytes())
    lines = _lines(device_file(db_path).read_bytes())
    again = Repository(db_path, held=held)
    dumped = _count_dumps(monkeypatch)
    added = again.add(Concern(interview_id=interview.id, text="Salary came up late"))
    raw = device_file(db_path).read_bytes()
    after = json.loads(raw)
    assert _lines(raw)["concerns"].startswith(lines["concerns"][:-2])  # as read, the new one after
    assert not [v for v in dumped if isinstance(v, dict) and len(v) > 1 and v == after["concerns"]]
    assert after["concerns"] == {**before["concerns"], "2": after["concerns"]["2"]}
    stamps, old = after["sync.concerns"]["1"], before["sync.concerns"]["1"]
    assert stamps["records"] == {**old["records"], added.id: {"@": [after["sync"]["1"]["clock"], {}]}}
    assert stamps["gone"] == old["gone"]


def test_a_record_added_under_an_id_already_held_is_stamped_by_the_whole_comparison(db_path: Path) -> None:
    repo, interview = _filled(db_path)
    (concern,) = repo.children(Concern, interview.id)
    with repo.transaction() as tables:  # a hand-made twin of the record: the same record id again
        tables.append("concerns", {**concern.to_record(), "text": "twin"})
    stamps = json.loads(device_file(db_path).read_bytes())["sync.concerns"]["1"]["records"]
    assert "text" in stamps[concern.id]  # its field changed: stamped as a change, not a new record


def test_a_held_file_is_read_once_and_no_table_is_read_again_from_it(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.store import ranges, sources

    _repo, interview = _filled(db_path)
    reads: list[object] = []
    real = sources.read_user_file
    with monkeypatch.context() as patch:  # undone alone: the test's folders stay in place
        patch.setattr(sources, "read_user_file", lambda *a: reads.append(a) or real(*a))
        patch.setattr(ranges.Span, "read", lambda span: pytest.fail("a table was read again"))
        again = Repository(db_path, held=True)
        assert "questions" in again.storage.unparsed
        again.add(Concern(interview_id=interview.id, text="Salary came up late"))
    assert len(reads) == 1
    assert [c.text for c in Repository(db_path).children(Concern, interview.id)][-1] == "Salary came up late"
