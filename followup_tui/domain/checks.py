"""The checks stored text and choices share: what a record's fields and ``followup note`` accept.

Kept apart from the models (``domain.models``) so a command that stores one row, such as
``followup note``, checks its values exactly as the model would without loading the models.
"""

from __future__ import annotations

import re
from typing import Any

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.vocabulary import LONG_LIMIT

_SURROGATES = "[\ud800-\udfff]"
"""Lone surrogates: a text holds one exactly when it cannot be encoded as UTF-8."""


def _has_surrogate(value: str) -> bool:
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def kept_as_is(value: Any, limit: int) -> bool:
    """Whether a value of a text field is kept exactly as it is: text within ``limit``
    characters that holds no lone surrogate (anything else is cleaned, cut or replaced)."""
    return isinstance(value, str) and len(value) <= limit and not _has_surrogate(value)


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
    return re.sub(_SURROGATES, "\ufffd", value) if _has_surrogate(value) else value


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


def field_label(name: str) -> str:
    """How an error message names a field (``balanced_thought`` is "Balanced thought")."""
    return name.replace("_", " ").capitalize()
