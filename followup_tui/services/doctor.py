"""``followup doctor``: look at the data file, its backups and its neighbours; write nothing.

Restoring a backup and repairing odd values are ``doctor_fixes.py``. Looking reads the data
file and every backup as followup reads them (regular files only, never blocking), says when
the backups folder cannot take a backup, names leftover temporary files (at a link's target,
where saves write) and a data file others may read, and reads every record the way followup
reads it (``Record.from_record``), naming each record (table and id) and field whose value had
to be guessed: a value of the wrong type, not valid, or too long, or an id not in the
documented form.
"""

from __future__ import annotations

import copy
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from followup_tui.domain.ids import is_valid_id, shown_id
from followup_tui.domain.models import Debrief, Interview
from followup_tui.domain.sync.replicas import is_data_table
from followup_tui.domain.zones import local_zone_name
from followup_tui.services.actions import drop_belongings
from followup_tui.services.devices import check_devices
from followup_tui.store import migrations
from followup_tui.store.backups import folder_problem, list_backups
from followup_tui.store.device import load_device
from followup_tui.store.durable import TEMP_PREFIX, DamagedFileError, StorageError, pid_alive
from followup_tui.store.folder import DataFolder
from followup_tui.store.lock import FolderLock
from followup_tui.store.parsing import parse_database
from followup_tui.store.paths import FILE_MODE, real_path
from followup_tui.store.repository import META
from followup_tui.store.rows import id_of, parent_of
from followup_tui.store.safe_read import DATA_FILE_LIMIT, UserFileError, read_user_file
from followup_tui.store.tables import TABLES


@dataclass
class Backup:
    """One rolling backup and whether it can be restored."""

    path: Path
    size: int
    usable: bool
    detail: str


@dataclass
class Health:
    """What the doctor found out about a data file."""

    path: Path
    file: Path | None = None
    """The file examined: this device's own file, else the old single file."""
    exists: bool = False
    size: int = 0
    schema: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    backups: list[Backup] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    """Things that stop followup from using the file (exit status 1)."""
    warnings: list[str] = field(default_factory=list)
    """Things worth knowing that do not stop followup."""
    unknown_tables: list[str] = field(default_factory=list)
    stale_files: list[Path] = field(default_factory=list)
    lock_held: bool = False
    time_zones: str = ""
    """How the interviews got their time zones, when some were given this machine's."""
    restorable: bool = False
    """The file is damaged, empty or missing and a backup could take its place."""
    guessed: list[str] = field(default_factory=list)
    """Records whose values followup had to guess at: "table id: field, field"."""
    left_behind: list[str] = field(default_factory=list)
    """Settings kept for interviews that are gone (kept dialog input, checklist marks)."""
    backups_folder: str = ""
    """Why no backup can be made, when none can (saves go on without them)."""

    devices: list[str] = field(default_factory=list)
    """Lines about the other devices' files and the conflict copies."""

    @property
    def healthy(self) -> bool:
        """No problem remains, with the file or with its backups."""
        return not self.problems and not self.backups_folder


