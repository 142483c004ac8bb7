"""Running ``followup`` as a user does: a new process on a given data file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run_followup(db: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """Run ``python -m followup_tui --db DB ARGS`` and wait for it (output captured unless
    ``stdout`` is given)."""
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), *args],
        capture_output="stdout" not in kwargs,
        text=True,
        timeout=60,
        **kwargs,  # type: ignore[call-overload]
    )
