"""A calendar invitation (an ``.ics`` file, RFC 5545) read into the fields of an interview.

Built on the ``icalendar`` library, which unfolds lines, unescapes text, reads ``VTIMEZONE``
blocks and maps Windows zone names ("W. Europe Standard Time") to IANA ones. What this module
adds is what an interview needs from the event:

- the start with its IANA zone (from ``TZID``, a Windows name, a vendor prefix such as
  ``/mozilla.org/.../Europe/Berlin``, or the exact time of a custom ``VTIMEZONE``); a UTC time
  or a time with no zone is shown in the user's zone; an all-day event is refused;
- the end time, the organizer and attendees as interviewers (name and email; rooms and the
  user's own address left out), the meeting link (``CONFERENCE``, the Google and Teams fields,
  a URL in ``LOCATION``, or a known meeting address in the description) or the place;
- the description as plain text, the summary's guess at company and role, the UID, SEQUENCE,
  and whether the invitation is cancelled (``METHOD:CANCEL`` or ``STATUS:CANCELLED``).

No Textual and no storage here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from followup_tui.domain.calendar_file import CalendarFileError, read_calendars, start_problem
from followup_tui.domain.invitation_title import guess_company_and_role
from followup_tui.domain.models import WHEN_FORMAT, Interviewer
from followup_tui.domain.outlook_zones import display_name_zone, in_own_zone, own_zones_of, zone_by_clock
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.vocabulary import INVITE_UID_LIMIT, LINK_LIMIT, LONG_LIMIT, SHORT_LIMIT
from followup_tui.domain.zones import is_zone

INVITATION_LIMIT = 1024 * 1024
"""Largest invitation file read (1 MB; a real one is a few kilobytes)."""


class InvitationError(ValueError):
    """The file is not an invitation followup can use; the message says why in one line."""


@dataclass
class Invitation:
    """What an invitation says about an interview."""

    uid: str
    sequence: int
    when: str
    """The start, "YYYY-MM-DD HH:MM" in ``tz``."""
    tz: str
    ends: str | None
    summary: str
    company: str
    """The company guessed from the summary or the organizer's address ("" when no guess)."""
    role: str
    interviewers: list[Interviewer] = field(default_factory=list)
    location: str = ""
    format: str = "onsite"
    notes: str = ""
    cancelled: bool = False
    zone_note: str = ""
    """Said to the user when the zone had to be guessed ("UTC times shown in Europe/Berlin")."""
    left_out: int = 0
    """People the invitation names beyond the first ``PEOPLE_TAKEN``, not taken as interviewers."""

    @property
    def remarks(self) -> str:
        """What the user should hear about how the invitation was read ("" when nothing)."""
        people = (
            f"it names {self.left_out + PEOPLE_TAKEN:,} people; the first {PEOPLE_TAKEN} are the "
            f"interviewers and {self.left_out:,} more were left out"
            if self.left_out
            else ""
        )
        return "; ".join(part for part in (self.zone_note, people) if part)


PEOPLE_TAKEN = 20
"""The most interviewers taken from one invitation (an all-hands invite can name thousands)."""


_MEETING_HOSTS = re.compile(
    r"https://(?:[\w-]+\.)*(?:zoom\.us|zoom\.com|teams\.microsoft\.com|teams\.live\.com|meet\.google\.com|"
    r"webex\.com|whereby\.com|gotomeeting\.com|meet\.jit\.si|chime\.aws|bluejeans\.com)/[^\s<>\"')\]]*",
    re.IGNORECASE,
)
_URL = re.compile(r"^(?:https?://)\S+$", re.IGNORECASE)
_ROOMS = ("ROOM", "RESOURCE")
_RULE_LINE = re.compile(r"^[\s_\-=~.*·•:]{8,}$")
_ROOM_NAME = re.compile(r"(?:room|raum)\b|\b(?:salle|sala|zaal)\b", re.IGNORECASE)


