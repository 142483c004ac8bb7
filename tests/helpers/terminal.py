"""A child process on a pseudo-terminal, for tests that type as a user types in a terminal."""

from __future__ import annotations

import fcntl
import os
import re
import select
import signal
import struct
import termios
import time

import pytest

pty = pytest.importorskip("pty", reason="pseudo-terminals need a POSIX system")

ALT_SCREEN_OFF = b"\x1b[?1049l"
_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()#][0-9A-Za-z]|\x1b."
)


def visible(output: bytes) -> bytes:
    """The output without escape sequences: what was drawn, in the order it was drawn."""
    return _ESCAPES.sub(b"", output)


class Terminal:
    """A child process on a pseudo-terminal, with everything it wrote kept in ``output``."""

    def __init__(
        self, argv: list[str], size: tuple[int, int] = (100, 30), env: dict[str, str] | None = None
    ) -> None:
        env = {
            **(os.environ if env is None else env),
            "TERM": "xterm-256color",
            "COLUMNS": str(size[0]),
            "LINES": str(size[1]),
        }
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
