"""Reading stored values leniently: any JSON value in any field becomes a value of the field's type.

A record edited by hand, written by plain TinyDB or imported may hold a value of the wrong type
in any field (``"interviewers": "Ana, Bo"``, ``"when": 20261201``, ``"order": "zzz"``). Each
field has a coercer chosen from its type annotation: a value of the right type passes through
untouched (the common case, checked cheaply), anything else becomes a sensible value of the
right type and the field is reported as *guessed* so ``followup doctor`` can name it.

Nothing here recurses into the value it is given beyond one level, so a value nested a
thousand levels deep costs no more than a flat one.
"""

from __future__ import annotations

import math
import typing
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import dataclasses

Coerced = tuple[Any, bool]
"""A value of the field's type, and whether it had to be guessed."""

Coercer = Callable[[Any, Any], Coerced]
"""Turns a stored value into one of the field's type, given the field's default."""

_TRUE = frozenset({"true", "yes", "y", "1", "on"})
_FALSE = frozenset({"false", "no", "n", "0", "off", ""})


def _scalar_text(value: Any) -> str | None:
    """A number as text (None for anything else, bools included)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        return str(value)
    except ValueError:  # an integer too long to print
        return None


def as_text(value: Any, default: Any) -> Coerced:
    """Text: numbers are written out, a list of words is joined with commas, the rest is the default."""
    if isinstance(value, str):
        return value, False
    shown = _scalar_text(value)
    if shown is not None:
        return shown, True
    if isinstance(value, list):
        parts = [p if isinstance(p, str) else _scalar_text(p) for p in value]
        return ", ".join(p for p in parts if p), True
    return default, True


def as_optional_text(value: Any, default: Any) -> Coerced:
    """Text or null (a time, a date): null stays null, anything else is read as text."""
    if value is None:
        return None, False
    return as_text(value, default)


def as_id(value: Any, default: Any) -> Coerced:
    """An id or a reference to one: text, or a whole number written out; anything else is none."""
    if isinstance(value, str):
        return value, False
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value), True
    return "", True


def as_flag(value: Any, default: Any = False) -> Coerced:
    """Yes or no: numbers are zero or not, and words such as "yes" and "false" are understood."""
    if isinstance(value, bool):
        return value, False
    if isinstance(value, (int, float)):
        return (value != 0 and value == value), True
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE, True
    return default, True


def as_number(value: Any, default: Any = 0.0) -> Coerced:
    """A finite number (a position in a list): numeric text is read, anything else is the default."""
    if isinstance(value, float) and math.isfinite(value):
        return value, False
    if isinstance(value, int) and not isinstance(value, bool):
        try:
            return float(value), False
        except OverflowError:
            return default, True
    if isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return default, True
        return (number, True) if math.isfinite(number) else (default, True)
    return default, True


def as_optional_whole(value: Any, default: Any) -> Coerced:
    """A whole number or null (the gut rating): a whole float or numeric text is read."""
    if value is None:
        return None, False
    if isinstance(value, int) and not isinstance(value, bool):
        return value, False
    number, _ = as_number(value, None)
    if number is not None and float(number).is_integer():
        return int(number), True
    return None, True


WHOLE_LIMIT = 2**31
"""Whole numbers (an invitation's sequence) are kept from 0 below this (the file holds 64-bit numbers)."""


def as_whole(value: Any, default: Any) -> Coerced:
    """A whole number from 0 below ``WHOLE_LIMIT``: a whole float or numeric text is read."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < WHOLE_LIMIT:
        return value, False
    number, _ = as_number(value, None)
    if number is not None and float(number).is_integer() and 0 <= number < WHOLE_LIMIT:
        return int(number), True
    return default, True


def as_text_list(value: Any, default: Any) -> Coerced:
    """A list of text: other items are dropped; a single text becomes a list of one."""
    if isinstance(value, list):
        kept = [item for item in value if isinstance(item, str)]
        return kept, len(kept) != len(value)
    if isinstance(value, str):
        return ([value] if value else []), True
    return [], True


def record_list(item_cls: Any) -> Coercer:
    """A coercer for a list of records (interviewers, clarifications) of ``item_cls``.

    Each item may be a record, a dict (read leniently), or a text (the record's first field,
    so ``"Ana, Bo"`` as interviewers gives two people); anything else is dropped.
    """
    import dataclasses  # here, not at the top: reading rows (``store.rows``) needs no models

    first = dataclasses.fields(item_cls)[0].name

    def from_text(text: str) -> list[Any]:
        parts = [p.strip() for p in text.split(",")] if first == "name" else [text.strip()]
        return [item_cls.from_record({first: p}) for p in parts if p]

    def coerce(value: Any, default: Any) -> Coerced:
        if isinstance(value, str):
            return from_text(value), True
        if isinstance(value, dict):
            value = [value]
            guessed = True
        elif isinstance(value, list):
            guessed = False
        else:
            return [], True
        items: list[Any] = []
        for item in value:
            if isinstance(item, item_cls):
                items.append(item)
            elif isinstance(item, dict):
                made = item_cls.from_record(item)
                guessed = guessed or bool(made.guessed)
                items.append(made)
            elif isinstance(item, str):
                items += from_text(item)
                guessed = True
            else:
                guessed = True
        return items, guessed

    return coerce


_SIMPLE: dict[str, tuple[frozenset[type], Coercer]] = {
    "str": (frozenset({str}), as_text),
    "str | None": (frozenset({str, type(None)}), as_optional_text),
    "bool": (frozenset({bool}), as_flag),
    "float": (frozenset(), as_number),
    "int": (frozenset(), as_whole),
    "int | None": (frozenset({int, type(None)}), as_optional_whole),
    "list[str]": (frozenset(), as_text_list),
}

ID_FIELDS = frozenset({"id", "interview_id"})
"""Fields that hold an id (their own, or their interview's)."""


def field_coercers(cls: Any) -> dict[str, tuple[frozenset[type], Coercer]]:
    """For each field of a record class: the types that pass untouched, and the coercer.

    A field whose annotation is not known here passes untouched (the record's own validation
    still applies).
    """
    import dataclasses

    hints = typing.get_type_hints(cls)
    found: dict[str, tuple[frozenset[type], Coercer]] = {}
    for f in dataclasses.fields(cls):
        annotation = f.type if isinstance(f.type, str) else str(f.type)
        if f.name in ID_FIELDS:
            found[f.name] = (frozenset({str}), as_id)
        elif annotation in _SIMPLE:
            found[f.name] = _SIMPLE[annotation]
        elif annotation.startswith("list[") and typing.get_args(hints[f.name]):
            item = typing.get_args(hints[f.name])[0]
            if dataclasses.is_dataclass(item):
                found[f.name] = (frozenset(), record_list(item))
    return found


def field_default(f: dataclasses.Field[Any], fallbacks: dict[str, Any]) -> Any:
    """The value a guessed field gets: the record's stand-in, else the field's default."""
    if f.name in fallbacks:
        return fallbacks[f.name]
    import dataclasses

    if f.default_factory is not dataclasses.MISSING:
        return f.default_factory()
    return None if f.default is dataclasses.MISSING else f.default


_COERCERS: dict[type, dict[str, tuple[frozenset[type], Coercer]]] = {}
_FIELDS: dict[type, dict[str, dataclasses.Field[Any]]] = {}


def coerce_fields(cls: Any, record: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The known fields of a stored dict, each of its field's type (``Record.from_record``).

    Unknown keys are left out. The dict given is never changed: a copy is made only when a
    value has to be coerced.

    Returns:
        The values, and the names of the fields that had to be guessed.
    """
    coercers = _COERCERS.get(cls)
    if coercers is None:
        coercers = _COERCERS[cls] = field_coercers(cls)
        import dataclasses

        _FIELDS[cls] = {f.name: f for f in dataclasses.fields(cls)}
    fields = _FIELDS[cls]
    kwargs = record if fields.keys() >= record.keys() else {k: v for k, v in record.items() if k in fields}
    guessed: set[str] = set()
    for name, value in kwargs.items():
        entry = coercers.get(name)
        if entry is None or type(value) in entry[0]:
            continue
        fixed, was_guessed = entry[1](value, field_default(fields[name], cls.FALLBACKS))
        if was_guessed or fixed is not value:
            if kwargs is record:
                kwargs = dict(record)
            kwargs[name] = fixed
        if was_guessed:
            guessed.add(name)
    return kwargs, guessed


def lenient_values(cls: Any, kwargs: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """Keep each value the record accepts on its own; the rest get their defaults.

    For a record the constructor refused (a choice not in its list, a bad email, a missing
    required field). Text past its limit is cut.

    Returns:
        The values to build the record with, and the names of the fields cut or replaced.
    """
    good: dict[str, Any] = dict(cls.FALLBACKS)
    dropped = set(cls.FALLBACKS) - set(kwargs)
    for name, value in kwargs.items():
        limit = cls.TEXT_LIMITS.get(name)
        if limit is not None and isinstance(value, str) and len(value) > limit:
            value = value[:limit]
            dropped.add(name)
        try:
            cls(**{**cls.FALLBACKS, name: value})
        except (ValueError, TypeError):  # ValidationError is a ValueError
            dropped.add(name)
            continue
        good[name] = value
    return good, dropped
