"""The .ics export: parsed back with icalendar, times, zones, alarms, escaping, stable UIDs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest

from followup_tui.domain.calendar import PRODID, build_calendar, event_uid, sequence_at
from followup_tui.domain.models import Interview, Interviewer
from tests.conftest import FIXED_NOW

PARIS = ZoneInfo("Europe/Paris")


def interview(**changes: object) -> Interview:
    values: dict[str, object] = {
        "id": "ab3k9",
        "company": "Northwind Labs",
        "role": "Backend engineer",
        "when": "2026-11-24 14:00",
        "location": "12 Quay Street, Leeds",
        "interviewers": [
            Interviewer(name="Sam Okafor", title="Engineering manager"),
            Interviewer(name="Lena"),
        ],
    }
    values.update(changes)
    return Interview(**values)  # type: ignore[arg-type]


def events(data: bytes) -> dict[str, Any]:
    cal = icalendar.Calendar.from_ical(data)
    return {str(e["UID"]).split("@")[0].split("-", 1)[1]: e for e in cal.walk("VEVENT")}


def test_three_events_with_alarms_in_a_zone() -> None:
    data = build_calendar(interview(), FIXED_NOW, PARIS)
    cal = icalendar.Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]) == PRODID
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Paris"]
    found = events(data)
    assert set(found) == {"interview", "card", "follow-up"}

    talk = found["interview"]
    assert talk.decoded("DTSTART") == datetime(2026, 11, 24, 14, 0, tzinfo=PARIS)
    assert talk.decoded("DTEND") - talk.decoded("DTSTART") == timedelta(hours=1)
    assert str(talk["SUMMARY"]) == "Interview: Backend engineer at Northwind Labs"
    assert str(talk["LOCATION"]) == "12 Quay Street, Leeds"
    description = str(talk["DESCRIPTION"])
    assert "Role: Backend engineer" in description
    assert "Interviewers: Sam Okafor (Engineering manager), Lena" in description

    card = found["card"]
    assert card.decoded("DTSTART") == datetime(2026, 11, 25, 10, 0, tzinfo=PARIS)
    assert str(card["SUMMARY"]) == "Send the thank-you card: Northwind Labs"
    assert "Sam Okafor, Lena" in str(card["DESCRIPTION"])

    follow = found["follow-up"]
    assert follow.decoded("DTSTART") == datetime(2026, 12, 1, 10, 0, tzinfo=PARIS)
    assert str(follow["SUMMARY"]) == "Follow up if no news: Northwind Labs"

    triggers = {kind: [a.decoded("TRIGGER") for a in e.walk("VALARM")] for kind, e in found.items()}
    assert triggers == {
        "interview": [-timedelta(hours=1)],
        "card": [timedelta(0)],
        "follow-up": [timedelta(0)],
    }
    for event in found.values():
        alarm = event.walk("VALARM")[0]
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"])
        assert event.decoded("DTSTAMP") == datetime(2026, 11, 25, 17, 30, tzinfo=timezone.utc)


def test_without_a_zone_local_times_are_written_in_utc() -> None:
    data = build_calendar(interview(), FIXED_NOW)
    text = data.decode()
    found = events(data)
    start = found["interview"].decoded("DTSTART")
    assert start.tzinfo is not None and start.utcoffset() == timedelta(0)
    assert start == datetime(2026, 11, 24, 14, 0).astimezone()
    assert "TZID" not in text and "VTIMEZONE" not in text
    assert found["card"].decoded("DTSTART") == datetime(2026, 11, 25, 10, 0).astimezone()


def test_daylight_saving_is_per_date() -> None:
    summer = build_calendar(interview(when="2026-07-01 09:30"), FIXED_NOW, timezone(timedelta(hours=1)))
    start = events(summer)["interview"].decoded("DTSTART")
    assert start == datetime(2026, 7, 1, 8, 30, tzinfo=timezone.utc)
    paris = events(build_calendar(interview(when="2026-07-01 09:30"), FIXED_NOW, PARIS))["interview"]
    assert paris.decoded("DTSTART").utcoffset() == timedelta(hours=2)


def test_unknown_time_has_no_interview_event_and_reminders_count_from_now() -> None:
    found = events(build_calendar(interview(when=None), FIXED_NOW, PARIS))
    assert set(found) == {"card", "follow-up"}
    assert found["card"].decoded("DTSTART") == datetime(2026, 11, 26, 10, 0, tzinfo=PARIS)
    assert found["follow-up"].decoded("DTSTART") == datetime(2026, 12, 2, 10, 0, tzinfo=PARIS)


def test_uids_are_stable_per_interview_and_kind() -> None:
    first = build_calendar(interview(), FIXED_NOW, PARIS)
    again = build_calendar(interview(company="Renamed"), FIXED_NOW + timedelta(days=3), PARIS)
    assert {str(e["UID"]) for e in events(first).values()} == {str(e["UID"]) for e in events(again).values()}
    assert event_uid("ab3k9", "card") == "ab3k9-card@followup"
    other = build_calendar(interview(id="zz999"), FIXED_NOW, PARIS)
    assert not {str(e["UID"]) for e in events(first).values()} & {
        str(e["UID"]) for e in events(other).values()
    }


def test_hostile_text_is_escaped_and_controls_are_stripped() -> None:
    nasty = interview(
        company="Acme; Inc,\nBEGIN:VEVENT\x1b[31m\\",
        role="Dev\x00ops",
        location="Room 1;\r\nEND:VCALENDAR",
        notes="Line one\nLine two, with; marks\x07",
    )
    data = build_calendar(nasty, FIXED_NOW, PARIS)
    text = data.decode()
    assert "\x1b" not in text and "\x00" not in text and "\x07" not in text
    lines = text.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 3
    assert lines.count("END:VCALENDAR") == 1
    assert all(line.endswith("\r") or not line for line in text.split("\n")[:-1])
    assert all(len(line.encode()) <= 76 for line in text.split("\r\n"))
    found = events(data)
    assert str(found["card"]["SUMMARY"]) == "Send the thank-you card: Acme; Inc, BEGIN:VEVENT\\"
    assert str(found["interview"]["LOCATION"]) == "Room 1; END:VCALENDAR"
    assert "Line one\nLine two, with; marks" in str(found["interview"]["DESCRIPTION"])


def test_done_reminders_are_cancelled_so_a_new_import_clears_them_and_can_come_back() -> None:
    later, latest = FIXED_NOW + timedelta(days=1), FIXED_NOW + timedelta(days=2)
    before = events(build_calendar(interview(), FIXED_NOW, PARIS))
    after = events(build_calendar(interview(outcome="advanced"), later, PARIS, card_sent=True))
    undone = events(build_calendar(interview(), latest, PARIS))  # the sent date cleared again
    assert set(after) == set(before) == set(undone) == {"interview", "card", "follow-up"}
    for kind in ("card", "follow-up"):
        assert str(after[kind]["UID"]) == str(before[kind]["UID"]) == str(undone[kind]["UID"])
        assert str(after[kind]["STATUS"]) == "CANCELLED"
        assert after[kind].walk("VALARM") == []
        assert "STATUS" not in undone[kind] and undone[kind].walk("VALARM")
        sequences = [int(found[kind]["SEQUENCE"]) for found in (before, after, undone)]
        assert sequences == sorted(set(sequences))  # each newer export wins
    assert "STATUS" not in after["interview"] and after["interview"].walk("VALARM")
    only_card = events(build_calendar(interview(), FIXED_NOW, PARIS, card_sent=True))
    assert str(only_card["card"]["STATUS"]) == "CANCELLED"
    assert "STATUS" not in only_card["follow-up"] and only_card["follow-up"].walk("VALARM")


NEW_YORK = ZoneInfo("America/New_York")
BERLIN = ZoneInfo("Europe/Berlin")


def test_the_interview_keeps_its_own_zone_and_the_reminders_the_users() -> None:
    remote = interview(when="2026-11-24 20:00", tz="America/New_York")
    data = build_calendar(remote, FIXED_NOW, BERLIN)
    text = data.decode()
    assert "DTSTART;TZID=America/New_York:20261124T200000" in text
    cal = icalendar.Calendar.from_ical(data)
    assert sorted(str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")) == ["America/New_York", "Europe/Berlin"]
    found = events(data)
    assert found["interview"].decoded("DTSTART") == datetime(2026, 11, 24, 20, 0, tzinfo=NEW_YORK)
    # 20:00 in New York is 02:00 on the 25th in Berlin: the card is due the day after that, at 10:00
    assert found["card"].decoded("DTSTART") == datetime(2026, 11, 26, 10, 0, tzinfo=BERLIN)
    assert found["follow-up"].decoded("DTSTART") == datetime(2026, 12, 2, 10, 0, tzinfo=BERLIN)


def test_an_invitations_end_time_is_kept() -> None:
    data = build_calendar(
        interview(when="2026-11-24 14:00", ends="2026-11-24 15:30", tz="Europe/Paris"), FIXED_NOW, PARIS
    )
    talk = events(data)["interview"]
    assert talk.decoded("DTEND") - talk.decoded("DTSTART") == timedelta(minutes=90)


def test_a_start_in_the_spring_gap_is_written_as_the_time_that_exists() -> None:
    data = build_calendar(interview(when="2026-03-08 02:30", tz="America/New_York"), FIXED_NOW, BERLIN)
    assert "DTSTART;TZID=America/New_York:20260308T033000" in data.decode()


def test_an_hour_ending_in_the_repeated_hour_is_an_hour() -> None:
    data = build_calendar(interview(when="2026-11-01 01:30", tz="America/New_York"), FIXED_NOW, BERLIN)
    talk = events(data)["interview"]
    assert "DTSTART;TZID=America/New_York:20261101T013000" in data.decode()
    assert talk.decoded("DTSTART").utcoffset() == timedelta(hours=-4)  # the first 01:30
    assert talk.decoded("DTEND") - talk.decoded("DTSTART") == timedelta(hours=1)


# -- SEQUENCE: grows with each export, always a 32-bit iCalendar INTEGER ------------------------------

INT32_MAX = 2**31 - 1


def _sequences(data: bytes) -> dict[str, int]:
    return {kind: int(event["SEQUENCE"]) for kind, event in events(data).items()}


@pytest.mark.parametrize(
    "now",
    [
        datetime(1970, 1, 1, 0, 0),  # in Paris that is still 1969 in UTC
        datetime(2026, 11, 25, 18, 30),
        datetime(2088, 6, 1, 12, 0),  # past 2^31 seconds since 2020
        datetime(2089, 1, 1, 0, 0),
        datetime(2999, 12, 31, 23, 59),
    ],
)
def test_the_sequence_stays_in_icalendars_range_at_the_edges_of_the_accepted_years(now: datetime) -> None:
    data = build_calendar(interview(when=f"{now:%Y-%m-%d %H:%M}"), now, PARIS)
    sequences = _sequences(data)
    assert set(sequences) == {"interview", "card", "follow-up"}
    assert all(0 <= value <= INT32_MAX for value in sequences.values())
    icalendar.Calendar.from_ical(data)  # the file parses back


def test_each_later_export_has_a_higher_sequence_from_1970_to_2999() -> None:
    moments = [datetime(1970, 1, 1, tzinfo=timezone.utc)]
    moments += [datetime(year, 6, 1, 9, 0, tzinfo=timezone.utc) for year in range(1970, 3000, 7)]
    moments += [datetime(2999, 12, 31, 23, 58, tzinfo=timezone.utc)]
    moments += [moments[-1] + timedelta(minutes=1)]  # a minute later still wins
    values = [sequence_at(moment) for moment in moments]
    assert values == sorted(set(values))
    assert values[0] >= 0 and values[-1] <= INT32_MAX


def test_exports_now_win_over_those_of_earlier_versions() -> None:
    """Earlier versions wrote the seconds since 2020: re-exporting must still update those events."""
    since_2020 = datetime(2020, 1, 1, tzinfo=timezone.utc)
    for written in (datetime(2026, 11, 28, tzinfo=timezone.utc), datetime(2031, 1, 1, tzinfo=timezone.utc)):
        earlier = int((written - since_2020).total_seconds())
        assert sequence_at(written) > earlier


def test_an_invitations_own_sequence_is_stayed_above_and_capped() -> None:
    for sequence in (0, 7, 1_900_000_000, INT32_MAX):
        came_from = interview(invite_uid="abc@calendar.example", invite_sequence=sequence)
        found = _sequences(build_calendar(came_from, FIXED_NOW, PARIS))
        assert min(sequence + 1, INT32_MAX) <= found["interview"] <= INT32_MAX
        assert found["card"] == found["follow-up"] == sequence_at(FIXED_NOW.replace(tzinfo=PARIS))
