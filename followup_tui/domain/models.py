"""Typed records of followup: plain dataclasses with their validation.

Nothing here knows about Textual or TinyDB. Each record turns into a plain JSON-ready
dict with ``to_record`` and back with ``from_record``. ``from_record`` is lenient (a value
it does not understand falls back to the default, so an old or hand-edited file still
opens), while the constructors are strict: a bad value raises ``ValidationError`` with one
clear sentence a user can read.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, ClassVar, TypeVar

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.reading import coerce_fields, lenient_values
from followup_tui.domain.zones import here, is_zone

__all__ = ["ValidationError"]  # defined in errors, where zones can reach it too
from followup_tui.domain.vocabulary import (
    ACTIONS,
    CHECKLIST_TEXT_LIMIT,
    CONCERN_TEXT_LIMIT,
    INVITE_UID_LIMIT,
    LINK_LIMIT,
    LONG_LIMIT,
    QUESTION_TEXT_LIMIT,
    REASON_LIMIT,
    SHORT_LIMIT,
    SOURCE_LIMIT,
    THINKING_TRAPS,
    ZONE_LIMIT,
)

FORMATS: tuple[str, ...] = ("onsite", "video", "phone")
"""How the interview takes place."""

OUTCOMES: tuple[str, ...] = ("pending", "advanced", "offer", "rejected", "withdrawn", "no-response")
"""What happened after an interview."""

ASKED: tuple[str, ...] = ("unknown", "yes", "no")
"""Whether a prepared question was asked."""

CONCERN_KINDS: tuple[str, ...] = ("unsorted", "worry", "error")
"""Where a concern sits on the board."""

ERROR_KINDS: tuple[str, ...] = ("forgot-to-ask", "not-learned", "felt-off", "answer", "other")
"""What sort of actual error a concern is (used by insights and the card)."""

PREDICTION_RESULTS: tuple[str, ...] = ("", "came-true", "did-not")
"""How a recorded prediction settled: open, came true, or did not."""

CONFIDENCE_STEPS: tuple[int, ...] = (10, 30, 50, 70, 90)
"""How sure the user is that a prediction will come true, in percent."""

WHEN_FORMAT = "%Y-%m-%d %H:%M"
"""How interview times are written and typed (local time)."""

EARLIEST_YEAR = 1970
LATEST_YEAR = 2999
"""Interview times fall within these years (both included): every clock, time zone and calendar
computation handles them, where a date near year 1 or 9999 overflows once a reminder a week
later or a time zone is applied. Typed, imported and stored times are all held to them."""

_SURROGATES = re.compile("[\ud800-\udfff]")
_WHEN = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def now_stamp() -> str:
    """Return the current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def clean_text(value: Any, label: str, limit: int = LONG_LIMIT) -> str:
    """Check a user text value and make it storable.

    Lone surrogates (which cannot be written as UTF-8) become U+FFFD; everything else the
    user typed is kept as it is. Display code strips control characters on the way out.

    Args:
        value: The value to check.
        label: The field's name as the user knows it, for the error message.
        limit: The most characters allowed.

    Returns:
        The text, safe to encode.

    Raises:
        ValidationError: If the value is not text or is too long.
    """
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{label} must be text.")
    if len(value) > limit:
        raise ValidationError(f"{label} is too long ({len(value):,} characters; the limit is {limit:,}).")
    return _SURROGATES.sub("\ufffd", value)


def parse_when(value: str | None) -> str | None:
    """Parse a typed interview time into the stored form ``YYYY-MM-DD HH:MM``.

    Args:
        value: What the user typed; empty means no time yet. A date alone means 09:00.

    Returns:
        The normalised time, or None when empty.

    Raises:
        ValidationError: If the text is not a real date and time.
    """
    if value is None or not value.strip():
        return None
    if _when_fast(value) is not None:
        return value
    text = " ".join(value.strip().replace("T", " ").split())
    for fmt in (WHEN_FORMAT, "%Y-%m-%d"):
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%Y-%m-%d":
            moment = moment.replace(hour=9)
        if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            raise ValidationError(
                f"'{value.strip()[:40]}' is out of range; dates go from {EARLIEST_YEAR} to {LATEST_YEAR}."
            )
        return moment.strftime(WHEN_FORMAT)
    raise ValidationError(f"'{value.strip()[:40]}' is not a date and time; use YYYY-MM-DD HH:MM.")


ASSUMED_TIME = "09:00"
"""The time an interview typed as a date alone is given."""


def time_assumed(value: str | None) -> bool:
    """True when ``value`` is a date alone, to which ``parse_when`` gives 09:00."""
    text = (value or "").strip()
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def when_datetime(when: str | None) -> datetime | None:
    """Return a stored interview time as a naive local datetime, or None."""
    return _when_fast(when) if when else None


