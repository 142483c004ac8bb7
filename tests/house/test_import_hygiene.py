"""The data layer and the commands that do not open the app never import Textual."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

DATA_MODULES = [
    "followup_tui.domain.models",
    "followup_tui.store.storage",
    "followup_tui.store.migrations",
    "followup_tui.store.repository",
    "followup_tui.services.exporting",
    "followup_tui.services.question_import",
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
    ran = "followup_tui.cli.note" if args[0] == "note" else "followup_tui.cli.main"  # a note needs no click
    assert ran in imported
    assert not [m for m in imported if m == "textual" or m.startswith("textual.")]


def test_the_home_screen_opens_without_the_write_actions(db_path: Path) -> None:
    """Start-up imports what the first screen shows; the write actions (and the card draft and
    hashing modules they bring) wait until a key needs them, Babel until a card is drafted,
    Textual's text area until a screen with one opens, and the dialogs until one is asked for."""
    _python(["-m", "followup_tui", "add", "Acme", "--when", "2000-01-01 10:00"], db_path)
    code = (
        "import asyncio, os, sys\n"
        "from pathlib import Path\n"
        "from followup_tui.cli.app_start import build_app\n"
        "app = build_app(Path(os.environ['FOLLOWUP_DB']))\n"
        "async def main():\n"
        "    async with app.run_test(size=(100, 30)) as pilot:\n"
        "        table = app.screen.query('#home-table')\n"
        "        while not table or not table.first().row_count:\n"
        "            await pilot.pause(0.01)\n"
        "            table = app.screen.query('#home-table')\n"
        "        await pilot.pause()\n"
        "asyncio.run(main())\n"
        "wanted = ('followup_tui.services.actions', 'followup_tui.domain.card.draft', 'babel',\n"
        "          'textual.widgets._text_area', 'followup_tui.ui.screens.dialog')\n"
        "print('LOADED', [m for m in wanted if m in sys.modules])\n"
    )
    result = _python(["-c", code], db_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "LOADED []" in result.stdout, result.stdout


PLAIN_START = """
import os, sys
from followup_tui.ui import app as app_module
opened = []
app_module.FollowupApp.run = lambda self, *a, **k: opened.append(self.repo.path)
sys.argv = {argv!r}
from followup_tui.cli.launch import main
try:
    main()
except SystemExit as end:
    print("STATUS", end.code)
print("OPENED", len(opened), "DEMO", str(opened[0]) != os.environ["FOLLOWUP_DB"])
print("CLICK", sorted(m for m in sys.modules if m == "click" or m.startswith("click.")))
"""
"""Runs the console script with the app's run replaced, and says what it opened and loaded."""


@pytest.mark.parametrize(
    "args", [[], ["--db", "{db}"], ["--db={db}"], ["--demo"], ["--demo", "--db", "{db}"]]
)
def test_plain_followup_opens_the_app_without_click(db_path: Path, args: list[str]) -> None:
    """``followup`` alone, with ``--db`` or ``--demo``, opens the app without loading click."""
    argv = ["followup", *(word.format(db=db_path) for word in args)]
    result = _python(["-c", PLAIN_START.format(argv=argv)], db_path)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "STATUS 0" in result.stdout
    assert f"OPENED 1 DEMO {'--demo' in args}" in result.stdout
    assert "CLICK []" in result.stdout, result.stdout


@pytest.mark.parametrize(("lang", "loaded"), [("en", ["en"]), ("de-AT", ["de", "en"]), ("fr", ["en", "fr"])])
def test_a_card_reads_only_the_guards_of_its_language_and_english(
    db_path: Path, lang: str, loaded: list[str]
) -> None:
    code = (
        "import sys\n"
        "from followup_tui.domain.card.guard import sensitive_topic\n"
        f"sensitive_topic('I enjoyed the talk about the roadmap.', {lang!r})\n"
        "prefix = 'followup_tui.domain.card.guard_'\n"
        "print('LOADED', sorted(m[len(prefix):] for m in sys.modules if m.startswith(prefix)))\n"
    )
    result = _python(["-c", code], db_path)
    assert result.returncode == 0, result.stderr
    assert f"LOADED {sorted([*loaded, 'rules'])}" in result.stdout
