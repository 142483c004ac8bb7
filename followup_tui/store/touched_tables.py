"""The tables of one transaction, noting which ones the code reached (no TinyDB, no Textual).

A save serialises only the tables a transaction could have changed and reuses the JSON of the
others (``SafeJSONStorage.write``). Every way of reaching a table through this mapping marks it:
reading it by name, adding or replacing it, and iterating (which marks them all). Code can only
change a table it reached, so the marks are a safe over-estimate of what changed.
"""

from __future__ import annotations

from collections.abc import Callable, ItemsView, Iterator, KeysView, ValuesView
from typing import Any

from followup_tui.store import jsoncodec
from followup_tui.store.parsing import Piece, parsed
from followup_tui.store.pieces import Json

Table = dict[str, Any]


class TouchedTables(dict[str, Table]):
    """A dict of tables that records the name of every table reached through it.

    Args:
        tables: The tables.
        snapshot: Also keep each table's JSON as it was when first reached (``before``), so a
            save can tell which records the change made, changed or removed.
        known: The JSON a table was read as, when known (so ``before`` need not serialise it).

    A table may come as a ``Piece`` (its JSON, not parsed yet): it is parsed when first
    reached or peeked at; ``plain`` hands the ones never reached on as they are.
    """

    def __init__(
        self,
        tables: dict[str, Any],
        snapshot: bool = False,
        known: Callable[[str, Any], Json | None] | None = None,
    ) -> None:
        super().__init__(tables)
        self._known = known
        self.touched: set[str] = set()
        """Names of the tables reached so far."""
        self._snapshot = snapshot
        self.before: dict[str, Json] = {}
        """Each table reached, as JSON, from before it was reached (only with ``snapshot``)."""
        self.appended: dict[str, list[str]] = {}
        """The document ids ``append`` added, per table (a table only appended to is not marked)."""

    def _touch(self, name: str) -> None:
        if name in self.touched:
            return
        self.touched.add(name)
        self._snapshot_of(name)
        value = dict.get(self, name)
        if isinstance(value, Piece):
            dict.__setitem__(self, name, value.table())

    def _snapshot_of(self, name: str) -> None:
        """Keep the table's JSON as read (once: an append may come before it is reached)."""
        if not self._snapshot or name in self.before:
            return
        value = dict.get(self, name)
        json = None if value is None or self._known is None else self._known(name, value)
        self.before[name] = json if json is not None else jsoncodec.dumps(parsed(value) or {})

    def append(self, name: str, doc: dict[str, Any]) -> int:
        """Add a document under the next free document id of a table, without marking it.

        The save then knows the table's change is only this: its other documents are as
        read, so their JSON is written back as read, with the new ones after it.

        Returns:
            The new document id (one more than the largest, as TinyDB counts).
        """
        self._snapshot_of(name)
        table = parsed(dict.get(self, name))
        if table is None:
            table = {}
        dict.__setitem__(self, name, table)
        doc_id = max(map(int, table), default=0) + 1
        table[str(doc_id)] = doc
        self.appended.setdefault(name, []).append(str(doc_id))
        return doc_id

    def only_appended(self) -> dict[str, list[str]]:
        """The tables this change only appended to (never reached otherwise), with the ids."""
        return {name: ids for name, ids in self.appended.items() if name not in self.touched}

    def plain(self) -> dict[str, Any]:
        """The same tables in a plain dict (copied without marking anything; a ``Piece`` never
        reached stays one).

        ``dict.copy`` would not do: for a subclass it goes through ``keys()``, which marks.
        """
        return dict(dict.items(self))

    def peek(self, name: str) -> Table:
        """The table of that name, or an empty one, without marking it: only for code that
        reads it and changes nothing (looking for a free id, checking a parent exists)."""
        value = dict.get(self, name)
        if isinstance(value, Piece):
            value = value.table()
            dict.__setitem__(self, name, value)
        return value or {}

    def may_hold(self, name: str, text: str) -> bool:
        """Whether the table of that name may hold ``text`` (ASCII letters and digits) in a
        value, without marking or parsing it: False only when it is certain not to."""
        value = dict.get(self, name)
        if isinstance(value, Piece) and value.parsed is None:
            return value.mentions(text)
        return bool(value)

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
