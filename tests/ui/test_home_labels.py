"""The Interviews screen names outcomes in words, in the table and in the filter line."""

from __future__ import annotations

from typing import cast

import pytest
from textual.app import App

from followup_tui.domain.models import Card, Concern, Interview
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.home.table import InterviewTable
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import until


def shown(app: FollowupApp) -> str:
    """What the app shows, as plain text."""
    return screen_text(cast("App[object]", app))


def outcome_cells(app: FollowupApp) -> list[str]:
    """The outcome column as shown, top to bottom."""
    table = app.screen.query_one(InterviewTable)
    column = [str(c.key.value) for c in table.ordered_columns].index("outcome")
    return [table.get_row_at(n)[column].plain.strip() for n in range(table.row_count)]


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_no_response_reads_as_words_not_as_its_stored_key(
    repo: Repository, size: tuple[int, int]
) -> None:
    fill_demo(repo, FIXED_NOW)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        assert await until(pilot, lambda: app.screen.query(InterviewTable) and outcome_cells(app))
        cells = outcome_cells(app)
        assert "no response" in cells
        assert not any("-" in cell and cell != "-" for cell in cells)
        await pilot.press(*"f" * 6)  # any -> pending ... -> no-response
        assert await until(pilot, lambda: "outcome no response" in shown(app))
        assert "no-response" not in shown(app)


def follow_up_cells(app: FollowupApp) -> list[str]:
    """The Follow-up column as shown, top to bottom."""
    table = app.screen.query_one(InterviewTable)
    column = [str(c.key.value) for c in table.ordered_columns].index("follow-up")
    return [table.get_row_at(n)[column].plain.strip() for n in range(table.row_count)]


async def test_a_written_card_and_two_concerns_fit_the_follow_up_column_at_60(repo: Repository) -> None:
    """ "written · 2 concerns" is 20 cells: at 60 columns it shows whole, nothing cut or dropped."""
    interview = repo.add(Interview(company="初めての会社", when="2026-11-24 10:00", outcome="advanced"))
    repo.add(Card(interview_id=interview.id, interviewer="Ana", text="Thanks", written="2026-11-24"))
    for text in ("Rambled", "Said 3 years"):
        repo.add(Concern(interview_id=interview.id, text=text))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        assert await until(pilot, lambda: app.screen.query(InterviewTable) and follow_up_cells(app))
        assert follow_up_cells(app) == ["written · 2 concerns"]
        assert "written · 2 concerns" in shown(app)
        assert "初めての会社" in shown(app)  # wide text measured in cells: the company whole
