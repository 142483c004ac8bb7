"""Dates and times on the command line: ISO 8601 with an offset in, and out of ``list --json``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from followup_tui.domain import zones
from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from tests.cli.test_cli import fails, ok


@pytest.fixture(autouse=True)
def machine_in_berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zones, "local_zone_name", lambda: "Europe/Berlin")


@pytest.mark.parametrize(
    ("typed", "tz", "stored"),
    [
        ("2026-12-10T14:00+01:00", None, ("2026-12-10 14:00", "Europe/Berlin")),
        ("2026-12-10T13:00Z", None, ("2026-12-10 14:00", "Europe/Berlin")),
        ("2026-12-10 14:00:30+0100", None, ("2026-12-10 14:00", "Europe/Berlin")),
        ("2026-12-10T14:00+01:00", "America/New_York", ("2026-12-10 08:00", "America/New_York")),
        ("2026-07-10T09:30-04:00", "new york", ("2026-07-10 09:30", "America/New_York")),
        ("2026-12-10T14:00", None, ("2026-12-10 14:00", "Europe/Berlin")),
        ("2026-12-10 14:00", "Asia/Tokyo", ("2026-12-10 14:00", "Asia/Tokyo")),
    ],
)
def test_add_takes_iso_8601_with_an_offset(
    db_path: Path, typed: str, tz: str | None, stored: tuple[str, str]
) -> None:
    interview_id = ok("add", "Acme", "--when", typed, *(["--tz", tz] if tz else [])).strip()
    interview = Repository(db_path).get(Interview, interview_id)
    assert (interview.when, interview.tz) == stored


@pytest.mark.parametrize("typed", ["2026-13-10T14:00+01:00", "2026-12-10T14:00+25:00", "3500-01-01T10:00Z"])
def test_a_bad_iso_time_is_one_line_and_writes_nothing(db_path: Path, typed: str) -> None:
    assert fails("add", "Acme", "--when", typed)
    assert not db_path.exists()


def test_list_json_gives_when_iso_with_its_offset(db_path: Path) -> None:
    ok("add", "Winter", "--when", "2026-12-10 14:00", "--tz", "America/New_York")
    ok("add", "Summer", "--when", "2026-07-10 09:30")
    ok("add", "Someday")
    items = {i["company"]: i for i in json.loads(ok("list", "--json"))}
    assert items["Winter"]["when_iso"] == "2026-12-10T14:00-05:00"
    assert items["Winter"]["when"] == "2026-12-10 14:00"  # the old key stays as it was
    assert items["Summer"]["when_iso"] == "2026-07-10T09:30+02:00"
    assert items["Someday"]["when_iso"] is None
