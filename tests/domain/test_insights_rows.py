"""The fields Insights counts, read from stored rows: each exactly as the record reads it."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.insights.rows import (
    ConcernFacts,
    QuestionFacts,
    concern_facts,
    field_reader,
    first_of_each_id,
    gut_ratings,
    unasked_questions,
)
from followup_tui.domain.models import Concern, Debrief, Question
from tests.helpers.insight_values import GOOD
from tests.helpers.odd import ODD, json_values


def values(name: str) -> st.SearchStrategy[Any]:
    """A stored value for one field: a good one, a near miss, an odd one or any JSON."""
    return st.sampled_from(GOOD.get(name, []) + ODD) | json_values


def rows_of(names: list[str]) -> st.SearchStrategy[dict[str, Any]]:
    """Stored rows holding some of these fields (a missing field is read as missing)."""
    return st.fixed_dictionaries({}, optional={name: values(name) for name in names})


CONCERN_FIELDS = [
    "id",
    "interview_id",
    *(name for name in ConcernFacts._fields if name != "interview_id"),
    "text",
]


@settings(max_examples=300, deadline=None)
@given(rows=st.lists(rows_of(CONCERN_FIELDS), max_size=6))
def test_each_concern_counts_as_its_record(rows: list[dict[str, Any]]) -> None:
    records = [Concern.from_record(row) for row in first_of_each_id(rows)]
    expected = [ConcernFacts(*(getattr(r, name) for name in ConcernFacts._fields)) for r in records]
    assert concern_facts(rows) == expected


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(rows_of(["id", "interview_id", "gut", "notes"]), max_size=6))
def test_each_gut_rating_is_its_debriefs(rows: list[dict[str, Any]]) -> None:
    debriefs = [Debrief.from_record(row) for row in rows]
    first: dict[str, int | None] = {}
    for debrief in debriefs:
        first.setdefault(debrief.id, debrief.gut)
    assert gut_ratings(rows) == first


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(rows_of(["id", "interview_id", "text", "category", "asked", "order"]), max_size=6))
def test_the_unasked_questions_are_the_records_marked_not_asked(rows: list[dict[str, Any]]) -> None:
    records = [Question.from_record(row) for row in first_of_each_id(rows)]
    expected = [QuestionFacts(*(getattr(q, name) for name in QuestionFacts._fields)) for q in records]
    assert unasked_questions(rows) == [q for q in expected if q.asked == "no"]


def test_a_value_is_read_with_its_type() -> None:
    # 1, 1.0 and True are equal keys to Python: each must still be read as its own type reads it
    confidence = field_reader(Concern, "confidence")
    assert [confidence({"confidence": v}) for v in (50, True, 50.0, "50", None)] == [50, None, 50, 50, None]
    kind = field_reader(Concern, "kind")
    assert [kind({"kind": v}) for v in (["worry"], "worry", "Worry", 1)] == [
        "worry",
        "worry",
        "unsorted",
        "unsorted",
    ]
    assert kind({}) == "unsorted"


def test_a_repeated_id_counts_once_with_its_first_row() -> None:
    rows = [{"id": "a", "gut": 1}, {"id": "a", "gut": 5}, {"id": 7, "gut": 2}, {"id": "7", "gut": 3}]
    assert gut_ratings(rows) == {"a": 1, "7": 2}
