"""The count Insights shows, from the stored rows, is the count over the records, to the number."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from followup_tui.domain.insights.report import Insights, compute_insights
from followup_tui.domain.models import Card, Concern, Debrief, Interview, Question
from followup_tui.services.demo.build import create_demo_file
from followup_tui.services.insights import count_insights
from followup_tui.store.repository import Repository
from tests.conftest import FIXED_NOW
from tests.helpers.insight_values import mixed_tables
from tests.helpers.odd import odd_tables, write_tables

GOOD_IDS = ["aaaaaa", "bbbbbb", "cccccc", "dddddd"]


def by_records(repo: Repository, now: datetime) -> Insights:
    """The count as it was made before: a record built for every stored row."""
    return compute_insights(
        repo.shared(Interview),
        repo.shared(Debrief),
        repo.shared(Concern),
        repo.shared(Question),
        repo.shared(Card),
        now,
    )


def test_the_demo_data_counts_as_its_records(tmp_path: Path) -> None:
    repo = Repository(create_demo_file(tmp_path, FIXED_NOW))
    counted, interviews = count_insights(repo, FIXED_NOW)
    assert counted == by_records(repo, FIXED_NOW)
    assert interviews == list(repo.shared(Interview))
    assert counted.predictions.predictions and counted.traps and counted.errors and counted.unasked


def test_odd_values_in_every_field_count_as_their_records(db_path: Path) -> None:
    tables = odd_tables(GOOD_IDS)
    # the first row of a repeated id is the one counted, as every list keeps it
    for name in ("debriefs", "concerns", "questions"):
        rows: dict[str, dict[str, Any]] = tables[name]
        repeated = {**rows["2"], "gut": 1, "kind": "worry", "asked": "no", "text": "again?"}
        rows[str(len(rows) + 1)] = repeated
    write_tables(db_path, tables)
    repo = Repository(db_path)
    later = datetime(2030, 1, 1)
    assert count_insights(repo, later)[0] == by_records(repo, later)
    assert count_insights(repo, FIXED_NOW)[0] == by_records(repo, FIXED_NOW)


def test_good_values_near_misses_and_odd_ones_count_as_their_records(db_path: Path) -> None:
    write_tables(db_path, mixed_tables(120))
    repo = Repository(db_path)
    counted = count_insights(repo, FIXED_NOW)[0]
    assert counted == by_records(repo, FIXED_NOW)
    assert counted.bad.decided and counted.predictions.settled and counted.traps and counted.unasked
