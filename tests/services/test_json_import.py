"""Files handed to followup (import, import-questions): only regular files, up to a size, one line."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from followup_tui.cli import main as cli
from followup_tui.domain.ids import is_valid_id
from followup_tui.domain.models import Concern, Debrief, Interview
from followup_tui.store import files
from followup_tui.store.repository import Repository
from followup_tui.store.safe_read import UserFileError, read_user_file, read_user_text
from tests.helpers.files import device_file

IMPORTS = ["import", "import-questions"]


def _one_line_failure(*args: str) -> str:
    result = CliRunner().invoke(cli.main, list(args))
    assert result.exit_code == 1, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "report" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def _in_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    """Run followup in a child with a memory cap: reading a device without limit fails the test
    instead of eating the machine, and a read that blocks ends with the timeout."""
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (2 * 1024 ** 3, 2 * 1024 ** 3))\n"
        "from followup_tui.cli.main import main\n"
        "sys.argv = ['followup', *sys.argv[1:]]\n"
        "main()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


@pytest.mark.parametrize("command", IMPORTS)
def test_a_fifo_is_refused_without_blocking(tmp_path: Path, db_path: Path, command: str) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    done = _in_subprocess(command, str(fifo))
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip() == f"Error: {fifo} is a named pipe; followup reads only regular files."
    assert not db_path.exists()


@pytest.mark.parametrize("command", IMPORTS)
def test_a_device_is_refused_without_reading_it(db_path: Path, command: str) -> None:
    done = _in_subprocess(command, "/dev/zero")
    assert done.returncode == 1, done.stderr[-500:]
    assert done.stderr.strip() == "Error: /dev/zero is a device; followup reads only regular files."
    assert not db_path.exists()


@pytest.mark.parametrize("command", IMPORTS)
def test_a_folder_is_refused(tmp_path: Path, db_path: Path, command: str) -> None:
    assert _one_line_failure(command, str(tmp_path)) == f"Error: {tmp_path} is a folder, not a file."
    assert not db_path.exists()


@pytest.mark.parametrize(("command", "limit"), [("import", "16.0 MB"), ("import-questions", "1.0 MB")])
def test_a_file_over_the_limit_is_refused(tmp_path: Path, db_path: Path, command: str, limit: str) -> None:
    big = tmp_path / "big"
    with big.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)  # sparse: costs no disk
    line = _one_line_failure(command, str(big))
    assert line == f"Error: {big} is too large (17.0 MB); followup reads files of up to {limit} here."
    assert not db_path.exists()


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "growing.md"
    source.write_bytes(b"- q\n" * 100)
    real_fstat = os.fstat

    def shrunk(fd: int) -> os.stat_result:  # the size seen at open time, before it grew
        values = list(real_fstat(fd))
        values[6] = 10
        return os.stat_result(values)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files.os, "fstat", shrunk)
        with pytest.raises(UserFileError, match="too large; followup reads files of up to 100 bytes"):
            read_user_file(source, 100)
    assert read_user_file(source, 400) == b"- q\n" * 100


def test_a_fifo_swapped_in_after_the_check_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    regular = os.stat(__file__)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(files.os, "stat", lambda _path: regular)  # the first look saw a file
        with pytest.raises(UserFileError, match="is a named pipe"):
            read_user_file(fifo, 1000)


def test_text_files_are_utf8_and_a_bom_is_dropped(tmp_path: Path) -> None:
    source = tmp_path / "q.md"
    source.write_bytes(b"\xef\xbb\xbf- caf\xc3\xa9?\n")
    assert read_user_text(source, 1000) == "- café?\n"
    source.write_bytes(b"\xff\xfe")
    with pytest.raises(UserFileError, match="is not a UTF-8 text file"):
        read_user_text(source, 1000)


def test_deeply_nested_json_is_one_line(tmp_path: Path, db_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 200_000 + "]" * 200_000)
    assert "Cannot import" in _one_line_failure("import", str(deep))
    nested = tmp_path / "nested.json"
    nested.write_text(
        '{"format": "followup-export", "version": 1, "interviews": ' + "[" * 5000 + "]" * 5000 + "}"
    )
    assert "Cannot import" in _one_line_failure("import", str(nested))
    assert not db_path.exists()


# -- what an import lets in ---------------------------------------------------------------------

BAD_IDS: list[Any] = [
    7,
    None,
    True,
    1.5,
    [],
    ["k3m9p"],
    {"id": "k3m9p"},
    "",
    "k3m9",
    "k3m9pq",
    "K3M9P",
    "k3m9o",
    "23456",
    "x" * 100_000,
    "k3\x00m9",
    "\x1b]0;pwned\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x1b[2J",
]
"""Ids an export may hold that are not five characters of the id alphabet."""


def _export(**tables: list[dict[str, Any]]) -> str:
    return json.dumps({"format": "followup-export", "version": 1, **tables})


def test_an_import_replaces_bad_ids_and_references_follow(tmp_path: Path, db_path: Path) -> None:
    interviews = [{"id": bad, "company": f"Company {n}"} for n, bad in enumerate(BAD_IDS)]
    concerns = [{"id": bad, "interview_id": bad, "text": f"thought {n}"} for n, bad in enumerate(BAD_IDS)]
    debriefs = [
        {"id": "whatever", "interview_id": bad, "notes": f"notes {n}"} for n, bad in enumerate(BAD_IDS)
    ]
    source = tmp_path / "export.json"
    source.write_text(_export(interviews=interviews, concerns=concerns, debriefs=debriefs))
    result = CliRunner().invoke(cli.main, ["import", str(source)])
    assert result.exit_code == 0, result.stderr
    n = len(BAD_IDS)
    assert result.stdout == f"Added {3 * n} records ({2 * n} ids replaced by new ones).\n"
    repo = Repository(db_path)
    companies = {i.id: i.company for i in repo.all(Interview)}
    assert len(companies) == n and all(is_valid_id(i) for i in companies)
    for concern in repo.all(Concern):
        assert is_valid_id(concern.id)
        number = concern.text.split()[-1]
        assert companies[concern.interview_id] == f"Company {number}"  # still with its interview
    for debrief in repo.all(Debrief):
        assert (
            debrief.id == debrief.interview_id
            and companies[debrief.id] == f"Company {debrief.notes.split()[-1]}"
        )


def test_an_import_counts_the_values_it_had_to_replace_or_cut(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "export.json"
    interview = {
        "id": "k3m9p",
        "company": "Acme",
        "interviewers": "Ana, Bo",
        "when": 20261201,
        "notes": "n" * 30_000,
    }
    question = {"id": "q2345", "interview_id": "k3m9p", "text": ["Why", "now"], "order": "zzz"}
    source.write_text(_export(interviews=[interview], questions=[question]))
    result = CliRunner().invoke(cli.main, ["import", str(source)])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "Added 2 records (5 values of the wrong type or too long were replaced or cut).\n"
    stored = Repository(db_path).get(Interview, "k3m9p")
    assert len(stored.notes) == 20_000 and [p.name for p in stored.interviewers] == ["Ana", "Bo"]


MALFORMED = [
    b"",
    b"   ",
    b"null",
    b"[]",
    b'"followup-export"',
    b"{",
    b'{"format": "followup-export", "version": 1, "interviews": [1]}',
    b'{"format": "followup-export", "version": 1, "interviews": {"1": {}}}',
    b'{"format": "followup-export", "version": "1"}',
    b'{"format": "followup-export", "version": true}',
    b'{"format": "followup-export", "version": 1e400}',
    b'{"format": "followup-export", "version": NaN}',
    b'{"format": "followup-export", "version": 1, "bank": [' + b"[" * 3000 + b"]" * 3000 + b"]}",
    b'{"format": ["followup-export"], "version": 1}',
    b"\xff\xfe{}",
    b"\x00" * 64,
]


@pytest.mark.parametrize("content", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_imports_are_one_line_and_change_nothing(
    tmp_path: Path, db_path: Path, content: bytes
) -> None:
    Repository(db_path).add(Interview(company="Mine"))
    before = device_file(db_path).read_bytes()
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    assert _one_line_failure("import", str(source)).startswith("Error: ")
    assert device_file(db_path).read_bytes() == before


# -- stored ids and text on the way out -----------------------------------------------------------

HOSTILE_ID = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07=cmd|' /C calc'!A0"


def _hostile_file(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text(
        json.dumps(
            {
                "meta": {"1": {"schema": 2}},
                "interviews": {"1": {"id": HOSTILE_ID, "company": "Acme", "when": "2026-11-20 10:00"}},
                "cards": {
                    "1": {
                        "id": "c2345",
                        "interview_id": HOSTILE_ID,
                        "interviewer": "",
                        "text": "Dear Ana,\x1b]0;pwned\x07\x1b[2J\x1b]52;c;cHduZWQ=\x07 thank you.\x9b31m",
                    }
                },
            }
        )
    )


@pytest.mark.parametrize(
    "args",
    [
        ["list"],
        ["export", "--format", "markdown"],
        ["export", "--format", "csv"],
        ["card", HOSTILE_ID],
        ["ics", HOSTILE_ID],
    ],
    ids=["list", "markdown", "csv", "card", "ics"],
)
def test_stored_ids_and_card_text_never_reach_the_terminal_raw(db_path: Path, args: list[str]) -> None:
    _hostile_file(db_path)
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0, result.stderr
    for leak in ("\x1b", "\x07", "\x9b", "cHduZWQ"):
        assert leak not in result.stdout, leak


def test_the_csv_formula_guard_covers_every_column_ids_included(db_path: Path) -> None:
    _hostile_file(db_path)
    result = CliRunner().invoke(cli.main, ["export", "--format", "csv"])
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[1][0].startswith("'") and rows[1][0].lstrip("'").startswith("=cmd")
    for row in rows[1:]:
        assert not any(cell[:1] in ("=", "+", "-", "@", "\t", "\r") for cell in row), row


def test_the_card_prints_stored_text_cleaned(db_path: Path) -> None:
    _hostile_file(db_path)
    result = CliRunner().invoke(cli.main, ["card", HOSTILE_ID])
    assert result.stdout == "Dear Ana, thank you.\n"


@pytest.mark.parametrize(
    "line",
    ["- " + "[" * 60_000 + "](" * 60_000, "- " + "[a](" * 60_000],
    ids=["open-brackets", "open-links"],
)
def test_a_question_list_built_to_stall_the_parser_is_read_in_one_pass(
    tmp_path: Path, db_path: Path, line: str
) -> None:
    source = tmp_path / "questions.md"
    source.write_text(line + "\n- Fine?\n")
    done = _in_subprocess("import-questions", str(source))  # a parser that backtracks takes hours
    assert done.returncode == 0, done.stderr[-500:]
    assert "1 added" in done.stdout
