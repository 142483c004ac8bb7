"""How each insight is counted: small records and pure counting functions (no Textual).

``followup_tui.domain.insights.report`` puts these together into one ``Insights`` value with its wording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from followup_tui.domain.insights.rows import ConcernFacts, QuestionFacts
from followup_tui.domain.models import ERROR_KINDS, Card, Concern, Interview, Question
from followup_tui.domain.status import card_late, recipient_cards, sent_on_time
from followup_tui.domain.text import one_line
from followup_tui.domain.vocabulary import ERROR_KIND_LABELS, NO_CATEGORY, THINKING_TRAPS

WENT_FORWARD: frozenset[str] = frozenset({"advanced", "offer"})
"""Outcomes that mean the interview went forward."""

CountedConcern = Concern | ConcernFacts
"""A concern as counted: the record, or just the fields counted, read from its stored row."""

CountedQuestion = Question | QuestionFacts
"""A question as counted: the record, or just the fields counted, read from its stored row."""

DECIDED: frozenset[str] = frozenset({"advanced", "offer", "rejected", "no-response"})
"""Outcomes that say how an interview went (pending says nothing yet; withdrawn was my choice)."""


def normalise_question(text: str) -> str:
    """Return the form two wordings of one question share: lower case, single spaces, no end mark."""
    return " ".join(one_line(text).casefold().split()).rstrip("?.!:; ")


@dataclass(frozen=True)
class GutGroup:
    """Interviews that felt one way, and what came of them."""

    label: str
    """Who is in the group, in words."""
    interviews: int
    """Interviews that happened in this group."""
    decided: int
    """Of those, the ones whose outcome says how it went (not pending, not withdrawn)."""
    went_forward: int
    """Of the decided ones, those that advanced or brought an offer."""

    @property
    def rate(self) -> float | None:
        """The share that went forward, or None when nothing is decided."""
        return self.went_forward / self.decided if self.decided else None


@dataclass(frozen=True)
class Calibration:
    """Settled predictions made with one degree of sureness, and how many came true."""

    confidence: int
    """How sure the user was, in percent."""
    settled: int
    came_true: int


@dataclass(frozen=True)
class Predictions:
    """Worries, and the ones written down as predictions with how they settled."""

    worries: int
    predictions: int
    came_true: int
    did_not: int
    calibration: tuple[Calibration, ...] = ()
    """Settled predictions by how sure the user was, most sure first (only levels that occur)."""

    @property
    def settled(self) -> int:
        """Predictions that came true or did not."""
        return self.came_true + self.did_not

    @property
    def open(self) -> int:
        """Predictions not settled yet."""
        return self.predictions - self.settled


@dataclass(frozen=True)
class Tally:
    """One labelled count (a thinking trap, an outcome, a category)."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class ErrorTally:
    """Actual errors of one kind and how many of them are resolved."""

    kind: str
    label: str
    count: int
    resolved: int


@dataclass(frozen=True)
class UnaskedQuestion:
    """A question (in any of its wordings) left unasked, with how often."""

    text: str
    """The newest wording."""
    category: str
    """The category it was filed under most often ("" for none)."""
    count: int
    """How many times it was left unasked."""
    interview_ids: tuple[str, ...]


@dataclass(frozen=True)
class CardTiming:
    """Cards (one per interviewer) by when they went out: on time, late, never, or still time."""

    on_time: int
    late: int
    never: int
    still_time: int

    @property
    def judged(self) -> int:
        """Interviews whose card timing is settled (on time, late or never)."""
        return self.on_time + self.late + self.never


def upcoming(interview: Interview, now: datetime) -> bool:
    """True when the interview's time is known and still ahead of ``now``."""
    moment = interview.local_moment
    return moment is not None and moment > now


def gut_group(label: str, interviews: list[Interview]) -> GutGroup:
    """Count how many of these interviews have a telling outcome and how many of those went forward."""
    decided = [i for i in interviews if i.outcome in DECIDED]
    forward = sum(1 for i in decided if i.outcome in WENT_FORWARD)
    return GutGroup(label=label, interviews=len(interviews), decided=len(decided), went_forward=forward)


def predictions(concerns: list[CountedConcern]) -> Predictions:
    """Count worries, and the predictions among all concerns by how they settled."""
    predicted = [c for c in concerns if c.prediction]
    settled: Counter[int] = Counter()
    true: Counter[int] = Counter()
    for concern in predicted:
        if concern.confidence is not None and concern.prediction_result:
            settled[concern.confidence] += 1
            true[concern.confidence] += concern.prediction_result == "came-true"
    return Predictions(
        worries=sum(1 for c in concerns if c.kind == "worry"),
        predictions=len(predicted),
        came_true=sum(1 for c in predicted if c.prediction_result == "came-true"),
        did_not=sum(1 for c in predicted if c.prediction_result == "did-not"),
        calibration=tuple(
            Calibration(level, settled[level], true[level]) for level in sorted(settled, reverse=True)
        ),
    )


