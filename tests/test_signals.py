"""Signals in a real pseudo-terminal: typed text is saved and the terminal restored."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from followup_tui.domain.models import Debrief
from followup_tui.store.repository import Repository

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

ALT_SCREEN_OFF = b"\x1b[?1049l"
_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()#][0-9A-Za-z]|\x1b."
)


def visible(output: bytes) -> bytes:
    """The output without escape sequences: what was drawn, in the order it was drawn."""
    return _ESCAPES.sub(b"", output)


TABS_TO_NOTES = 7
"""From the quick capture line: gut rating, three prompts, clarifications, the moment, then the notes."""


class Terminal:
    """A child process on a pseudo-terminal, with everything it wrote kept in ``output``."""

    def __init__(self, argv: list[str], size: tuple[int, int] = (100, 30)) -> None:
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(size[0]), "LINES": str(size[1])}
        env.pop("TEXTUAL", None)
        try:
            pid, fd = pty.fork()
        except OSError as exc:  # pragma: no cover - depends on the machine
            pytest.skip(f"cannot open a pseudo-terminal: {exc}")
        if pid == 0:  # the child
            os.execve(argv[0], argv, env)
        self.pid, self.fd = pid, fd
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
        self.output = b""
        self.status: int | None = None

    def read(self, seconds: float) -> bool:
        """Read for up to ``seconds``; return False once the child closed the terminal."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], max(deadline - time.monotonic(), 0))
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 65536)
            except OSError:
                return False
            if not chunk:
                return False
            self.output += chunk
        return True

    def wait_for(self, text: bytes, seconds: float = 15.0) -> bool:
        """Read until ``text`` appears in the output after the current end."""
        start = len(self.output)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if not self.read(0.05):
                break
            if text in visible(self.output[start:]):
                return True
        return text in visible(self.output[start:])

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def finish(self, seconds: float = 15.0) -> int | None:
        """Read until the child exits; return its wait status (None if it did not exit)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            done, status = os.waitpid(self.pid, os.WNOHANG)
            if done:
                self.read(0.2)
                self.status = status
                return status
            self.read(0.05)
        return None

    def close(self) -> None:
        if self.status is None:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        os.close(self.fd)


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_saves_what_was_typed_and_restores_the_terminal(db_path: Path, signum: int) -> None:
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
    interview_id = added.stdout.split()[-1]
    # upper case: no key of the debrief is bound to these, so a stray focus cannot act on them
    typed = f"KEPT-WORDS-{signal.Signals(signum).name}"
    term = Terminal([sys.executable, "-m", "followup_tui", "--db", str(db_path)])
    try:
        assert term.wait_for(b"Interviews"), term.output[-2000:]
        term.read(0.5)
        term.send("d")
        assert term.wait_for(b"Quick capture"), term.output[-2000:]
        term.read(1.5)  # let the screen mount and focus its quick capture line
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
