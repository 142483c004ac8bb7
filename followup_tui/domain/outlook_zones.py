"""Outlook's own zone names in invitations, turned into IANA zones.

Outlook and Exchange often name a zone by what their settings show, "(UTC+01:00) Amsterdam,
Berlin, Bern, Rome, Stockholm, Vienna", or call it "Customized Time Zone", and describe it in a
``VTIMEZONE`` block of their own. The times are right, but such a name is no zone a calendar
knows. Here a display name is looked up in a table of the usual ones (the IANA zone CLDR's
``windowsZones`` gives for the Windows zone behind each), and a zone with no usable name is
matched by its clock: the user's own zone when it keeps the same offsets through the year, else
a zone of the table that does, else the fixed offset itself (``Etc/GMT-1`` for UTC+01:00).
No Textual.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from followup_tui.domain.zones import is_zone, zone

_DISPLAY_PREFIX = re.compile(r"^\(\s*(?:UTC|GMT)\s*(?:[+-]\d{1,2}(?::?\d{2})?)?\s*\)\s*", re.IGNORECASE)

DISPLAY_NAMES: dict[str, str] = {
    "international date line west": "Etc/GMT+12",
    "coordinated universal time-11": "Etc/GMT+11",
    "hawaii": "Pacific/Honolulu",
    "alaska": "America/Anchorage",
    "pacific time (us & canada)": "America/Los_Angeles",
    "arizona": "America/Phoenix",
    "mountain time (us & canada)": "America/Denver",
    "central time (us & canada)": "America/Chicago",
    "guadalajara, mexico city, monterrey": "America/Mexico_City",
    "saskatchewan": "America/Regina",
    "eastern time (us & canada)": "America/New_York",
    "bogota, lima, quito, rio branco": "America/Bogota",
    "atlantic time (canada)": "America/Halifax",
    "santiago": "America/Santiago",
    "newfoundland": "America/St_Johns",
    "brasilia": "America/Sao_Paulo",
    "city of buenos aires": "America/Argentina/Buenos_Aires",
    "dublin, edinburgh, lisbon, london": "Europe/London",
    "amsterdam, berlin, bern, rome, stockholm, vienna": "Europe/Berlin",
    "belgrade, bratislava, budapest, ljubljana, prague": "Europe/Budapest",
    "brussels, copenhagen, madrid, paris": "Europe/Paris",
    "sarajevo, skopje, warsaw, zagreb": "Europe/Warsaw",
    "west central africa": "Africa/Lagos",
    "athens, bucharest": "Europe/Bucharest",
    "cairo": "Africa/Cairo",
    "harare, pretoria": "Africa/Johannesburg",
    "helsinki, kyiv, riga, sofia, tallinn, vilnius": "Europe/Kiev",
    "jerusalem": "Asia/Jerusalem",
    "istanbul": "Europe/Istanbul",
    "kuwait, riyadh": "Asia/Riyadh",
    "moscow, st. petersburg": "Europe/Moscow",
    "nairobi": "Africa/Nairobi",
    "abu dhabi, muscat": "Asia/Dubai",
    "islamabad, karachi": "Asia/Karachi",
    "chennai, kolkata, mumbai, new delhi": "Asia/Kolkata",
    "kathmandu": "Asia/Kathmandu",
    "dhaka": "Asia/Dhaka",
    "bangkok, hanoi, jakarta": "Asia/Bangkok",
    "beijing, chongqing, hong kong, urumqi": "Asia/Shanghai",
    "kuala lumpur, singapore": "Asia/Singapore",
    "perth": "Australia/Perth",
    "taipei": "Asia/Taipei",
    "osaka, sapporo, tokyo": "Asia/Tokyo",
    "seoul": "Asia/Seoul",
    "adelaide": "Australia/Adelaide",
    "brisbane": "Australia/Brisbane",
    "canberra, melbourne, sydney": "Australia/Sydney",
    "auckland, wellington": "Pacific/Auckland",
}
"""Outlook's display names (without the "(UTC+01:00)" in front, lower case) and their IANA zones."""


def display_name_zone(tzid: str) -> str:
    """The IANA zone of an Outlook display name ("(UTC+01:00) Amsterdam, Berlin, ..."), or ""."""
    if not _DISPLAY_PREFIX.match(tzid):
        return ""
    places = " ".join(_DISPLAY_PREFIX.sub("", tzid).casefold().split())
    name = DISPLAY_NAMES.get(places, "")
    return name if is_zone(name) else ""


def _offsets(tz: tzinfo, year: int) -> tuple[timedelta | None, ...]:
    """A zone's offsets from UTC at the middle of each month of ``year`` (its clock over a year)."""
    return tuple(
        datetime(year, month, 15, 12, tzinfo=timezone.utc).astimezone(tz).utcoffset()
        for month in range(1, 13)
    )


def _fixed_offset_zone(offset: timedelta) -> str:
    """The IANA name of a whole-hour offset ("Etc/GMT-1" is UTC+01:00: the sign is POSIX's), or ""."""
    hours, rest = divmod(int(offset.total_seconds()), 3600)
    if rest or not -12 <= hours <= 14:
        return ""
    return "Etc/GMT" if hours == 0 else f"Etc/GMT{-hours:+d}"


def zone_by_clock(start: datetime, user_zone: str) -> str:
    """An IANA zone that keeps the clock of ``start``'s own zone (one with no usable name).

    The user's zone comes first, then the zones of ``DISPLAY_NAMES``, when one has the same
    offsets through the year of ``start``; else the fixed offset at ``start``; else "".
    """
    own = start.tzinfo
    if own is None:
        return ""
    wanted = _offsets(own, start.year)
    for name in (user_zone, *DISPLAY_NAMES.values()):
        candidate = zone(name)
        if candidate is not None and _offsets(candidate, start.year) == wanted:
            return name
    offset = start.utcoffset()
    found = _fixed_offset_zone(offset) if offset is not None else ""
    return found if is_zone(found) else ""


def own_zones_of(calendars: list[Any]) -> dict[str, tzinfo]:
    """Each ``VTIMEZONE`` of the file that has no IANA name, as a zone built from this file.

    icalendar keeps the first definition it met of a TZID for the rest of the process, and
    Outlook calls many different zones "Customized Time Zone": a second invitation in an open
    app would be read in the first one's zone.
    """
    found: dict[str, tzinfo] = {}
    for calendar in calendars:
        for block in calendar.walk("VTIMEZONE"):
            name = str(block.get("TZID", "")).strip()
            if not name or is_zone(name) or name in found:
                continue
            try:
                found[name] = block.to_tz(lookup_tzid=False)
            except Exception:  # a block icalendar cannot build: its own reading stands
                continue
    return found


def in_own_zone(prop: Any, value: date | None, own_zones: dict[str, tzinfo]) -> date | None:
    """A time whose TZID names one of this file's own zones, read in that zone."""
    if not isinstance(value, datetime) or value.tzinfo is None or isinstance(value.tzinfo, ZoneInfo):
        return value
    own = own_zones.get(str(prop.params.get("TZID", "")).strip())
    return value if own is None else value.replace(tzinfo=own)
