"""The home list's rows as the home index keeps them: one plain line of fields per interview.

The home index (``store/home_index.py``) lets the first frame show the list before the data
file is opened. It keeps, for each interview, only what the list's columns, order, status
line and filters read, and the part of its follow-up state that does not depend on the time
(how far its cards got, how many concerns are open). The rest (upcoming or past, "card late")
is worked out again from the clock at each start, by the same functions as for the records.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from followup_tui.domain.home_filters import HomeRow, IndexedInterview, Named, ordered_rows
from followup_tui.domain.status import CARD_STAGES, FollowUpState, card_overdue
from followup_tui.domain.times import local_when

Entry = list[Any]
"""One interview's line: id, company, role, when, zone, format, outcome, interviewer names,
created, card stage, cards sent, cards due, open concerns."""

_TEXTS = (str, str, str)
ENTRY_TYPES = frozenset((*_TEXTS, when, *_TEXTS, list, str, str, int, int, int) for when in (str, type(None)))
"""The types of a line's fields, in order (``when`` may be null): a line of others is refused."""


def index_entry(row: HomeRow) -> Entry:
    """The home index's line for one row of the list (built from the records)."""
    i, state = row.interview, row.state
    names = [p.name for p in i.interviewers]
    fields = (i.id, i.company, i.role, i.when, i.tz, i.format, i.outcome, names, i.created)
    return [*fields, state.card, state.cards_sent, state.cards, state.open_concerns]


def entry_interview(entry: Entry) -> IndexedInterview | None:
    """Read one line of the home index; None when it is not one this code writes."""
    if not isinstance(entry, list) or tuple(map(type, entry)) not in ENTRY_TYPES:
        return None
    names = entry[7]
    if entry[9] not in CARD_STAGES or not all(type(name) is str for name in names):
        return None
    entry[7] = tuple(Named(name) for name in names)
    return IndexedInterview._make(entry)


def indexed_rows(interviews: list[IndexedInterview], now: datetime) -> list[HomeRow]:
    """The list's rows from the home index's lines, in the list's order, at ``now``.

    Each follow-up state is worked out as ``status.follow_up_state`` does for the records;
    rows in the same state share one (it cannot change), so a long list builds a few dozen.
    """
    states: dict[tuple[Any, ...], FollowUpState] = {}

    def state_of(i: IndexedInterview) -> FollowUpState:
        late = card_overdue(i.card, local_when(i.when, i.tz), i.outcome, now)
        key = (i.card, late, i.open_concerns, i.cards_sent, i.cards)
        shared = states.get(key)
        if shared is None:
            shared = states[key] = FollowUpState(*key)
        return shared

    return ordered_rows(interviews, state_of, now)


def same_listing(first: list[HomeRow], second: list[HomeRow]) -> bool:
    """True when two lists of rows show the same: the same lines, in the same order, each
    upcoming or past and in the same follow-up state alike."""
    return len(first) == len(second) and all(
        index_entry(a) == index_entry(b) and a.upcoming == b.upcoming and a.state == b.state
        for a, b in zip(first, second, strict=True)
    )
