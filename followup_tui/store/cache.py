"""Models built once per version of the data file, and copies callers may change.

Building models is the slow part of reading thousands of records, and screens read the same
kinds again and again. The cache is keyed on the file's identity on disk, so a write by any
process is seen. Callers of the repository get copies (``copy_model``), never cached objects.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from followup_tui.store.rows import id_of, parent_of, unique_records
from followup_tui.store.storage import SafeJSONStorage
from followup_tui.store.tables import table_of

if TYPE_CHECKING:  # as is the type variable: a bound named as text is compiled when it is made
    from _thread import RLock

    from followup_tui.domain.models import Record

    R = TypeVar("R", bound=Record)

SCANS_BEFORE_BUILDING_ALL = 3
"""Different interviews whose records are read from one version of the file before every
record of that kind is built at once (a screen reopened reads the same one again and again)."""


class ModelCache:
    """Every record of a kind, built from the storage's tables, kept while the file is unchanged.

    Args:
        storage: Where the tables come from.
        mutex: The repository's lock for its in-memory state.
    """

    def __init__(self, storage: SafeJSONStorage, mutex: RLock) -> None:
        self._storage = storage
        self._mutex = mutex
        self._models: dict[type[Record], tuple[Any, list[Record], dict[str, list[Record]]]] = {}
        self._scanned: dict[type[Record], tuple[Any, set[str]]] = {}
        self._last_scan: dict[type[Record], tuple[Any, str, list[Record]]] = {}

    def _current(self, cls: type[Record]) -> tuple[dict[str, Any], Any, Any]:
        """The table of ``cls`` as on disk, the file's identity, and the cache entry if current."""
        rows = self._storage.table(table_of(cls))
        identity = self._storage.identity
        hit = self._models.get(cls)
        fresh = hit is not None and hit[0] == identity and identity is not None
        return rows, identity, hit if fresh else None

    def models(self, cls: type[R]) -> list[R]:
        """Every record of one kind, in stored order: the cached objects themselves."""
        with self._mutex:
            rows, identity, hit = self._current(cls)
            if hit is None:
                models: list[Record] = unique_records([cls.from_record(doc) for doc in rows.values()])
                by_parent: dict[str, list[Record]] = {}
                for model in models:
                    by_parent.setdefault(getattr(model, "interview_id", ""), []).append(model)
                hit = (identity, models, by_parent)
                self._models[cls] = hit
            return hit[1]

    def by_parent(self, cls: type[R], interview_id: str) -> list[R]:
        """One interview's records: from the cache when it is current, else built from the
        matching rows only (opening one interview's screen must not build every record).

        Asked for many interviews of the same version of the file (a loop over interviews,
        as ``followup list`` does), it builds every record once instead of scanning each time.
        The objects may be the cached ones: copy them before handing them out.
        """
        with self._mutex:
            rows, identity, hit = self._current(cls)
            if hit is not None:
                return list(hit[2].get(interview_id, []))
            seen_identity, asked = self._scanned.get(cls, (None, set()))
            if seen_identity != identity or identity is None:
                asked = set()
            asked.add(interview_id)
            self._scanned[cls] = (identity, asked)
            if len(asked) > SCANS_BEFORE_BUILDING_ALL:
                self.models(cls)
                return list(self._models[cls][2].get(interview_id, []))  # type: ignore[arg-type]
            last = self._last_scan.get(cls)
            if last is not None and identity is not None and last[:2] == (identity, interview_id):
                return list(last[2])  # type: ignore[arg-type]  # a screen opening asks several times
            found = unique_records(
                [cls.from_record(row) for row in rows.values() if parent_of(row) == interview_id]
            )
            self._last_scan[cls] = (identity, interview_id, list(found))
            return found

    def find(self, cls: type[R], record_id: str) -> R | None:
        """One record by id, a copy; built alone when the others are not built yet."""
        with self._mutex:
            rows, _identity, hit = self._current(cls)
            if hit is not None:
                for model in hit[1]:
                    if model.id == record_id:
                        return copy_model(model)
                return None
            for row in rows.values():
                if id_of(row) == record_id:
                    return cls.from_record(row)
        return None


def copy_model(model: R) -> R:
    """A copy a caller may change freely (lists are copied too; their items are shared)."""
    twin = object.__new__(type(model))
    values = model.__dict__.copy()
    for name in _list_fields(type(model)):
        values[name] = list(values[name])
    twin.__dict__ = values
    return twin


_LIST_FIELDS: dict[type, tuple[str, ...]] = {}


def _list_fields(cls: type) -> tuple[str, ...]:
    names = _LIST_FIELDS.get(cls)
    if names is None:
        import dataclasses  # here: the cache is made by every repository, copies by few

        names = _LIST_FIELDS[cls] = tuple(
            f.name for f in dataclasses.fields(cls) if f.default_factory is list
        )
    return names
