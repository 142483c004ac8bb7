"""JSON in and out: orjson when it is installed, else the standard library, with the same bytes.

orjson is compiled (Rust) and has no wheel for a phone (Termux), so it is the optional extra
``followup-tui[fast]``. Without it, ``json`` from the standard library writes byte for byte what
orjson writes for any value followup stores, and reads what orjson reads:

- compact separators, UTF-8 without ASCII escaping, control characters as ``\\u001b``;
- floats in orjson's form (``1e-7``, not ``1e-07``; ``0.00001``, not ``1e-05``);
- NaN and Infinity written as ``null`` and refused on reading, like a number that overflows;
- integers outside 64 bits refused on writing and read as floats;
- nesting deeper than 254 refused on writing, deeper than 1,024 on reading;
- lone surrogates refused both ways, a byte order mark refused on reading.

Errors are the same classes on both paths: ``DecodeError`` (``json.JSONDecodeError``, whose
``msg``, ``pos`` and ``lineno`` name the character where reading stopped; the wording of
``msg`` is each parser's own) and ``EncodeError`` (a ``TypeError``). Known difference: a dict key
that is not a string is refused by orjson and written as text by the standard library;
followup's keys are always strings.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

orjson: ModuleType | None
try:
    import orjson
except ImportError:  # the phone: no compiler for Rust
    orjson = None

DecodeError = json.JSONDecodeError
"""Raised when bytes are not JSON followup reads (orjson's own error is a subclass of it)."""

FAST = orjson is not None
"""Whether orjson does the work."""

WRITE_DEPTH = 254
"""Deepest nesting written (orjson's limit)."""

READ_DEPTH = 1024
"""Deepest nesting read (orjson's limit)."""

_INT_RANGE = (-(2**63), 2**64 - 1)
# The patterns below are compiled on first use (``re`` keeps them): most reads and writes use none.
_STRING = r'"[^"\\]*(?:\\.[^"\\]*)*"'
_NUMBER_TOKENS = rf"({_STRING})|(-?\d+)(\.\d+)?(?:[eE]([-+]?\d+))?"
_DIGITS_AS_NINES = bytes.maketrans(b"012345678", b"999999999")
_OUT_OF_RANGE = (b"9" * 20, b"-" + b"9" * 19)
"""Digits that may stand for an integer outside 64 bits: twenty or more, or nineteen after a
minus sign (every nineteen-digit integer above zero fits, such as a time in nanoseconds)."""
_STRINGS_BYTES = _STRING.encode()
_CONSTANT_TOKENS = rf"({_STRING})|(NaN|-?Infinity|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)"
_LONE_SURROGATE = (
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F]"
)
_BRACKET_PAIR = rb"\[\]|\{\}"
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))
_BRACKET = r"[\[\]{}]"


class EncodeError(TypeError):
    """A value that cannot be written as JSON; the message says why."""


class _Refused(ValueError):
    """A number or constant the standard library reads but orjson refuses."""


def _encoder(sort_keys: bool) -> Callable[[Any], str]:
    return json.JSONEncoder(
        ensure_ascii=False, separators=(",", ":"), allow_nan=False, sort_keys=sort_keys
    ).encode


_ENCODE = {False: _encoder(False), True: _encoder(True)}


def _finite(value: Any) -> Any:
    """``value`` with every NaN or infinite float replaced by None, as orjson writes them."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def _orjson_number(match: re.Match[str]) -> str:
    """One token of the standard library's output, rewritten as orjson writes it."""
    if match.group(1) is not None:
        return match.group(0)  # a string: left alone
    whole, fraction, exponent = match.group(2), match.group(3), match.group(4)
    if fraction is None and exponent is None:
        if not _INT_RANGE[0] <= int(whole) <= _INT_RANGE[1]:
            raise EncodeError("Integer exceeds 64-bit range")
        return whole
    if exponent is None or not exponent.startswith("-0"):
        return match.group(0)
    if exponent == "-05":  # orjson writes 1.5e-05 as 0.000015
        sign, digits = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
        return f"{sign}0.0000{digits}{(fraction or '')[1:]}"
    return f"{whole}{fraction or ''}e-{exponent[2:]}"


def _long_integer(out: bytes) -> bool:
    """Whether ``out`` may hold an integer outside 64 bits (or digits in text that look so)."""
    nines = out.translate(_DIGITS_AS_NINES)
    return any(run in nines for run in _OUT_OF_RANGE)


def _peeled(brackets: bytes, limit: int) -> bool:
    """Whether removing innermost bracket pairs ``limit`` times leaves nothing."""
    for _ in range(limit):
        if not brackets:
            return True
        brackets = re.sub(_BRACKET_PAIR, b"", brackets)
    return not brackets


def _too_deep(out: bytes) -> bool:
    """Whether ``out`` (valid JSON) nests deeper than ``WRITE_DEPTH``.

    The brackets alone are checked first: text holding brackets can only make them fail to
    peel, never peel sooner, so only then are the strings taken out and the check repeated.
    """
    brackets = out.translate(None, _NOT_BRACKETS)
    if len(brackets) <= 2 * WRITE_DEPTH or _peeled(brackets, WRITE_DEPTH):
        return False
    return not _peeled(re.sub(_STRINGS_BYTES, b"", out).translate(None, _NOT_BRACKETS), WRITE_DEPTH)


