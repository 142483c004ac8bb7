"""Settings such as the theme: a dict inside the file's ``meta`` document."""

from __future__ import annotations

from typing import Any

from followup_tui.store.tables import META, Tables, meta_document


def read_setting(tables: Tables, key: str, default: Any = None) -> Any:
    """Return a stored setting, or ``default`` when it is not set (or the file has none)."""
    first: dict[str, Any] = next(iter(tables.get(META, {}).values()), {})
    settings = first.get("settings", {})
    return settings.get(key, default) if isinstance(settings, dict) else default


def store_setting(tables: Tables, key: str, value: Any) -> None:
    """Set a setting inside a transaction's tables."""
    meta_document(tables).setdefault("settings", {})[key] = value
