"""Insights across interviews: pure functions over lists of models (no Textual, no TinyDB).

``compute_insights`` turns every interview, debrief, concern, question and card into one
``Insights`` value; its ``*_summary`` methods put each answer into a sentence. The wording is
honest with small numbers: ``share`` says "2 of 3" below ``SMALL_SAMPLE`` and a percentage only
from there on, and every summary has a plain "not enough data yet" text instead of a ratio of
nothing. How each number is counted lives in ``followup_tui.domain.insights.counts``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime

from followup_tui.domain.insights import counts as counts
from followup_tui.domain.insights.counts import (
    CardTiming,
    CountedConcern,
    CountedQuestion,
    ErrorTally,
    GutGroup,
    Predictions,
    Tally,
    UnaskedQuestion,
    normalise_question,
)
from followup_tui.domain.models import OUTCOMES, Card, Debrief, Interview
from followup_tui.domain.times import local_order
from followup_tui.domain.vocabulary import NO_CATEGORY, OUTCOME_LABELS

__all__ = [
    "SMALL_SAMPLE",
    "CardTiming",
    "ErrorTally",
    "GutGroup",
    "Insights",
    "Predictions",
    "Tally",
    "UnaskedQuestion",
    "compute_insights",
    "normalise_question",
    "plural",
    "share",
    "share_of",
]

SMALL_SAMPLE = 10
"""Below this many cases a share is told as "2 of 3", never as a percentage."""


def share(part: int, whole: int) -> str:
    """Tell a share honestly: "2 of 3" for small samples, "40% (4 of 10)" from ``SMALL_SAMPLE`` on.

    Args:
        part: How many cases had the property.
        whole: How many cases there were.

    Returns:
        The share as words; "none yet" when there were no cases at all.
    """
    if whole <= 0:
        return "none yet"
    if whole < SMALL_SAMPLE:
        return f"{part} of {whole}"
    return f"{round(100 * part / whole)}% ({part} of {whole})"


def plural(count: int, noun: str, many: str | None = None) -> str:
    """Return "1 worry" or "3 worries" (``many`` defaults to ``noun + "s"``)."""
    return f"{count} {noun if count == 1 else (many or noun + 's')}"


@dataclass(frozen=True)
class Insights:
    """Everything the Insights screen shows, computed once from the stored records."""

    interviews: int
    """Every interview recorded."""
    happened: int
    """Interviews whose time has come (or that have no time)."""
    upcoming: int
    """Interviews still ahead."""
    bad: GutGroup
    """Interviews that felt bad (gut 1-2)."""
    others: GutGroup
    """Every other interview that happened (gut 3-5 or not rated)."""
    predictions: Predictions
    traps: tuple[Tally, ...]
    """Thinking traps on worries, most common first (only traps that occur)."""
    errors: tuple[ErrorTally, ...]
    """Actual errors by kind, most common first (only kinds that occur)."""
    unasked: tuple[UnaskedQuestion, ...]
    """Questions left unasked, most often first."""
    unasked_by_category: tuple[Tally, ...]
    """Unasked questions counted by category, most first."""
    cards: CardTiming
    outcomes: tuple[Tally, ...]
    """Every outcome (in OUTCOMES order) over the interviews that happened."""

    @property
    def decided(self) -> int:
        """Interviews with an outcome that says how it went."""
        return self.bad.decided + self.others.decided

    @property
    def error_count(self) -> int:
        """Every actual error recorded."""
        return sum(e.count for e in self.errors)

    @property
    def small_sample(self) -> bool:
        """True when the gut comparison rests on fewer than ``SMALL_SAMPLE`` outcomes."""
        return self.decided < SMALL_SAMPLE

    def gut_summary(self) -> str:
        """Answer "did my bad-feeling interviews go worse than the others?" in a sentence or two."""
        enough = self._enough_interviews()
        if enough:
            return enough
        if not self.decided:
            return "Not enough data yet: no outcomes recorded. Press o on an interview when you hear back."
        bad, others = self.bad, self.others
        if not bad.interviews:
            return f"No interview felt bad (gut 1-2) yet. The others went forward {share_of(others)}."
        if not bad.decided:
            return f"Your {plural(bad.interviews, 'bad-feeling interview')}: no outcome yet."
        line = f"Felt bad, went forward: {share_of(bad)}. The others: {share_of(others)}."
        return f"{self.gut_verdict()} {line}".strip()

    def gut_verdict(self) -> str:
        """The comparison in words, without the numbers; "" when there is nothing to compare yet."""
        if self._enough_interviews() or not self.bad.decided or not self.others.decided:
            return ""
        bad_rate, others_rate = (
            self.bad.went_forward / self.bad.decided,
            self.others.went_forward / self.others.decided,
        )
        if bad_rate >= others_rate - 0.1:
            verdict = "So far a bad feeling did not mean a worse result."
        else:
            verdict = "So far bad-feeling interviews went forward less often."
        return verdict + (" Small numbers: a hint, not a rule." if self.small_sample else "")

    def worry_summary(self) -> str:
        """How many worries were recorded and how the predictions among them settled."""
        p = self.predictions
        if not p.worries and not p.predictions:
            return "No worries recorded yet."
        worries = plural(p.worries, "worry", "worries")
        if not p.predictions:
            return f"{worries} recorded; none written down as a prediction yet."
        if not p.settled:
            return f"{worries}; {plural(p.predictions, 'prediction')}, none settled yet."
        summary = (
            f"{worries}; of {plural(p.settled, 'settled prediction')}, "
            f"{share(p.came_true, p.settled)} came true ({p.open} still open)."
        )
        return " ".join([summary, *self.calibration_lines()])

    def calibration_lines(self) -> list[str]:
        """How sure the user was against what came true: "You were 80% sure 5 times; 1 came true."

        Below ``SMALL_SAMPLE`` settled predictions at a level the counts are told, not a share.
        """
        lines = []
        for level in self.predictions.calibration:
            times = "once" if level.settled == 1 else f"{level.settled} times"
            if level.came_true == 0:
                came = "none came true" if level.settled > 1 else "it did not come true"
            elif level.settled == 1:
                came = "it came true"
            elif level.settled < SMALL_SAMPLE:
                came = f"{level.came_true} came true"
            else:
                came = f"{level.came_true} came true ({round(100 * level.came_true / level.settled)}%)"
            lines.append(f"You were {level.confidence}% sure {times}; {came}.")
        return lines

    def traps_summary(self) -> str:
        """The most common thinking trap, or why there is none."""
        if not self.traps:
            return "No thinking traps tagged yet."
        top = self.traps[0]
        return f"Most common: {top.label} ({plural(top.count, 'time')})."

    def errors_summary(self) -> str:
        """How many actual errors and how many are resolved."""
        total = self.error_count
        if not total:
            return "No actual errors recorded yet."
        resolved = sum(e.resolved for e in self.errors)
        return f"{plural(total, 'actual error')}; resolved: {share(resolved, total)}."

    def unasked_summary(self) -> str:
        """Answer "what do I keep forgetting to ask?"."""
        if not self.unasked:
            return "Nothing left unasked so far."
        top = self.unasked[0]
        if top.count >= 2:
            return f"Most often left unasked ({plural(top.count, 'time')}): {top.text}"
        text = f"{plural(len(self.unasked), 'question')} left unasked, none twice yet."
        category = self.unasked_by_category[0]
        if category.count >= 2 and category.label != NO_CATEGORY:
            total = sum(t.count for t in self.unasked_by_category)
            text += f" The most were about {category.label} ({share(category.count, total)})."
        return text

    def cards_summary(self) -> str:
        """How many cards went out on time (``status.ON_TIME_RULE``), late or never."""
        c = self.cards
        if not c.judged:
            return "No card to judge yet." + (" Still time to send one." if c.still_time else "")
        return f"Sent on time: {share(c.on_time, c.judged)}; late: {c.late}; never: {c.never}."

    def outcomes_summary(self) -> str:
        """How many of the interviews that happened have an outcome."""
        enough = self._enough_interviews()
        if enough and not self.happened:
            return enough
        known = sum(t.count for t in self.outcomes if t.key != "pending")
        if not known:
            return "Not enough data yet: no outcomes recorded."
        return f"Outcome known: {share(known, self.happened)} interviews."

    def _enough_interviews(self) -> str:
        if not self.interviews:
            return "Not enough data yet: no interviews recorded."
        if not self.happened:
            return "Not enough data yet: no interview has happened yet."
        if self.happened == 1:
            return "Not enough data yet: one interview so far; a comparison needs a few."
        return ""


def share_of(group: GutGroup) -> str:
    """The share of a gut group that went forward."""
    return share(group.went_forward, group.decided)


def compute_insights(
    interviews: Iterable[Interview],
    debriefs: Iterable[Debrief] | Mapping[str, int | None],
    concerns: Iterable[CountedConcern],
    questions: Iterable[CountedQuestion],
    cards: Iterable[Card],
    now: datetime,
) -> Insights:
    """Compute every insight across interviews.

    Args:
        interviews: Every interview.
        debriefs: Every debrief (their id is the interview's id), or just their gut ratings by id.
        concerns: Every concern (or the fields counted of each, ``rows.concern_facts``).
        questions: Every prepared question (or the fields counted of those not asked,
            ``rows.unasked_questions``).
        cards: Every card.
        now: The current local time (interviews after it are upcoming).

    Returns:
        The insights.
    """
    items = sorted(interviews, key=lambda i: (local_order(i.when, i.tz), i.created), reverse=True)
    known_ids = {i.id for i in items}
    concerns = [c for c in concerns if c.interview_id in known_ids]
    unasked = [q for q in questions if q.asked == "no" and q.interview_id in known_ids]
    happened = [i for i in items if not counts.upcoming(i, now)]
    gut = debriefs if isinstance(debriefs, Mapping) else {d.id: d.gut for d in debriefs}
    bad = [i for i in happened if gut.get(i.id) in (1, 2)]
    others = [i for i in happened if gut.get(i.id) not in (1, 2)]
    outcome_counts = Counter(i.outcome for i in happened)
    return Insights(
        interviews=len(items),
        happened=len(happened),
        upcoming=len(items) - len(happened),
        bad=counts.gut_group("Felt bad (gut 1-2)", bad),
        others=counts.gut_group("Felt fine or not rated", others),
        predictions=counts.predictions(concerns),
        traps=counts.traps(concerns),
        errors=counts.errors(concerns),
        unasked=counts.unasked(items, unasked),
        unasked_by_category=counts.unasked_by_category(unasked),
        cards=counts.card_timing(happened, cards, now),
        outcomes=tuple(Tally(o, OUTCOME_LABELS[o], outcome_counts[o]) for o in OUTCOMES),
    )
