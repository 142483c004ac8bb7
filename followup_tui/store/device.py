"""This device's identity: a short random id and a readable name, kept outside the data folder.

The identity lives in the platform's state folder (``$XDG_STATE_HOME/followup/device.json`` on
Linux and Termux), never in the synced data folder, so two devices never share one. It is
made at the first save. The same folder holds the locks (``locks/``), which must not be
replaced by a sync engine either.
"""

import contextlib
import json
import os
import sys
from pathlib import Path
from typing import Any, NamedTuple

from followup_tui.domain.ids import ID_ALPHABET
from followup_tui.domain.text import one_line
from followup_tui.store.durable import write_durably
from followup_tui.store.locations import APP_NAME
from followup_tui.store.paths import ensure_private_dir

DEVICE_ID_LENGTH = 8
"""Characters of a device id (from the record ids' alphabet, so it never looks like a number)."""

DIGESTS = "digests"
"""The entry of ``written.json`` that holds each data folder's digest (folder keys are hex)."""

NAME_LENGTH = 40
"""Most characters of a device's readable name."""


class Device(NamedTuple):
    """Who writes: this device's id (in its file's name) and its readable name.

    Attributes:
        id: The device's id.
        name: Its readable name.
        copy_of: The id this device wrote as until its identity was found to be a copy (empty
            if never).
    """

    id: str
    name: str
    copy_of: str = ""


def state_dir() -> Path:
    """The platform's state folder for followup (read from the environment on Linux)."""
    if sys.platform.startswith("linux"):
        base = os.environ.get("XDG_STATE_HOME", "").strip()
        root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".local" / "state"
        return root / APP_NAME
    import platformdirs  # only here: it costs start-up a few milliseconds

    return Path(platformdirs.user_state_dir(APP_NAME, appauthor=False))


def is_device_id(value: object) -> bool:
    """True for a device id as this code makes them."""
    return (
        isinstance(value, str)
        and len(value) == DEVICE_ID_LENGTH
        and all(c in ID_ALPHABET for c in value)
        and not value.isdigit()
    )


def _identity_file() -> Path:
    return state_dir() / "device.json"


def load_device() -> Device | None:
    """This device's identity, or None before the first save made one."""
    try:
        data = json.loads(_identity_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not is_device_id(data.get("id")):
        return None
    name, copy_of = data.get("name"), data.get("copy_of")
    readable = name if isinstance(name, str) and name else data["id"]
    return Device(data["id"], readable, copy_of if isinstance(copy_of, str) and is_device_id(copy_of) else "")


def new_device(name: str | None = None, copy_of: str = "") -> Device:
    """Make and keep a fresh identity for this device (a first save, or a cloned device).

    Args:
        name: Its readable name (the host name when None).
        copy_of: The id it wrote as until that identity was found to be a copy.
    """
    from followup_tui.store.ids import random_id

    device_id = ""
    while not is_device_id(device_id):
        device_id = (random_id() + random_id())[:DEVICE_ID_LENGTH]
    readable = one_line(name or _host_name(), NAME_LENGTH) or device_id
    device = Device(device_id, readable, copy_of)
    ensure_private_dir(state_dir())
    kept = {"id": device.id, "name": device.name, **({"copy_of": copy_of} if copy_of else {})}
    payload = json.dumps(kept, ensure_ascii=False)
    write_durably(_identity_file(), payload.encode("utf-8"))
    return device


def ensure_device() -> Device:
    """This device's identity, made now if there is none yet."""
    return load_device() or new_device()


def _host_name() -> str:
    with contextlib.suppress(OSError):
        if hasattr(os, "uname"):  # what gethostname says, without importing socket (4 ms)
            return os.uname().nodename.split(".")[0]
        import socket

        return socket.gethostname().split(".")[0]
    return ""


def _written() -> dict[str, Any]:
    """What this device noted of its saves (``written.json``; empty when unreadable)."""
    try:
        data = json.loads((state_dir() / "written.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_written(folder_key: str) -> str | None:
    """The stamp of this device's last save into a data folder (None when it never noted one)."""
    stamp = _written().get(folder_key)
    return stamp if isinstance(stamp, str) else None


def written_digest(folder_key: str) -> str | None:
    """The SHA-256 of the bytes this device last wrote into its file of a data folder."""
    digests = _written().get(DIGESTS)
    digest = digests.get(folder_key) if isinstance(digests, dict) else None
    return digest if isinstance(digest, str) else None


def note_written(folder_key: str, stamp: str, digest: str) -> None:
    """Note the stamp of a save and the SHA-256 of the bytes it wrote (best effort, after it: a
    lost note only makes the next save take a fresh id, which loses nothing, and the next read
    parse every table, as for a file this device did not write)."""
    path = state_dir() / "written.json"
    data = _written()
    data[folder_key] = stamp
    digests = data.get(DIGESTS)
    data[DIGESTS] = {**(digests if isinstance(digests, dict) else {}), folder_key: digest}
    tmp = path.with_name(f".written-{os.getpid()}")
    with contextlib.suppress(OSError):
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)


def lock_dir() -> Path:
    """Where the locks of every data folder this device uses are kept."""
    return state_dir() / "locks"
