"""Interview times typed on the command line: the stored form, or ISO 8601 with an offset.

``followup add --when`` takes "YYYY-MM-DD HH:MM" (a wall-clock time in the interview's zone) as
the app's form does, and also an exact moment as calendars and other programs write it:
``2026-12-10T14:00+01:00``, ``2026-12-10T13:00Z``, ``2026-12-10 14:00:00+0100``. An exact moment
is stored as the wall-clock time it is in the interview's zone, so the same moment reads the
same everywhere. No Textual.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.models import WHEN_FORMAT, parse_when
from followup_tui.domain.zones import aware, zone

_WITH_OFFSET = re.compile(
    r"""
    (?P<clock>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)
    \s*
    (?:(?P<utc>[Zz])|(?P<sign>[+-])(?P<hours>\d{2})(?::?(?P<minutes>\d{2}))?)
    """,
    re.VERBOSE,
)


def offset_moment(value: str) -> datetime | None:
    """The exact moment of an ISO 8601 time with an offset, or None when it has no offset.

    Raises:
        ValidationError: If it has an offset but is not a real date and time.
    """
    match = _WITH_OFFSET.fullmatch(value.strip())
    if match is None:
        return None
    clock = match["clock"].replace(",", ".")
    if "." in clock:
        clock = clock.split(".", 1)[0]  # fractions of a second do not matter to an interview
    try:
        naive = datetime.fromisoformat(clock.replace(" ", "T"))
    except ValueError:
        raise ValidationError(f"'{value.strip()[:40]}' is not a date and time.") from None
    if match["utc"]:
        return naive.replace(tzinfo=timezone.utc)
    hours, minutes = int(match["hours"]), int(match["minutes"] or 0)
    if hours > 23 or minutes > 59:
        raise ValidationError(f"'{value.strip()[:40]}' has an offset from UTC that does not exist.")
    offset = timedelta(hours=hours, minutes=minutes)
    return naive.replace(tzinfo=timezone(-offset if match["sign"] == "-" else offset))


def parse_when_in(value: str | None, zone_name: str) -> str | None:
    """Parse a typed interview time into the stored form, in the interview's zone.

    Args:
        value: "YYYY-MM-DD HH:MM" or a date alone (already in the zone), or ISO 8601 with an
            offset (an exact moment, turned into the zone's wall-clock time); empty means none.
        zone_name: The interview's IANA zone.

    Returns:
        "YYYY-MM-DD HH:MM" in ``zone_name``, or None when empty.

    Raises:
        ValidationError: If the text is not a real date and time, or out of range.
    """
    if value is None:
        return None
    moment = offset_moment(value)
    if moment is None:
        return parse_when(value)
    target = zone(zone_name) or timezone.utc
    return parse_when(moment.astimezone(target).strftime(WHEN_FORMAT))


def iso_moment(moment: datetime | None, zone_name: str) -> str | None:
    """A stored wall-clock time in its zone as ISO 8601 with the offset ("2026-12-10T14:00+01:00")."""
    if moment is None:
        return None
    return aware(moment, zone_name).isoformat(timespec="minutes")
