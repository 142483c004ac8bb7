"""Settings such as the theme: a dict inside the file's own document in the ``meta`` table."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, MutableMapping
from typing import Any

from followup_tui.store.documents import Documents


def read_setting(meta: Iterable[Mapping[str, Any]], key: str, default: Any = None) -> Any:
    """Return a stored setting from the ``meta`` table's documents, or ``default`` when it is
    not set."""
    first = next(iter(meta), None)
    settings = first.get("settings", {}) if first is not None else {}
    return settings.get(key, default) if isinstance(settings, dict) else default


def store_setting(docs: Documents, key: str, value: Any) -> None:
    """Set a setting inside a transaction."""

    def change(meta: MutableMapping[str, Any]) -> None:
        meta.setdefault("settings", {})[key] = value

    docs.change_meta(change)
