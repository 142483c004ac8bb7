"""The interview and the people on the other side of the table."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, ClassVar

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.language import DEFAULT_LANGUAGE, normalise_language
from followup_tui.domain.models.record import Record, check_choice
from followup_tui.domain.times import local_when, parse_when, started, when_datetime
from followup_tui.domain.vocabulary import (
    INVITE_UID_LIMIT,
    LINK_LIMIT,
    LONG_LIMIT,
    REASON_LIMIT,
    SHORT_LIMIT,
    ZONE_LIMIT,
)
from followup_tui.domain.zones import is_zone

FORMATS: tuple[str, ...] = ("onsite", "video", "phone")
"""How the interview takes place."""

OUTCOMES: tuple[str, ...] = ("pending", "advanced", "offer", "rejected", "withdrawn", "no-response")
"""What happened after an interview."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass
class Interviewer(Record):
    """A person on the other side of the table."""

    name: str = ""
    title: str = ""
    email: str = ""
    address: str = ""
    """How the card addresses them ("Frau Schmidt", "Sam"); empty: made from the name."""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "name": SHORT_LIMIT,
        "title": SHORT_LIMIT,
        "email": SHORT_LIMIT,
        "address": SHORT_LIMIT,
    }

    def validate(self) -> None:
        """Check the email address looks like one."""
        if self.email and not _EMAIL.match(self.email):
            raise ValidationError(f"'{self.email[:40]}' is not an email address.")


@dataclass
class Interview(Record):
    """One interview: who, when, where, and what came of it."""

    id: str = ""
    company: str = ""
    role: str = ""
    when: str | None = None
    format: str = "onsite"
    location: str = ""
    job_link: str = ""
    notes: str = ""
    interviewers: list[Interviewer] = field(default_factory=list)
    outcome: str = "pending"
    why_this_job: str = ""
    """Why I want this job, in one line of my own (Prep); the card ends with it."""
    tz: str = ""
    """The IANA time zone ``when`` and ``ends`` are in ("Europe/Berlin"); empty: this machine's."""
    ends: str | None = None
    """When the interview ends, in the same zone (from an invitation), if known."""
    invite_uid: str = ""
    """The UID of the calendar invitation it came from: the same invitation again updates it."""
    invite_sequence: int = 0
    """The SEQUENCE of that invitation last read (a moved interview comes with a higher one)."""
    language: str = DEFAULT_LANGUAGE
    """The card's language, a BCP 47 tag ("de", "en-GB"); files from before it read as English."""
    created: str = ""
    updated: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "company": SHORT_LIMIT,
        "role": SHORT_LIMIT,
        "location": LINK_LIMIT,
        "job_link": LINK_LIMIT,
        "notes": LONG_LIMIT,
        "why_this_job": REASON_LIMIT,
        "tz": ZONE_LIMIT,
        "invite_uid": INVITE_UID_LIMIT,
    }
    FALLBACKS: ClassVar[dict[str, Any]] = {"company": "(no company)"}

    def validate(self) -> None:
        """Check the company, the time, the format, the outcome and the interviewers."""
        if not self.company.strip():
            raise ValidationError("Company is required.")
        for value in (self.when, self.ends):
            if value is not None and parse_when(value) != value:
                raise ValidationError(f"'{str(value)[:40]}' is not a date and time; use YYYY-MM-DD HH:MM.")
        if self.tz and not is_zone(self.tz):
            raise ValidationError(f"'{self.tz[:40]}' is not a time zone; use a name such as Europe/Berlin.")
        if isinstance(self.invite_sequence, bool) or not isinstance(self.invite_sequence, int):
            raise ValidationError("An invitation's sequence must be a whole number.")
        check_choice(self.format, FORMATS, "Format")
        check_choice(self.outcome, OUTCOMES, "Outcome")
        if not isinstance(self.language, str):
            raise ValidationError("Language must be a tag such as de or en-GB.")
        self.language = normalise_language(self.language) if self.language.strip() else DEFAULT_LANGUAGE
        self.interviewers = [
            p if isinstance(p, Interviewer) else Interviewer.from_record(p) for p in self.interviewers
        ]

    @property
    def moment(self) -> datetime | None:
        """The interview time as a naive wall-clock time in its own zone (``tz``), if known."""
        return when_datetime(self.when)

    @property
    def local_moment(self) -> datetime | None:
        """The interview time as this machine's naive wall-clock time, if known."""
        return local_when(self.when, self.tz)

    def has_started(self, now: datetime) -> bool:
        """Return True when the interview time is known and not in the future.

        Args:
            now: This machine's naive wall-clock time.
        """
        return started(self.when, self.tz, now)