def parse_invitation(data: bytes, user_zone: str, own_emails: tuple[str, ...] = ()) -> Invitation:
    """Read an invitation file.

    Args:
        data: The ``.ics`` file's bytes.
        user_zone: The user's IANA zone, for times in UTC or with no zone.
        own_emails: The user's own addresses, left out of the interviewers.

    Returns:
        The invitation's first event as interview fields.

    Raises:
        InvitationError: If the file is not a calendar, has no event or no start, or the event
            lasts all day.
    """
    try:
        calendars, broken_zones = read_calendars(data)
    except CalendarFileError as exc:
        raise InvitationError(str(exc)) from None
    events = [e for cal in calendars for e in cal.walk("VEVENT")]
    if not events:
        raise InvitationError("it holds no event.")
    event = next((e for e in events if "RECURRENCE-ID" not in e), events[0])
    method = str(next((c.get("METHOD", "") for c in calendars if c.get("METHOD")), "")).upper()
    own_zones = own_zones_of(calendars)
    start = in_own_zone(event.get("DTSTART"), _start(event), own_zones)
    if start is None:
        raise InvitationError(start_problem(event))
    if not isinstance(start, datetime):
        raise InvitationError(
            f"it is an all-day event ({start:%Y-%m-%d}); an interview needs a start time. "
            "Add it with: followup add COMPANY --when 'YYYY-MM-DD HH:MM'"
        )
    tz, zone_note = _zone_of(event.get("DTSTART"), start, _event_zone(event) or user_zone)
    zone_note = "; ".join(note for note in (broken_zones, zone_note) if note)
    when = _wall(start, tz)
    ends = _end(event, tz, own_zones)
    summary = one_line(str(event.get("SUMMARY", "")), SHORT_LIMIT)
    people, left_out = _people(event, own_emails)
    company, role = guess_company_and_role(summary, _organizer_email(event))
    link = _meeting_link(event)
    place = one_line(str(event.get("LOCATION", "")), LINK_LIMIT)
    location = link or place
    fmt = "video" if link else "phone" if place.lower().startswith("tel:") else "onsite"
    return Invitation(
        uid=one_line(str(event.get("UID", "")), INVITE_UID_LIMIT),
        sequence=_int(event.get("SEQUENCE", 0)),
        when=when,
        tz=tz,
        ends=ends if ends is not None and ends > when else None,
        summary=summary,
        company=company,
        role=role,
        interviewers=people,
        location=location,
        format=fmt,
        notes=_notes(event, place if link and place != link and not _is_meeting_name(place) else ""),
        cancelled=method == "CANCEL" or str(event.get("STATUS", "")).upper() == "CANCELLED",
        zone_note=zone_note,
        left_out=left_out,
    )


def _start(event: Any) -> date | None:
    prop = event.get("DTSTART")
    if prop is None:
        return None
    try:
        value = prop.dt
    except Exception:
        return None
    return value if isinstance(value, date) else None


def _int(value: Any) -> int:
    try:
        return max(0, int(str(value).strip()))
    except ValueError:
        return 0


def _zone_of(prop: Any, start: datetime, user_zone: str) -> tuple[str, str]:
    """The IANA zone to keep the interview in, and a note when it had to be guessed."""
    tzid = str(prop.params.get("TZID", "")).strip() if prop is not None else ""
    name = _iana(tzid)
    if name:
        return name, ""
    if isinstance(start.tzinfo, ZoneInfo) and is_zone(start.tzinfo.key) and start.tzinfo.key != "UTC":
        return start.tzinfo.key, ""
    if start.tzinfo is None and tzid:
        return user_zone, f"its zone '{one_line(tzid, 40)}' is unknown; the time is read in {user_zone}"
    if start.tzinfo is None:
        return user_zone, f"it gives no zone; the time is read in {user_zone}"
    if start.utcoffset() == timezone.utc.utcoffset(None):
        return user_zone, ""  # UTC: shown in the user's zone, which is what calendars do too
    same_clock = zone_by_clock(start, user_zone)  # "Customized Time Zone" and the like
    if same_clock == user_zone:
        return user_zone, ""
    if same_clock:
        return (
            same_clock,
            f"its zone '{one_line(tzid, 40)}' has no standard name; kept in {same_clock}, on the same clock",
        )
    return user_zone, f"its zone '{one_line(tzid, 40)}' has no standard name; shown in {user_zone}"


def _event_zone(event: Any) -> str:
    """The zone some services (Zoom) name in a TZID property of the event beside UTC times."""
    value = event.get("TZID")
    return _iana(str(value)) if value is not None else ""


def _iana(tzid: str) -> str:
    """An IANA name for a TZID: itself, a Windows zone's equivalent, or a vendor path's tail."""
    if not tzid:
        return ""
    cleaned = tzid.strip().strip('"')
    if is_zone(cleaned) and cleaned not in ("UTC", "Etc/UTC", "GMT"):
        return cleaned
    from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

    mapped = WINDOWS_TO_OLSON.get(cleaned) or display_name_zone(cleaned)
    if mapped and is_zone(mapped):
        return str(mapped)
    parts = cleaned.strip("/").split("/")
    for first in range(1, len(parts)):
        tail = "/".join(parts[first:])
        if "/" in tail and is_zone(tail):
            return tail
    return ""


