"""Counting every insight from the repository (no Textual): what the Insights screen shows.

Interviews and cards are read as records (the count uses most of their fields); concerns,
debriefs and questions, the bulk of a long history, only for the fields counted
(``domain.insights.rows``), which makes the first count after the file is read several
times cheaper.
"""

from __future__ import annotations

from datetime import datetime

from followup_tui.domain.insights import rows
from followup_tui.domain.insights.report import Insights, compute_insights
from followup_tui.domain.models import Card, Concern, Debrief, Interview, Question
from followup_tui.store.repository import Repository


def count_insights(repo: Repository, now: datetime) -> tuple[Insights, list[Interview]]:
    """Every insight, and the interviews counted (safe on a worker thread: nothing is changed).

    Args:
        repo: Where the records are.
        now: The current local time (interviews after it are upcoming).
    """
    interviews = list(repo.shared(Interview))
    result = compute_insights(
        interviews,
        repo.read_rows(Debrief, rows.gut_ratings),
        repo.read_rows(Concern, rows.concern_facts),
        repo.read_rows(Question, rows.unasked_questions),
        repo.shared(Card),
        now,
    )
    return result, interviews
