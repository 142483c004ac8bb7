"""Outlook's display-name zones and "Customized Time Zone" in ``followup add --from-ics``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup_tui.domain import zones
from tests.cli.test_cli import ok, run

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invitations"


@pytest.fixture(autouse=True)
def machine_in_new_york(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zones, "local_zone_name", lambda: "America/New_York")


def added(name: str) -> tuple[dict[str, object], str]:
    result = run("add", "--from-ics", str(FIXTURES / name))
    assert result.exit_code == 0, result.stderr
    (item,) = json.loads(ok("list", "--json"))
    return item, result.stderr


def test_a_display_name_zone_becomes_its_iana_zone(db_path: Path) -> None:
    item, said = added("outlook-display-name.ics")
    assert (item["tz"], item["when"]) == ("Europe/Berlin", "2026-12-09 09:00")
    assert item["when_iso"] == "2026-12-09T09:00+01:00"
    assert "Note:" not in said and "Etc/UTC" not in said


def test_a_customized_zone_gets_a_zone_that_keeps_its_clock(db_path: Path) -> None:
    item, said = added("outlook-customized-zone.ics")
    assert (item["tz"], item["when"]) == ("Europe/Berlin", "2026-12-09 09:00")
    assert "'Customized Time Zone' has no standard name; kept in Europe/Berlin" in said


def test_a_customized_zone_no_city_keeps_is_named_by_its_offset(tmp_path: Path) -> None:
    # another "Customized Time Zone" read first in this process must not lend its rules
    assert (
        run(
            "--db",
            str(tmp_path / "other.json"),
            "add",
            "--from-ics",
            str(FIXTURES / "outlook-customized-zone.ics"),
        ).exit_code
        == 0
    )
    item, said = added("outlook-customized-fixed.ics")
    assert (item["tz"], item["when"]) == ("Etc/GMT-11", "2026-12-09 09:00")
    assert item["when_iso"] == "2026-12-09T09:00+11:00"
    assert zones.city("Etc/GMT-11") == "UTC+11"  # how the app names it beside the time
    assert "kept in Etc/GMT-11" in said
