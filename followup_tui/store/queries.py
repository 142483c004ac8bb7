"""Questions about a whole history answered from the stored rows, without building models.

The home list and ``followup note`` need a few numbers or one record out of thousands; building
a model per row would cost more than the answer is worth.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from followup_tui.domain.concerns import CONCERN_KINDS, concern_is_open
from followup_tui.domain.reading import as_flag
from followup_tui.domain.times import local_when, when_datetime
from followup_tui.store.rows import parent_of

Row = dict[str, Any]


def open_concern_counts(concerns: Iterable[Row]) -> dict[str, int]:
    """How many of these concern rows are still open, per interview id."""
    counts: dict[str, int] = {}
    for row in concerns:  # read as the model reads them (see domain.reading)
        kind = row.get("kind", "unsorted")
        if concern_is_open(kind if kind in CONCERN_KINDS else "unsorted", as_flag(row.get("resolved"))[0]):
            parent = parent_of(row)
            counts[parent] = counts.get(parent, 0) + 1
    return counts


def latest_started(interviews: list[Row], now: datetime) -> Row | None:
    """The row of the latest interview whose time has come, else of the newest one created.

    Args:
        interviews: The stored rows.
        now: This machine's naive wall-clock time.
    """

    def when(row: Row) -> str:
        value = row.get("when")  # as the model reads it: a time that does not parse is none
        return value if isinstance(value, str) and when_datetime(value) is not None else ""

    def created(row: Row) -> str:
        value = row.get("created")
        return value if isinstance(value, str) else ""

    started: list[tuple[datetime, str, Row]] = []
    for row in interviews:
        zone = row.get("tz")
        moment = local_when(when(row) or None, zone if isinstance(zone, str) else "")
        if moment is not None and moment <= now:
            started.append((moment, created(row), row))
    if started:  # the latest by this machine's clock: 09:00 in Tokyo came before 08:00 in London
        return max(started, key=lambda item: item[:2])[2]
    return max(interviews, key=created) if interviews else None
