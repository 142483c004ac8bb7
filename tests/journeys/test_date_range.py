"""Dates far from today: refused where they are typed or imported, read as no date when stored,
and every date in range makes a calendar."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.calendar import build_calendar
from followup_tui.domain.models import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    WHEN_FORMAT,
    Interview,
    ValidationError,
    parse_when,
)
from followup_tui.store.repository import Repository
from tests.conftest import FIXED_NOW
from tests.helpers.cli import run_followup
from tests.helpers.wait import settle, until


@pytest.mark.parametrize("when", ["0001-01-01 00:00", "9999-12-31 23:59", "1969-12-31 23:00", "3000-01-01"])
def test_dates_far_from_today_are_refused_where_they_are_typed(db_path: Path, when: str) -> None:
    with pytest.raises(ValidationError, match="out of range"):
        parse_when(when)
    with pytest.raises(ValidationError):
        Interview(company="Acme", when=when)
    result = run_followup(db_path, "add", "Acme", "--when", when)
    assert result.returncode == 1 and "out of range" in result.stderr and result.stderr.count("\n") == 1
    assert not db_path.exists()


@pytest.mark.parametrize("when", ["0001-01-01 00:00", "9999-12-31 23:59"])
def test_a_stored_date_out_of_range_reads_as_no_date_and_ics_works(db_path: Path, when: str) -> None:
    from tinydb import TinyDB

    db_path.parent.mkdir()
    with TinyDB(db_path) as plain:  # edited by hand or by another program
        plain.table("interviews").insert({"id": "abcde", "company": "Acme", "when": when})
    assert Repository(db_path).get(Interview, "abcde").when is None
    result = run_followup(db_path, "ics", "abcde")
    assert result.returncode == 0, result.stderr
    assert "BEGIN:VCALENDAR" in result.stdout


@settings(max_examples=60, deadline=None)
@given(st.datetimes(min_value=datetime(EARLIEST_YEAR, 1, 1), max_value=datetime(LATEST_YEAR, 12, 31, 23, 59)))
def test_every_date_in_range_is_accepted_and_makes_a_calendar(moment: datetime) -> None:
    when = moment.strftime(WHEN_FORMAT)
    assert parse_when(when) == when
    interview = Interview(id="abcde", company="Acme", when=when)
    assert build_calendar(interview, FIXED_NOW).startswith(b"BEGIN:VCALENDAR")


@pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31 23:59"])
async def test_the_app_form_refuses_a_date_out_of_range(repo: Repository, when: str) -> None:
    from textual.widgets import Static

    from followup_tui.ui.app import FollowupApp
    from followup_tui.ui.screens.interview.form import InterviewFormDialog

    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Acme", "tab", "tab", *when, "ctrl+s")
        error = app.screen.query_one("#when-error", Static)
        assert await until(pilot, lambda: error.has_class("-shown"))
        assert isinstance(app.screen, InterviewFormDialog)
        assert f"dates go from {EARLIEST_YEAR} to {LATEST_YEAR}" in str(error.render())
        await settle(app, pilot)
    assert repo.interviews() == []


def test_an_imported_date_out_of_range_is_not_stored(db_path: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        '{"format": "followup-export", "version": 1, '
        '"interviews": [{"id": "abcde", "company": "Acme", "when": "9999-12-31 23:59"}]}'
    )
    result = run_followup(db_path, "import", str(export))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    tables = json.loads(db_path.read_text()) if db_path.exists() else {}
    stored = [row.get("when") for row in tables.get("interviews", {}).values()]
    assert "9999-12-31 23:59" not in stored
    if stored:
        assert run_followup(db_path, "ics", "abcde").returncode == 0
