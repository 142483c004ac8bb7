"""``followup doctor``: look at the data file, its backups and its neighbours; restore a backup.

Looking never writes anything. Restoring happens only when the data file is damaged, empty
while backups exist, or missing while backups exist: the damaged file is kept beside the data as
``followup.json.damaged-<timestamp>`` (never deleted) and the newest backup that parses takes its
place, atomically and durably, keeping the file's mode (0600 for a new one), under the same lock
every save takes. A data file that others may read is reported, never changed.
"""

from __future__ import annotations

import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout

from followup_tui.domain.models import Interview
from followup_tui.store import migrations
from followup_tui.store.repository import LOCK_TIMEOUT, META, TABLES
from followup_tui.store.storage import (
    FILE_MODE,
    TEMP_PREFIX,
    DamagedFileError,
    StorageError,
    _pid_alive,
    list_backups,
    lock_path,
    parse_database,
    write_durably,
)


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
    restorable: bool = False
    """The file is damaged, empty or missing and a backup could take its place."""

    @property
    def healthy(self) -> bool:
        """No problem remains."""
        return not self.problems


def check_tables(raw: bytes, path: Path) -> dict[str, dict[str, Any]]:
    """Parse the bytes of a data file and check its schema version.

    Raises:
        StorageError: If they do not parse or the schema is unreadable or newer.
    """
    tables = parse_database(raw, path)
    migrations.schema_of(tables, path)
    return tables


def _backups(path: Path) -> list[Backup]:
    found = []
    for candidate in list_backups(path):
        try:
            raw = candidate.read_bytes()
            if not raw.strip():
                raise DamagedFileError("it is empty")
            tables = check_tables(raw, candidate)
            interviews = len(tables.get("interviews", {}))
            noun = "interview" if interviews == 1 else "interviews"
            found.append(Backup(candidate, len(raw), True, f"parses, {interviews} {noun}"))
        except (OSError, StorageError) as exc:
            reason = str(exc).replace(str(candidate), "it") if isinstance(exc, StorageError) else "unreadable"
            found.append(
                Backup(candidate, candidate.stat().st_size if candidate.exists() else 0, False, reason)
            )
    return found


def examine(path: Path) -> Health:
    """Look at the data file and everything around it; write nothing.

    Args:
        path: The data file.
    """
    health = Health(path=path)
    health.backups = _backups(path)
    has_good_backup = any(b.usable for b in health.backups)
    _check_neighbours(health)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        if has_good_backup:
            health.problems.append("The data file is missing but backups exist.")
            health.restorable = True
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
        tables = parse_database(raw, path)
        health.schema = migrations.schema_of(tables, path)
    except migrations.NewerFileError as exc:
        health.problems.append(str(exc))
        return health
    except StorageError as exc:
        health.problems.append(str(exc))
        health.restorable = has_good_backup
        return health
    _check_records(health, tables)
    return health


def _check_records(health: Health, tables: dict[str, dict[str, Any]]) -> None:
    known = set(TABLES.values()) | {META}
    health.unknown_tables = sorted(name for name in tables if name not in known)
    if health.unknown_tables:
        names = ", ".join(n[:40] for n in health.unknown_tables)
        health.warnings.append(f"Unknown tables (kept untouched): {names}.")
    interview_ids = {doc.get("id") for doc in tables.get("interviews", {}).values()}
    seen: dict[str, str] = {}
    for cls, name in TABLES.items():
        rows = tables.get(name, {})
        health.counts[name] = len(rows)
        orphans = [
            doc
            for doc in rows.values()
            if cls is not Interview and "interview_id" in doc and doc.get("interview_id") not in interview_ids
        ]
        if orphans and "interview_id" in cls.__dataclass_fields__:
            health.warnings.append(
                f"{len(orphans)} {name.replace('_', ' ')} belong to no interview "
                "(kept; the app does not show them)."
            )
        for doc in rows.values():
            record_id = doc.get("id")
            if not isinstance(record_id, str) or not record_id:
                health.warnings.append(f"A record in '{name}' has no id.")
            elif name != "debriefs" and record_id in seen:
                health.warnings.append(
                    f"The id '{record_id[:20]}' is used twice ({seen[record_id]} and {name})."
                )
            elif name != "debriefs":
                seen[record_id] = name


