"""Reading an ``.ics`` file for an invitation, saying plainly what in it is broken.

A broken time zone description (``VTIMEZONE``) does not make the file "not a calendar": the
file is read without it (the zone's name still counts) and the user hears that it was left
out. A start time that cannot be read is named as such, not as a missing one.
"""

from __future__ import annotations

import re
from typing import Any

_ZONE_BLOCK = re.compile(
    r"^BEGIN:VTIMEZONE\b.*?^END:VTIMEZONE[^\n]*\n?", re.IGNORECASE | re.MULTILINE | re.DOTALL
)


class CalendarFileError(ValueError):
    """The file cannot be read as a calendar; the message completes "Cannot read FILE: ..."."""


def read_calendars(data: bytes) -> tuple[list[Any], str]:
    """The calendars in an ``.ics`` file, and a note when a broken ``VTIMEZONE`` was left out.

    Raises:
        CalendarFileError: If it is not a calendar file even without its zone descriptions.
    """
    from icalendar import Calendar

    text = data.decode("utf-8-sig", errors="replace")
    try:
        return Calendar.from_ical(text, multiple=True), ""
    except Exception:  # icalendar raises ValueError, KeyError and others on broken input
        pass
    without = _ZONE_BLOCK.sub("", text)
    if without != text:
        try:
            calendars = Calendar.from_ical(without, multiple=True)
        except Exception:
            calendars = None
        if calendars is not None:
            return calendars, "its time zone description (VTIMEZONE) is broken and was left out"
    raise CalendarFileError("it is not a calendar file (iCalendar, .ics).")


def start_problem(event: Any) -> str:
    """Why an event has no start time to read: missing, or there but broken (and how)."""
    errors = " ".join(str(message) for _, message in getattr(event, "errors", ()) or ())
    if "DTSTART" not in errors and event.get("DTSTART") is None:
        return "its event has no start time."
    if "TZID" in errors:
        return "its start time (DTSTART) names a time zone (TZID) that cannot be read."
    return "its start time (DTSTART) cannot be read."
