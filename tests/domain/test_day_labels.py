"""Days and interview times as the screens write them."""

from __future__ import annotations

from datetime import datetime

from followup_tui.domain.status import day_label, moment_label


def test_a_stored_day_reads_as_a_weekday_and_date() -> None:
    assert day_label("2026-11-28") == "Sat 28 Nov"


def test_a_value_that_is_not_a_day_is_shown_as_it_is() -> None:
    assert day_label("soon") == "soon"
    assert day_label("") == ""


def test_an_interview_time_reads_with_its_year_or_says_no_date() -> None:
    assert moment_label(datetime(2026, 11, 26, 10, 0)) == "Thu 26 Nov 2026, 10:00"
    assert moment_label(None) == "no date"
