"""TinyDB inside our transaction: its tables and document ids over the transaction's dicts.

TinyDB does the table work: inserting under the next document id, reading, updating and
removing documents by their ids. What TinyDB lacks stays ours (``transaction``): the lock
around a read-change-write, one durable atomic write per change, knowing which tables a change
reached, and the model cache. So TinyDB here runs over a storage that hands it the tables the
transaction read, and its writes land in those dicts (``transaction_db``, loaded when a change
first needs it); the transaction writes the file once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, MutableMapping
from typing import TYPE_CHECKING, Any

from followup_tui.domain.reading import as_number
from followup_tui.domain.times import now_stamp
from followup_tui.store.rows import id_of, parent_of
from followup_tui.store.tables import META, TABLE_NAMES, NotFoundError, not_found, table_of
from followup_tui.store.touched_tables import TouchedTables

if TYPE_CHECKING:
    from tinydb import TinyDB
    from tinydb.table import Document, Table

    from followup_tui.domain.models import Record

Doc = dict[str, Any]


class Documents:
    """A transaction's tables as TinyDB tables, with the few record-level steps built on them.

    TinyDB has no index: it finds a document by testing a ``Query`` against every document of
    the table, four Python calls each: one search of the 30,000 questions of 5,000 interviews
    took 20-35 ms, about ten times a plain pass over the rows. So the two lookups every
    change makes, a record by its id and an interview's children, find the document ids in
    one plain pass over the stored rows, and TinyDB reads, updates and removes the documents
    by those ids.

    Args:
        tables: The tables the transaction yielded.
    """

    def __init__(self, tables: TouchedTables) -> None:
        self.tables = tables
        self._db: TinyDB | None = None

    def table(self, kind: type[Record] | str) -> Table:
        """The TinyDB table of a kind of record (or of a table name such as ``meta``)."""
        if self._db is None:
            from followup_tui.store.transaction_db import transaction_db

            self._db = transaction_db(self.tables)
        return self._db.table(table_of(kind), cache_size=0)

    def doc_id(self, kind: type[Record] | str, record_id: str) -> int | None:
        """The document id of a record of a kind (or in a table named), the first should a
        hand-edited file repeat an id.

        It only reads, so it peeks: the table stays unmarked and its JSON can be reused.
        """
        for key, doc in self.tables.peek(table_of(kind)).items():
            if id_of(doc) == record_id:
                return int(key)
        return None

    def find(self, cls: type[Record], record_id: str) -> Document:
        """The document of a record (``doc_id`` says where it is).

        Raises:
            NotFoundError: If there is none.
        """
        doc_id = self.doc_id(cls, record_id)
        doc = None if doc_id is None else self.table(cls).get(doc_id=doc_id)
        if doc is None:
            raise not_found(cls, record_id)
        return doc

    def insert(self, record: Record) -> int:
        """Store a record under the next free document id of its table; return that id."""
        return self.insert_row(table_of(type(record)), record.to_record())

    def insert_row(self, table: str, row: dict[str, Any]) -> int:
        """Store a record's row under the next free document id of a table; return that id.

        The table is appended to, not marked (``TouchedTables.append``): adding a note to a
        long history does not serialise, or compare, every record it holds.
        """
        return self.tables.append(table, row)

    def children(self, kind: type[Record] | str, interview_id: str) -> list[Document]:
        """The documents of one kind that belong to an interview, in stored order.

        One pass over the stored rows picks them, as copies (as TinyDB reads them): it only
        reads, so the table stays unmarked.
        """
        from tinydb.table import Document

        rows = self.tables.peek(table_of(kind)).items()
        return [Document(doc, doc_id=int(key)) for key, doc in rows if parent_of(doc) == interview_id]

    def next_order(self, kind: type[Record] | str, interview_id: str) -> float:
        """The order that puts a new child of the interview after its others."""
        rows = self.tables.peek(table_of(kind)).values()
        orders = (as_number(doc.get("order"))[0] for doc in rows if parent_of(doc) == interview_id)
        return max(orders, default=0.0) + 1.0

    def fill_new(self, table: str, values: dict[str, Any], new_id: str) -> dict[str, Any]:
        """A new record's values (changed in place) with its id, its time stamps and, for a
        child of an interview without an order, the place after its others.

        Raises:
            NotFoundError: If the interview it belongs to is not there.
        """
        values["id"] = new_id
        self.check_parent(values)
        stamp = now_stamp()
        for name in ("created", "updated"):
            if name in values and not values[name]:
                values[name] = stamp
        if "order" in values and not values["order"]:
            values["order"] = self.next_order(table, values.get("interview_id", ""))
        return values

    def check_parent(self, values: Mapping[str, Any]) -> None:
        """Raise ``NotFoundError`` unless the interview the record belongs to is there."""
        parent = values.get("interview_id")
        if parent is not None and self.doc_id(TABLE_NAMES["Interview"], parent) is None:
            raise NotFoundError(f"No interview with id '{parent}'.")

    def change_meta(self, change: Callable[[MutableMapping[str, Any]], None]) -> None:
        """Change the file's own document in ``meta`` (the transaction made sure it exists)."""
        self.table(META).update(change, doc_ids=[1])
