"""What every command and the app say about the data folder beyond this device's own file.

Two things a user must hear of, each in one line: a file of the folder that could not be read
(another device's file truncated by a sync engine, or written by a newer followup), which every
read leaves out and never overwrites, so the edits only in it are missing; and this device's
identity found to be a copy of another's (a cloned phone, a copied state folder), after which
this device writes as a new one.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.domain.text import one_line
from followup_tui.store.device import Device
from followup_tui.store.folder import DEVICE, LEGACY, DataFolder

if TYPE_CHECKING:  # the doctor's device lines use this module without opening a repository
    from followup_tui.store.repository import Repository

DOCTOR_HINT = "Run 'followup doctor' to see why."


def unread_file_notices(repo: Repository, told: frozenset[Path] = frozenset()) -> dict[Path, str]:
    """One line for each file of the folder the last read could not read (and left untouched).

    Args:
        repo: The repository, after a read.
        told: Files already said (the app says each once while it stays unread).

    Returns:
        The line for each such file, by path.
    """
    unread = [path for path in sorted(repo.unread_files) if path not in told]
    if not unread:
        return {}
    names = repo.known_devices()
    kinds = {s.path: s for s in DataFolder(repo.path).sources()}
    lines: dict[Path, str] = {}
    for path in unread:
        source = kinds.get(path)
        if source is not None and source.kind == DEVICE:
            name = one_line(names.get(source.device, ""), 40)
            whose = (
                f"The file of device {name} ({source.device})"
                if name
                else f"The file of device {source.device}"
            )
        elif source is not None and source.kind == LEGACY:
            whose = "The old single file"
        else:
            whose = "A conflict copy"
        lines[path] = (
            f"{whose}, {path.name}, could not be read: what was written only there is not shown, "
            f"and followup left it untouched. {DOCTOR_HINT}"
        )
    return lines


def new_identity_line(device: Device) -> str:
    """The line that says this device now writes under a new identity, and why."""
    return (
        f"This device's identity was found to be a copy (another device writes as {device.copy_of}): "
        f"it now writes as a new device, {one_line(device.name, 40)} ({device.id}). Nothing is lost."
    )


def untold_new_identity(repo: Repository) -> str | None:
    """``new_identity_line`` the first time it is asked after a save took a new identity."""
    device = repo.untold_new_identity()
    return None if device is None else new_identity_line(device)
