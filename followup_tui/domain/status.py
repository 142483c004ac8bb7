"""The follow-up state of an interview, as the home screen and exports show it.

Also the one rule for a card "on time", used by the home flag, the card screen, Insights and
the calendar reminder: a card is on time when it is sent by the end of the day after the
interview (an interview on Tuesday: sent on Tuesday or Wednesday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from followup_tui.domain.text import cell_width, cut_between_words, one_line

if TYPE_CHECKING:  # the home list's first frame uses this module without the records
    from followup_tui.domain.models import Card, Concern, Interview

CARD_DAYS = 1
"""Whole days after the interview's date that a card can still go out on time."""

ON_TIME_RULE = "by the end of the day after the interview"
"""The on-time rule in words, for the screens and the calendar."""


DAY_FORMAT = "%a %d %b"
"""How a day reads on screen beside the interview's own date ("Sat 28 Nov")."""


def day_label(value: str) -> str:
    """A stored day (``YYYY-MM-DD``, such as when a card was written) as it reads on screen:
    "Sat 28 Nov"; a value that is not a date is returned as it is."""
    try:
        return date.fromisoformat(value).strftime(DAY_FORMAT)
    except ValueError:
        return value


def moment_label(moment: datetime | None) -> str:
    """An interview's date and time as a list or message names it: "Thu 26 Nov 2026, 10:00"
    ("no date" when it has none)."""
    return f"{moment:%a %d %b %Y, %H:%M}" if moment is not None else "no date"


def send_by(moment: datetime) -> date:
    """Return the last day a card for an interview at ``moment`` is on time."""
    return moment.date() + timedelta(days=CARD_DAYS)


def sent_on_time(moment: datetime, sent: date) -> bool:
    """Return True when a card sent on ``sent`` was on time for an interview at ``moment``."""
    return sent <= send_by(moment)


def card_late(moment: datetime, now: datetime) -> bool:
    """Return True when a card not sent by ``now`` can no longer be on time."""
    return now.date() > send_by(moment)


CARD_STAGES = ("none", "drafted", "written", "sent")
"""How far one card got, in order."""


def card_stage(card: Card | None) -> str:
    """How far one card got: "none", "drafted", "written" or "sent"."""
    if card is None:
        return "none"
    if card.sent:
        return "sent"
    if card.written:
        return "written"
    return "drafted" if card.text.strip() else "none"


def recipient_cards(interview: Interview, cards: list[Card]) -> list[tuple[str, Card | None]]:
    """The one rule for whose card is whose: each named interviewer gets a card of their own
    (names compared without case), so sending one card leaves the others to send.

    Returns:
        (name, that person's card or None) for each interviewer once; with nobody named, one
        card to nobody in particular: the first sent, else the furthest of the interview's cards.
    """
    names = list(dict.fromkeys(one_line(p.name) for p in interview.interviewers if one_line(p.name)))
    if not names:
        sent = [c for c in cards if c.sent]
        if sent:  # the first one sent tells whether it was on time
            return [("", min(sent, key=lambda c: c.sent or ""))]
        return [("", max(cards, key=lambda c: CARD_STAGES.index(card_stage(c)), default=None))]
    by_name: dict[str, Card] = {}
    for card in cards:
        by_name.setdefault(one_line(card.interviewer).casefold(), card)
    return [(name, by_name.get(name.casefold())) for name in names]


def all_cards_sent(interview: Interview, cards: list[Card]) -> bool:
    """True when every interviewer's card was sent (the card reminder is done)."""
    return all(card_stage(card) == "sent" for _, card in recipient_cards(interview, cards))


@dataclass(frozen=True)
class FollowUpState:
    """Where the follow-up of one interview stands."""

    card: str
    """"none", "drafted", "written" or "sent": how far the cards got, the least advanced
    interviewer's card counting (``recipient_cards``): "sent" once every card is sent."""
    card_overdue: bool
    """A card is not sent and the day after the interview is over (``card_late``): "card late"."""
    open_concerns: int
    """Concerns not yet sorted, plus actual errors not yet resolved."""
    cards_sent: int = 0
    """How many interviewers' cards were sent."""
    cards: int = 1
    """How many cards are due: one per interviewer (one when nobody is named)."""

    def label(self, width: int | None = None) -> str:
        """A short label for a table cell, such as "card sent", "1 of 2 cards sent" or
        "card late · 2 concerns open"; shorter forms ("late · 2 concerns") when ``width``
        cells are too few, and only ever cut between words.

        "card late" is the on-time rule's word (as on the card screen and in Insights): a card
        was not sent by the end of the day after the interview.
        """
        forms = [_joined(card_words, concern_words) or "-" for card_words, concern_words in self._forms()]
        if width is None:
            return forms[0]
        return next((text for text in forms if cell_width(text) <= width), None) or cut_between_words(
            forms[-1], width
        )

    def _forms(self) -> list[tuple[str, str]]:
        """(card, concerns) wordings, from the fullest to the shortest."""
        n, late = self.open_concerns, self.card_overdue
        some_sent = 0 < self.cards_sent < self.cards
        stage = self.card if not (late or some_sent) and self.card != "none" else ""
        full = _joined(
            "card late" if late else "",
            f"{self.cards_sent} of {self.cards} cards sent" if some_sent else "",
            f"card{'s' if self.cards > 1 else ''} {stage}" if stage else "",
        )
        short = _joined(
            "late" if late else "", f"{self.cards_sent}/{self.cards} sent" if some_sent else "", stage
        )
        concerns = f"{n} concern{'s' if n > 1 else ''}" if n else ""
        return [(full, f"{concerns} open" if n else ""), (full, concerns), (short, concerns)]


def _joined(*parts: str) -> str:
    return " · ".join(part for part in parts if part)


def follow_up_state(
    interview: Interview, cards: list[Card], concerns: list[Concern] | int, now: datetime
) -> FollowUpState:
    """Work out the follow-up state of an interview.

    Args:
        interview: The interview.
        cards: Its cards.
        concerns: Its concerns, or just how many are open (``Repository.open_concern_counts``).
        now: The current local time.
    """
    stages = [card_stage(c) for _, c in recipient_cards(interview, cards)]
    card = min(stages, key=CARD_STAGES.index)
    if isinstance(concerns, int):
        open_count = concerns
    else:
        from followup_tui.domain.concerns import concern_is_open

        open_count = sum(1 for c in concerns if concern_is_open(c.kind, c.resolved))
    return FollowUpState(
        card=card,
        card_overdue=card_overdue(card, interview.local_moment, interview.outcome, now),
        open_concerns=open_count,
        cards_sent=stages.count("sent"),
        cards=len(stages),
    )


def card_overdue(card: str, moment: datetime | None, outcome: str, now: datetime) -> bool:
    """Whether "card late" shows: the cards are not all sent, the day after the interview
    (at ``moment``, this machine's time) is over and its outcome is still pending.

    Args:
        card: How far the least advanced card got (``CARD_STAGES``).
        moment: The interview's time on this machine's clock, if known.
        outcome: The interview's outcome.
        now: The current local time.
    """
    return card != "sent" and moment is not None and card_late(moment, now) and outcome == "pending"
