"""The clipboard tool: a copy is confirmed only when the tool ran and exited 0."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.services import clipboard
from followup_tui.services.clipboard import clipboard_tool, copy_with_tool
from tests.helpers.clipboard import fake_clipboard_tool, no_clipboard_tool

CARD = "Dear Zoë,\nthank you for the tour.\nJo"


def test_the_tool_gets_the_text_and_its_success_confirms_the_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = fake_clipboard_tool(tmp_path / "bin", monkeypatch)
    assert clipboard_tool() == str(tmp_path / "bin" / "termux-clipboard-set")
    assert copy_with_tool(CARD) is True
    assert kept.read_text(encoding="utf-8") == CARD


def test_a_failing_tool_confirms_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_clipboard_tool(tmp_path / "bin", monkeypatch, exit_code=1)
    assert copy_with_tool(CARD) is False


def test_a_tool_that_hangs_is_given_up_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake_clipboard_tool(tmp_path / "bin", monkeypatch, hang=True)
    monkeypatch.setattr(clipboard, "TOOL_TIMEOUT", 0.5)
    assert copy_with_tool(CARD) is False


def test_without_a_tool_nothing_is_confirmed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    no_clipboard_tool(tmp_path / "bin", monkeypatch)
    assert clipboard_tool() is None
    assert copy_with_tool(CARD) is False
