"""The demo data: realistic, complete, deterministic and quick to create."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from followup_tui.domain.models import (
    BankQuestion,
    Card,
    ChecklistItem,
    Concern,
    Debrief,
    Interview,
    LikelyQuestion,
    Question,
)
from followup_tui.domain.status import follow_up_state
from followup_tui.domain.sync.replicas import is_data_table
from followup_tui.services.demo.build import DEMO_FILE_NAME, create_demo_file, fill_demo
from followup_tui.store.repository import Repository
from tests.conftest import FIXED_NOW
from tests.helpers.files import read_merged


@pytest.fixture
def demo(tmp_path: Path) -> Repository:
    """A repository filled with the demo data around FIXED_NOW."""
    return Repository(create_demo_file(tmp_path, FIXED_NOW))


def test_creates_the_named_file_quickly(tmp_path: Path) -> None:
    start = time.perf_counter()
    path = create_demo_file(tmp_path, FIXED_NOW)
    assert time.perf_counter() - start < 1.0
    assert path == tmp_path / DEMO_FILE_NAME
    assert read_merged(path)["interviews"]
    with pytest.raises(FileExistsError):
        create_demo_file(tmp_path, FIXED_NOW)


def test_same_now_gives_the_same_data(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = read_merged(create_demo_file(tmp_path / "a", FIXED_NOW))
    second = read_merged(create_demo_file(tmp_path / "b", FIXED_NOW))
    assert _records(first) == _records(second) and _records(first)["interviews"]


def test_upcoming_and_past_interviews_around_now(demo: Repository) -> None:
    interviews = demo.interviews()
    assert 6 <= len(interviews) <= 8
    upcoming = [i for i in interviews if not i.has_started(FIXED_NOW)]
    past = [i for i in interviews if i.has_started(FIXED_NOW)]
    assert len(upcoming) == 2
    soonest = min(upcoming, key=lambda i: i.when or "")
    assert soonest.when == "2026-11-26 10:00"
    assert len({i.company for i in interviews}) == len(interviews)
    assert {i.outcome for i in past} >= {"advanced", "rejected", "offer", "pending", "no-response"}
    for interview in upcoming:
        questions = demo.children(Question, interview.id)
        assert any(q.must_ask for q in questions)
        assert all(q.category for q in questions)
        assert demo.children(LikelyQuestion, interview.id)
        assert demo.children(ChecklistItem, interview.id)
        assert not demo.children(Concern, interview.id)


def test_past_interviews_have_debriefs_and_both_kinds_of_concern(demo: Repository) -> None:
    past = [i for i in demo.interviews() if i.has_started(FIXED_NOW)]
    guts = {i.outcome: demo.debrief(i.id).gut for i in past}
    assert all(g is not None for g in guts.values())
    assert any((guts[o] or 5) <= 2 for o in ("advanced", "offer"))
    asked = {q.asked for i in past for q in demo.children(Question, i.id)}
    assert asked == {"yes", "no"}
    concerns = demo.all(Concern)
    assert {c.kind for c in concerns} == {"unsorted", "worry", "error"}
    worries = [c for c in concerns if c.kind == "worry"]
    assert all(c.traps and c.balanced_thought for c in worries)
    assert {c.prediction_result for c in worries if c.prediction} == {"", "came-true", "did-not"}
    errors = [c for c in concerns if c.kind == "error"]
    assert len({c.error_kind for c in errors}) >= 3
    assert all(c.action for c in errors if c.interview_id != past[-1].id)
    assert len(demo.all(Debrief)) == len(past)
    assert len(demo.all(BankQuestion)) == 2


def test_card_for_the_interview_with_clarifications(demo: Repository) -> None:
    pending = next(i for i in demo.interviews() if i.has_started(FIXED_NOW) and i.outcome == "pending")
    clarify = [c for c in demo.children(Concern, pending.id) if c.action == "clarify-in-card"]
    assert len(clarify) == 2 and all(c.to_know for c in clarify)
    assert demo.children(Card, pending.id) == []  # the card is the draft of the user's sentences
    assert pending.why_this_job and demo.debrief(pending.id).worth_mentioning
    state = follow_up_state(pending, [], demo.children(Concern, pending.id), FIXED_NOW)
    assert state.card_overdue and state.open_concerns >= 3
    assert any(c.sent for c in demo.all(Card))


def test_fill_demo_into_an_existing_repository(repo: Repository) -> None:
    repo.add(Interview(company="Mine"))
    fill_demo(repo, FIXED_NOW)
    assert "Mine" in {i.company for i in repo.interviews()}
    assert len(repo.interviews()) == 8


def _records(tables: dict[str, Any]) -> dict[str, Any]:
    """The data tables (the stamps say when and on which device: they differ by design)."""
    return {name: table for name, table in tables.items() if is_data_table(name)}
