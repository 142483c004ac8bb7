"""A reader that went away (``followup list | head -n 1``) ends the command quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.domain.models import (
    Interview,
)
from followup_tui.store.repository import Repository


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["export"], ["path"]], ids=" ".join)
def test_a_reader_that_went_away_ends_the_command_quietly(db_path: Path, args: list[str]) -> None:
    Repository(db_path).add(Interview(company="Acme", when="2026-01-05 10:00"))
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -n 1` once head has its line
    try:
        result = subprocess.run(
            [sys.executable, "-m", "followup_tui", "--db", str(db_path), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode in (0, 141), result.stderr
    assert result.stderr == "", result.stderr
