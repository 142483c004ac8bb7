"""An internal error ends the app with a non-zero status and a report free of user text (issue 25, 7)."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

from tests.helpers.terminal import Terminal, visible

MARKER = "Zebra-Quokka-7731"

CRASH_THROUGH_THE_COMMAND = textwrap.dedent(
    """
    import sys
    from followup_tui.cli.main import main
    from followup_tui.domain.models import Interview
    from followup_tui.store.repository import Repository
    from followup_tui.ui.screens.home.home import HomeScreen

    Repository(sys.argv[1]).add(Interview(company="Acme-" + sys.argv[2]))

    def explode(self):
        raise KeyError(sys.argv[2])

    HomeScreen.on_mount = explode
    main(["--db", sys.argv[1]])
    """
)


def test_the_app_exits_non_zero_after_an_internal_error(db_path: Path) -> None:
    terminal = Terminal(
        [sys.executable, "-c", CRASH_THROUGH_THE_COMMAND, str(db_path), MARKER], size=(80, 24)
    )
    try:
        status = terminal.finish(seconds=60)
    finally:
        terminal.close()
    assert status is not None, "the app did not exit"
    assert os.waitstatus_to_exitcode(status) == 1
    shown = visible(terminal.output).decode(errors="replace")
    assert "followup" in shown.lower() and "KeyError" in shown
    assert MARKER not in shown
