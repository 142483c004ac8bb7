"""The home index's lines give the very rows the records give: order, upcoming or past, and
the follow-up words, at any time of reading."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

from followup_tui.domain.home_filters import HomeFilters, HomeRow, home_rows
from followup_tui.domain.home_listing import entry_interview, index_entry, indexed_rows, same_listing
from followup_tui.domain.models import Card, Interview, Interviewer
from tests.helpers.machine_zone import machine_tz

NOW = datetime(2026, 11, 25, 18, 30)


def _history() -> tuple[list[Interview], list[Card], dict[str, int]]:
    people = [Interviewer(name="Ada"), Interviewer(name="Grace")]
    interviews = [
        Interview(id="late", company="Acme", when="2026-11-20 10:00", created="1"),
        Interview(id="sent", company="Globex", when="2026-11-18 09:00", created="2"),
        Interview(id="half", company="Initech", when="2026-11-24 15:00", interviewers=people, created="3"),
        Interview(id="soon", company="Umbrella", when="2026-11-30 11:00", created="4"),
        Interview(id="undated", company="Hooli", created="5"),
        Interview(id="done", company="Stark", when="2026-11-10 10:00", outcome="offer", created="6"),
    ]
    cards = [
        Card(id="c1", interview_id="sent", text="Thank you", written="2026-11-18", sent="2026-11-19"),
        Card(id="c2", interview_id="half", interviewer="Ada", text="Thanks", sent="2026-11-24"),
    ]
    return interviews, cards, {"late": 2, "half": 1}


def _through_the_index(rows: list[HomeRow], now: datetime) -> list[HomeRow]:
    lines = json.loads(json.dumps([index_entry(row) for row in rows]))
    read = [entry_interview(line) for line in lines]
    assert None not in read
    return indexed_rows([i for i in read if i is not None], now)


def test_the_index_gives_the_rows_the_records_give_at_any_time() -> None:
    interviews, cards, concerns = _history()
    for now in (NOW, NOW + timedelta(days=6), NOW - timedelta(days=20)):
        from_records = home_rows(interviews, cards, concerns, now)
        from_index = _through_the_index(home_rows(interviews, cards, concerns, NOW), now)
        assert same_listing(from_records, from_index), now
        assert [r.state.label() for r in from_index] == [r.state.label() for r in from_records]
    labels = {
        r.interview.id: r.state.label()
        for r in _through_the_index(home_rows(interviews, cards, concerns, NOW), NOW)
    }
    assert labels["late"] == "card late · 2 concerns open"
    assert labels["half"] == "1 of 2 cards sent · 1 concern open"


def test_the_filters_pick_the_same_rows_from_the_index() -> None:
    interviews, cards, concerns = _history()
    from_records = home_rows(interviews, cards, concerns, NOW)
    from_index = _through_the_index(from_records, NOW)
    for filters in (
        HomeFilters("grace"),
        HomeFilters(outcome="offer"),
        HomeFilters(time_range="upcoming"),
        HomeFilters(open_only=True),
    ):
        picked = [[r.interview.id for r in rows if filters.matches(r)] for rows in (from_records, from_index)]
        assert picked[0] == picked[1] and picked[0], filters


def test_a_line_of_another_shape_is_refused() -> None:
    interviews, cards, concerns = _history()
    line = index_entry(home_rows(interviews, cards, concerns, NOW)[0])
    assert entry_interview(list(line)) is not None
    for bad in (line[:-1], [*line[:10], True, *line[11:]], [*line[:9], "mailed", *line[10:]], "text"):
        assert entry_interview(bad) is None, bad  # type: ignore[arg-type]
    assert entry_interview([*line[:7], ["Ada", 3], *line[8:]]) is None


def test_interviews_in_other_zones_are_ordered_by_this_machines_clock() -> None:
    """Past newest first and upcoming soonest first, as the clock here reads each time: 09:00 in
    Tokyo was 00:00 in London, 09:00 in New York will be 14:00 there."""
    interviews = [
        Interview(id="tokyo", company="Kyoto Labs", when="2026-11-24 09:00", tz="Asia/Tokyo", created="1"),
        Interview(id="london", company="Mayfair", when="2026-11-24 08:00", tz="Europe/London", created="2"),
        Interview(id="ny", company="Hudson", when="2026-11-30 09:00", tz="America/New_York", created="3"),
        Interview(id="here", company="Soho", when="2026-11-30 11:00", created="4"),
    ]
    with machine_tz("Europe/London"):
        rows = home_rows(interviews, [], {}, NOW)
        assert [r.interview.id for r in rows] == ["here", "ny", "london", "tokyo"]
        assert [r.interview.id for r in _through_the_index(rows, NOW)] == ["here", "ny", "london", "tokyo"]
