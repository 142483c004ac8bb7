"""Calendar invitations read into interviews: one fixture per calendar service's shape."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest

from followup_tui.domain.invitation import (
    PEOPLE_TAKEN,
    InvitationError,
    guess_company_and_role,
    parse_invitation,
)
from followup_tui.domain.models import Interviewer

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invitations"
ME = ("robin.candidate@example.net",)


def read(name: str, zone: str = "Europe/Berlin") -> object:
    return parse_invitation((FIXTURES / name).read_bytes(), zone, ME)


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.ics")), ids=lambda p: p.name)
def test_every_fixture_is_a_calendar_icalendar_reads(path: Path) -> None:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert calendar.walk("VEVENT")
    assert b"\r\n " in path.read_bytes() or path.name in ("all-day.ics",)  # long lines are folded


def test_google_calendar_with_its_vtimezone_and_meet_link() -> None:
    found = parse_invitation((FIXTURES / "google-calendar.ics").read_bytes(), "Europe/Berlin", ME)
    assert (found.when, found.tz, found.ends) == ("2026-12-03 10:00", "America/New_York", "2026-12-03 10:45")
    assert (found.company, found.role) == ("Harborlight", "Senior Platform Engineer")
    assert found.interviewers == [
        Interviewer(name="Priya Natarajan", email="priya.natarajan@harborlight.io"),
        Interviewer(name="Marcus Oyelaran", email="marcus.oyelaran@harborlight.io"),
    ]  # the organizer once, the user and the meeting room left out
    assert (found.format, found.location) == ("video", "https://meet.google.com/qpr-tsvw-xyz")
    assert found.notes.startswith("Hi Robin,\n\nThanks for your time so far.")
    assert "~:~" not in found.notes  # divider lines dropped
    assert (found.uid, found.sequence, found.cancelled) == ("5k2v9qa7nmd1c0e3r8t6u4w2yb@google.com", 0, False)


def test_outlook_with_a_windows_zone_and_its_vtimezone() -> None:
    found = parse_invitation((FIXTURES / "outlook-exchange.ics").read_bytes(), "America/New_York", ME)
    assert (found.when, found.tz, found.ends) == ("2026-12-07 09:30", "Europe/Berlin", "2026-12-07 11:00")
    assert (found.company, found.role) == ("Kühnwerk GmbH", "Produktmanager Robotik")
    assert [p.name for p in found.interviewers] == ["Katharina Brandt", "Deniz Yilmaz"]  # "Brandt, Katharina"
    assert (found.format, found.location) == ("onsite", "Kühnwerk GmbH, Hafenstraße 12, 20457 Hamburg")
    assert "front desk" in found.notes


def test_a_windows_zone_without_vtimezone_and_a_phone_number() -> None:
    found = parse_invitation((FIXTURES / "outlook-no-vtimezone.ics").read_bytes(), "Europe/Berlin", ME)
    assert (found.when, found.tz) == ("2026-12-09 09:00", "America/Los_Angeles")
    assert (found.format, found.location) == ("phone", "tel:+1-555-010-0142")
    assert (found.company, found.role) == ("Cedar Point Analytics", "Data Analyst")


def test_apple_calendar_with_a_street_address() -> None:
    found = parse_invitation((FIXTURES / "apple-calendar.ics").read_bytes(), "Europe/Berlin", ME)
    assert (found.when, found.tz, found.ends) == ("2026-12-08 14:00", "Europe/London", "2026-12-08 15:30")
    assert (found.company, found.role) == ("Finch & Moss", "Product Designer")
    assert found.interviewers == [Interviewer(name="Olamide Adeyemi", email="olamide@finchandmoss.co.uk")]
    assert found.format == "onsite" and found.location.startswith("Finch & Moss Studio 4 Mill Lane")


def test_zoom_in_utc_keeps_the_zone_it_names() -> None:
    found = parse_invitation((FIXTURES / "zoom.ics").read_bytes(), "Europe/Berlin", ME)
    assert (found.when, found.tz, found.ends) == ("2026-12-10 11:00", "America/Chicago", "2026-12-10 12:00")
    assert found.format == "video" and found.location.startswith("https://us06web.zoom.us/j/86411223344")
    assert (found.company, found.role) == ("Tidewater Robotics", "Firmware Engineer")
    assert found.interviewers == []


def test_utc_times_without_a_zone_are_shown_in_the_users_zone() -> None:
    data = (FIXTURES / "zoom.ics").read_bytes().replace(b"TZID:America/Chicago\r\n", b"")
    found = parse_invitation(data, "Europe/Berlin", ME)
    assert (found.when, found.tz) == ("2026-12-10 18:00", "Europe/Berlin")


def test_teams_link_comes_from_its_own_field() -> None:
    found = parse_invitation((FIXTURES / "teams.ics").read_bytes(), "Europe/Berlin", ME)
    assert (found.when, found.tz) == ("2026-12-11 11:00", "Europe/London")
    assert found.format == "video" and found.location.startswith("https://teams.microsoft.com/l/meetup-join/")
    assert (found.company, found.role) == ("Lantern Bay Insurance", "Analytics Engineer")
    assert [p.name for p in found.interviewers] == ["Aoife Gallagher", "Tomasz Wrona"]
    assert "____" not in found.notes and found.notes.startswith("Hello Robin, a final conversation")


def test_a_vendor_prefixed_zone_and_a_jitsi_link() -> None:
    found = parse_invitation((FIXTURES / "thunderbird.ics").read_bytes(), "Europe/Berlin", ME)
    assert (found.when, found.tz) == ("2026-12-15 10:00", "Asia/Tokyo")
    assert (found.format, found.location) == ("video", "https://meet.jit.si/KitsuneLabsQA")
    assert found.notes == ""


def test_a_moved_and_a_cancelled_invitation() -> None:
    moved = parse_invitation((FIXTURES / "google-calendar-moved.ics").read_bytes(), "Europe/Berlin", ME)
    assert (moved.sequence, moved.when, moved.cancelled) == (1, "2026-12-04 14:00", False)
    cancelled = parse_invitation(
        (FIXTURES / "google-calendar-cancelled.ics").read_bytes(), "Europe/Berlin", ME
    )
    assert (cancelled.sequence, cancelled.cancelled) == (2, True)
    assert cancelled.uid == moved.uid


def test_an_all_day_event_is_refused_in_one_clear_line() -> None:
    with pytest.raises(
        InvitationError, match=r"all-day event \(2026-12-14\); an interview needs a start time"
    ):
        parse_invitation((FIXTURES / "all-day.ics").read_bytes(), "Europe/Berlin", ME)


@pytest.mark.parametrize(
    "data",
    [b"", b"not a calendar", b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", b"\xff\xfe\x00"],
)
def test_files_that_are_not_invitations(data: bytes) -> None:
    with pytest.raises(InvitationError):
        parse_invitation(data, "Europe/Berlin")


def test_an_unknown_zone_is_read_in_the_users_zone_and_said() -> None:
    data = (
        (FIXTURES / "outlook-no-vtimezone.ics").read_bytes().replace(b"Pacific Standard Time", b"Home Office")
    )
    found = parse_invitation(data, "Europe/Berlin", ME)
    assert (found.when, found.tz) == ("2026-12-09 09:00", "Europe/Berlin")
    assert "Home Office" in found.zone_note


def test_hostile_text_is_stripped_of_controls() -> None:
    data = (FIXTURES / "zoom.ics").read_bytes().replace(b"Sam Whitfield is", b"Sam\x1b[31m Whitfield is")
    assert "\x1b" not in parse_invitation(data, "Europe/Berlin").notes


@pytest.mark.parametrize(
    ("summary", "organizer", "company", "role"),
    [
        ("Backend engineer at Acme", "", "Acme", "Backend engineer"),
        ("Interview: Globex | Designer", "", "Globex", "Designer"),
        ("Interview with Jane Doe (Acme Corp)", "", "Acme Corp", ""),
        ("Second round", "hiring@northwind-labs.com", "Northwind Labs", ""),
        ("Phone screen", "someone@gmail.com", "", ""),
        ("Updated invitation: Initech - QA Lead - final round", "", "Initech", "QA Lead"),
    ],
)
def test_company_and_role_from_the_title(summary: str, organizer: str, company: str, role: str) -> None:
    assert guess_company_and_role(summary, organizer) == (company, role)


def _with_attendees(count: int) -> bytes:
    data = (FIXTURES / "google-calendar.ics").read_bytes()
    many = b"".join(
        b"ATTENDEE;CN=Person %d;ROLE=REQ-PARTICIPANT:mailto:person%d@example.com\r\n" % (n, n)
        for n in range(count)
    )
    return data.replace(b"END:VEVENT", many + b"END:VEVENT", 1)


def test_an_invitation_naming_thousands_gives_at_most_the_cap_and_says_how_many_were_left_out() -> None:
    plain = parse_invitation((FIXTURES / "google-calendar.ics").read_bytes(), "Europe/Berlin", ME)
    found = parse_invitation(_with_attendees(3000), "Europe/Berlin", ME)
    assert len(found.interviewers) == PEOPLE_TAKEN
    assert found.interviewers[: len(plain.interviewers)] == plain.interviewers  # the first named stay first
    assert found.left_out == len(plain.interviewers) + 3000 - PEOPLE_TAKEN
    assert f"the first {PEOPLE_TAKEN} are the interviewers and {found.left_out:,} more were left out" in (
        found.remarks
    )
    assert plain.left_out == 0 and "left out" not in plain.remarks


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        (
            b"DTSTART;TZID=America/New_York",
            b"DTSTART;TZID=Bad\x01Zone",
            "its start time (DTSTART) names a time zone (TZID) that cannot be read.",
        ),
        (
            b"DTSTART;TZID=America/New_York:",
            b"DTSTART;TZID=America/New_York:2026XX",
            "its start time (DTSTART) cannot be read.",
        ),
    ],
)
def test_a_start_time_that_cannot_be_read_is_not_called_missing(old: bytes, new: bytes, said: str) -> None:
    data = (FIXTURES / "google-calendar.ics").read_bytes().replace(old, new)
    with pytest.raises(InvitationError) as caught:
        parse_invitation(data, "Europe/Berlin", ME)
    assert str(caught.value) == said


def test_a_broken_vtimezone_is_left_out_and_said_not_called_not_a_calendar() -> None:
    data = (
        (FIXTURES / "google-calendar.ics").read_bytes().replace(b"TZOFFSETFROM:-0400", b"TZOFFSETFROM:bad", 1)
    )
    found = parse_invitation(data, "Europe/Berlin", ME)
    assert (found.when, found.tz) == ("2026-12-03 10:00", "America/New_York")
    assert "its time zone description (VTIMEZONE) is broken and was left out" in found.remarks
