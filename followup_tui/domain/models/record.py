"""The base of every stored record, and the checks its fields share.

``to_record`` turns a record into a plain JSON-ready dict and ``from_record`` reads one back.
``from_record`` is lenient (a value it does not understand falls back to the default, so an old
or hand-edited file still opens), while the constructors are strict: a bad value raises
``ValidationError`` with one clear sentence a user can read.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, ClassVar, TypeVar

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.reading import coerce_fields, lenient_values
from followup_tui.domain.vocabulary import LONG_LIMIT

_SURROGATES = re.compile("[\ud800-\udfff]")


def now_stamp() -> str:
    """Return the current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def kept_as_is(value: Any, limit: int) -> bool:
    """Whether a value of a text field is kept exactly as it is: text within ``limit``
    characters that holds no lone surrogate (anything else is cleaned, cut or replaced)."""
    return isinstance(value, str) and len(value) <= limit and not _SURROGATES.search(value)


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


def check_choice(value: Any, choices: tuple[str, ...] | dict[str, Any], label: str) -> str:
    """Return ``value`` as text when it is one of ``choices``.

    Raises:
        ValidationError: If it is not, naming the choices.
    """
    if value not in choices:
        allowed = ", ".join(c for c in choices if c) or "none"
        raise ValidationError(f"{label} must be one of: {allowed} (got '{str(value)[:40]}').")
    return str(value)


def check_flag(value: Any, label: str) -> bool:
    """Return ``value`` when it is a bool.

    Raises:
        ValidationError: If it is anything else.
    """
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
            if not kept_as_is(value, limit):
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
