"""The data folder's layout: one object says where every file of a data folder is.

``--db`` / ``FOLLOWUP_DB`` name ``followup.json`` in the data folder (when it is a symbolic
link, the folder of its target is the data folder). Beside it:

- ``followup.<device>.json``: each device's own file; a device writes only its own.
- ``followup.json`` itself: the single file of older versions, read as one more source
  until every device has moved over (and an un-upgraded device may still write it).
- conflict copies a sync engine made (``followup.<device>.sync-conflict-….json``,
  ``followup (… conflicted copy ….json``, ``followup (conflict ….json``, ``followup (2).json``):
  read as more sources, then moved aside into ``followup.conflicts/`` once merged.
- ``followup.<device>.json.backups/``: each device's own rolling backups.
- ``followup.<device>.home-index``: the home list's rows a device hands over
  (``store.handed_index``); not a data file: it ends neither as one nor as a conflict copy.

The lock is not in the data folder (a sync engine could replace it): it is in this device's
state folder, named after the data folder's real path (``device.lock_dir``).
"""

import os
import re
from pathlib import Path
from typing import NamedTuple

from followup_tui.domain.ids import ID_ALPHABET
from followup_tui.store.device import DEVICE_ID_LENGTH, lock_dir
from followup_tui.store.paths import backup_dir, real_path
from followup_tui.store.safe_read import Identity, identity_of

LEGACY = "legacy"
DEVICE = "device"
CONFLICT = "conflict"

_DEVICE_ID = f"[{ID_ALPHABET}]{{{DEVICE_ID_LENGTH}}}"
"""A device id in a file's name, as a pattern."""

_DEVICE_CHARS = frozenset(ID_ALPHABET)
"""The characters of a device id."""


class Source(NamedTuple):
    """One file in the data folder that holds followup data.

    Attributes:
        path: The file.
        kind: ``device``, ``legacy`` (the old single file) or ``conflict`` (a sync engine's copy).
        device: The device id in the name of a device file (empty for the others).
        identity: The file's identity as it was found.
    """

    path: Path
    kind: str
    device: str
    identity: Identity


class DataFolder:
    """Every path of one data folder, derived once from the data file's path.

    Args:
        path: The data file as given (``--db``, ``FOLLOWUP_DB`` or the default).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()

    @property
    def legacy(self) -> Path:
        """The old single data file (the target of a link), where older versions wrote."""
        return real_path(self.path)

    @property
    def folder(self) -> Path:
        """The data folder."""
        return self.legacy.parent

    @property
    def stem(self) -> str:
        """The data file's name without its extension (``followup``)."""
        return self.legacy.stem

    @property
    def suffix(self) -> str:
        """The data file's extension (``.json``)."""
        return self.legacy.suffix or ".json"

    def device_file(self, device: str) -> Path:
        """The file one device writes."""
        return self.folder / f"{self.stem}.{device}{self.suffix}"

    def backup_dir(self, file: Path) -> Path:
        """The folder of one file's rolling backups (beside it, named after it)."""
        return backup_dir(file)

    @property
    def conflicts_dir(self) -> Path:
        """Where conflict copies go once their content is merged into this device's file."""
        return self.folder / f"{self.stem}.conflicts"

    @property
    def key(self) -> str:
        """Names this data folder in this device's state folder (from its real path)."""
        import hashlib  # not before the first frame of a start from the home index (OpenSSL)

        real = os.path.realpath(self.folder)
        return hashlib.sha256(f"{real}\0{self.stem}".encode()).hexdigest()[:24]

    @property
    def lock_file(self) -> Path:
        """The lock every process of this device takes to change this data folder."""
        return lock_dir() / f"{self.stem}-{self.key}.lock"

    def _device_of(self, name: str) -> str | None:
        """The device whose own file ``name`` is (``<stem>.<device id><suffix>``), else None."""
        head = f"{self.stem}."
        device = name[len(head) : len(name) - len(self.suffix)]
        if (
            len(device) == DEVICE_ID_LENGTH
            and name.startswith(head)
            and name.endswith(self.suffix)
            and _DEVICE_CHARS.issuperset(device)
        ):
            return device
        return None

    def _ends_as_data(self, name: str) -> bool:
        """Whether ``name`` ends as every conflict copy's does: the data file's extension, in
        any case (the copy's pattern then decides)."""
        if name.isascii() and self.suffix.isascii():
            return name.lower().endswith(self.suffix.lower())
        return re.search(f"{re.escape(self.suffix)}\\Z", name, re.IGNORECASE) is not None

    def _copy_pattern(self) -> re.Pattern[str]:
        """A conflict copy's name (compiled only for a name that ends as a data file's)."""
        return re.compile(
            f"{re.escape(self.stem)}(?:\\.{_DEVICE_ID})?"
            r"(?:\.sync-conflict-\d{8}-\d{6}-[A-Za-z0-9]{7}"  # Syncthing
            r"| ?\([^)/]*conflict[^)/]*\)"  # Dropbox, Nextcloud, ownCloud
            r"| \(\d+\)| \d+| copy(?: \d+)?)"  # copies made by hand or by iCloud
            f"{re.escape(self.suffix)}",
            re.IGNORECASE,
        )

    def sources(self) -> list[Source]:
        """Every file of the folder that holds followup data, by name (an unreadable folder:
        none)."""
        found: list[Source] = []
        try:
            entries = list(os.scandir(self.folder))
        except OSError:
            return []
        legacy = self.legacy.name
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            if name == legacy:
                kind, device = LEGACY, ""
            elif (own := self._device_of(name)) is not None:
                kind, device = DEVICE, own
            elif self._ends_as_data(name) and self._copy_pattern().fullmatch(name):
                kind, device = CONFLICT, ""
            else:
                continue
            try:
                st = os.stat(entry.path)  # a device file may itself be a link: its target counts
            except OSError:
                continue
            found.append(Source(Path(entry.path), kind, device, identity_of(st)))
        found.sort(key=lambda s: s.path.name)
        return found

    def version(self) -> tuple[tuple[str, Identity], ...] | None:
        """A cheap token that changes whenever any file of the folder holding data changes
        (None when there is none)."""
        return tuple((s.path.name, s.identity) for s in self.sources()) or None
