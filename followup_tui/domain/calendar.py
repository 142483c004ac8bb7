"""The interview and its follow-up reminders as an iCalendar file (RFC 5545).

Built with the ``icalendar`` library, which handles escaping, line folding and CRLF line ends.
No Textual here.

Three events, each with an alarm:

- the interview itself (when its time is known), one hour long, with a reminder an hour before;
- "Send the thank-you card", the day after the interview at 10:00;
- "Follow up if no news", a week after the interview at 10:00.

The interview is written in its own zone (``Interview.tz``): ``DTSTART;TZID=America/New_York``
with a matching VTIMEZONE, so every calendar shows it at the right moment whatever zone the
exporting machine is in. A wall-clock time that does not exist (clocks going forward) or
happens twice (clocks going back) follows RFC 5545 §3.3.5: the first is moved on by the gap,
the second means its first occurrence (see ``zones.aware``). The reminders are at 10:00 in the
user's own zone (``tz``), the day after and a week after the interview's day there. An interview
without a zone (a file from before zones) is read in ``tz``. A ``tz`` that is not a
``zoneinfo.ZoneInfo`` (or None: this computer's zone) is written as UTC (``...Z``).
When the interview has no time yet, the reminders count from ``now``.

Each event's UID is the interview id plus the event kind, and its SEQUENCE grows with the time
of the export (``sequence_at``), so importing a newer file updates the events instead of adding
copies (calendars keep the version with the highest SEQUENCE; two exports in the same minute are
told apart by DTSTAMP, RFC 5546 §2.1.5). A reminder that is done (a card sent; an
outcome other than "pending" recorded) is written as a cancelled event without an alarm, so
importing the file again takes it off the calendar instead of nagging; if it is undone, the
next export brings it back.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from followup_tui.domain.ids import shown_id
from followup_tui.domain.models import Interview, when_datetime
from followup_tui.domain.reading import WHOLE_LIMIT
from followup_tui.domain.status import CARD_DAYS, ON_TIME_RULE
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.vocabulary import FORMAT_LABELS, SHORT_LIMIT
from followup_tui.domain.zones import aware, local_zone, zone

PRODID = "-//followup//Interview follow-up//EN"
"""Who made the calendar file (RFC 5545 PRODID)."""

INTERVIEW_LENGTH = timedelta(hours=1)
"""Assumed length of an interview."""

REMINDER_TIME = time(10, 0)
"""Local time of day of the card and follow-up reminders."""

REMINDER_LENGTH = timedelta(minutes=15)
"""Length of a reminder event."""

CARD_AFTER = timedelta(days=CARD_DAYS)
"""The card reminder comes on the last day a card is on time (``status.send_by``)."""

FOLLOW_UP_AFTER = timedelta(days=7)
"""The "no news" reminder comes a week after the interview."""


SEQUENCE_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
"""Events' SEQUENCE counts the minutes of the export from here, on top of ``SEQUENCE_BASE``."""

SEQUENCE_BASE = 1_000_000_000
"""The SEQUENCE of an export at ``SEQUENCE_EPOCH``. Earlier versions wrote the seconds since 2020
(about 218 million in 2026), so every export now is above every export then and still wins. The
last minute of 2999 gives about 1,541 million, well inside iCalendar's 32-bit range."""


