"""The debriefs of the card fixtures (see the package's docstring)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Case:
    """One debrief, with whom the card goes to."""

    name: str
    language: str
    company: str
    role: str
    people: tuple[tuple[str, str], ...] = ()
    """(name, how the card addresses them: "" makes it from the name) per interviewer."""
    to: int = 0
    """Which interviewer the card is for (-1: the team)."""
    format: str = "onsite"
    when: str = "2026-11-24 14:00"
    moment: str = ""
    additions: tuple[str, ...] = ()
    why: str = ""
    signer: str = "Jo Rivera"
    questions: tuple[tuple[str, str], ...] = field(default=())
    """(question, fuller answer) per answer to clarify."""


PANEL_MOMENT = (
    "Ana: your question about multi-region failover\nBen: the whiteboard session on queue back-pressure"
)
"""A panel's moments, one line per person."""
