"""``followup --web`` starts a local server that serves the app's first page."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_web_serves_the_first_page_on_localhost(db_path: Path) -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "followup_tui", "--db", str(db_path), "--web", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        page = b""
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not page:
            try:
                with urllib.request.urlopen(f"http://localhost:{port}/", timeout=2) as response:
                    assert response.status == 200
                    page = response.read()
            except OSError:
                assert server.poll() is None, server.stderr.read().decode() if server.stderr else ""
                time.sleep(0.2)
        assert b"textual.js" in page, page[:300]
        assert b"<title>followup</title>" in page or b"followup" in page
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert not db_path.exists(), "serving the page alone must not create the data file"


def test_web_with_a_command_is_a_usage_error(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--web", "list"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "--web" in result.stderr
