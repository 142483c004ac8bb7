"""A stand-in for ``termux-clipboard-set`` on PATH: it keeps what it was given and exits as told."""

from __future__ import annotations

from pathlib import Path

import pytest


def fake_clipboard_tool(
    folder: Path, monkeypatch: pytest.MonkeyPatch, exit_code: int = 0, hang: bool = False
) -> Path:
    """Put a ``termux-clipboard-set`` in ``folder`` first on PATH; return the file it writes.

    Args:
        folder: Where the tool goes (a fresh folder of the test).
        monkeypatch: Sets PATH for this test only.
        exit_code: What the tool exits with.
        hang: Sleep for a minute first, as the tool does without the Termux:API app.
    """
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / "clipboard.txt"
    tool = folder / "termux-clipboard-set"
    wait = "/bin/sleep 60\n" if hang else ""
    tool.write_text(f"#!/bin/sh\n{wait}/bin/cat > '{kept}'\nexit {exit_code}\n")
    tool.chmod(0o700)
    monkeypatch.setenv("PATH", str(folder))
    return kept


def no_clipboard_tool(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Leave PATH with no clipboard tool on it, whatever this machine has installed."""
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.setenv("PATH", str(folder))
