"""A text typed on two devices that had not seen each other's change, made for real.

This test's own process is the laptop (its HOME and XDG folders come from the root
``conftest.py``); the phone is another environment (``tests.helpers.devices.Device``) working in
a copy of the data folder, as a phone offline would. Its device file is then brought back into
the laptop's folder, as a sync engine would.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.helpers.devices import Device

EDIT_ON_PHONE = """
import sys
from followup_tui.store.locations import resolve_data_file
from followup_tui.store.repository import Repository
from followup_tui.store.tables import TABLES
repo = Repository(resolve_data_file())
cls = next(c for c, name in TABLES.items() if name == sys.argv[1])
repo.update(cls, sys.argv[2], **{sys.argv[3]: sys.argv[4]})
print("null")
"""
"""Run on the phone: set one field of one record (table, record id, field, text)."""


def _data_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.glob("followup*.json")}


def phone_in_a_copy(laptop_db: Path, root: Path) -> Device:
    """A phone whose data folder is a copy of the laptop's as it is now."""
    phone = Device("phone", root / "phone-home", root / "phone-data")
    phone.prepare()
    phone.folder.mkdir(mode=0o700)
    for name in _data_files(laptop_db.parent):
        shutil.copy2(laptop_db.parent / name, phone.folder / name)
    return phone


def edit_on_phone(phone: Device, table: str, record_id: str, field: str, text: str) -> None:
    """Change one text on the phone, in its own copy of the folder."""
    phone.python(EDIT_ON_PHONE, table, record_id, field, text)


def bring_back(phone: Device, laptop_db: Path) -> None:
    """Copy the phone's files that the laptop lacks or has older into the laptop's folder
    (the copies kept their times: the laptop's own file, changed since, stays)."""
    for source in phone.folder.glob("followup*.json"):
        target = laptop_db.parent / source.name
        if not target.exists() or target.stat().st_mtime_ns < source.stat().st_mtime_ns:
            shutil.copy2(source, target)


def device_name(device: Device) -> str:
    """The readable name the device gave itself at its first save."""
    identity = json.loads((device.home / "state" / "followup" / "device.json").read_text(encoding="utf-8"))
    return str(identity["name"])