def _check_mode(health: Health) -> None:
    """Warn when others may read the data file, or when followup may not write it."""
    try:
        mode = stat.S_IMODE(os.stat(health.path).st_mode)
    except OSError:
        return
    if mode & 0o044:
        who = "other users" if mode & 0o004 else "its group"
        health.warnings.append(
            f"The data file is readable by {who} (mode {mode:04o}); "
            f"'chmod 600 {health.path}' makes it private."
        )
    if not mode & stat.S_IWUSR:
        health.warnings.append(
            f"The data file is read-only (mode {mode:04o}); "
            "followup cannot save changes until it is writable."
        )


def _check_neighbours(health: Health) -> None:
    folder = health.path.parent
    if folder.is_dir():
        for leftover in sorted(folder.glob(f"{TEMP_PREFIX}*")):
            pid_text = leftover.name[len(TEMP_PREFIX) :].split("-", 1)[0]
            if not (pid_text.isdigit() and _pid_alive(int(pid_text))):
                health.stale_files.append(leftover)
    if health.stale_files:
        health.warnings.append(
            f"{len(health.stale_files)} temporary file(s) left by an interrupted save "
            "(removed the next time followup opens the file)."
        )
    lock_file = lock_path(health.path)
    if lock_file.exists():
        lock = FileLock(str(lock_file), timeout=0)
        try:
            lock.acquire()
        except Timeout:
            health.lock_held = True
        except OSError:
            health.warnings.append(f"The lock file {lock_file} cannot be opened.")
        else:
            lock.release()


def report(health: Health) -> list[str]:
    """Return the doctor's findings as lines for the terminal."""
    lines = [f"Data file: {health.path}"]
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
    for leftover in health.stale_files:
        lines.append(f"Stale temporary file: {leftover}")
    integrity = "ok" if health.healthy and not health.warnings else "see below"
    lines.append(f"Integrity: {integrity}")
    lines += [f"  warning: {w}" for w in health.warnings]
    lines += [f"  PROBLEM: {p}" for p in health.problems]
    if health.restorable:
        lines.append("Run 'followup doctor --restore' to put the newest good backup in place.")
    return lines


def restore(path: Path) -> list[str]:
    """Put the newest backup that parses in place of a damaged, empty or missing data file.

    The damaged file is kept as ``<name>.damaged-<timestamp>`` beside the data. Runs under the
    data file's lock, so no save can interleave.

    Returns:
        Lines saying what was done.

    Raises:
        StorageError: If the file is not damaged, no backup parses, or writing fails.
    """
    lock = FileLock(str(lock_path(path)), timeout=LOCK_TIMEOUT, mode=FILE_MODE)
    try:
        lock.acquire()
    except Timeout:
        raise StorageError(f"{path} is busy: another followup process holds its lock.") from None
    try:
        health = examine(path)
        if not health.restorable:
            if health.healthy:
                return ["The data file is healthy; nothing to restore."]
            raise StorageError("No backup can replace the data file: " + " ".join(health.problems))
        chosen = next(b for b in health.backups if b.usable)
        data = chosen.path.read_bytes()
        check_tables(data, chosen.path)
        done = []
        if os.path.lexists(path):
            aside = _aside_name(path)
            try:
                os.link(path, aside)
            except OSError:
                write_durably(aside, path.read_bytes())
            done.append(f"Kept the damaged file as {aside}.")
        write_durably(path, data)
        done.append(f"Restored {path} from {chosen.path.name} ({chosen.detail}).")
        done.append("Changes saved after that backup are not in it; the damaged file, if any, is kept.")
        return done
    finally:
        lock.release()


def _aside_name(path: Path) -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
        n += 1
    return candidate
