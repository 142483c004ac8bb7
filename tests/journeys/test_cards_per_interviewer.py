"""Each interviewer's card has its own state everywhere: sending one of two cards is not done
(the list, the .ics card reminder, Insights, the home screen at 60x20)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from click.testing import CliRunner
from textual.app import App

from followup_tui.cli import main as cli
from followup_tui.domain.calendar import build_calendar
from followup_tui.domain.insights.report import compute_insights
from followup_tui.domain.models import Card, Interview, Interviewer
from followup_tui.domain.status import all_cards_sent, follow_up_state
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import settle

WHEN = "2026-11-24 10:00"
"""The day before the fixed clock's: still time for a card."""


def two_interviewers_one_card_sent(repo: Repository) -> Interview:
    interview = repo.add(
        Interview(
            company="Initech",
            when=WHEN,
            interviewers=[Interviewer(name="Ana Lopez"), Interviewer(name="Bo Chen")],
        )
    )
    repo.add(Card(interview_id=interview.id, interviewer="Ana Lopez", text="Dear Ana", sent="2026-11-24"))
    repo.add(Card(interview_id=interview.id, interviewer="Bo Chen", text="Dear Bo"))
    return interview


def test_the_state_counts_each_interviewers_card(repo: Repository) -> None:
    interview = two_interviewers_one_card_sent(repo)
    cards = repo.children(Card, interview.id)
    state = follow_up_state(interview, cards, 0, FIXED_NOW)
    assert state.card == "drafted" and (state.cards_sent, state.cards) == (1, 2)
    assert state.label() == "1 of 2 cards sent"
    assert not all_cards_sent(interview, cards)


def test_followup_list_says_one_of_two_cards_sent(repo: Repository) -> None:
    two_interviewers_one_card_sent(repo)
    result = CliRunner().invoke(cli.main, ["list"])
    assert result.exit_code == 0
    assert "1 of 2 cards sent" in result.stdout and "card sent" not in result.stdout


def test_the_card_reminder_stays_while_one_card_is_unsent(repo: Repository) -> None:
    interview = two_interviewers_one_card_sent(repo)
    cards = repo.children(Card, interview.id)
    text = build_calendar(interview, FIXED_NOW, card_sent=all_cards_sent(interview, cards)).decode()
    card_event = text.split("Send the thank-you card")[0].rsplit("BEGIN:VEVENT", 1)[1]
    assert "CANCELLED" not in card_event


def test_insights_count_each_card(repo: Repository) -> None:
    interview = two_interviewers_one_card_sent(repo)
    later = datetime(2026, 11, 30, 12, 0)  # the on-time day is over: Bo's card is never sent
    insights = compute_insights([interview], [], [], [], repo.children(Card, interview.id), later)
    assert (insights.cards.on_time, insights.cards.never) == (1, 1)
    assert "1 of 2" in insights.cards_summary()


async def test_home_at_60x20_says_one_of_two_cards_sent(repo: Repository) -> None:
    two_interviewers_one_card_sent(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        assert "1 of 2 cards sent" in screen_text(cast("App[object]", app))
