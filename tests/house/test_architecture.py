"""The layers and rules of docs/architecture.md hold: import-linter's contracts, and the modules
loaded by name resolve."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import click
import pytest

from followup_tui.cli.common import LAZY_COMMANDS
from followup_tui.ui.app import SCREENS_BY_NAME
from followup_tui.ui.screens.base import FollowupScreen

ROOT = Path(__file__).resolve().parents[2]


def test_the_import_contracts_are_kept() -> None:
    """Layers, no textual below ui, no import circles: see [tool.importlinter] in pyproject.toml."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from importlinter.cli import lint_imports;"
            " sys.exit(lint_imports(no_cache=True, no_logo=True))",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout
    assert "0 broken" in result.stdout


def _resolve(target: str) -> object:
    module_name, _, attribute = target.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


@pytest.mark.parametrize("name", sorted(SCREENS_BY_NAME))
def test_every_screen_opened_by_name_resolves(name: str) -> None:
    screen_class = _resolve(SCREENS_BY_NAME[name])
    assert isinstance(screen_class, type) and issubclass(screen_class, FollowupScreen)


@pytest.mark.parametrize("name", sorted(LAZY_COMMANDS))
def test_every_command_loaded_by_name_resolves(name: str) -> None:
    command = _resolve(LAZY_COMMANDS[name])
    assert isinstance(command, click.Command)
    assert command.name == name
