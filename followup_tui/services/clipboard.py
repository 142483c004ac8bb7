"""Copying text with the system's clipboard tool: ``termux-clipboard-set`` on a phone.

A terminal asked to copy (the OSC 52 sequence, which the app sends) never answers, so only a
tool that ran and exited 0 confirms a copy. Termux's tool needs the Termux:API app; without
it, the tool fails or hangs, and the copy is not confirmed.
"""

from __future__ import annotations

import shutil
import subprocess

CLIPBOARD_TOOLS = ("termux-clipboard-set",)
"""Programs that put their standard input on the clipboard, first found first used."""

TOOL_TIMEOUT = 10.0
"""Seconds a clipboard tool may take (Termux's asks another app, which can take a moment)."""


def clipboard_tool() -> str | None:
    """The path of the first clipboard tool installed here, if any."""
    for name in CLIPBOARD_TOOLS:
        found = shutil.which(name)
        if found:
            return found
    return None


def copy_with_tool(text: str) -> bool:
    """Hand ``text`` to the clipboard tool; return whether it confirmed the copy.

    Args:
        text: What to copy.

    Returns:
        True only when a tool ran and exited 0; False without a tool, or when it failed,
        could not start or took longer than ``TOOL_TIMEOUT``.
    """
    tool = clipboard_tool()
    if tool is None:
        return False
    try:
        done = subprocess.run(
            [tool],
            input=text.encode("utf-8", "replace"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TOOL_TIMEOUT,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0