def check_tables(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse the bytes of a data file and check its schema version.

    Raises:
        StorageError: If they do not parse or the schema is unreadable or newer.
    """
    tables = parse_database(raw, path)
    migrations.schema_of(tables, path)
    return tables


def examined_file(path: Path) -> Path:
    """The file the doctor looks at: this device's own file once it has one (or backups of
    one), else the old single file (the target of a link)."""
    folder = DataFolder(path)
    device = load_device()
    own = folder.device_file(device.id) if device else None
    if own is not None and (os.path.lexists(own) or folder.backup_dir(own).is_dir()):
        return own
    return folder.legacy


def _backups(path: Path) -> list[Backup]:
    found = []
    for candidate in list_backups(path):
        try:
            raw = read_user_file(candidate, DATA_FILE_LIMIT)  # a FIFO put there cannot hang us
            if not raw.strip():
                raise DamagedFileError("it is empty")
            tables = check_tables(raw, candidate)
            interviews = len(tables.get("interviews", {}))
            noun = "interview" if interviews == 1 else "interviews"
            found.append(Backup(candidate, len(raw), True, f"parses, {interviews} {noun}"))
        except (OSError, StorageError, UserFileError) as exc:
            reason = "unreadable" if isinstance(exc, OSError) else str(exc).replace(str(candidate), "it")
            found.append(
                Backup(candidate, candidate.stat().st_size if candidate.exists() else 0, False, reason)
            )
    return found


def examine(path: Path) -> Health:
    """Look at the data file and everything around it; write nothing.

    Args:
        path: The data file.
    """
    file = examined_file(path)
    health = Health(path=path, file=file)
    health.backups = _backups(file)
    has_good_backup = any(b.usable for b in health.backups)
    _check_neighbours(health)
    health.backups_folder = folder_problem(file) or ""
    problems, health.devices = check_devices(path, file)
    health.problems += problems
    try:
        raw = read_user_file(file, DATA_FILE_LIMIT)
    except FileNotFoundError:
        if has_good_backup:
            health.problems.append("The data file is missing but backups exist.")
            health.restorable = True
        return health
    except UserFileError as exc:
        health.exists = True
        health.problems.append(str(exc))
        return health
    except OSError as exc:
        health.exists = True
        health.problems.append(f"The data file cannot be read: {exc.strerror or 'unknown error'}.")
        return health
    health.exists, health.size = True, len(raw)
    _check_mode(health)
    if not raw.strip():
        if health.backups:
            health.problems.append("The data file is empty but backups exist.")
            health.restorable = has_good_backup
        return health
    try:
        tables = parse_database(raw, file)
        health.schema = migrations.schema_of(tables, file)
    except migrations.NewerFileError as exc:
        health.problems.append(str(exc))
        return health
    except StorageError as exc:
        health.problems.append(str(exc))
        health.restorable = has_good_backup
        return health
    _check_records(health, tables)
    _check_left_behind(health, tables)
    _check_values(health, tables)
    health.time_zones = _time_zones(tables, health.schema)
    return health


GUESSES_LISTED = 20
"""Records with guessed values the report names one by one; the rest are counted."""


def record_name(table: str, key: str, doc: dict[str, Any]) -> str:
    """How the doctor names a stored record: its table and id (its position if the id is odd)."""
    record_id = doc.get("id")
    if is_valid_id(record_id):
        return f"{table} {record_id}"
    return f"{table} #{key} (id {shown_id(record_id)!r})"


def _check_values(health: Health, tables: dict[str, dict[str, Any]]) -> None:
    """Name every record and field whose stored value followup has to guess at.

    An id not in the documented form counts, and so does an id an earlier record already has
    (followup reads the first of them only).
    """
    seen: set[str] = set()
    for cls, name in TABLES.items():
        for key, doc in tables.get(name, {}).items():
            fields = set(cls.from_record(doc).guessed)
            record_id = doc.get("id")
            if cls is not Debrief and (not is_valid_id(record_id) or record_id in seen):
                fields.add("id")
            elif cls is not Debrief:
                seen.add(record_id)
            if fields:
                health.guessed.append(f"{record_name(name, key, doc)}: {', '.join(sorted(fields))}")
    meta = tables.get(META, {}).get("1", {})
    odd_meta = [
        k for k, ok in (("retired", is_id_list), ("settings", is_dict)) if k in meta and not ok(meta[k])
    ]
    if odd_meta:
        health.guessed.append(f"meta: {', '.join(odd_meta)}")
    if health.guessed:
        many = len(health.guessed) != 1
        health.problems.append(
            f"{len(health.guessed)} record{'s' if many else ''} hold{'' if many else 's'} values followup "
            "had to guess at (listed above); 'followup doctor --repair' writes the guesses back."
        )


def is_id_list(value: Any) -> bool:
    """Whether a stored value is a list of ids (strings), as the retired ids must be."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def is_dict(value: Any) -> bool:
    """Whether a stored value is a dict, as the settings must be."""
    return isinstance(value, dict)


def _time_zones(tables: dict[str, dict[str, Any]], schema: int) -> str:
    """Say which interviews were given this machine's zone when the file learnt time zones."""
    meta = tables.get(META, {}).get("1", {})
    done = meta.get("tz_migrated") if isinstance(meta, dict) else None
    if isinstance(done, dict):
        count, zone, on = done.get("interviews"), done.get("zone"), done.get("on")
        if isinstance(count, int) and isinstance(zone, str):
            when = f" on {on}" if isinstance(on, str) and on else ""
            noun = "interview" if count == 1 else "interviews"
            return (
                f"{count} {noun} from before time zones were given this machine's zone, "
                f"{zone[:40]}{when}; change one in its form if it was elsewhere."
            )
    if schema < 4:
        waiting = sum(1 for doc in tables.get("interviews", {}).values() if not doc.get("tz"))
        if waiting:
            noun = "interview" if waiting == 1 else "interviews"
            return (
                f"{waiting} {noun} have no time zone yet; opening the file gives them this "
                f"machine's zone, {local_zone_name()}."
            )
    return ""


def _check_records(health: Health, tables: dict[str, dict[str, Any]]) -> None:
    known = set(TABLES.values())
    health.unknown_tables = sorted(name for name in tables if name not in known and is_data_table(name))
    if health.unknown_tables:
        names = ", ".join(n[:40] for n in health.unknown_tables)
        health.warnings.append(f"Unknown tables (kept untouched): {names}.")
    interview_ids = {id_of(doc) for doc in tables.get("interviews", {}).values()}
    for cls, name in TABLES.items():
        rows = tables.get(name, {})
        health.counts[name] = len(rows)
        orphans = [
            doc
            for doc in rows.values()
            if cls is not Interview and "interview_id" in doc and parent_of(doc) not in interview_ids
        ]
        if orphans and "interview_id" in cls.__dataclass_fields__:
            health.warnings.append(
                f"{len(orphans)} {name.replace('_', ' ')} belong to no interview "
                "(kept; the app does not show them)."
            )


