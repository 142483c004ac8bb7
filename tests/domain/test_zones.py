"""Time zones: names typed, this machine's zone, clock changes (RFC 5545 §3.3.5), two-zone labels."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from followup_tui.domain import zones
from followup_tui.domain.models import Interview, ValidationError
from followup_tui.domain.zones import aware, city, parse_zone, same_clock_here, two_zones
from tests.helpers.machine_zone import machine_tz


@pytest.fixture
def in_berlin() -> Iterator[None]:
    """This machine's clock runs on Berlin time for the test."""
    with machine_tz("Europe/Berlin"):
        yield


def test_typed_zones_become_iana_names() -> None:
    assert parse_zone("Europe/Berlin") == "Europe/Berlin"
    assert parse_zone("europe/berlin") == "Europe/Berlin"
    assert parse_zone(" new york ") == "America/New_York"
    assert parse_zone("Tokyo") == "Asia/Tokyo"
    for bad in ("Mars/Olympus", "", "../etc/passwd", "/etc/localtime"):
        with pytest.raises(ValidationError):
            parse_zone(bad)


def test_an_interview_refuses_a_zone_that_does_not_exist() -> None:
    assert Interview(company="Acme", tz="Asia/Kolkata").tz == "Asia/Kolkata"
    with pytest.raises(ValidationError, match="not a time zone"):
        Interview(company="Acme", tz="Nowhere/Land")
    assert Interview.from_record({"company": "Acme", "tz": "Nowhere/Land"}).tz == ""


def test_this_machines_zone_falls_back_to_utc(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import tzlocal

    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(zones, "LOCALTIME", tmp_path / "no-localtime")  # tzlocal is asked
    zones.local_zone_name.cache_clear()
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: "Europe/Lisbon")
    assert zones.local_zone_name() == "Europe/Lisbon"
    zones.local_zone_name.cache_clear()
    monkeypatch.setattr(tzlocal, "get_localzone_name", lambda: None)
    assert zones.local_zone_name() == "UTC"
    zones.local_zone_name.cache_clear()


def test_a_time_in_the_spring_gap_moves_on_by_the_gap() -> None:
    # 02:30 does not exist in New York on 8 March 2026: RFC 5545 reads it as 03:30 EDT
    moment = aware(datetime(2026, 3, 8, 2, 30), "America/New_York")
    assert (moment.hour, moment.minute) == (3, 30)
    assert moment.astimezone(timezone.utc) == datetime(2026, 3, 8, 7, 30, tzinfo=timezone.utc)


def test_a_time_that_happens_twice_is_its_first_occurrence() -> None:
    # 01:30 happens twice in New York on 1 November 2026: the first is still daylight time
    moment = aware(datetime(2026, 11, 1, 1, 30), "America/New_York")
    assert moment.utcoffset() == timedelta(hours=-4)


def test_two_zones_show_both_clocks_when_they_differ(in_berlin: None) -> None:
    interview = Interview(company="Acme", when="2026-12-01 10:00", tz="America/New_York")
    assert two_zones(interview.moment, interview.tz) == "10:00 New York · 16:00 here"  # type: ignore[arg-type]
    late = datetime(2026, 12, 1, 23, 0)
    assert two_zones(late, "America/Los_Angeles") == "23:00 Los Angeles · 08:00 Wed here"
    assert two_zones(datetime(2026, 12, 1, 10, 0), "Europe/Berlin") == "10:00"
    # same clock, other name: nothing to add
    assert same_clock_here(datetime(2026, 12, 1, 10, 0), "Europe/Paris")
    assert interview.local_moment == datetime(2026, 12, 1, 16, 0)


def test_has_started_compares_in_this_machines_time(in_berlin: None) -> None:
    interview = Interview(company="Acme", when="2026-12-01 10:00", tz="America/New_York")
    assert not interview.has_started(datetime(2026, 12, 1, 15, 59))
    assert interview.has_started(datetime(2026, 12, 1, 16, 0))


def test_city_names() -> None:
    assert city("America/Argentina/Buenos_Aires") == "Buenos Aires"
    assert city("UTC") == "UTC"


@machine_tz("EST+5EDT,M3.2.0/2,M11.1.0/2")
def test_a_posix_rule_in_tz_gives_a_zone_keeping_the_same_clock_and_says_which() -> None:
    name = zones.local_zone_name()
    assert name != "Etc/UTC" and name != "UTC"
    winter, summer = aware(datetime(2027, 1, 15, 10, 0), name), aware(datetime(2027, 7, 15, 10, 0), name)
    assert (winter.utcoffset(), summer.utcoffset()) == (timedelta(hours=-5), timedelta(hours=-4))
    notice = zones.zone_notice()
    assert notice is not None and "EST+5EDT,M3.2.0/2,M11.1.0/2" in notice and name in notice


