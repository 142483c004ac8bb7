"""Signals in a real pseudo-terminal: typed text is saved and the terminal restored."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.domain.models import Debrief
from followup_tui.services import actions
from followup_tui.store.repository import Repository
from tests.helpers.terminal import ALT_SCREEN_OFF, Terminal

TABS_TO_NOTES = 7
"""From the quick capture line: gut rating, three prompts, clarifications, the moment, then the notes."""


def add_interview(db_path: Path) -> str:
    """Add an interview with the command line; return its id."""
    added = subprocess.run(
        [
            sys.executable,
            "-m",
            "followup_tui",
            "--db",
            str(db_path),
            "add",
            "Acme",
            "--when",
            "2026-01-05 10:00",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    return added.stdout.split()[-1]


def open_debrief(db_path: Path) -> Terminal:
    """Start the app in a pseudo-terminal and open the first interview's debrief (close it after)."""
    term = Terminal([sys.executable, "-m", "followup_tui", "--db", str(db_path)])
    try:
        assert term.wait_for(b"Interviews"), term.output[-2000:]
        term.read(0.5)
        term.send("d")
        assert term.wait_for(b"Quick capture"), term.output[-2000:]
        term.read(1.5)  # let the screen mount and focus its quick capture line
    except BaseException:
        term.close()
        raise
    return term


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_saves_what_was_typed_and_restores_the_terminal(db_path: Path, signum: int) -> None:
    interview_id = add_interview(db_path)
    # upper case: no key of the debrief is bound to these, so a stray focus cannot act on them
    typed = f"KEPT-WORDS-{signal.Signals(signum).name}"
    term = open_debrief(db_path)
    try:
        for _ in range(TABS_TO_NOTES):
            term.send("\t")
            term.read(0.25)
        term.send(typed)
        assert term.wait_for(typed.encode(), 10), "the typed text was never drawn"
        os.kill(term.pid, signum)  # well inside the autosave delay: the save is still pending
        status = term.finish()
        assert status is not None, "the app did not exit after the signal"
        assert os.WIFEXITED(status), f"the app died of a signal (status {status})"
    finally:
        term.close()
    debrief = Repository(db_path).get(Debrief, interview_id)
    # the notes, unless the focus chain of the debrief changed; any field proves the flush
    fields = ("notes", "worth_mentioning", "felt_off", "not_learned", "forgot_to_ask")
    saved = [name for name in fields if getattr(debrief, name)]
    assert saved and typed in getattr(debrief, saved[0]), f"typed text not saved: {debrief.to_record()}"
    assert ALT_SCREEN_OFF in term.output[-400:], "the alternate screen was not left"
    assert b"Traceback" not in term.output


@pytest.mark.slow
def test_a_hang_up_keeps_the_quick_capture_line_not_yet_on_the_board(db_path: Path) -> None:
    """A closed terminal (SIGHUP) while a concern is typed but not entered keeps it (its kept input)."""
    interview_id = add_interview(db_path)
    typed = "KEPT-CAPTURE-LINE"
    term = open_debrief(db_path)
    try:
        term.send(typed)
        assert term.wait_for(typed.encode(), 10), "the typed text was never drawn"
        os.kill(term.pid, signal.SIGHUP)  # inside the autosave delay: the kept input's save is pending
        status = term.finish()
        assert status is not None and os.WIFEXITED(status), status
    finally:
        term.close()
    kept = actions.kept_input(Repository(db_path), actions.kept_input_key("capture", interview_id))
    assert kept == {"capture": typed}
