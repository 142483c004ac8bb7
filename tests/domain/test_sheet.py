"""The one-page sheet: order of sections, must-asks first, Markdown that shows text as typed."""

from __future__ import annotations

from followup_tui.domain.models import Interview, Interviewer, LikelyQuestion, Question
from followup_tui.domain.sheet import build_sheet, markdown_escape, sheet_markdown, when_label


def _interview() -> Interview:
    return Interview(
        company="Acme [/]",
        role="Engineer",
        when="2026-11-27 10:00",
        format="video",
        location="https://meet.example.com/x",
        interviewers=[Interviewer("Ana Ruiz", "CTO"), Interviewer("Bo Li")],
    )


def _questions() -> list[Question]:
    return [
        Question(text="First, not a must", order=1),
        Question(text="Second, a must", must_ask=True, order=2),
        Question(text="Third, not a must", order=3),
        Question(text="Fourth, a *must*", must_ask=True, order=4),
    ]


def test_must_asks_come_first_then_others_in_order_then_points_then_people() -> None:
    likely = [LikelyQuestion(question="Why us?", talking_points="- Mission\n\n* Team \n  Growth")]
    lines = build_sheet(_interview(), _questions(), likely)
    kinds = [(line.kind, line.text) for line in lines]
    assert kinds == [
        ("title", "Acme [/] · Engineer"),
        ("meta", "Friday 27 November 2026, 10:00"),
        ("meta", "Video call: https://meet.example.com/x"),
        ("heading", "Must ask"),
        ("must", "Second, a must"),
        ("must", "Fourth, a *must*"),
        ("heading", "Also ask"),
        ("question", "First, not a must"),
        ("question", "Third, not a must"),
        ("heading", "My talking points"),
        ("likely", "Why us?"),
        ("point", "Mission"),
        ("point", "Team"),
        ("point", "Growth"),
        ("heading", "Interviewers"),
        ("person", "Ana Ruiz, CTO"),
        ("person", "Bo Li"),
    ]


def test_empty_sections_say_so() -> None:
    lines = build_sheet(Interview(company="Solo"), [], [])
    assert ("meta", "Time not set") in [(x.kind, x.text) for x in lines]
    empties = [x.text for x in lines if x.kind == "empty"]
    assert empties == [
        "No must-asks marked.",
        "No other questions.",
        "No likely questions yet.",
        "No interviewers named yet.",
    ]


def test_markdown_keeps_the_order_and_escapes_user_text() -> None:
    text = sheet_markdown(build_sheet(_interview(), _questions(), []))
    assert text.startswith("# Acme \\[/\\] · Engineer\n")
    assert (
        text.index("**Second, a must**") < text.index("**Fourth, a \\*must\\***") < text.index("First, not")
    )
    assert text.index("## Must ask") < text.index("## Also ask") < text.index("## Interviewers")
    assert "- [ ] First, not a must\n- [ ] Third, not a must" in text
    assert "- Ana Ruiz, CTO\n- Bo Li" in text
    assert text.endswith("\n") and not text.endswith("\n\n")


def test_control_characters_never_reach_the_sheet() -> None:
    interview = Interview(company="Evil\x1b]0;pwn\x07Corp", role="x\x1b[31mred")
    lines = build_sheet(interview, [Question(text="Hi\x1b[2Jthere", must_ask=True)], [])
    text = sheet_markdown(lines)
    assert "\x1b" not in text and "\x07" not in text
    assert "Hithere" in text


def test_markdown_escape_and_when_label() -> None:
    assert markdown_escape("a_b [c](d) <e> #f |g`") == "a\\_b \\[c\\](d) \\<e\\> \\#f \\|g\\`"
    assert when_label(None) == "Time not set"
    assert when_label("2026-01-05 09:05") == "Monday 5 January 2026, 09:05"