def _wall(moment: datetime, tz: str) -> str:
    """A start or end as the wall-clock time in ``tz`` ("YYYY-MM-DD HH:MM")."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(ZoneInfo(tz))
    return moment.strftime(WHEN_FORMAT)


def _end(event: Any, tz: str, own_zones: dict[str, tzinfo]) -> str | None:
    prop = event.get("DTEND")
    try:
        value = in_own_zone(prop, prop.dt, own_zones) if prop is not None else None
        if value is None and event.get("DURATION") is not None:
            start = in_own_zone(event["DTSTART"], event["DTSTART"].dt, own_zones)
            value = start + event["DURATION"].dt
    except Exception:
        return None
    if not isinstance(value, datetime):
        return None
    if value.tzinfo is None:
        return value.strftime(WHEN_FORMAT)
    return _wall(value, tz)


def _address(prop: Any) -> str:
    text = str(prop).strip()
    if text.lower().startswith("mailto:"):
        text = text[7:]
    return text.strip() if "@" in text and " " not in text.strip() else ""


def _organizer_email(event: Any) -> str:
    prop = event.get("ORGANIZER")
    return _address(prop) if prop is not None else ""


def _people(event: Any, own_emails: tuple[str, ...]) -> tuple[list[Interviewer], int]:
    """The organizer and attendees as interviewers, each once, without rooms or the user, up to
    ``PEOPLE_TAKEN`` of them; and how many more there were."""
    own = {e.strip().casefold() for e in own_emails if e.strip()}
    found: list[Interviewer] = []
    seen: set[str] = set()
    props = [event.get("ORGANIZER")]
    attendees = event.get("ATTENDEE")
    props += attendees if isinstance(attendees, list) else [attendees]
    for prop in props:
        if prop is None:
            continue
        params = getattr(prop, "params", {})
        email = _address(prop)
        name = one_line(str(params.get("CN", "")).strip().strip('"'), SHORT_LIMIT)
        if str(params.get("CUTYPE", "")).upper() in _ROOMS or _ROOM_NAME.search(name):
            continue
        if "@" in name and not email:
            email, name = name, ""
        if name.casefold() == email.casefold():
            name = ""
        key = (email or name).casefold()
        if not key or key in seen or email.casefold() in own:
            continue
        seen.add(key)
        if len(found) < PEOPLE_TAKEN:
            found.append(_interviewer(name or _name_from_email(email), email))
    return found, len(seen) - len(found)


def _interviewer(name: str, email: str) -> Interviewer:
    if ", " in name and name.count(",") == 1:  # "Doe, Jane" as Outlook writes it
        last, first = name.split(", ")
        name = f"{first} {last}"
    try:
        return Interviewer(name=name, email=email[:SHORT_LIMIT])
    except ValueError:
        return Interviewer(name=name)


def _name_from_email(email: str) -> str:
    local = email.split("@", 1)[0]
    words = [w for w in re.split(r"[._\-+]+", local) if w.isalpha()]
    return " ".join(w.capitalize() for w in words) or local


def is_video_link(place: str) -> bool:
    """True when an interview's "where" is a web address: a video meeting, not a place to go.

    The one rule by which the format follows the place (the form turns "On site" into "Video"
    when a link is typed or pasted as where), so the checklist and the sheet follow too.
    """
    return bool(_URL.match(place.strip()))


def _meeting_link(event: Any) -> str:
    """The video meeting's address, from the fields calendars put it in, else the description."""

    def values(key: str) -> list[str]:
        value = event.get(key)
        return [str(v).strip() for v in (value if isinstance(value, list) else [value]) if v is not None]

    for key in ("CONFERENCE", "X-GOOGLE-CONFERENCE", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "LOCATION"):
        for text in values(key):
            if _URL.match(text):
                return one_line(text, LINK_LIMIT)
    for text in values("URL"):
        if _MEETING_HOSTS.fullmatch(text):
            return one_line(text, LINK_LIMIT)
    found = _MEETING_HOSTS.search(str(event.get("DESCRIPTION", "")))
    return one_line(found.group(0).rstrip(".,;>"), LINK_LIMIT) if found else ""


def _is_meeting_name(place: str) -> bool:
    lowered = place.casefold()
    return any(word in lowered for word in ("teams", "zoom", "google meet", "webex", "online", "video"))


def _notes(event: Any, place: str) -> str:
    """The description as plain text: controls stripped, divider lines and runs of blanks dropped."""
    text = strip_controls(str(event.get("DESCRIPTION", "")))
    lines: list[str] = []
    for line in text.splitlines():
        line = line.rstrip()
        if _RULE_LINE.match(line):
            continue
        if not line and (not lines or not lines[-1]):
            continue
        lines.append(line)
    notes = "\n".join(lines).strip()
    if place:
        notes = f"Where: {place}\n\n{notes}".strip()
    return notes[:LONG_LIMIT]
