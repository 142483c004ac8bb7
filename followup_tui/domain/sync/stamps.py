"""When and where a value was written: hybrid logical clock stamps and what each edit had seen.

A stamp is ``"<wall ms, 13 digits>.<counter, 4 digits>.<device id>"``: stamps compare as
strings in time order (wall time, then the counter, then the device as a tie-break), and the
stamps of one device only ever grow. A device's clock never goes back behind any stamp it has
read (``Clock.observe``), so a phone whose clock runs a day ahead wins until the laptop has
seen its edit; after that every laptop edit is stamped later still.

A *version* of a field is its stamp and what the device had seen of that field when it wrote
it (``seen``: device id to the newest stamp of that device, a version vector). One version
*covers* another when it had seen it and everything that other one had seen; two versions
that do not cover each other were made concurrently, each without knowing the other.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

Seen = dict[str, str]
"""What an edit had seen: device id to the newest stamp of that device."""

Version = tuple[str, Seen]
"""A field's version: its stamp and what its edit had seen."""

ZERO = "0000000000000.0000.-"
"""The stamp of every value that came from a file written before devices had stamps."""

LEGACY_DEVICE = "legacy"
"""The device of values read from an old single data file written after it was moved over."""

_COUNTER_DIGITS = 4
_COUNTER_MAX = 10**_COUNTER_DIGITS - 1

_WRITTEN = re.compile(r"[0-9]{13}\.[0-9]{4}\.")
"""How every stamp of a wall time below 10**13 ms starts: 13 and 4 ASCII digits, each with its
dot. Such a string with at least one character after it is a stamp (``make_stamp`` of its parts
gives it back: the device is all the rest, dots and all)."""


def make_stamp(wall_ms: int, counter: int, device: str) -> str:
    """A stamp from its parts (``counter`` below 10,000)."""
    return f"{wall_ms:013d}.{counter:0{_COUNTER_DIGITS}d}.{device}"


def stamp_parts(stamp: str) -> tuple[int, int, str]:
    """Wall time in milliseconds, counter and device of a stamp (zeros for an odd one)."""
    wall, _, rest = stamp.partition(".")
    counter, _, device = rest.partition(".")
    if not (wall.isdigit() and counter.isdigit()):
        return 0, 0, device
    return int(wall), int(counter), device


def device_of(stamp: str) -> str:
    """The device that made a stamp."""
    return stamp_parts(stamp)[2]


def is_stamp(value: Any) -> bool:
    """True for a string in the form of a stamp."""
    if not isinstance(value, str):
        return False
    if len(value) > 19 and _WRITTEN.match(value):  # the shape this code writes: no need to rebuild it
        return True
    wall, counter, device = stamp_parts(value)
    return bool(device) and value == make_stamp(wall, counter, device)


class Clock:
    """A hybrid logical clock: the stamps one device hands out.

    Args:
        device: This device's id.
        last: The newest stamp seen so far (anything this device read or wrote).
    """

    def __init__(self, device: str, last: str = ZERO) -> None:
        self.device = device
        self.last = last

    def observe(self, stamp: str) -> None:
        """Note a stamp read from a file: the next stamp will be later."""
        if stamp > self.last:
            self.last = stamp

    def next(self, now_ms: int) -> str:
        """A fresh stamp, later than every stamp seen and than the last one handed out."""
        wall, counter, _device = stamp_parts(self.last)
        if now_ms > wall:
            wall, counter = now_ms, 0
        elif counter < _COUNTER_MAX:
            counter += 1
        else:
            wall, counter = wall + 1, 0
        stamp = make_stamp(wall, counter, self.device)  # later than ``last``: wall or counter grew
        self.last = stamp
        return stamp


def reads_seen(value: Any) -> Seen:
    """A ``seen`` map as stored, or an empty one for anything odd."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}


def reads_version(value: Any) -> Version | None:
    """A version as stored (``[stamp, seen]``), or None when the value is not one."""
    if isinstance(value, list) and len(value) >= 2 and is_stamp(value[0]):
        return value[0], reads_seen(value[1])
    return None


def covers(seen: Mapping[str, str], version: Version) -> bool:
    """True when an edit that had seen ``seen`` knew ``version`` and all it had seen."""
    stamp, its_seen = version
    if seen.get(device_of(stamp), "") < stamp:
        return False
    return all(seen.get(device, "") >= newest for device, newest in its_seen.items())


def dominates(newer: Version, older: Version) -> bool:
    """True when ``newer`` was written by someone who had seen ``older`` (it replaces it)."""
    return newer[0] != older[0] and covers(newer[1], older)


def join(seens: Iterable[Mapping[str, str]]) -> Seen:
    """The newest stamp of each device across several ``seen`` maps."""
    out: Seen = {}
    for seen in seens:
        for device, stamp in seen.items():
            if stamp > out.get(device, ""):
                out[device] = stamp
    return dict(sorted(out.items()))


def seen_after(versions: Iterable[Version]) -> Seen:
    """What an edit has seen once it knows these versions: each of them and all they had seen."""
    return join([seen for _stamp, seen in versions] + [{device_of(s): s} for s, _seen in versions])
