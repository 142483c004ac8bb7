"""``-`` for standard input and output, and what goes to stdout and stderr with ``-o``."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.domain.models import BankQuestion, Interview
from followup_tui.services.json_import import IMPORT_LIMIT
from followup_tui.store.repository import Repository
from tests.cli.test_cli import fails, ok, run

INVITATIONS = Path(__file__).parents[1] / "fixtures" / "invitations"


def test_import_dash_reads_standard_input(db_path: Path, tmp_path: Path) -> None:
    ok("add", "Acme", "--when", "2026-12-01 10:00")
    exported = ok("export")
    other = tmp_path / "other.json"
    result = run("--db", str(other), "import", "-", input=exported)
    assert result.exit_code == 0, result.stderr
    assert [i.company for i in Repository(other).all(Interview)] == ["Acme"]


def test_import_dash_keeps_the_size_limit_and_one_line_errors(db_path: Path) -> None:
    too_big = " " * (IMPORT_LIMIT + 1)
    result = run("import", "-", input=too_big)
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: standard input holds more than 16 MB; followup reads up to that."
    ]
    assert "not UTF-8 text" in fails_with_input(["import", "-"], b"\xff\xfe\x00")
    assert "Cannot import standard input" in fails_with_input(["import", "-"], b"[1, 2]")
    assert not db_path.exists()


def fails_with_input(args: list[str], data: bytes) -> str:
    result = run(*args, input=data)
    assert result.exit_code == 1, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_import_questions_dash_reads_standard_input(db_path: Path) -> None:
    result = run("import-questions", "-", input="# Team\n\n- How do you review code?\n")
    assert result.exit_code == 0, result.stderr
    assert [q.text for q in Repository(db_path).all(BankQuestion)] == ["How do you review code?"]


def test_add_from_ics_dash_reads_standard_input(db_path: Path) -> None:
    invitation = (INVITATIONS / "google-calendar.ics").read_bytes()
    result = run("add", "--from-ics", "-", input=invitation)
    assert result.exit_code == 0, result.stderr
    (interview,) = Repository(db_path).all(Interview)
    assert result.stdout.strip() == interview.id
    assert "Cannot read standard input" in fails_with_input(["add", "--from-ics", "-"], b"not a calendar")


@pytest.mark.parametrize("args", [["import", "-"], ["import-questions", "-"], ["add", "--from-ics", "-"]])
def test_dash_on_a_terminal_says_so_instead_of_waiting(db_path: Path, args: list[str]) -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "followup_tui", *args],
            stdin=follower,
            capture_output=True,
            text=True,
            timeout=30,
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "standard input, which is the terminal here" in lines[0], done.stderr
    assert not db_path.exists()


@pytest.mark.parametrize("command", [["export"], ["export", "--format", "csv"], ["ics", "acme"]])
def test_dash_output_is_standard_output_and_writes_no_file(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    ok("add", "Acme", "--when", "2026-12-01 10:00")
    monkeypatch.chdir(tmp_path)
    result = run(*command, "-o", "-")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ok(*command)
    assert result.stderr == ""
    assert not (tmp_path / "-").exists()


@pytest.mark.parametrize("command", [["export"], ["ics", "acme"]])
def test_every_o_says_wrote_on_stderr_only(db_path: Path, tmp_path: Path, command: list[str]) -> None:
    ok("add", "Acme", "--when", "2026-12-01 10:00")
    target = tmp_path / "out.file"
    result = run(*command, "-o", str(target))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", f"Wrote {target}\n")
    again = fails(*command, "-o", str(target))
    assert "--force" in again and "already exists" in again


def test_bank_list_json(db_path: Path) -> None:
    run("import-questions", "-", input="# Team\n\n- How do you review code?\n")
    items = json.loads(ok("bank", "list", "--json"))
    mine = [i for i in items if i["mine"]]
    question = {"id": mine[0]["id"], "text": "How do you review code?", "category": "team", "mine": True}
    assert mine == [question]
    assert any(i["id"] == "s1" and not i["mine"] for i in items)
    assert json.loads(ok("bank", "list", "--json", "--mine")) == mine
