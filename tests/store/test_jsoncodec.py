"""The JSON codec: the standard library writes orjson's bytes and reads what orjson reads.

The comparisons need orjson (installed with the ``[test]`` extra); the run without orjson
(``.ci/run``) checks the standard library's side on its own.
"""

from __future__ import annotations

import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.store import jsoncodec
from followup_tui.store.jsoncodec import DecodeError, EncodeError, stdlib_dumps, stdlib_loads

try:
    import orjson
except ImportError:  # the run without orjson
    orjson = None

TEXT = st.characters(exclude_categories=("Cs",))
"""Any character but a lone surrogate (refused by both codecs, tested apart)."""

scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64 - 1)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.floats(min_value=-1e-3, max_value=1e-3)
    | st.text(TEXT, max_size=20)
)
json_data = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.dictionaries(
            st.text(st.characters(exclude_categories=("Cs",)), max_size=8), children, max_size=5
        )
    ),
    max_leaves=25,
)
"""Any value followup could store, with the floats and text where the two codecs could differ."""

needs_orjson = pytest.mark.skipif(not jsoncodec.FAST, reason="orjson is not installed: nothing to compare")

NOISE = [b"", b",", b"]", b"{", b'"', b"\\", b"-", b"e", b"NaN", b"\xff", b"1e999"]
"""What a damaged file might hold where it broke."""


def _nested(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth - 1):
        value = [value]
    return value


@needs_orjson
@settings(max_examples=200, deadline=None)
@given(json_data, st.booleans())
def test_both_codecs_write_the_same_bytes(value: Any, sort_keys: bool) -> None:
    option = orjson.OPT_SORT_KEYS if sort_keys else None
    assert stdlib_dumps(value, sort_keys) == orjson.dumps(value, option=option)


@needs_orjson
@settings(max_examples=150, deadline=None)
@given(json_data)
def test_both_codecs_read_the_same_values(value: Any) -> None:
    raw = orjson.dumps(value)
    assert orjson.dumps(stdlib_loads(raw)) == orjson.dumps(orjson.loads(raw))
    assert orjson.dumps(stdlib_loads(raw.decode())) == raw


@needs_orjson
@settings(max_examples=200, deadline=None)
@given(json_data, st.data())
def test_damaged_json_is_refused_by_both_or_read_alike(value: Any, data: st.DataObject) -> None:
    raw = orjson.dumps(value)
    where = data.draw(st.integers(min_value=0, max_value=len(raw)))
    noise = data.draw(st.sampled_from(NOISE))
    cut = data.draw(st.integers(min_value=0, max_value=2))
    damaged = raw[:where] + noise + raw[where + cut :]
    try:
        expected = orjson.dumps(orjson.loads(damaged))
    except orjson.JSONDecodeError:
        with pytest.raises(DecodeError) as refused:
            stdlib_loads(damaged)
        assert refused.value.msg and 0 <= refused.value.pos <= len(damaged)
    else:
        assert orjson.dumps(stdlib_loads(damaged)) == expected


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (1e-05, b"0.00001"),
        (-1.4344438695099057e-05, b"-0.000014344438695099057"),
        (2.5e-07, b"2.5e-7"),
        (1e16, b"1e+16"),
        (-0.0, b"-0.0"),
        ([math.nan, math.inf], b"[null,null]"),
        ({"a": "1e-05 \x1b é"}, '{"a":"1e-05 \\u001b é"}'.encode()),
        (2**64 - 1, b"18446744073709551615"),
        ({"mtime_ns": 1796653418363123456}, b'{"mtime_ns":1796653418363123456}'),
        ([-(2**63), "-1234567890123456789"], b'[-9223372036854775808,"-1234567890123456789"]'),
    ],
)
def test_the_standard_library_writes_orjsons_forms(value: Any, written: bytes) -> None:
    assert stdlib_dumps(value) == written
    assert jsoncodec.dumps(value) == written


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (2**64, "64-bit"),
        ([-(2**63) - 1], "64-bit"),
        ("\ud800", "surrogates"),
        (_nested(255), "Recursion"),
        ({1, 2}, "set"),
    ],
)
def test_what_orjson_cannot_write_is_refused_on_both_paths(value: Any, message: str) -> None:
    for dumps in (stdlib_dumps, jsoncodec.dumps):
        with pytest.raises(EncodeError, match=message):
            dumps(value)


def test_nesting_orjson_writes_is_written() -> None:
    assert stdlib_dumps(_nested(254)) == b"[" * 254 + b"]" * 254


@pytest.mark.parametrize(
    ("raw", "position"),
    [
        (b"[1, NaN]", 4),
        (b"[-Infinity]", 1),
        (b"[1e400]", 1),
        (b'"\\ud800"', 1),
        (b"\xef\xbb\xbf{}", 0),
        (b'["\xc3\xa9", \xff]', 6),
        (b"[" * 1025 + b"]" * 1025, 1025),
    ],
)
def test_what_orjson_refuses_to_read_is_refused_with_its_position(raw: bytes, position: int) -> None:
    with pytest.raises(DecodeError):
        jsoncodec.loads(raw)
    with pytest.raises(DecodeError) as refused:
        stdlib_loads(raw)
    assert refused.value.pos == position  # the character where it stopped


def test_the_standard_library_reads_what_orjson_reads_at_its_limits() -> None:
    value, depth = stdlib_loads(b"[" * 1024 + b"]" * 1024), 1
    while value:
        value, depth = value[0], depth + 1
    assert depth == 1024
    assert stdlib_loads(b"[18446744073709551616, 18446744073709551615, 1e-400]") == [
        1.8446744073709552e19,
        2**64 - 1,
        0.0,
    ]
    assert stdlib_loads(b'"\\ud83d\\ude00"') == "\U0001f600"