@machine_tz("UTC+99")
def test_tz_with_an_offset_out_of_range_means_utc_said_in_one_line() -> None:
    assert zones.local_zone_name() == "UTC"
    assert (
        zones.zone_notice()
        == "TZ is set to 'UTC+99', which is not a usable time zone; times here are in UTC."
    )
    assert two_zones(datetime(2027, 1, 15, 10, 0), "Asia/Tokyo") == "10:00 Tokyo · 01:00 here"
    utc_now = datetime.now(timezone.utc).replace(tzinfo=None)
    assert abs(zones.local_now() - utc_now) < timedelta(minutes=5)  # not the C library's day-off clock


@machine_tz("Asia/Tokyo")
def test_tz_naming_a_zone_needs_no_notice() -> None:
    assert zones.local_zone_name() == "Asia/Tokyo" and zones.zone_notice() is None


@machine_tz("Europe/Berlin")
def test_here_first_puts_this_machines_clock_first_and_the_own_zone_beside_it() -> None:
    moment = datetime(2026, 12, 3, 10, 0)
    assert zones.here_first(moment, "America/New_York") == "16:00 · 10:00 New York"
    assert (
        zones.here_first(datetime(2026, 12, 2, 23, 0), "America/Los_Angeles")
        == "08:00 · Wed 23:00 Los Angeles"
    )
    assert zones.here_first(moment, "Europe/Berlin") == "10:00"
    assert zones.here_first(moment, "") == "10:00"


@pytest.mark.parametrize(
    ("target", "linked", "libc"),
    [
        ("/usr/share/zoneinfo/Asia/Tokyo", "Asia/Tokyo", "Asia/Tokyo"),
        # relative to the link's own folder: the name is a zone, but no zone file is there
        ("../usr/share/zoneinfo/America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires", None),
        ("/usr/share/zoneinfo/Nowhere/Land", None, None),  # the C library's clock is then UTC
        ("/etc/zones/Asia/Tokyo", None, None),
        ("/usr/share/zoneinfo/Asia/../Asia/Tokyo", None, None),  # a name zoneinfo refuses
    ],
)
def test_this_machines_zone_is_the_one_etc_localtime_links_to(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, target: str, linked: str | None, libc: str | None
) -> None:
    link = tmp_path / "localtime"
    link.symlink_to(target)
    monkeypatch.setattr(zones, "LOCALTIME", link)
    assert zones.linked_zone() == linked
    monkeypatch.delenv("TZ", raising=False)
    assert zones.libc_zone() is None  # not the file the C library reads
    monkeypatch.setattr(zones, "C_LIBRARY_LOCALTIME", str(link))
    assert zones.libc_zone() == libc  # the C library's clock stands for the zone it reads
    monkeypatch.setenv("TZ", "")  # the C library's clock is then UTC, followup's the linked zone
    assert zones.libc_zone() is None


def test_a_localtime_that_is_no_link_is_left_to_tzlocal(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    copied = tmp_path / "localtime"
    copied.write_bytes(b"TZif")
    monkeypatch.setattr(zones, "LOCALTIME", copied)
    assert zones.linked_zone() is None


@pytest.mark.parametrize(("zone_file", "linked"), [("Asia/Tokyo", "Asia/Tokyo"), ("Custom/Home", None)])
def test_a_zone_file_in_a_folder_of_its_own_is_left_to_the_zone_database(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, zone_file: str, linked: str | None
) -> None:
    """The C library would read the file linked to, the zone database the zone of that name in
    its own folders (or none): their clocks may differ, so the zone database is asked."""
    copy = tmp_path / "zoneinfo" / zone_file
    copy.parent.mkdir(parents=True)
    copy.write_bytes(Path("/usr/share/zoneinfo/Asia/Tokyo").read_bytes())
    link = tmp_path / "localtime"
    link.symlink_to(copy)
    monkeypatch.delenv("TZ", raising=False)
    monkeypatch.setattr(zones, "LOCALTIME", link)
    monkeypatch.setattr(zones, "C_LIBRARY_LOCALTIME", str(link))
    assert zones.linked_zone() == linked
    assert zones.libc_zone() is None
    monkeypatch.setattr(zones, "ZONE_FOLDERS", (str(tmp_path / "zoneinfo"),))
    assert zones.libc_zone() == zone_file  # a Python that looks there
    monkeypatch.setenv("PYTHONTZPATH", "/somewhere/else")
    assert zones.libc_zone() is None


@pytest.mark.skipif(zones.libc_zone() is None, reason="/etc/localtime links to no zone file here")
def test_the_c_librarys_clock_is_this_machines_zones() -> None:
    name = zones.libc_zone()
    assert name is not None and zones.local_zone_name() == name
    through_zone = datetime.now(timezone.utc).astimezone(zones.local_zone()).replace(tzinfo=None)
    assert abs(zones.local_now() - through_zone) < timedelta(seconds=5)
    assert zones.keeps_local_clock(name)
    with machine_tz("Asia/Tokyo"):
        assert zones.libc_zone() is None
        tokyo = datetime.now(timezone.utc).astimezone(zones.zone("Asia/Tokyo")).replace(tzinfo=None)
        assert abs(zones.local_now() - tokyo) < timedelta(seconds=5)