@functools.lru_cache(maxsize=8192)
def _when_fast(value: str) -> datetime | None:
    """Parse the stored form ``YYYY-MM-DD HH:MM`` without strptime (it is slow at scale)."""
    match = _WHEN.fullmatch(value)
    if match is None:
        return None
    try:
        year, month, day, hour, minute = (int(g) for g in match.groups())
        moment = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    return moment if EARLIEST_YEAR <= year <= LATEST_YEAR else None


def _choice(value: Any, choices: tuple[str, ...] | dict[str, Any], label: str) -> str:
    if value not in choices:
        allowed = ", ".join(c for c in choices if c) or "none"
        raise ValidationError(f"{label} must be one of: {allowed} (got '{str(value)[:40]}').")
    return str(value)


def _flag(value: Any, label: str) -> bool:
    if not isinstance(value, bool):
        raise ValidationError(f"{label} must be yes or no.")
    return value


T = TypeVar("T", bound="Record")


@dataclass
class Record:
    """Base of every stored record: conversion to and from plain dicts."""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {}
    """Text fields and their limits; checked by ``__post_init__``."""

    FALLBACKS: ClassVar[dict[str, Any]] = {}
    """Stand-ins for required fields when a stored record lacks a valid value."""

    guessed: ClassVar[frozenset[str]] = frozenset()
    """Fields ``from_record`` had to guess at (set on the record when there are any)."""

    def __post_init__(self) -> None:
        for name, limit in self.TEXT_LIMITS.items():
            value = getattr(self, name)
            # the common case, checked cheaply: loading thousands of records must stay fast
            if not (isinstance(value, str) and len(value) <= limit and not _SURROGATES.search(value)):
                setattr(self, name, clean_text(value, _label(name), limit))
        self.validate()

    def validate(self) -> None:
        """Check the fields that are not plain text; raise ValidationError when wrong."""

    def to_record(self) -> dict[str, Any]:
        """Return a JSON-ready dict of this record."""
        return dataclasses.asdict(self)

    @classmethod
    def from_record(cls: type[T], record: dict[str, Any]) -> T:
        """Build a record from a stored dict, tolerating missing, extra or bad values.

        Any JSON value in any field is read: a value of the wrong type is coerced or replaced
        by the default (see ``followup_tui.domain.reading``), a value the record's validation
        refuses gets the default, and text past its limit is cut. The names of the fields that
        had to be guessed are kept in ``guessed`` (a missing field is not a guess).

        Args:
            record: A dict as stored in the data file.

        Returns:
            The record.
        """
        kwargs, guessed = coerce_fields(cls, record)
        try:
            made = cls(**kwargs)
        except (ValidationError, TypeError):
            good, dropped = lenient_values(cls, kwargs)
            made = cls(**good)
            guessed |= dropped
        if guessed:
            object.__setattr__(made, "guessed", frozenset(guessed))
        return made


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


@dataclass
class Interviewer(Record):
    """A person on the other side of the table."""

    name: str = ""
    title: str = ""
    email: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"name": SHORT_LIMIT, "title": SHORT_LIMIT, "email": SHORT_LIMIT}

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
        _choice(self.format, FORMATS, "Format")
        _choice(self.outcome, OUTCOMES, "Outcome")
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
        moment = when_datetime(self.when)
        if moment is None or not self.tz:
            return moment
        return here(moment, self.tz)

    def has_started(self, now: datetime) -> bool:
        """Return True when the interview time is known and not in the future.

        Args:
            now: This machine's naive wall-clock time.
        """
        moment = self.local_moment
        return moment is not None and moment <= now


@dataclass
class Question(Record):
    """A question the candidate prepared to ask."""

    id: str = ""
    interview_id: str = ""
    text: str = ""
    category: str = ""
    must_ask: bool = False
    asked: str = "unknown"
    order: float = 0.0

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": QUESTION_TEXT_LIMIT, "category": SHORT_LIMIT}
    FALLBACKS: ClassVar[dict[str, Any]] = {"text": "(empty)"}

    def validate(self) -> None:
        """Check the text is there and the flags are valid."""
        if not self.text.strip():
            raise ValidationError("A question needs some text.")
        _flag(self.must_ask, "Must-ask")
        _choice(self.asked, ASKED, "Asked")


@dataclass
class LikelyQuestion(Record):
    """A question they will probably ask me, with my talking points."""

    id: str = ""
    interview_id: str = ""
    question: str = ""
    talking_points: str = ""
    order: float = 0.0

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"question": QUESTION_TEXT_LIMIT, "talking_points": LONG_LIMIT}


@dataclass
class ChecklistItem(Record):
    """One thing to do before leaving for the interview."""

    id: str = ""
    interview_id: str = ""
    text: str = ""
    done: bool = False
    order: float = 0.0

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": CHECKLIST_TEXT_LIMIT}

    def validate(self) -> None:
        """Check the done flag."""
        _flag(self.done, "Done")


@dataclass
class Clarification(Record):
    """An answer the candidate would like to put right."""

    question: str = ""
    said: str = ""
    should_have: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "question": QUESTION_TEXT_LIMIT,
        "said": LONG_LIMIT,
        "should_have": LONG_LIMIT,
    }