def stdlib_dumps(value: Any, sort_keys: bool = False) -> bytes:
    """Write ``value`` as orjson would, with the standard library's ``json``.

    Args:
        value: Any JSON-able value: dicts with string keys, lists, tuples, strings, numbers,
            booleans and None.
        sort_keys: Write every dict's keys in order.

    Returns:
        The UTF-8 bytes of compact JSON.

    Raises:
        EncodeError: If the value cannot be written (another type, an integer outside 64 bits,
            nesting deeper than 254, a lone surrogate).
    """
    encode = _ENCODE[sort_keys]
    try:
        try:
            text = encode(value)
        except ValueError:  # NaN or Infinity (orjson writes null), or a circular reference
            text = encode(_finite(value))
    except RecursionError:
        raise EncodeError("Recursion limit reached") from None
    except (TypeError, ValueError) as exc:
        raise EncodeError(str(exc)) from None
    try:
        out = text.encode("utf-8")
    except UnicodeEncodeError:
        raise EncodeError("str is not valid UTF-8: surrogates not allowed") from None
    if b"e-0" in out or _long_integer(out):  # a float or int to look at
        out = re.sub(_NUMBER_TOKENS, _orjson_number, text).encode("utf-8")
    if _too_deep(out):
        raise EncodeError("Recursion limit reached")
    return out


def _read_int(digits: str) -> int | float:
    if len(digits) < 19:
        return int(digits)
    number = float(digits)
    if math.isinf(number):
        raise _Refused("number is infinity when parsed as double")
    if len(digits) > 21:
        return number
    exact = int(digits)
    return exact if _INT_RANGE[0] <= exact <= _INT_RANGE[1] else number


def _read_float(digits: str) -> float:
    number = float(digits)
    if math.isinf(number):
        raise _Refused("number is infinity when parsed as double")
    return number


def _refuse_constant(name: str) -> None:
    raise _Refused("unexpected character, expected a JSON value")


_DECODER = json.JSONDecoder(parse_int=_read_int, parse_float=_read_float, parse_constant=_refuse_constant)


def _refused_at(text: str) -> int:
    """Where the first constant or overflowing number stands in ``text``."""
    for match in re.finditer(_CONSTANT_TOKENS, text):
        token = match.group(2)
        if token is not None and (token[-1] in "Ny" or math.isinf(float(token))):
            return match.start()
    return 0


def _too_deep_at(text: str) -> int | None:
    """Where ``text`` first nests deeper than ``READ_DEPTH``, if it does."""
    blanked = re.sub(_STRING, lambda m: " " * len(m.group(0)), text)
    depth = 0
    for match in re.finditer(_BRACKET, blanked):
        depth += 1 if match.group(0) in "[{" else -1
        if depth > READ_DEPTH:
            return match.end()  # where orjson stops: after the bracket one too deep
    return None


def _decode_deep(text: str) -> Any:
    """Read JSON nested deeper than Python's recursion limit allows, up to ``READ_DEPTH``."""
    where = _too_deep_at(text)
    if where is not None:
        raise DecodeError("depth limit exceeded", text, where)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(limit + 2 * READ_DEPTH)
    try:
        return _DECODER.decode(text)
    finally:
        sys.setrecursionlimit(limit)


def stdlib_loads(data: bytes | bytearray | memoryview | str) -> Any:
    """Read JSON as orjson would, with the standard library's ``json``.

    Args:
        data: UTF-8 bytes or text.

    Returns:
        The value.

    Raises:
        DecodeError: If the data is not JSON orjson reads.
    """
    if isinstance(data, str):
        text = data
    else:
        try:
            text = bytes(data).decode("utf-8")
        except UnicodeDecodeError as exc:
            shown = bytes(data).decode("utf-8", "replace")
            where = len(bytes(data)[: exc.start].decode("utf-8", "replace"))
            raise DecodeError("str is not valid UTF-8: surrogates not allowed", shown, where) from None
    if text.startswith("\ufeff"):
        raise DecodeError("UTF-8 byte order mark (BOM) is not supported", text, 0)
    try:
        value = _DECODER.decode(text)
    except _Refused as exc:
        raise DecodeError(str(exc), text, _refused_at(text)) from None
    except RecursionError:
        value = _decode_deep(text)
    if "\\u" in text and (lone := re.search(_LONE_SURROGATE, text)):
        try:
            _ENCODE[False](value).encode("utf-8")
        except UnicodeEncodeError:
            raise DecodeError("lone surrogate in string", text, lone.start()) from None
    return value


def loads(data: bytes | bytearray | memoryview | str) -> Any:
    """The value of ``data`` (UTF-8 bytes or text): orjson reads it when installed, else
    ``stdlib_loads``, to the same value.

    Raises:
        DecodeError: If the data is not JSON (NaN, Infinity and nesting past 1,024 refused).
    """
    if orjson is None:
        return stdlib_loads(data)
    return orjson.loads(data)


def dumps(value: Any, sort_keys: bool = False) -> bytes:
    """Write compact UTF-8 JSON: with orjson when it is installed, else as ``stdlib_dumps``.

    Args:
        value: Any JSON-able value.
        sort_keys: Write every dict's keys in order.

    Returns:
        The bytes, the same on both paths.

    Raises:
        EncodeError: If the value cannot be written.
    """
    if orjson is None:
        return stdlib_dumps(value, sort_keys)
    try:
        return orjson.dumps(value, option=orjson.OPT_SORT_KEYS if sort_keys else None)
    except orjson.JSONEncodeError as exc:
        raise EncodeError(str(exc)) from None
