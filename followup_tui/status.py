"""The follow-up state of an interview, as the home screen and exports show it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from followup_tui.models import Card, Concern, Interview

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
    interview: Interview, cards: list[Card], concerns: list[Concern], now: datetime
) -> FollowUpState:
    """Work out the follow-up state of an interview.

    Args:
        interview: The interview.
        cards: Its cards.
        concerns: Its concerns.
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
    open_count = sum(1 for c in concerns if c.kind == "unsorted" or (c.kind == "error" and not c.resolved))
    return FollowUpState(card=card, card_overdue=overdue, open_concerns=open_count)