@dataclass
class Debrief(Record):
    """What the candidate noted on the way home. Its id is the interview's id."""

    id: str = ""
    interview_id: str = ""
    gut: int | None = None
    forgot_to_ask: str = ""
    not_learned: str = ""
    felt_off: str = ""
    clarifications: list[Clarification] = field(default_factory=list)
    notes: str = ""
    worth_mentioning: str = ""
    """A moment worth mentioning in the card: something I enjoyed talking about."""
    dismissed: list[str] = field(default_factory=list)
    updated: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "forgot_to_ask": LONG_LIMIT,
        "not_learned": LONG_LIMIT,
        "felt_off": LONG_LIMIT,
        "notes": LONG_LIMIT,
        "worth_mentioning": CONCERN_TEXT_LIMIT,
    }

    def validate(self) -> None:
        """Check the gut rating (3.0 from a JSON file is 3) and the clarifications."""
        if isinstance(self.gut, float) and self.gut.is_integer():
            self.gut = int(self.gut)
        if self.gut is not None and (isinstance(self.gut, bool) or self.gut not in range(1, 6)):
            raise ValidationError("Gut rating must be a whole number from 1 to 5.")
        self.clarifications = [
            c if isinstance(c, Clarification) else Clarification.from_record(c) for c in self.clarifications
        ]
        self.dismissed = [str(key) for key in self.dismissed]


@dataclass
class Concern(Record):
    """One short thought after the interview: a worry, an actual error, or not yet sorted."""

    id: str = ""
    interview_id: str = ""
    text: str = ""
    kind: str = "unsorted"
    error_kind: str = "other"
    traps: list[str] = field(default_factory=list)
    balanced_thought: str = ""
    action: str = ""
    to_know: str = ""
    """What I want them to know (an error clarified in the card), in my own words."""
    prediction: bool = False
    prediction_text: str = ""
    """The worry written as a prediction, in my own words ("They will ask for a second call")."""
    confidence: int | None = None
    """How sure I am the prediction comes true, in percent (one of ``CONFIDENCE_STEPS``)."""
    prediction_result: str = ""
    resolved: bool = False
    source: str = ""
    order: float = 0.0
    created: str = ""
    updated: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {
        "text": CONCERN_TEXT_LIMIT,
        "balanced_thought": LONG_LIMIT,
        "source": SOURCE_LIMIT,
        "to_know": CONCERN_TEXT_LIMIT,
        "prediction_text": CONCERN_TEXT_LIMIT,
    }
    FALLBACKS: ClassVar[dict[str, Any]] = {"text": "(empty)"}

    def validate(self) -> None:
        """Check the text and every choice."""
        if not self.text.strip():
            raise ValidationError("A concern needs some text.")
        _choice(self.kind, CONCERN_KINDS, "Kind")
        _choice(self.error_kind, ERROR_KINDS, "Error kind")
        if self.action:
            _choice(self.action, ACTIONS, "Action")
        for trap in self.traps:
            _choice(trap, THINKING_TRAPS, "Thinking trap")
        self.traps = list(dict.fromkeys(self.traps))
        _flag(self.prediction, "Prediction")
        _flag(self.resolved, "Resolved")
        _choice(self.prediction_result, PREDICTION_RESULTS, "Prediction result")
        if self.confidence is not None and (
            isinstance(self.confidence, bool) or self.confidence not in CONFIDENCE_STEPS
        ):
            raise ValidationError("How sure must be one of 10%, 30%, 50%, 70% or 90%.")


def concern_is_open(kind: str, resolved: bool) -> bool:
    """A concern still asks for attention: not sorted yet, or an actual error not resolved."""
    return kind == "unsorted" or (kind == "error" and not resolved)


@dataclass
class Card(Record):
    """A hand-written thank-you card to one interviewer."""

    id: str = ""
    interview_id: str = ""
    interviewer: str = ""
    text: str = ""
    written: str | None = None
    sent: str | None = None
    updated: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"interviewer": SHORT_LIMIT, "text": LONG_LIMIT}

    def validate(self) -> None:
        """Check the written and sent dates are ISO dates."""
        for label, value in (("Written", self.written), ("Sent", self.sent)):
            if value is not None:
                try:
                    datetime.strptime(value, "%Y-%m-%d")
                except (TypeError, ValueError):
                    raise ValidationError(f"{label} date must be YYYY-MM-DD.") from None


@dataclass
class BankQuestion(Record):
    """A question in the user's own question bank."""

    id: str = ""
    text: str = ""
    category: str = ""

    TEXT_LIMITS: ClassVar[dict[str, int]] = {"text": QUESTION_TEXT_LIMIT, "category": SHORT_LIMIT}
    FALLBACKS: ClassVar[dict[str, Any]] = {"text": "(empty)"}

    def validate(self) -> None:
        """Check the text is there."""
        if not self.text.strip():
            raise ValidationError("A question needs some text.")
