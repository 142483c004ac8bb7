"""Shell completion of interview ids, companies and ``--tz`` zones, without loading Textual."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli import ok

COMPLETE = """
import sys
from followup_tui.cli.main import main
try:
    main(prog_name="followup")
except SystemExit:
    pass
print("textual loaded" if "textual" in sys.modules else "textual not loaded", file=sys.stderr)
"""


def complete(*words: str, shell: str = "bash") -> tuple[list[str], str]:
    """What the shell would be offered for the last word, and whether Textual was imported."""
    env = {
        **os.environ,
        "_FOLLOWUP_COMPLETE": f"{shell}_complete",
        "COMP_WORDS": " ".join(("followup", *words)),
        "COMP_CWORD": str(len(words)),
    }
    done = subprocess.run(
        [sys.executable, "-c", COMPLETE], env=env, capture_output=True, text=True, timeout=30, check=True
    )
    offered = [line.split(",", 1)[1] for line in done.stdout.splitlines() if "," in line]
    return offered, done.stderr.strip()


@pytest.fixture
def interviews(db_path: Path) -> tuple[str, str]:
    return ok("add", "Zoë Café").strip(), ok("add", "Acme").strip()


@pytest.mark.parametrize("command", [["outcome"], ["card"], ["note", "x", "--interview"]])
def test_interviews_complete_by_id_and_company(interviews: tuple[str, str], command: list[str]) -> None:
    zoe, acme = interviews
    offered, loaded = complete(*command, "")
    assert set(offered) == {zoe, acme, "Zoë Café", "Acme"}
    assert loaded == "textual not loaded"
    assert complete(*command, "zo")[0] == ["Zoë Café"]  # accents aside
    assert complete(*command, acme[:3])[0][0] == acme


def test_zones_complete_by_name_or_city(db_path: Path) -> None:
    assert complete("add", "Acme", "--tz", "berl")[0] == ["Europe/Berlin"]
    offered, loaded = complete("add", "Acme", "--tz", "america/new")
    assert offered == ["America/New_York"] and loaded == "textual not loaded"


def test_completion_without_a_data_file_offers_nothing(db_path: Path) -> None:
    assert complete("outcome", "")[0] == []
    assert not db_path.exists()


def test_completion_on_a_damaged_file_offers_nothing_quietly(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    db_path.write_text("{ not json")
    offered, said = complete("card", "")
    assert offered == []
    assert said == "textual not loaded"  # no traceback, nothing else on stderr
    assert db_path.read_text() == "{ not json"


ENTRY_POINT = """
from importlib.metadata import entry_points
(script,) = entry_points(group="console_scripts", name="followup")
script.load()()
"""
"""What the installed ``followup`` script runs: its entry point, with nothing on the command line."""

SOURCE_LINES = {"bash": "complete -o nosort -F _followup_completion followup", "zsh": "#compdef followup"}


def through_the_script(shell: str, mode: str, words: str = "", cword: str = "") -> str:
    """What the installed ``followup`` prints when a shell runs it to complete (nothing opened)."""
    env = {**os.environ, "_FOLLOWUP_COMPLETE": f"{shell}_{mode}", "COMP_WORDS": words, "COMP_CWORD": cword}
    done = subprocess.run(
        [sys.executable, "-c", ENTRY_POINT],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    assert done.stderr == ""
    return done.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_line_the_docs_give_for_the_shell_prints_its_script(db_path: Path, shell: str) -> None:
    script = through_the_script(shell, "source")
    assert "_FOLLOWUP_COMPLETE" in script and f"{shell}_complete" in script
    assert SOURCE_LINES.get(shell, "complete --no-files --command followup") in script
    assert not db_path.exists()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_the_installed_script_completes_interviews(interviews: tuple[str, str], shell: str) -> None:
    zoe, acme = interviews
    offered = through_the_script(shell, "complete", "followup card ", "" if shell == "fish" else "2")
    words = set(re.split(r"[\n,\t]", offered))
    assert {zoe, acme, "Zoë Café", "Acme"} <= words
