"""The base of every stored record (the checks its fields share are in ``domain.checks``).

``to_record`` turns a record into a plain JSON-ready dict and ``from_record`` reads one back.
``from_record`` is lenient (a value it does not understand falls back to the default, so an old
or hand-edited file still opens), while the constructors are strict: a bad value raises
``ValidationError`` with one clear sentence a user can read.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

from followup_tui.domain.checks import check_choice, check_flag, clean_text, field_label, kept_as_is
from followup_tui.domain.errors import ValidationError
from followup_tui.domain.reading import coerce_fields, lenient_values
from followup_tui.domain.times import now_stamp

__all__ = ["Record", "check_choice", "check_flag", "clean_text", "kept_as_is", "now_stamp"]

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
                setattr(self, name, clean_text(value, field_label(name), limit))
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
