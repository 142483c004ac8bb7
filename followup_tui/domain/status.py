"""The follow-up state of an interview, as the home screen and exports show it.

Also the one rule for a card "on time", used by the home flag, the card screen, Insights and
the calendar reminder: a card is on time when it is sent by the end of the day after the
interview (an interview on Tuesday: sent on Tuesday or Wednesday).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from followup_tui.domain.models import Card, Concern, Interview, concern_is_open

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


@dataclass(frozen=True)
class FollowUpState:
    """Where the follow-up of one interview stands."""

    card: str
    """"none", "drafted", "written" or "sent" (the furthest any of its cards got)."""
    card_overdue: bool
    """No card was sent and the day after the interview is over (``card_late``): "card late"."""
    open_concerns: int
    """Concerns not yet sorted, plus actual errors not yet resolved."""

    def label(self) -> str:
        """A short label for a table cell, such as "card sent" or "card late · 2 open".

        "card late" is the on-time rule's word (as on the card screen and in Insights): no card
        was sent by the end of the day after the interview.
        """
        parts = []
        if self.card_overdue:
            parts.append("card late")
        elif self.card != "none":
            parts.append(f"card {self.card}")
        if self.open_concerns:
            parts.append(f"{self.open_concerns} open")
        return " · ".join(parts) or "-"


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
    if any(c.sent for c in cards):
        card = "sent"
    elif any(c.written for c in cards):
        card = "written"
    elif any(c.text.strip() for c in cards):
        card = "drafted"
    else:
        card = "none"
    moment = interview.local_moment
    overdue = (
        card != "sent" and moment is not None and card_late(moment, now) and interview.outcome == "pending"
    )
    if isinstance(concerns, int):
        open_count = concerns
    else:
        open_count = sum(1 for c in concerns if concern_is_open(c.kind, c.resolved))
    return FollowUpState(card=card, card_overdue=overdue, open_concerns=open_count)
