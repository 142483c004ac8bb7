"""The README's install steps and the app's own install hints agree (issue 14, item 17)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_the_readme_says_to_enter_the_folder_and_make_a_virtual_environment_first() -> None:
    steps = [line.strip() for line in README.split("## Install and open", 1)[1].splitlines()]
    order = [
        next(i for i, line in enumerate(steps) if line.startswith(start))
        for start in (
            "git clone",
            "cd followup",
            "python3 -m venv .venv",
            "source .venv/bin/activate",
            "pip install .",
        )
    ]
    assert order == sorted(order), steps[:20]


def test_web_without_its_library_names_the_readme_install_command(db_path: Path) -> None:
    from followup_tui.cli.web import WEB_INSTALL_HINT

    assert "pip install '.[web]'" in WEB_INSTALL_HINT and "pip install '.[web]'" in README
    # textual-serve made unimportable, as on a machine that installed followup without it
    code = (
        "import sys; sys.modules['textual_serve'] = None; sys.argv = ['followup', '--web'];"
        "from followup_tui.cli.main import main; main()"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "pip install '.[web]'" in done.stderr and "followup-tui[web]" not in done.stderr
    assert "Traceback" not in done.stderr
