"""``followup doctor --restore`` and ``--repair``: the two ways the doctor writes.

Both work on the file the doctor examines: this device's own file (the old single
``followup.json`` until this device first saved). Restoring happens only when it is damaged,
empty or missing while backups exist: the damaged file is kept beside it as
``<name>.damaged-<timestamp>`` (never deleted) and the backup made last that parses takes
its place, atomically and durably, keeping the file's mode (0600 for a new one), under the
same lock every save takes. A data file that is a symbolic link stays one: the damaged copy
and the restored file are in the link's target's folder.
Repairing copies the file aside first, then writes the guessed values back, with fresh ids
where needed (references follow).
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from followup_tui.domain.models import Interview
from followup_tui.services.actions import drop_belongings
from followup_tui.services.doctor import check_tables, examine, examined_file, is_dict, is_id_list
from followup_tui.services.json_import import assign_ids
from followup_tui.store.folder import DataFolder
from followup_tui.store.lock import FolderLock
from followup_tui.store.paths import FILE_MODE, ensure_private_dir, real_path
from followup_tui.store.repository import LOCK_TIMEOUT, META, Repository
from followup_tui.store.safe_read import DATA_FILE_LIMIT, read_user_file
from followup_tui.store.storage import StorageError, write_durably
from followup_tui.store.tables import TABLES


def restore(path: Path) -> list[str]:
    """Put the newest backup that parses in place of a damaged, empty or missing data file.

    The damaged file is kept as ``<name>.damaged-<timestamp>`` beside the data (beside a link's
    target, which is what is replaced; the link stays). Runs under the data file's lock, so no
    save can interleave.

    Returns:
        Lines saying what was done.

    Raises:
        StorageError: If the file is not damaged, no backup parses, or writing fails.
    """
    lock_file = DataFolder(path).lock_file
    ensure_private_dir(lock_file.parent)
    lock = FolderLock(str(lock_file), FILE_MODE)
    if not lock.acquire(LOCK_TIMEOUT):
        raise StorageError(f"{path} is busy: another followup process holds its lock.")
    try:
        health = examine(path)
        if not health.restorable:
            if not health.problems:  # a backups folder that takes no backup is no reason to restore
                return ["The data file is healthy; nothing to restore."]
            raise StorageError("No backup can replace the data file: " + " ".join(health.problems))
        chosen = next(b for b in health.backups if b.usable)
        data = read_user_file(chosen.path, DATA_FILE_LIMIT)
        check_tables(data, chosen.path)
        done = []
        real = real_path(examined_file(path))  # a link stays a link: its target is kept aside
        if os.path.lexists(real):
            aside = _aside_name(real)
            try:
                os.link(real, aside)
            except OSError:
                write_durably(aside, read_user_file(real, DATA_FILE_LIMIT))
            done.append(f"Kept the damaged file as {aside}.")
        write_durably(real, data)
        if real != real_path(path):
            linked = f" (this device's file {real})"
        else:
            linked = f" (a link to {real})" if real != path else ""
        done.append(f"Restored {path}{linked} from {chosen.path.name} ({chosen.detail}).")
        done.append("Changes saved after that backup are not in it; the damaged file, if any, is kept.")
        return done
    finally:
        lock.release()


def repair(path: Path) -> list[str]:
    """Write back the values followup guesses at, after copying the file aside.

    The copy is ``<name>.before-repair-<timestamp>`` beside the data (mode 0600, never
    deleted). Every record is rewritten as followup reads it (fields it does not know are
    kept); ids not in the documented form get fresh ones and references follow; the retired
    ids and the settings get their proper types; what the settings keep for interviews that
    are gone (kept dialog input, checklist marks) is removed. Runs as one save under the data
    file's lock.

    Returns:
        Lines saying what was done.

    Raises:
        StorageError: If the file cannot be read as a data file or writing fails.
    """
    health = examine(path)
    if not health.guessed and not health.left_behind:
        return ["No values to repair."]
    real = real_path(examined_file(path))
    aside = _aside_name(real, "before-repair")  # the file exactly as it is, before a migration too
    write_durably(aside, read_user_file(real, DATA_FILE_LIMIT))
    with contextlib.suppress(OSError):
        os.chmod(aside, FILE_MODE)
    repo = Repository(path)
    with repo.transaction() as tables:
        rows = {name: list(tables.get(name, {}).values()) for name in TABLES.values()}
        replaced = assign_ids(rows, repo.id_minter())
        for cls, name in TABLES.items():
            table = tables.get(name, {})
            for key, doc in table.items():
                table[key] = {**doc, **cls.from_record(doc).to_record()}
        meta = tables[META]["1"]
        if "retired" in meta and not is_id_list(meta["retired"]):
            meta["retired"] = (
                [r for r in meta["retired"] if isinstance(r, str)]
                if isinstance(meta["retired"], list)
                else []
            )
        if "settings" in meta and not is_dict(meta["settings"]):
            meta["settings"] = {}
        alive = {doc.get("id") for doc in tables.get(TABLES[Interview], {}).values()}
        dropped = drop_belongings(meta.get("settings", {}), lambda owner: owner not in alive)
    done = [f"Kept a copy of the file as it was: {aside}."]
    if health.guessed:
        done.append(
            f"Wrote back the values of {len(health.guessed)} record(s)"
            + (f"; {replaced} id(s) replaced." if replaced else ".")
        )
    if dropped:
        done.append(f"Removed {len(dropped)} setting(s) kept for interviews that are gone.")
    return done


def _aside_name(path: Path, why: str = "damaged") -> Path:
    stamp = time.strftime("%Y%m%dT%H%M%S")
    candidate = path.with_name(f"{path.name}.{why}-{stamp}")
    n = 2
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.{why}-{stamp}-{n}")
        n += 1
    return candidate
