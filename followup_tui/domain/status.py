"""The follow-up state of an interview, as the home screen and exports show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from followup_tui.domain.models import Card, Concern, Interview, concern_is_open

CARD_DUE = timedelta(days=1)
"""A card should be sent within a day of the interview."""


@dataclass(frozen=True)
class FollowUpState:
    """Where the follow-up of one interview stands."""

    card: str
    """"none", "drafted", "written" or "sent" (the furthest any of its cards got)."""
    card_overdue: bool
    """The interview was more than a day ago and no card was sent."""
    open_concerns: int
    """Concerns not yet sorted, plus actual errors not yet resolved."""

    def label(self) -> str:
        """A short label for a table cell, such as "card sent" or "card due · 2 open"."""
        parts = []
        if self.card_overdue:
            parts.append("card due")
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
    moment = interview.moment
    overdue = (
        card != "sent" and moment is not None and now - moment > CARD_DUE and interview.outcome == "pending"
    )
    if isinstance(concerns, int):
        open_count = concerns
    else:
        open_count = sum(1 for c in concerns if concern_is_open(c.kind, c.resolved))
    return FollowUpState(card=card, card_overdue=overdue, open_concerns=open_count)
