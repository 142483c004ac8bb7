"""Models: strict constructors with one clear message per bad value, lenient from_record."""

from __future__ import annotations

import pytest

from followup_tui.domain.models import (
    BankQuestion,
    Card,
    ChecklistItem,
    Clarification,
    Concern,
    Debrief,
    Interview,
    Interviewer,
    Question,
    ValidationError,
    parse_when,
)
from followup_tui.domain.vocabulary import LONG_LIMIT, SHORT_LIMIT


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: Interview(company="  "), "Company is required."),
        (lambda: Interview(company="A", when="tomorrow"), "is not a date and time"),
        (lambda: Interview(company="A", when="2026-02-30 10:00"), "is not a date and time"),
        (
            lambda: Interview(company="A", format="carrier pigeon"),
            "Format must be one of: onsite, video, phone",
        ),
        (lambda: Interview(company="A", outcome="maybe"), "Outcome must be one of"),
        (lambda: Interview(company="x" * (SHORT_LIMIT + 1)), "Company is too long"),
        (lambda: Interview(company="A", notes="x" * (LONG_LIMIT + 1)), "Notes is too long"),
        (lambda: Interview(company=42), "Company must be text."),  # type: ignore[arg-type]
        (lambda: Interviewer(name="Ana", email="ana-at-example"), "is not an email address"),
        (lambda: Question(text=" "), "A question needs some text."),
        (lambda: Question(text="Why?", asked="perhaps"), "Asked must be one of: unknown, yes, no"),
        (lambda: Question(text="Why?", must_ask="yes"), "Must-ask must be yes or no."),  # type: ignore[arg-type]
        (lambda: ChecklistItem(text="CV", done=1), "Done must be yes or no."),  # type: ignore[arg-type]
        (lambda: Debrief(gut=6), "Gut rating must be a whole number from 1 to 5."),
        (lambda: Debrief(gut=True), "Gut rating must be a whole number from 1 to 5."),  # type: ignore[arg-type]
        (lambda: Concern(text=""), "A concern needs some text."),
        (lambda: Concern(text="t", kind="fear"), "Kind must be one of: unsorted, worry, error"),
        (lambda: Concern(text="t", error_kind="oops"), "Error kind must be one of"),
        (lambda: Concern(text="t", action="panic"), "Action must be one of"),
        (lambda: Concern(text="t", traps=["mind-reading", "doom"]), "Thinking trap must be one of"),
        (lambda: Concern(text="t", prediction_result="maybe"), "Prediction result must be one of"),
        (lambda: Card(sent="25/11/2026"), "Sent date must be YYYY-MM-DD."),
        (lambda: Card(written="2026-13-01"), "Written date must be YYYY-MM-DD."),
        (lambda: BankQuestion(text="\n"), "A question needs some text."),
    ],
)
def test_bad_values_raise_one_clear_sentence(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        make()
    text = str(caught.value)
    assert message in text
    assert "\n" not in text
    assert text.endswith(".") or text.endswith(")")


def test_parse_when_normalises_and_refuses() -> None:
    assert parse_when(" 2026-11-25   14:05 ") == "2026-11-25 14:05"
    assert parse_when("2026-11-25T14:05") == "2026-11-25 14:05"
    assert parse_when("2026-11-25") == "2026-11-25 09:00"
    assert parse_when("") is None
    assert parse_when(None) is None
    with pytest.raises(ValidationError, match="use YYYY-MM-DD HH:MM"):
        parse_when("25.11.2026")


def test_lone_surrogates_become_replacement_characters() -> None:
    interview = Interview(company="Acme \ud800 Ltd")
    assert interview.company == "Acme \ufffd Ltd"
    interview.company.encode("utf-8")


def test_nested_records_are_built_from_dicts() -> None:
    interview = Interview(company="A", interviewers=[{"name": "Ana", "email": "ana@example.com"}])  # type: ignore[list-item]
    assert interview.interviewers == [Interviewer(name="Ana", email="ana@example.com")]
    debrief = Debrief(clarifications=[{"question": "Q", "said": "S"}])  # type: ignore[list-item]
    assert debrief.clarifications == [Clarification(question="Q", said="S")]


def test_duplicate_traps_are_kept_once_in_order() -> None:
    concern = Concern(text="t", traps=["labeling", "mind-reading", "labeling"])
    assert concern.traps == ["labeling", "mind-reading"]


def test_from_record_is_lenient_with_bad_and_unknown_values() -> None:
    record = {
        "id": "abcde",
        "company": "Acme",
        "when": "someday",
        "format": "hologram",
        "outcome": "offer",
        "surprise": "ignored",
        "notes": "n" * (LONG_LIMIT + 50),
    }
    interview = Interview.from_record(record)
    assert interview.id == "abcde"
    assert interview.company == "Acme"
    assert interview.when is None
    assert interview.format == "onsite"
    assert interview.outcome == "offer"
    assert len(interview.notes) == LONG_LIMIT


def test_from_record_fills_a_missing_required_field() -> None:
    assert Interview.from_record({"id": "x"}).company == "(no company)"
    assert Concern.from_record({"kind": "worry"}).text == "(empty)"
    assert Concern.from_record({"kind": "worry"}).kind == "worry"
    assert Debrief.from_record({"gut": "five"}).gut is None


def test_to_record_and_from_record_round_trip() -> None:
    interview = Interview(
        id="k3m9p",
        company="Acme",
        role="Engineer",
        when="2026-11-25 14:00",
        format="video",
        interviewers=[Interviewer(name="Ana", title="Lead", email="ana@example.com")],
        outcome="advanced",
    )
    assert Interview.from_record(interview.to_record()) == interview
    concern = Concern(text="t", kind="worry", traps=["should"], prediction=True, prediction_result="did-not")
    assert Concern.from_record(concern.to_record()) == concern


def test_started_uses_the_local_time() -> None:
    from datetime import datetime

    interview = Interview(company="A", when="2026-11-25 14:00")
    assert interview.has_started(datetime(2026, 11, 25, 14, 0))
    assert not interview.has_started(datetime(2026, 11, 25, 13, 59))
    assert not Interview(company="A").has_started(datetime(2030, 1, 1))
