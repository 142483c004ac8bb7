"""One rule for a card "on time", the same for the home flag, the card screen, Insights and the calendar."""

from __future__ import annotations

from datetime import date, datetime

import icalendar
import pytest

from followup_tui.domain.calendar import build_calendar
from followup_tui.domain.insights.counts import card_timing
from followup_tui.domain.models import Card, Interview
from followup_tui.domain.status import (
    ON_TIME_RULE,
    FollowUpState,
    card_late,
    follow_up_state,
    send_by,
    sent_on_time,
)

TUESDAY = datetime(2026, 11, 24, 16, 0)
INTERVIEW = Interview(id="ot001", company="Acme", when="2026-11-24 16:00")


def test_the_rule() -> None:
    assert send_by(TUESDAY) == date(2026, 11, 25)
    assert sent_on_time(TUESDAY, date(2026, 11, 24)) and sent_on_time(TUESDAY, date(2026, 11, 25))
    assert not sent_on_time(TUESDAY, date(2026, 11, 26))
    assert ON_TIME_RULE == "by the end of the day after the interview"


@pytest.mark.parametrize(
    ("now", "late"),
    [
        (datetime(2026, 11, 24, 23, 59), False),
        (datetime(2026, 11, 25, 23, 59), False),  # more than a day after, still on time
        (datetime(2026, 11, 26, 0, 1), True),
    ],
)
def test_home_flag_card_screen_and_insights_agree(now: datetime, late: bool) -> None:
    assert card_late(TUESDAY, now) is late
    assert follow_up_state(INTERVIEW, [], 0, now).card_overdue is late
    assert follow_up_state(INTERVIEW, [], 0, now).label() == ("card late" if late else "-")
    timing = card_timing([INTERVIEW], [], now)
    assert (timing.never, timing.still_time) == ((1, 0) if late else (0, 1))
    sent = now.date().isoformat()
    timing = card_timing([INTERVIEW], [Card(interview_id="ot001", sent=sent)], now)
    assert (timing.late, timing.on_time) == ((1, 0) if late else (0, 1))


def test_the_calendar_reminder_falls_on_the_last_day_on_time() -> None:
    calendar = icalendar.Calendar.from_ical(build_calendar(INTERVIEW, TUESDAY))
    card = next(e for e in calendar.walk("VEVENT") if "card" in str(e["UID"]))
    assert card.decoded("DTSTART").astimezone().date() == send_by(TUESDAY)
    assert ON_TIME_RULE in str(card["DESCRIPTION"])


def test_the_home_flag_says_late_in_the_rules_word_and_keeps_the_open_count() -> None:
    after = datetime(2026, 11, 26, 9, 0)
    drafted = [Card(interview_id="ot001", text="Dear Ana")]
    assert follow_up_state(INTERVIEW, drafted, 2, after).label() == "card late · 2 concerns open"
    sent = [Card(interview_id="ot001", sent="2026-11-26")]
    assert follow_up_state(INTERVIEW, sent, 0, after).label() == "card sent"


def test_the_follow_up_label_is_cut_only_between_words() -> None:
    """At 60 columns the home list's Follow-up column holds 19 cells: shorter words, never "1 o"."""
    state = FollowUpState(card="written", card_overdue=False, open_concerns=1)
    assert state.label() == "card written · 1 concern open"
    assert state.label(19) == "written · 1 concern"
    crowded = FollowUpState(card="drafted", card_overdue=True, open_concerns=12, cards_sent=1, cards=2)
    cut = crowded.label(19)
    assert cut.endswith("…") and cut[:-1] in crowded.label().replace("1 of 2 cards sent", "1/2 sent")
    assert not cut[:-1].rstrip().endswith(("1", "2", "o", "·"))
