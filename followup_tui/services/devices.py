"""The devices that share a data folder: ``followup devices`` and the doctor's device checks.

Each device writes its own file in the data folder (``store/folder.py``). This reads every one
of them on its own (none is written): who wrote it, when it last did, how many records it
holds, and whether it can be read at all; and the conflict copies sync engines left, waiting
or already merged and moved aside.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from followup_tui.domain.insights.report import plural
from followup_tui.domain.sync.replicas import head_of, is_data_table
from followup_tui.domain.sync.stamps import ZERO, stamp_parts
from followup_tui.services.folder_notices import new_identity_line
from followup_tui.store.device import last_written, load_device
from followup_tui.store.durable import StorageError
from followup_tui.store.folder import CONFLICT, DEVICE, LEGACY, DataFolder, Source
from followup_tui.store.sources import SourceReader


@dataclass(frozen=True)
class DeviceFile:
    """One file of the data folder as ``followup devices`` lists it."""

    path: Path
    kind: str
    """``device`` or ``legacy`` (the old single file)."""
    device: str
    name: str
    last_wrote: datetime | None
    """When the device last saved (its newest stamp), in UTC; None when unknown."""
    records: int
    this_device: bool
    problem: str = ""
    """Why the file cannot be read (empty when it can)."""


def _stamp_time(stamp: object) -> datetime | None:
    if not isinstance(stamp, str) or stamp <= ZERO:
        return None
    wall = stamp_parts(stamp)[0]
    return datetime.fromtimestamp(wall / 1000, tz=timezone.utc) if wall else None


def _describe(reader: SourceReader, source: Source, own: str) -> DeviceFile:
    try:
        parsed = reader.parse(source)
    except StorageError as exc:
        return DeviceFile(
            source.path, source.kind, source.device, "", None, 0, source.device == own, str(exc)
        )
    tables = parsed.tables or {}
    head = head_of(tables)
    given = head.get("name")
    name = given if isinstance(given, str) else ""
    records = sum(len(t) for n, t in tables.items() if is_data_table(n))
    when = _stamp_time(head.get("clock"))
    if source.kind == LEGACY:
        when = datetime.fromtimestamp(source.identity[3] / 1e9, tz=timezone.utc)
    return DeviceFile(source.path, source.kind, source.device, name, when, records, source.device == own)


def device_files(path: Path) -> list[DeviceFile]:
    """Every device's file in the data folder of ``path`` (and the old single file, if there)."""
    folder = DataFolder(path)
    device = load_device()
    own = device.id if device else ""
    reader = SourceReader(folder)
    return [_describe(reader, s, own) for s in folder.sources() if s.kind in (DEVICE, LEGACY)]


def conflict_copies(path: Path) -> tuple[list[Path], list[Path]]:
    """Conflict copies in the data folder: those waiting to be merged, and those moved aside."""
    folder = DataFolder(path)
    waiting = [s.path for s in folder.sources() if s.kind == CONFLICT]
    try:
        moved = sorted(Path(e.path) for e in os.scandir(folder.conflicts_dir) if e.is_file())
    except OSError:
        moved = []
    return waiting, moved


def check_devices(path: Path, examined: Path) -> tuple[list[str], list[str]]:
    """What the doctor says about the folder's other files.

    Args:
        path: The data file.
        examined: The file the doctor examines on its own (left out here).

    Returns:
        Problems (a device file that cannot be read: it is left out of every read) and lines
        for the report (each other device, the conflict copies waiting or merged).
    """
    problems: list[str] = []
    lines: list[str] = []
    for found in device_files(path):
        if found.path == examined:
            continue
        if found.problem:
            problems.append(f"{found.problem} Followup reads the other files and leaves this one untouched.")
            continue
        who = "the old single file" if found.kind == LEGACY else f"device {found.name or found.device}"
        when = f", last wrote {found.last_wrote:%Y-%m-%d %H:%M} UTC" if found.last_wrote else ""
        held = plural(found.records, "record")
        lines.append(f"Also in the folder: {found.path.name} ({who}{when}, {held}), read and merged")
    device = load_device()
    if device is not None and device.copy_of:
        lines.append(new_identity_line(device))
    if _written_by_another(path):
        lines.append(
            "This device's file holds a save newer than this device's last one: another device "
            "writes under the same id (a cloned device, or a restored copy of this device's state "
            "folder). The next save here takes a new id; nothing is lost."
        )
    waiting, moved = conflict_copies(path)
    for copy in waiting:
        lines.append(f"Conflict copy: {copy.name} (merged at the next save, then moved aside)")
    if moved:
        lines.append(
            f"Conflict copies merged and moved aside ({len(moved)}) into {DataFolder(path).conflicts_dir}:"
        )
        lines += [f"  {copy.name}" for copy in moved]
    return problems, lines


def _written_by_another(path: Path) -> bool:
    """This device's own file was saved after this device's last save (read only, no lock)."""
    folder = DataFolder(path)
    device = load_device()
    noted = last_written(folder.key)
    if device is None or noted is None:
        return False
    own = next((s for s in folder.sources() if s.kind == DEVICE and s.device == device.id), None)
    try:
        parsed = SourceReader(folder).parse(own) if own is not None else None
    except StorageError:
        return False
    clock = head_of(parsed.tables).get("clock") if parsed and parsed.tables else None
    return isinstance(clock, str) and clock > noted
