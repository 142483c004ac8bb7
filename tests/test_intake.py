"""Files handed to followup (import, import-questions): only regular files, up to a size, one line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_tui.cli import main as cli
from followup_tui.store import files
from followup_tui.store.files import UserFileError, read_user_file, read_user_text

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
        timeout=60,
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