def traps(concerns: list[CountedConcern]) -> tuple[Tally, ...]:
    """Count the thinking traps tagged on worries, most common first."""
    # Only worries: a concern moved to the errors column keeps its tags, but they no longer apply.
    counts = Counter(t for c in concerns if c.kind == "worry" for t in c.traps if t in THINKING_TRAPS)
    tallies = [Tally(key, THINKING_TRAPS[key][0], n) for key, n in counts.items()]
    return tuple(sorted(tallies, key=lambda t: (-t.count, t.label)))


def errors(concerns: list[CountedConcern]) -> tuple[ErrorTally, ...]:
    """Count actual errors by kind (kinds that occur), most common first, with the resolved ones."""
    actual = [c for c in concerns if c.kind == "error"]
    tallies = []
    for kind in ERROR_KINDS:
        of_kind = [c for c in actual if c.error_kind == kind]
        if of_kind:
            resolved = sum(1 for c in of_kind if c.resolved)
            tallies.append(ErrorTally(kind, ERROR_KIND_LABELS[kind], len(of_kind), resolved))
    order = {kind: n for n, kind in enumerate(ERROR_KINDS)}
    return tuple(sorted(tallies, key=lambda t: (-t.count, order[t.kind])))


def unasked(interviews: list[Interview], questions: list[CountedQuestion]) -> tuple[UnaskedQuestion, ...]:
    """Group unasked questions by their normalised text, most often first.

    Args:
        interviews: The interviews, newest first (the newest wording of a question is shown).
        questions: The questions marked as not asked.
    """
    rank = {interview.id: n for n, interview in enumerate(interviews)}
    keyed = [(normalise_question(q.text), q) for q in questions]  # each text normalised once
    ordered = sorted(
        ((key, q) for key, q in keyed if key), key=lambda kq: (rank[kq[1].interview_id], kq[1].order)
    )
    groups: dict[str, list[CountedQuestion]] = {}
    for key, question in ordered:
        groups.setdefault(key, []).append(question)
    result = []
    for group in groups.values():
        categories = Counter(q.category.strip() for q in group if q.category.strip())
        category = categories.most_common(1)[0][0] if categories else ""
        ids = tuple(dict.fromkeys(q.interview_id for q in group))
        result.append(UnaskedQuestion(one_line(group[0].text).strip(), category, len(group), ids))
    return tuple(sorted(result, key=lambda u: (-u.count, normalise_question(u.text))))


def unasked_by_category(questions: list[CountedQuestion]) -> tuple[Tally, ...]:
    """Count unasked questions by category (case-insensitive), most first."""
    counts = Counter(q.category.strip().casefold() for q in questions)
    labels: dict[str, str] = {}
    for question in questions:
        key = question.category.strip().casefold()
        if key not in labels:  # the first wording of each category names it
            labels[key] = one_line(question.category).strip()
    tallies = [Tally(key, labels.get(key) or NO_CATEGORY, n) for key, n in counts.items()]
    return tuple(sorted(tallies, key=lambda t: (-t.count, t.label.casefold())))


def card_timing(happened: list[Interview], cards: Iterable[Card], now: datetime) -> CardTiming:
    """Sort the cards due for interviews that happened (one per interviewer,
    ``status.recipient_cards``) by when each was sent.

    Args:
        happened: Interviews whose time has come.
        cards: Every card.
        now: The current local time (a card is not late while the day after is not over).
    """
    cards_of: dict[str, list[Card]] = {}
    for each in cards:
        cards_of.setdefault(each.interview_id, []).append(each)
    on_time = late = never = still_time = 0
    for interview in happened:
        moment = interview.moment
        if moment is None:
            continue  # no date: nothing to be on time for
        for _, card in recipient_cards(interview, cards_of.get(interview.id, [])):
            if card is not None and card.sent:
                sent_day = datetime.strptime(card.sent, "%Y-%m-%d").date()
                if sent_on_time(moment, sent_day):
                    on_time += 1
                else:
                    late += 1
            elif not card_late(moment, now):
                still_time += 1
            else:
                never += 1
    return CardTiming(on_time=on_time, late=late, never=never, still_time=still_time)