def sequence_at(stamp: datetime, at_least: int = 0) -> int:
    """Return the SEQUENCE of an event exported at ``stamp``.

    It grows by one a minute, so each later export wins over an earlier one, and always stays
    within iCalendar's INTEGER range, 0 to 2^31 - 1 (capped for a clock far outside the years
    followup accepts).

    Args:
        stamp: The time of the export (aware).
        at_least: A floor, such as one above the SEQUENCE of the invitation the event came from.
    """
    minutes = int((stamp - SEQUENCE_EPOCH).total_seconds() // 60)
    return min(max(SEQUENCE_BASE + minutes, at_least, 0), WHOLE_LIMIT - 1)


def event_uid(interview_id: str, kind: str) -> str:
    """Return the stable UID of one event ("interview", "card" or "follow-up") of an interview.

    An id that does not have the documented form (a hand-edited file) is cleaned first.
    """
    return f"{shown_id(interview_id)}-{kind}@followup"


def build_calendar(
    interview: Interview, now: datetime, tz: tzinfo | None = None, *, card_sent: bool = False
) -> bytes:
    """Build the iCalendar file for an interview.

    Args:
        interview: The interview.
        now: The current local time (naive, or aware); it becomes DTSTAMP and, when the
            interview has no time, the start of the reminders.
        tz: The user's zone (the reminders' zone, and the interview's when it has none);
            None means this computer's zone, written as UTC.
        card_sent: Every interviewer's card was sent (``status.all_cards_sent``): that reminder is done.

    Returns:
        The calendar as bytes (UTF-8, CRLF line ends).
    """
    company = _line(interview.company, 120)
    role = _line(interview.role, 120)
    what = f"{role} at {company}" if role else company
    stamp = _to_utc(now, tz)

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")

    moment = interview.moment
    start = None
    if moment is not None:
        start = _interview_time(moment, interview.tz, tz)
        cal.add_component(
            _event(
                uid=event_uid(interview.id, "interview"),
                stamp=stamp,
                summary=f"Interview: {what}",
                start=start,
                end=_end(start, interview),
                description=_interview_description(interview),
                location=_line(interview.location, 300),
                alarm_before=timedelta(hours=1),
                alarm_text=f"Interview in one hour: {what}",
                # never below the invitation it came from, so this version supersedes the organiser's
                sequence_floor=interview.invite_sequence + 1 if interview.invite_uid else 0,
            )
        )
    base = (_in_zone(start, tz) if start is not None else _naive_local(now)).date()
    names = ", ".join(n for n in (_line(p.name, 80) for p in interview.interviewers) if n)
    to_whom = f" to {names}" if names else ""
    card_start = _localise(datetime.combine(base + CARD_AFTER, REMINDER_TIME), tz)
    cal.add_component(
        _event(
            uid=event_uid(interview.id, "card"),
            stamp=stamp,
            summary=f"Send the thank-you card: {company}",
            start=card_start,
            end=card_start + REMINDER_LENGTH,
            description=(
                f"Write and send the hand-written thank-you card{to_whom} ({what}). "
                f"A card is on time when sent {ON_TIME_RULE}."
            ),
            alarm_before=timedelta(0),
            alarm_text=f"Send the thank-you card: {company}",
            done=card_sent,
        )
    )
    follow_start = _localise(datetime.combine(base + FOLLOW_UP_AFTER, REMINDER_TIME), tz)
    cal.add_component(
        _event(
            uid=event_uid(interview.id, "follow-up"),
            stamp=stamp,
            summary=f"Follow up if no news: {company}",
            start=follow_start,
            end=follow_start + REMINDER_LENGTH,
            description=(
                f"No news yet about {what}? A short, friendly email asking about the next "
                "steps is welcome. Record the outcome in followup when it arrives."
            ),
            alarm_before=timedelta(0),
            alarm_text=f"Follow up if no news: {company}",
            done=interview.outcome != "pending",
        )
    )
    cal.add_missing_timezones()  # a VTIMEZONE for each TZID used; none for UTC
    return cal.to_ical()


def _event(
    *,
    uid: str,
    stamp: datetime,
    summary: str,
    start: datetime,
    end: datetime,
    description: str,
    alarm_before: timedelta,
    alarm_text: str,
    location: str = "",
    done: bool = False,
    sequence_floor: int = 0,
) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("description", description)
    if location:
        event.add("location", location)
    event.add("sequence", sequence_at(stamp, sequence_floor))
    if done:  # replaces the reminder imported earlier (same UID, newer sequence), silently
        event.add("status", "CANCELLED")
        return event
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", alarm_text)
    alarm.add("trigger", -alarm_before)
    event.add_component(alarm)
    return event


def _interview_description(interview: Interview) -> str:
    lines = []
    if interview.role:
        lines.append(f"Role: {_line(interview.role, SHORT_LIMIT)}")
    lines.append(f"Company: {_line(interview.company, SHORT_LIMIT)}")
    lines.append(f"Format: {FORMAT_LABELS.get(interview.format, interview.format)}")
    people = []
    for person in interview.interviewers:
        name = _line(person.name, 80)
        title = _line(person.title, 80)
        if name:
            people.append(f"{name} ({title})" if title else name)
    if people:
        lines.append(f"Interviewers: {', '.join(people)}")
    if interview.job_link:
        lines.append(f"Job: {_line(interview.job_link, 500)}")
    notes = strip_controls(interview.notes).strip()
    if notes:
        lines.append("")
        lines.append(notes[:2000])
    return "\n".join(lines)


def _line(text: str, width: int) -> str:
    return one_line(text, width)


def _naive_local(moment: datetime) -> datetime:
    """A datetime as a naive local wall-clock time."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(local_zone()).replace(tzinfo=None)


def _interview_time(moment: datetime, name: str, tz: tzinfo | None) -> datetime:
    """The interview's start in its own zone; without one, in the user's (as before zones)."""
    if name and zone(name) is not None:
        return aware(moment, name)
    return _localise(moment, tz)


def _end(start: datetime, interview: Interview) -> datetime:
    """The end: the invitation's end time when known and later, else an hour after the start.

    Counted on the exact time line, so an hour that crosses a clock change is still an hour; an
    end that falls in a repeated hour's second pass is written in UTC (a zone's wall time would
    mean the first pass, RFC 5545 §3.3.5).
    """
    ends = when_datetime(interview.ends) if interview.ends else None
    if ends is not None and isinstance(start.tzinfo, ZoneInfo):
        end = aware(ends, str(start.tzinfo.key))
        if end > start:
            return end
    exact = (start.astimezone(timezone.utc) + INTERVIEW_LENGTH).astimezone(start.tzinfo)
    if exact.fold and exact.replace(fold=0).utcoffset() != exact.utcoffset():
        return exact.astimezone(timezone.utc)
    return exact


def _in_zone(moment: datetime, tz: tzinfo | None) -> datetime:
    """An exact time as a naive wall-clock time in the user's zone (this computer's if None)."""
    return moment.astimezone(tz if tz is not None else local_zone()).replace(tzinfo=None)


def _localise(moment: datetime, tz: tzinfo | None) -> datetime:
    """Attach the zone to a local wall-clock time; without a ZoneInfo, convert to UTC."""
    if isinstance(tz, ZoneInfo):
        return moment.replace(tzinfo=tz)
    return _to_utc(moment, tz)


def _to_utc(moment: datetime, tz: tzinfo | None) -> datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=tz if tz is not None else local_zone())
    return moment.astimezone(timezone.utc)
