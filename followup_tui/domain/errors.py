"""The error every layer raises for a value the user gave that cannot be used."""

from __future__ import annotations


class ValidationError(ValueError):
    """A value the user gave cannot be stored; the message says why in one sentence."""
