"""The files a save really writes, for tests that look at them on disk.

``--db`` / ``FOLLOWUP_DB`` name ``followup.json``; each device writes its own file beside it
(``followup.<device>.json``, see ``store/folder.py``). A test that checks a guarantee about
"the data file" after a save (its mode, its bytes, its backups, its lock) checks it on the
file that was written: this device's file, as the test's private state folder names it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followup_tui.store.backups import list_backups
from followup_tui.store.device import load_device
from followup_tui.store.folder import DataFolder
from followup_tui.store.storage import SafeJSONStorage


def device_file(db_path: Path) -> Path:
    """This device's file beside ``db_path`` (the one every save of this test writes)."""
    device = load_device()
    assert device is not None, "no save has made this device's identity yet"
    return DataFolder(db_path).device_file(device.id)


def read_device_file(db_path: Path) -> dict[str, Any]:
    """This device's file, parsed as plain JSON."""
    return json.loads(device_file(db_path).read_text(encoding="utf-8"))


def read_merged(db_path: Path) -> dict[str, Any]:
    """The tables the app reads from the data folder (every device's file merged)."""
    return SafeJSONStorage(db_path).read() or {}


def backups_of(db_path: Path) -> list[Path]:
    """The rolling backups of this device's file, newest first."""
    return list_backups(device_file(db_path))


def lock_file(db_path: Path) -> Path:
    """The lock every process of this device takes to change the data folder."""
    return DataFolder(db_path).lock_file