def _check_left_behind(health: Health, tables: dict[str, dict[str, Any]]) -> None:
    """Name what the settings keep for interviews that are gone (nothing is changed here)."""
    meta = tables.get(META, {}).get("1", {})
    settings = meta.get("settings") if isinstance(meta, dict) else None
    if not isinstance(settings, dict):
        return
    alive = {id_of(doc) for doc in tables.get("interviews", {}).values()}
    health.left_behind = drop_belongings(copy.deepcopy(settings), lambda owner: owner not in alive)
    if health.left_behind:
        health.warnings.append(
            f"{len(health.left_behind)} setting(s) belong to interviews that are gone (listed above); "
            "'followup doctor --repair' removes them."
        )


def _check_mode(health: Health) -> None:
    """Warn when others may read the data file, or when followup may not write it."""
    try:
        mode = stat.S_IMODE(os.stat(health.file or health.path).st_mode)
    except OSError:
        return
    if mode & 0o044:
        who = "other users" if mode & 0o004 else "its group"
        health.warnings.append(
            f"The data file is readable by {who} (mode {mode:04o}); "
            f"'chmod 600 {health.file or health.path}' makes it private."
        )
    if not mode & stat.S_IWUSR:
        health.warnings.append(
            f"The data file is read-only (mode {mode:04o}); "
            "followup cannot save changes until it is writable."
        )


def _check_neighbours(health: Health) -> None:
    folder = real_path(health.path).parent  # saves write beside a link's target, not the link
    if folder.is_dir():
        for leftover in sorted(folder.glob(f"{TEMP_PREFIX}*")):
            pid_text = leftover.name[len(TEMP_PREFIX) :].split("-", 1)[0]
            if not (pid_text.isdigit() and pid_alive(int(pid_text))):
                health.stale_files.append(leftover)
    if health.stale_files:
        health.warnings.append(
            f"{len(health.stale_files)} temporary file(s) left by an interrupted save "
            "(removed the next time followup opens the file)."
        )
    lock_file = DataFolder(health.path).lock_file
    if lock_file.exists():
        lock = FolderLock(str(lock_file), FILE_MODE)
        try:
            if lock.acquire(0):
                lock.release()
            else:
                health.lock_held = True
        except OSError:
            health.warnings.append(f"The lock file {lock_file} cannot be opened.")


def report(health: Health) -> list[str]:
    """Return the doctor's findings as lines for the terminal."""
    lines = [f"Data file: {health.path}"]
    if health.path.is_symlink():
        lines.append(f"  a link to {real_path(health.path)}")
    if health.file is not None and health.file != real_path(health.path):
        lines.append(f"This device's file: {health.file}")
    if not health.exists:
        lines.append("  not created yet" if not health.problems else "  missing")
    else:
        lines.append(f"  {health.size:,} bytes")
    if health.schema is not None:
        lines.append(f"Schema version: {health.schema} (this followup writes {migrations.CURRENT_SCHEMA})")
    if health.counts:
        lines.append(
            "Records: " + ", ".join(f"{name.replace('_', ' ')} {n}" for name, n in health.counts.items())
        )
    lines.append(f"Backups ({len(health.backups)}, newest first):" if health.backups else "Backups: none yet")
    for b in health.backups:
        lines.append(f"  {b.path.name}  {b.size:,} bytes  {'ok' if b.usable else 'DAMAGED'}: {b.detail}")
    lines.append("Lock: held by another followup process right now" if health.lock_held else "Lock: free")
    lines += health.devices
    if health.time_zones:
        lines.append(f"Time zones: {health.time_zones}")
    for leftover in health.stale_files:
        lines.append(f"Stale temporary file: {leftover}")
    if health.left_behind:
        lines.append("Kept for interviews that are gone:")
        lines += [f"  {name}" for name in health.left_behind[:GUESSES_LISTED]]
        if len(health.left_behind) > GUESSES_LISTED:
            lines.append(f"  ... and {len(health.left_behind) - GUESSES_LISTED} more")
    if health.guessed:
        lines.append("Values followup had to guess at (record: fields):")
        lines += [f"  {line}" for line in health.guessed[:GUESSES_LISTED]]
        if len(health.guessed) > GUESSES_LISTED:
            lines.append(f"  ... and {len(health.guessed) - GUESSES_LISTED} more")
    integrity = "ok" if health.healthy and not health.warnings else "see below"
    lines.append(f"Integrity: {integrity}")
    lines += [f"  warning: {w}" for w in health.warnings]
    lines += [f"  PROBLEM: {p}" for p in health.problems]
    if health.backups_folder:
        lines.append(f"  PROBLEM: {health.backups_folder} Saves still work, without backups.")
    if health.restorable:
        lines.append("Run 'followup doctor --restore' to put the newest good backup in place.")
    return lines
