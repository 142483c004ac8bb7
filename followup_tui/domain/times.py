"""Interview times: how they are typed, stored and read back (``YYYY-MM-DD HH:MM``).

Outside ``domain.models`` (which imports every record) so that the home list's first frame,
drawn from the home index, reads them without building or importing the records.
"""

from __future__ import annotations

import functools
import re
from datetime import datetime, timezone

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.zones import here, keeps_local_clock

WHEN_FORMAT = "%Y-%m-%d %H:%M"
"""How interview times are written and typed (local time)."""

EARLIEST_YEAR = 1970
LATEST_YEAR = 2999
"""Interview times fall within these years (both included): every clock, time zone and calendar
computation handles them, where a date near year 1 or 9999 overflows once a reminder a week
later or a time zone is applied. Typed, imported and stored times are all held to them."""

_WHEN = re.compile(r"(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})")


def parse_when(value: str | None) -> str | None:
    """Parse a typed interview time into the stored form ``YYYY-MM-DD HH:MM``.

    Args:
        value: What the user typed; empty means no time yet. A date alone means 09:00.

    Returns:
        The normalised time, or None when empty.

    Raises:
        ValidationError: If the text is not a real date and time.
    """
    if value is None or not value.strip():
        return None
    if _when_fast(value) is not None:
        return value
    text = " ".join(value.strip().replace("T", " ").split())
    for fmt in (WHEN_FORMAT, "%Y-%m-%d"):
        try:
            moment = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if fmt == "%Y-%m-%d":
            moment = moment.replace(hour=9)
        if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            raise ValidationError(
                f"'{value.strip()[:40]}' is out of range; dates go from {EARLIEST_YEAR} to {LATEST_YEAR}."
            )
        return moment.strftime(WHEN_FORMAT)
    raise ValidationError(f"'{value.strip()[:40]}' is not a date and time; use YYYY-MM-DD HH:MM.")


ASSUMED_TIME = "09:00"
"""The time an interview typed as a date alone is given."""


def time_assumed(value: str | None) -> bool:
    """True when ``value`` is a date alone, to which ``parse_when`` gives 09:00."""
    text = (value or "").strip()
    try:
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return False
    return True


def when_datetime(when: str | None) -> datetime | None:
    """Return a stored interview time as a naive local datetime, or None."""
    return _when_fast(when) if when else None


@functools.lru_cache(maxsize=8192)
def _when_fast(value: str) -> datetime | None:
    """Parse the stored form ``YYYY-MM-DD HH:MM`` without strptime (it is slow at scale)."""
    match = _WHEN.fullmatch(value)
    if match is None:
        return None
    try:
        year, month, day, hour, minute = (int(g) for g in match.groups())
        moment = datetime(year, month, day, hour, minute)
    except ValueError:
        return None
    return moment if EARLIEST_YEAR <= year <= LATEST_YEAR else None


def local_when(when: str | None, tz: str) -> datetime | None:
    """A stored interview time in zone ``tz`` (empty: this machine's) as this machine's naive
    wall-clock time, if known."""
    moment = when_datetime(when)
    if moment is None or not tz:
        return moment
    return here(moment, tz)


def local_order(when: str | None, tz: str) -> str:
    """What orders interview times as this machine's clock reads them: the time here, written
    as stored ("YYYY-MM-DD HH:MM", so text order is time order), for a time in another zone;
    the stored text itself otherwise (empty for none), as lists were ordered before."""
    if not when or not tz or keeps_local_clock(tz):
        return when or ""
    local = local_when(when, tz)
    return local.strftime(WHEN_FORMAT) if local is not None else when


def started(when: str | None, tz: str, now: datetime) -> bool:
    """True when a stored interview time in zone ``tz`` is known and not after ``now`` (this
    machine's naive wall-clock time)."""
    moment = local_when(when, tz)
    return moment is not None and moment <= now


def now_stamp() -> str:
    """Return the current UTC time as an ISO 8601 string with seconds."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()
