"""Suggestions the debrief makes for the board: what is offered, and never twice."""

from __future__ import annotations

from followup_tui.domain.models import Clarification, Concern, Debrief, Question
from followup_tui.domain.suggestions import all_suggestions, normalise, pending_suggestions, prompt_lines


def _questions() -> list[Question]:
    return [
        Question(id="q1", interview_id="i1", text="Who would I report to?", must_ask=True, asked="no"),
        Question(id="q2", interview_id="i1", text="What is the budget?", must_ask=True, asked="unknown"),
        Question(id="q3", interview_id="i1", text="Remote days?", must_ask=True, asked="yes"),
        Question(id="q4", interview_id="i1", text="Team size?", must_ask=False, asked="no"),
    ]


def test_unasked_must_asks_become_forgot_to_ask_errors() -> None:
    found = all_suggestions(Debrief(id="i1", interview_id="i1"), _questions(), debrief_exists=False)
    assert [s.key for s in found] == ["q:q1"]
    only = found[0]
    assert (only.kind, only.error_kind) == ("error", "forgot-to-ask")
    assert "Who would I report to?" in only.text


def test_unknown_counts_as_not_asked_once_the_debrief_exists() -> None:
    found = all_suggestions(Debrief(id="i1", interview_id="i1"), _questions(), debrief_exists=True)
    assert [s.key for s in found] == ["q:q1", "q:q2"]


def test_each_line_under_a_prompt_becomes_a_concern_of_its_kind() -> None:
    debrief = Debrief(
        id="i1",
        interview_id="i1",
        forgot_to_ask="- the travel budget\n\n* who I would pair with\n",
        not_learned="1. my open-source work",
        felt_off="The long silence\n   \nthe long silence.",
    )
    found = {s.key: s for s in all_suggestions(debrief, [], debrief_exists=True)}
    assert set(found) == {
        "forgot:the travel budget",
        "forgot:who i would pair with",
        "not-learned:my open-source work",
        "felt-off:the long silence",
    }
    assert found["forgot:the travel budget"].text == "the travel budget"
    assert (found["forgot:the travel budget"].kind, found["forgot:the travel budget"].error_kind) == (
        "error",
        "forgot-to-ask",
    )
    assert (
        found["not-learned:my open-source work"].kind,
        found["not-learned:my open-source work"].error_kind,
    ) == (
        "error",
        "not-learned",
    )
    felt = found["felt-off:the long silence"]
    assert (felt.kind, felt.error_kind, felt.text) == ("unsorted", "felt-off", "The long silence")


def test_a_clarification_becomes_an_answer_error_for_the_card() -> None:
    debrief = Debrief(
        id="i1",
        interview_id="i1",
        clarifications=[
            Clarification(question="Why leave now?", said="Money", should_have="The scope of the role"),
            Clarification(),
        ],
    )
    found = all_suggestions(debrief, [], debrief_exists=True)
    assert len(found) == 1
    item = found[0]
    assert item.key == "clarify:why leave now"
    assert (item.kind, item.error_kind, item.action) == ("error", "answer", "clarify-in-card")
    assert "Why leave now?" in item.text and "The scope of the role" in item.text
    concern = item.to_concern("i1")
    assert (concern.source, concern.action, concern.interview_id) == (item.key, "clarify-in-card", "i1")


def test_accepted_or_dismissed_keys_are_not_offered_again() -> None:
    debrief = Debrief(
        id="i1", interview_id="i1", forgot_to_ask="the budget\nthe team", dismissed=["forgot:the team"]
    )
    concerns = [Concern(id="c1", interview_id="i1", text="Did not ask", source="q:q1")]
    pending = pending_suggestions(debrief, _questions(), concerns, debrief_exists=True)
    assert [s.key for s in pending] == ["q:q2", "forgot:the budget"]


def test_editing_the_prompt_keeps_the_same_keys() -> None:
    first = all_suggestions(Debrief(forgot_to_ask="The budget"), [], True)
    again = all_suggestions(Debrief(forgot_to_ask="  - the   budget!\nsomething new"), [], True)
    assert first[0].key == again[0].key
    assert [s.key for s in again] == ["forgot:the budget", "forgot:something new"]


def test_control_characters_and_markup_stay_text() -> None:
    lines = prompt_lines("\x1b[31mred\x1b[0m [/] [@click=app.quit]x\n\x07")
    assert lines == ["red [/] [@click=app.quit]x"]
    assert normalise("  * [B]Loud[/B]  ") == "[b]loud[/b]"


def test_long_lines_are_clipped_to_a_storable_concern() -> None:
    found = all_suggestions(Debrief(felt_off="x" * 5000), [], True)
    concern = found[0].to_concern("i1")
    assert len(concern.text) == 2000
    assert concern.source == "felt-off:" + "x" * 200
