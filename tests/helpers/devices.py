"""A device in a sync test: its own HOME and XDG folders, its data in a synced folder.

Two devices on one machine are two environments: the device identity lives in the platform's
config and state folders, which each device keeps apart; ``FOLLOWUP_DB`` names
``followup.json`` in the device's synced folder. Every command runs ``followup`` as a
subprocess, as a user would in a shell.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

COMMAND_TIMEOUT = 60
"""Seconds one ``followup`` command may take on a loaded machine."""


@dataclass(frozen=True)
class Device:
    """One device: a name, a private home and the synced folder holding its data."""

    name: str
    home: Path
    folder: Path

    @property
    def db(self) -> Path:
        """What ``FOLLOWUP_DB`` names: ``followup.json`` in the synced folder."""
        return self.folder / "followup.json"

    @property
    def env(self) -> dict[str, str]:
        """The environment of this device's processes (no other device's folders in it)."""
        keep = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "FOLLOWUP"))}
        folders = {
            f"XDG_{kind}_HOME": str(self.home / kind.lower()) for kind in ("DATA", "CONFIG", "CACHE", "STATE")
        }
        return {**keep, "HOME": str(self.home), **folders, "FOLLOWUP_DB": str(self.db)}

    def prepare(self) -> None:
        """Make the home folder (private, as a real one is)."""
        self.home.mkdir(parents=True, exist_ok=True, mode=0o700)

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run ``followup ARGS`` on this device.

        Raises:
            AssertionError: If ``check`` and the command failed (its stderr is shown).
        """
        done = subprocess.run(
            [sys.executable, "-m", "followup_tui", *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        assert not check or done.returncode == 0, f"{self.name}: followup {' '.join(args)}: {done.stderr}"
        return done

    def followup(self, *args: str) -> str:
        """Run ``followup ARGS``, which must succeed; return what it printed, stripped."""
        return self.run(*args).stdout.strip()

    def python(self, code: str, *args: str) -> Any:
        """Run ``code`` (which prints one JSON value) in a Python of this device; return it.

        Args:
            code: The program; ``sys.argv[1:]`` holds ``args``.
            *args: Its arguments.
        """
        done = subprocess.run(
            [sys.executable, "-c", code, *args],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, f"{self.name}: {done.stderr}"
        return json.loads(done.stdout)

    def export(self) -> dict[str, Any]:
        """Everything this device reads in its folder, as the JSON export."""
        return json.loads(self.followup("export", "--format", "json"))

    def notes(self) -> list[str]:
        """The text of every concern this device reads, sorted."""
        return sorted(concern["text"] for concern in self.export()["concerns"])

    def outcomes(self) -> dict[str, str]:
        """Each interview's outcome, by company."""
        return {row["company"]: row["outcome"] for row in json.loads(self.followup("list", "--json"))}
