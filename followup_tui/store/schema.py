"""The schema version this code writes and the one a file records (``migrations`` brings older
files up to it).

Apart from ``migrations`` so that start-up can compare it (``home_index``), and every read can
check it, without importing the steps that bring an old file up to date.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from followup_tui.store.durable import StorageError

CURRENT_SCHEMA = 4
"""The schema version this code writes."""


class NewerFileError(StorageError):
    """The file was written by a newer followup; it is left untouched."""


def schema_of(tables: dict[str, dict[str, Any]], path: Path) -> int:
    """Return the schema version recorded in the tables (1 when none is recorded).

    Raises:
        NewerFileError: If the file is newer than this code understands.
        StorageError: If the recorded version is not a whole number.
    """
    meta = tables.get("meta", {}).get("1")
    if meta is None:
        return 1
    version = meta.get("schema", 1)
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StorageError(f"{path} records an unreadable schema version ({str(version)[:20]}).")
    if version > CURRENT_SCHEMA:
        raise NewerFileError(
            f"{path} was written by a newer followup (schema {version}; this one knows {CURRENT_SCHEMA}). "
            "Upgrade followup to open it; the file was not changed."
        )
    return version
