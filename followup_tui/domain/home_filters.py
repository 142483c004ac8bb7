"""What the Interviews list shows: the order, the rows' follow-up state and the filters.

Pure functions over the models (no Textual), so the home screen stays about layout and keys.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple, TypeAlias, TypeVar

from followup_tui.domain.status import FollowUpState, follow_up_state
from followup_tui.domain.text import one_line
from followup_tui.domain.times import local_order, started
from followup_tui.domain.vocabulary import OUTCOME_LABELS

if TYPE_CHECKING:  # the first frame, from the home index, shows the list without the records
    from followup_tui.domain.models import Card, Interview

TIME_RANGES: tuple[str, ...] = ("all", "upcoming", "past")
"""The date ranges the list can show, in the order the key cycles through them."""


class Named(NamedTuple):
    """An interviewer as the list knows them: by name."""

    name: str


class IndexedInterview(NamedTuple):
    """What the list shows of one interview, read from the home index (``domain/home_listing``;
    a tuple: thousands of them are read before the first frame)."""

    id: str
    company: str
    role: str
    when: str | None
    tz: str
    format: str
    outcome: str
    interviewers: tuple[Named, ...]
    created: str
    card: str
    """How far its least advanced card got (``CARD_STAGES``)."""
    cards_sent: int
    cards: int
    open_concerns: int


ListedInterview: TypeAlias = "Interview | IndexedInterview"
"""An interview as the list holds it: the record itself, or its line of the home index."""

L = TypeVar("L", "Interview", IndexedInterview)


@dataclass(frozen=True)
class HomeRow:
    """One interview as the list shows it."""

    interview: ListedInterview
    state: FollowUpState
    upcoming: bool

    @property
    def open_follow_up(self) -> bool:
        """Something is left to do: a card not sent yet, or concerns still open."""
        return (
            self.state.card_overdue
            or self.state.open_concerns > 0
            or self.state.card in ("drafted", "written")
        )


@dataclass(frozen=True)
class HomeFilters:
    """The filters of the list; the default shows everything."""

    text: str = ""
    """Typed text, matched against company, role and interviewer names."""
    outcome: str = ""
    """One of OUTCOMES, or "" for any."""
    time_range: str = "all"
    """One of TIME_RANGES."""
    open_only: bool = False
    """Only interviews with an open follow-up."""

    @property
    def active(self) -> bool:
        """Any filter is set."""
        return self != HomeFilters()

    def next_outcome(self) -> HomeFilters:
        """The filters with the outcome filter moved on (any, pending, advanced, ..., any)."""
        from followup_tui.domain.models import OUTCOMES

        cycle = ("", *OUTCOMES)
        return replace(self, outcome=cycle[(cycle.index(self.outcome) + 1) % len(cycle)])

    def next_time_range(self) -> HomeFilters:
        """The filters with the date range moved on (all, upcoming, past, all)."""
        return replace(self, time_range=TIME_RANGES[(TIME_RANGES.index(self.time_range) + 1) % 3])

    def describe(self) -> str:
        """The active filters in a few words (the typed text is left out: it is user text)."""
        parts = []
        if self.outcome:
            parts.append(f"outcome {outcome_word(self.outcome)}")
        if self.time_range != "all":
            parts.append(self.time_range)
        if self.open_only:
            parts.append("open follow-ups")
        return " · ".join(parts)

    def matches(self, row: HomeRow) -> bool:
        """Return True when the row passes every filter."""
        interview = row.interview
        if self.outcome and interview.outcome != self.outcome:
            return False
        if self.time_range == "upcoming" and not row.upcoming:
            return False
        if self.time_range == "past" and row.upcoming:
            return False
        if self.open_only and not row.open_follow_up:
            return False
        if not self.text:  # asked for every row of the list: the usual case stays cheap
            return True
        words = one_line(self.text).casefold().split()
        if words:
            names = [interview.company, interview.role, *(p.name for p in interview.interviewers)]
            haystack = one_line(" ".join(names)).casefold()
            return all(word in haystack for word in words)
        return True


def is_upcoming(interview: ListedInterview, now: datetime) -> bool:
    """An interview is upcoming until its time has come (no time yet counts as upcoming)."""
    return not started(interview.when, interview.tz, now)


def home_rows(
    interviews: list[Interview], cards: list[Card], open_concerns: dict[str, int], now: datetime
) -> list[HomeRow]:
    """Order the interviews for the list: upcoming soonest first, then past newest first.

    Args:
        interviews: Every interview.
        cards: Every card (grouped here by interview, so the list costs one read per kind).
        open_concerns: How many open concerns each interview has, by interview id.
        now: The current local time.
    """
    cards_of: dict[str, list[Card]] = defaultdict(list)
    for card in cards:
        cards_of[card.interview_id].append(card)
    return ordered_rows(
        interviews, lambda i: follow_up_state(i, cards_of[i.id], open_concerns.get(i.id, 0), now), now
    )


def ordered_rows(
    interviews: Iterable[L], state_of: Callable[[L], FollowUpState], now: datetime
) -> list[HomeRow]:
    """The list's order: upcoming soonest first (no time yet after them), then past newest first.

    Args:
        interviews: Every interview (records, or the home index's lines: sorted alike).
        state_of: The follow-up state of one of them.
        now: The current local time.
    """
    upcoming: list[L] = []
    past: list[L] = []
    for interview in interviews:
        (upcoming if is_upcoming(interview, now) else past).append(interview)
    # no time yet sorts after the dated upcoming ones
    upcoming.sort(key=lambda i: (i.when is None, local_order(i.when, i.tz), i.created))
    past.sort(key=lambda i: (local_order(i.when, i.tz), i.created), reverse=True)
    return [HomeRow(i, state_of(i), soon) for group, soon in ((upcoming, True), (past, False)) for i in group]


def outcome_word(outcome: str) -> str:
    """An outcome as the Interviews screen writes it: its label in lower case ("no response")."""
    return OUTCOME_LABELS.get(outcome, outcome).lower()
