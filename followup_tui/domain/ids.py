"""Record ids: the documented form, checking it, and showing an id that may not have it.

An id is five characters from ``ID_ALPHABET`` (no 0, 1, i, l or o, which are easy to misread),
not all digits (TinyDB's document ids are numbers). The repository mints ids of this form;
every id that enters the data file from outside (an import) is checked against it, and
``followup doctor`` names stored ids that do not have it.
"""

from __future__ import annotations

import re
from typing import Any

from followup_tui.domain.text import one_line

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
"""The characters of an id."""

ID_LENGTH = 5
"""The length of an id."""

_ID = re.compile(f"[{ID_ALPHABET}]{{{ID_LENGTH}}}")

SHOWN_ID_WIDTH = 12
"""Most characters of an odd id shown on a terminal (a proper id is five)."""


def is_valid_id(value: Any) -> bool:
    """True when ``value`` is an id of the documented form (see the module docstring)."""
    return isinstance(value, str) and _ID.fullmatch(value) is not None and not value.isdigit()


def shown_id(value: Any) -> str:
    """An id as it may be printed: a proper id as it is, anything else cleaned and shortened."""
    if is_valid_id(value):
        return str(value)
    return one_line(value if isinstance(value, str) else str(value), SHOWN_ID_WIDTH) or "?"
