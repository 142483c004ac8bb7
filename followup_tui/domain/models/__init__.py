"""Typed records of followup: plain dataclasses with their validation.

Nothing here knows about Textual or TinyDB. The records live by subject: ``record`` (the base
and its checks), ``interview`` (the interview and its interviewers), ``prep`` (questions,
checklist, the bank) and ``after`` (debrief, concerns, cards); interview times are in
``domain.times`` (the home list's first frame reads them without the records). Every name is
importable from here, ``from followup_tui.domain.models import X``.
"""

from __future__ import annotations

from followup_tui.domain.concerns import CONCERN_KINDS, concern_is_open
from followup_tui.domain.errors import ValidationError
from followup_tui.domain.models.after import (
    CONFIDENCE_STEPS,
    ERROR_KINDS,
    PREDICTION_RESULTS,
    Card,
    Clarification,
    Concern,
    Debrief,
)
from followup_tui.domain.models.interview import FORMATS, OUTCOMES, Interview, Interviewer
from followup_tui.domain.models.prep import ASKED, BankQuestion, ChecklistItem, LikelyQuestion, Question
from followup_tui.domain.models.record import (
    Record,
    check_choice,
    check_flag,
    clean_text,
    kept_as_is,
    now_stamp,
)
from followup_tui.domain.times import (
    ASSUMED_TIME,
    EARLIEST_YEAR,
    LATEST_YEAR,
    WHEN_FORMAT,
    parse_when,
    time_assumed,
    when_datetime,
)
from followup_tui.domain.vocabulary import ACTIONS, SHORT_LIMIT

__all__ = [
    "ACTIONS",
    "ASKED",
    "ASSUMED_TIME",
    "CONCERN_KINDS",
    "CONFIDENCE_STEPS",
    "EARLIEST_YEAR",
    "ERROR_KINDS",
    "FORMATS",
    "LATEST_YEAR",
    "OUTCOMES",
    "PREDICTION_RESULTS",
    "SHORT_LIMIT",
    "WHEN_FORMAT",
    "BankQuestion",
    "Card",
    "ChecklistItem",
    "Clarification",
    "Concern",
    "Debrief",
    "Interview",
    "Interviewer",
    "LikelyQuestion",
    "Question",
    "Record",
    "ValidationError",
    "check_choice",
    "check_flag",
    "clean_text",
    "concern_is_open",
    "kept_as_is",
    "now_stamp",
    "parse_when",
    "time_assumed",
    "when_datetime",
]
