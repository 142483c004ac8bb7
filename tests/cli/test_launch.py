"""The console script reads a plain command line itself and hands every other one to click."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.cli.launch import plain_app_options


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ([], (None, False)),
        (["--db", "x.json"], ("x.json", False)),
        (["--db=x.json"], ("x.json", False)),
        (["--demo"], (None, True)),
        (["--demo", "--db", "x.json"], ("x.json", True)),
    ],
)
def test_a_plain_command_line_opens_the_app(args: list[str], expected: tuple[str | None, bool]) -> None:
    assert plain_app_options(args) == expected


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["-h"],
        ["--version"],
        ["list"],
        ["--db", "x.json", "list"],
        ["--db"],
        ["--db", ""],
        ["--db", "--demo"],
        ["--db", "a.json", "--db", "b.json"],
        ["--demo", "--demo"],
        ["--web"],
        ["--port", "9000"],
        ["--", "list"],
    ],
)
def test_every_other_command_line_goes_to_click(args: list[str]) -> None:
    assert plain_app_options(args) is None


def test_a_folder_given_as_the_data_file_goes_to_click(tmp_path: Path) -> None:
    assert plain_app_options(["--db", str(tmp_path)]) is None
