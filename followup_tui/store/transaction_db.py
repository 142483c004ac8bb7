"""TinyDB over one transaction's tables: its storage, its tables and the database that joins them.

``documents.Documents`` makes this database the first time a change needs TinyDB's table work
(updating or removing documents by their ids), so a change that only appends a record, such as
``followup note``'s, does not load TinyDB at all.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, MutableMapping
from typing import Any

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from followup_tui.store.touched_tables import TouchedTables

Doc = dict[str, Any]


class TransactionStorage(Storage):
    """A TinyDB storage over one transaction's tables.

    ``read`` hands TinyDB the transaction's own ``TouchedTables``, so every table a query or a
    change reaches is marked for the save; ``write`` has nothing to do, as the change is
    already made in those dicts (see ``RecordTable``).

    Args:
        tables: The transaction's tables.
    """

    def __init__(self, tables: TouchedTables) -> None:
        self._tables = tables

    def read(self) -> dict[str, dict[str, Any]]:
        """The transaction's tables."""
        return self._tables

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Nothing to write: the transaction's tables already hold the change."""
        if data is not self._tables:
            raise TypeError("A transaction's TinyDB can only change the transaction's own tables.")


class _ByDocId(MutableMapping[int, Doc]):
    """A table's dict (string keys, as in the file) seen with TinyDB's integer document ids."""

    def __init__(self, raw: dict[str, Doc]) -> None:
        self._raw = raw

    def __getitem__(self, doc_id: int) -> Doc:
        return self._raw[str(doc_id)]

    def __setitem__(self, doc_id: int, doc: Doc) -> None:
        self._raw[str(doc_id)] = doc

    def __delitem__(self, doc_id: int) -> None:
        del self._raw[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._raw

    def __iter__(self) -> Iterator[int]:
        return map(int, self._raw)

    def __len__(self) -> int:
        return len(self._raw)


class RecordTable(Table):
    """A TinyDB table whose changes are made in place in the transaction's dict.

    TinyDB's own ``Table._update_table`` (4.x) copies the whole table twice to turn its keys
    into integers and back, for every insert, update or remove: with the 30,000 questions of
    5,000 interviews that took 10-20 ms per change, a third of the durable save. This override
    hands the same updater a view of the stored dict with integer keys instead, so a change
    costs what it changes. ``tests/store/test_documents.py`` checks it against TinyDB's own table, so a TinyDB
    release that changes how updaters are called fails there first.
    """

    def _update_table(self, updater: Callable[[dict[int, Mapping[Any, Any]]], None]) -> None:
        tables = self.storage.read()
        if tables is None:  # pragma: no cover - our storages always have tables
            raise TypeError("A record table needs a storage with tables.")
        updater(_ByDocId(tables.setdefault(self.name, {})))  # type: ignore[arg-type]
        self.storage.write(tables)
        self.clear_cache()


class _TransactionDB(TinyDB):
    table_class = RecordTable


def transaction_db(tables: TouchedTables) -> TinyDB:
    """A TinyDB whose tables are the transaction's ``tables`` (see ``RecordTable``)."""
    return _TransactionDB(tables, storage=TransactionStorage)
