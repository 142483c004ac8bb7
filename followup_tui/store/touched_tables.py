"""The tables of one transaction, noting which ones the code reached (no TinyDB, no Textual).

A save serialises only the tables a transaction could have changed and reuses the JSON of the
others (``SafeJSONStorage.write``). Every way of reaching a table through this mapping marks it:
reading it by name, adding or replacing it, and iterating (which marks them all). Code can only
change a table it reached, so the marks are a safe over-estimate of what changed.
"""

from __future__ import annotations

from collections.abc import ItemsView, Iterator, KeysView, ValuesView
from typing import Any

from followup_tui.store import jsoncodec

Table = dict[str, Any]


class TouchedTables(dict[str, Table]):
    """A dict of tables that records the name of every table reached through it.

    Args:
        tables: The tables.
        snapshot: Also keep each table's JSON as it was when first reached (``before``), so a
            save can tell which records the change made, changed or removed.
    """

    def __init__(self, tables: dict[str, Table], snapshot: bool = False) -> None:
        super().__init__(tables)
        self.touched: set[str] = set()
        """Names of the tables reached so far."""
        self._snapshot = snapshot
        self.before: dict[str, bytes] = {}
        """Each table reached, as JSON, from before it was reached (only with ``snapshot``)."""

    def _touch(self, name: str) -> None:
        if name in self.touched:
            return
        self.touched.add(name)
        if self._snapshot:
            self.before[name] = jsoncodec.dumps(dict.get(self, name) or {})

    def plain(self) -> dict[str, Table]:
        """The same tables in a plain dict (copied without marking anything).

        ``dict.copy`` would not do: for a subclass it goes through ``keys()``, which marks.
        """
        return dict(dict.items(self))

    def peek(self, name: str) -> Table:
        """The table of that name, or an empty one, without marking it: only for code that
        reads it and changes nothing (looking for a free id, checking a parent exists)."""
        return dict.get(self, name) or {}

    def _all(self) -> None:
        for name in list(dict.keys(self)):
            self._touch(name)

    def __getitem__(self, name: str) -> Table:
        self._touch(name)
        return super().__getitem__(name)

    def get(self, name: str, default: Any = None) -> Any:
        """The table of that name (marked), or ``default``."""
        self._touch(name)
        return super().get(name, default)

    def setdefault(self, name: str, default: Any = None) -> Any:
        """The table of that name (marked), added as ``default`` when missing."""
        self._touch(name)
        return super().setdefault(name, default)

    def __setitem__(self, name: str, table: Table) -> None:
        self._touch(name)
        super().__setitem__(name, table)

    def __delitem__(self, name: str) -> None:
        self._touch(name)
        super().__delitem__(name)

    def pop(self, name: str, *default: Any) -> Any:
        """Remove a table and return it (marked)."""
        self._touch(name)
        return super().pop(name, *default)

    def popitem(self) -> tuple[str, Table]:
        """Remove the last table and return it (everything is marked)."""
        self._all()
        return super().popitem()

    def clear(self) -> None:
        """Remove every table (everything is marked)."""
        self._all()
        super().clear()

    def update(self, *args: Any, **kwargs: Any) -> None:
        """Add or replace tables (everything is marked)."""
        super().update(*args, **kwargs)
        self._all()

    def __iter__(self) -> Iterator[str]:
        self._all()
        return super().__iter__()

    def keys(self) -> KeysView[str]:  # type: ignore[override]
        """The names (everything is marked: the tables can be reached from them)."""
        self._all()
        return super().keys()

    def values(self) -> ValuesView[Table]:  # type: ignore[override]
        """The tables (everything is marked)."""
        self._all()
        return super().values()

    def items(self) -> ItemsView[str, Table]:  # type: ignore[override]
        """Names and tables (everything is marked)."""
        self._all()
        return super().items()

    def copy(self) -> dict[str, Table]:
        """A plain copy (everything is marked: the copy reaches every table)."""
        self._all()
        return dict(dict.items(self))
