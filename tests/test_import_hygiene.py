"""The data layer and the commands that do not open the app never import Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

DATA_MODULES = [
    "followup_tui.domain.models",
    "followup_tui.store.storage",
    "followup_tui.store.migrations",
    "followup_tui.store.repository",
    "followup_tui.services.exporting",
    "followup_tui.services.importing",
    "followup_tui.services.doctor",
    "followup_tui.cli.main",
]


def _python(args: list[str], env_db: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FOLLOWUP_DB": str(env_db)}
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_importing_the_data_layer_and_cli_loads_no_textual(db_path: Path) -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {DATA_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m == 'textual' or m.startswith(('textual.', 'rich')))\n"
        "print('LOADED', bad)\n"
    )
    result = _python(["-c", code], db_path)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout


@pytest.mark.parametrize(
    "args",
    [
        ["add", "Acme", "--when", "2000-01-01 10:00"],
        ["list"],
        ["list", "--json"],
        ["note", "forgot to ask about the team"],
        ["export", "--format", "markdown"],
        ["doctor"],
        ["path"],
        ["bank", "list"],
    ],
)
def test_commands_run_without_importing_textual(db_path: Path, args: list[str]) -> None:
    if args[0] != "add":
        _python(["-m", "followup_tui", "add", "Acme", "--when", "2000-01-01 10:00"], db_path)
    result = _python(["-X", "importtime", "-m", "followup_tui", *args], db_path)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line]
    assert "followup_tui.cli.main" in imported
    assert not [m for m in imported if m == "textual" or m.startswith("textual.")]
