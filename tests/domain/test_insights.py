"""Every insight on hand-made data with known answers (no Textual, no file)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime

from followup_tui.domain.insights.report import (
    SMALL_SAMPLE,
    Insights,
    compute_insights,
    normalise_question,
    share,
)
from followup_tui.domain.models import Card, Concern, Debrief, Interview, Question

NOW = datetime(2026, 11, 25, 18, 30)


def interview(iid: str, when: str | None = "2026-11-01 10:00", outcome: str = "pending") -> Interview:
    return Interview(id=iid, company=f"Company {iid}", when=when, outcome=outcome)


def gut(iid: str, value: int | None) -> Debrief:
    return Debrief(id=iid, interview_id=iid, gut=value)


def question(iid: str, text: str, asked: str = "no", category: str = "", order: float = 1.0) -> Question:
    return Question(
        id=f"q{iid}{order}", interview_id=iid, text=text, category=category, asked=asked, order=order
    )


def compute(
    interviews: list[Interview],
    debriefs: list[Debrief] | None = None,
    concerns: list[Concern] | None = None,
    questions: list[Question] | None = None,
    cards: list[Card] | None = None,
) -> Insights:
    return compute_insights(interviews, debriefs or [], concerns or [], questions or [], cards or [], NOW)


# -- share ------------------------------------------------------------------------------------------


def test_share_counts_below_the_sample_size() -> None:
    assert share(2, 3) == "2 of 3"
    assert share(0, 1) == "0 of 1"
    assert share(9, SMALL_SAMPLE - 1) == "9 of 9"


def test_share_gives_a_percentage_from_the_sample_size_on() -> None:
    assert share(4, 10) == "40% (4 of 10)"
    assert share(2, 3 * SMALL_SAMPLE) == "7% (2 of 30)"


def test_share_of_nothing_is_not_a_division() -> None:
    assert share(0, 0) == "none yet"


def test_normalise_question_joins_wordings() -> None:
    assert normalise_question("  What does   SUCCESS look like? ") == normalise_question(
        "what does success look like"
    )


# -- not enough data --------------------------------------------------------------------------------


def test_zero_interviews_says_not_enough_data_everywhere() -> None:
    result = compute([])
    assert result.interviews == result.happened == result.decided == 0
    assert result.gut_summary() == "Not enough data yet: no interviews recorded."
    assert result.outcomes_summary() == "Not enough data yet: no interviews recorded."
    assert result.worry_summary() == "No worries recorded yet."
    assert result.traps_summary() == "No thinking traps tagged yet."
    assert result.errors_summary() == "No actual errors recorded yet."
    assert result.unasked_summary() == "Nothing left unasked so far."
    assert result.cards_summary() == "No card to judge yet."
    assert result.bad.rate is None and result.others.rate is None


def test_one_interview_is_not_enough_for_a_comparison() -> None:
    result = compute([interview("a", outcome="advanced")], [gut("a", 1)])
    assert result.bad.decided == 1 and result.bad.went_forward == 1
    assert result.gut_summary().startswith("Not enough data yet: one interview so far")
    assert result.outcomes_summary() == "Outcome known: 1 of 1 interviews."


def test_only_upcoming_interviews_have_not_happened() -> None:
    result = compute([interview("a", when="2026-12-01 10:00")])
    assert (result.interviews, result.happened, result.upcoming) == (1, 0, 1)
    assert result.gut_summary() == "Not enough data yet: no interview has happened yet."


def test_no_outcomes_yet() -> None:
    result = compute([interview("a"), interview("b")], [gut("a", 2), gut("b", 4)])
    assert result.decided == 0
    assert "no outcomes recorded" in result.gut_summary()
    assert result.outcomes_summary() == "Not enough data yet: no outcomes recorded."


# -- gut feeling vs. what happened ------------------------------------------------------------------


def test_bad_feeling_interviews_that_went_forward_against_the_others() -> None:
    interviews = [
        interview("a", outcome="advanced"),
        interview("b", outcome="offer"),
        interview("c", outcome="rejected"),
        interview("d", outcome="pending"),  # bad, but nothing known yet
        interview("e", outcome="rejected"),
        interview("f", outcome="advanced"),
        interview("g", outcome="withdrawn"),  # my choice: says nothing about how it went
        interview("h", outcome="no-response"),  # not rated: counts with the others
        interview("z", when="2026-12-02 09:00"),  # upcoming: in neither group
    ]
    debriefs = [gut("a", 1), gut("b", 2), gut("c", 2), gut("d", 1), gut("e", 4), gut("f", 3), gut("g", 5)]
    result = compute(interviews, debriefs)
    assert (result.bad.interviews, result.bad.decided, result.bad.went_forward) == (4, 3, 2)
    assert (result.others.interviews, result.others.decided, result.others.went_forward) == (4, 3, 1)
    summary = result.gut_summary()
    assert "Felt bad, went forward: 2 of 3. The others: 1 of 3." in summary
    assert summary.startswith("So far a bad feeling did not mean a worse result.")
    assert "Small numbers" in summary


def test_bad_feeling_interviews_that_did_go_worse_are_said_so() -> None:
    interviews = [interview("a", outcome="rejected"), interview("b", outcome="advanced")]
    result = compute(interviews, [gut("a", 1), gut("b", 5)])
    assert result.gut_summary().startswith("So far bad-feeling interviews went forward less often.")
    assert "Felt bad, went forward: 0 of 1. The others: 1 of 1." in result.gut_summary()


def test_large_sample_uses_percentages_without_the_caution() -> None:
    interviews = [interview(f"b{n}", outcome="advanced" if n < 4 else "rejected") for n in range(10)]
    interviews += [interview(f"o{n}", outcome="advanced" if n < 5 else "rejected") for n in range(10)]
    debriefs = [gut(f"b{n}", 2) for n in range(10)]
    result = compute(interviews, debriefs)
    summary = result.gut_summary()
    assert "went forward: 40% (4 of 10). The others: 50% (5 of 10)." in summary
    assert "Small numbers" not in summary
    assert not result.small_sample


def test_no_bad_feeling_interview_yet() -> None:
    result = compute([interview("a", outcome="advanced"), interview("b", outcome="rejected")], [gut("a", 4)])
    assert result.gut_summary() == "No interview felt bad (gut 1-2) yet. The others went forward 1 of 2."


def test_bad_feeling_interviews_without_outcome() -> None:
    result = compute([interview("a"), interview("b", outcome="advanced")], [gut("a", 1)])
    assert result.gut_summary() == "Your 1 bad-feeling interview: no outcome yet."


# -- worries vs. reality ----------------------------------------------------------------------------


def concern(iid: str, kind: str, **fields: object) -> Concern:
    return Concern(interview_id=iid, text="they looked bored", kind=kind, **fields)  # type: ignore[arg-type]


def test_worries_and_how_predictions_settled() -> None:
    concerns = [
        concern("a", "worry", prediction=True, prediction_result="came-true"),
        concern("a", "worry", prediction=True, prediction_result="did-not"),
        concern("a", "worry", prediction=True, prediction_result="did-not"),
        concern("b", "worry", prediction=True),
        concern("b", "worry"),
        concern("b", "error"),
        concern("gone", "worry", prediction=True),  # its interview was deleted: ignored
    ]
    result = compute([interview("a"), interview("b")], concerns=concerns)
    p = result.predictions
    assert (p.worries, p.predictions, p.came_true, p.did_not, p.open, p.settled) == (5, 4, 1, 2, 1, 3)
    assert result.worry_summary() == "5 worries; of 3 settled predictions, 1 of 3 came true (1 still open)."


def test_calibration_counts_how_sure_against_what_came_true() -> None:
    def sure(level: int, result: str) -> Concern:
        return concern("a", "worry", prediction=True, confidence=level, prediction_result=result)

    concerns = [
        *(sure(90, "came-true" if n == 0 else "did-not") for n in range(5)),
        sure(50, "came-true"),
        sure(30, "did-not"),
        *(sure(70, "came-true" if n < 3 else "did-not") for n in range(12)),
        concern("a", "worry", prediction=True, confidence=10),  # not settled: not counted
    ]
    result = compute([interview("a")], concerns=concerns)
    levels = [(c.confidence, c.settled, c.came_true) for c in result.predictions.calibration]
    assert levels == [(90, 5, 1), (70, 12, 3), (50, 1, 1), (30, 1, 0)]
    assert result.calibration_lines() == [
        "You were 90% sure 5 times; 1 came true.",
        "You were 70% sure 12 times; 3 came true (25%).",
        "You were 50% sure once; it came true.",
        "You were 30% sure once; it did not come true.",
    ]
    assert result.worry_summary().endswith("You were 30% sure once; it did not come true.")


def test_worries_without_predictions_or_settlement() -> None:
    one = compute([interview("a")], concerns=[concern("a", "worry")])
    assert one.worry_summary() == "1 worry recorded; none written down as a prediction yet."
    open_only = compute([interview("a")], concerns=[concern("a", "worry", prediction=True)])
    assert open_only.worry_summary() == "1 worry; 1 prediction, none settled yet."


# -- thinking traps and actual errors ---------------------------------------------------------------


def test_thinking_traps_are_counted_on_worries_most_common_first() -> None:
    concerns = [
        concern("a", "worry", traps=["mind-reading", "catastrophizing"]),
        concern("a", "worry", traps=["mind-reading"]),
        concern("b", "worry", traps=["labeling", "catastrophizing", "mind-reading"]),
        concern("b", "error", traps=["labeling"]),  # moved to errors: its tags no longer count
    ]
    result = compute([interview("a"), interview("b")], concerns=concerns)
    assert [(t.key, t.count) for t in result.traps] == [
        ("mind-reading", 3),
        ("catastrophizing", 2),
        ("labeling", 1),
    ]
    assert result.traps[0].label == "Mind reading"
    assert result.traps_summary() == "Most common: Mind reading (3 times)."


def test_actual_errors_by_kind_with_resolved_counts() -> None:
    concerns = [
        concern("a", "error", error_kind="forgot-to-ask", resolved=True),
        concern("a", "error", error_kind="forgot-to-ask"),
        concern("a", "error", error_kind="forgot-to-ask"),
        concern("a", "error", error_kind="answer", resolved=True),
        concern("a", "error", error_kind="not-learned"),
        concern("a", "worry", error_kind="answer"),  # a worry is not an actual error
    ]
    result = compute([interview("a")], concerns=concerns)
    assert [(e.kind, e.count, e.resolved) for e in result.errors] == [
        ("forgot-to-ask", 3, 1),
        ("not-learned", 1, 0),
        ("answer", 1, 1),
    ]
    assert result.error_count == 5
    assert result.errors_summary() == "5 actual errors; resolved: 2 of 5."


# -- what I keep forgetting to ask ------------------------------------------------------------------


def test_unasked_questions_grouped_by_wording_and_category() -> None:
    interviews = [interview("old", when="2026-10-01 10:00"), interview("new", when="2026-11-20 10:00")]
    questions = [
        question("old", "What does success look like in 90 days?", category="Role"),
        question("new", "what does success look like in 90 days", category="role", order=2),
        question("old", "How is the team growing?", category="Team", order=3),
        question("new", "How do you review code?", asked="yes", category="Team", order=4),
        question("new", "Who would I work with most?", category="", order=5),
        question("new", "What does success look like in 90 days?", asked="unknown", order=6),
        question("gone", "What does success look like in 90 days?"),  # deleted interview
    ]
    result = compute(interviews, questions=questions)
    top = result.unasked[0]
    assert (top.text, top.count, top.category, top.interview_ids) == (
        "what does success look like in 90 days",  # the newest wording
        2,
        "role",
        ("new", "old"),
    )
    assert [(u.text, u.count) for u in result.unasked[1:]] == [
        ("How is the team growing?", 1),
        ("Who would I work with most?", 1),
    ]
    assert [(t.label, t.count) for t in result.unasked_by_category] == [
        ("Role", 2),
        ("No category", 1),
        ("Team", 1),
    ]
    assert (
        result.unasked_summary()
        == "Most often left unasked (2 times): what does success look like in 90 days"
    )


def test_unasked_once_each_is_not_yet_a_pattern() -> None:
    result = compute([interview("a")], questions=[question("a", "Is there a budget for training?")])
    assert result.unasked_summary() == "1 question left unasked, none twice yet."


# -- cards ------------------------------------------------------------------------------------------


def test_cards_on_time_late_never_and_still_time() -> None:
    interviews = [
        interview("ontime", when="2026-11-02 16:00"),
        interview("nextday", when="2026-11-03 16:00"),
        interview("late", when="2026-11-04 10:00"),
        interview("never", when="2026-11-05 10:00"),
        interview("today", when="2026-11-25 10:00"),  # still time to send
        interview("nodate", when=None),  # nothing to be on time for
        interview("ahead", when="2026-12-01 10:00"),  # upcoming
    ]
    cards = [
        Card(interview_id="ontime", interviewer="A", sent="2026-11-02"),
        Card(interview_id="nextday", interviewer="B", sent="2026-11-06"),
        Card(interview_id="nextday", interviewer="C", sent="2026-11-04"),  # the earliest counts
        Card(interview_id="late", interviewer="D", sent="2026-11-07"),
        Card(interview_id="never", interviewer="E", written="2026-11-05"),
        Card(interview_id="nodate", interviewer="F", sent="2026-11-09"),
    ]
    result = compute(interviews, cards=cards)
    c = result.cards
    assert (c.on_time, c.late, c.never, c.still_time, c.judged) == (2, 1, 1, 1, 4)
    assert result.cards_summary() == "Sent on time: 2 of 4; late: 1; never: 1."


# -- outcomes ---------------------------------------------------------------------------------------


def test_outcomes_distribution_over_interviews_that_happened() -> None:
    interviews = [
        interview("a", outcome="advanced"),
        interview("b", outcome="advanced"),
        interview("c", outcome="rejected"),
        interview("d"),
        interview("e", when="2026-12-01 10:00"),  # upcoming: not in the distribution
    ]
    result = compute(interviews)
    counts = {t.key: t.count for t in result.outcomes}
    assert counts == {
        "pending": 1,
        "advanced": 2,
        "offer": 0,
        "rejected": 1,
        "withdrawn": 0,
        "no-response": 0,
    }
    assert [t.label for t in result.outcomes][-1] == "No response"
    assert result.outcomes_summary() == "Outcome known: 3 of 4 interviews."


def test_insights_module_does_not_import_textual() -> None:
    code = "import sys, followup_tui.domain.insights.report; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
