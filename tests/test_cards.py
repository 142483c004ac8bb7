"""The card draft builder, its size rules and the phrases to avoid."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.card.draft import (
    CARD_MAX,
    CARD_MIN,
    PHRASES_TO_AVOID,
    WORDINGS,
    build_draft,
    card_errors,
    current_text,
    default_variant,
    find_card,
    first_sentence,
    fit,
    flag_phrases,
    greeting_name,
    meter,
)
from followup_tui.domain.models import Card, Clarification, Concern, Debrief, Interview, Interviewer, Question
from followup_tui.domain.text import word_count

VARIANTS = range(len(WORDINGS))


def interview(**changes: object) -> Interview:
    values: dict[str, object] = {
        "id": "ab3k9",
        "company": "Northwind Labs",
        "role": "Backend engineer",
        "when": "2026-11-24 14:00",
        "interviewers": [Interviewer(name="Sam Okafor"), Interviewer(name="Dr. Lena Brandt")],
    }
    values.update(changes)
    return Interview(**values)  # type: ignore[arg-type]


def debrief(notes: str = "") -> Debrief:
    return Debrief(id="ab3k9", interview_id="ab3k9", notes=notes)


def error(text: str, action: str = "clarify-in-card", **changes: object) -> Concern:
    return Concern(interview_id="ab3k9", text=text, kind="error", action=action, **changes)  # type: ignore[arg-type]


NOTES = "We walked through the plan to move billing onto event streams next spring. Pay came up late."
POSTGRES = error("Forgot to mention that I led the Postgres upgrade at my last job")
KAFKA = error(
    "I said I had no Kafka experience, but I ran a Kafka cluster for two years at Fabrikam",
    error_kind="answer",
)


@pytest.mark.parametrize("variant", VARIANTS)
def test_two_errors_named_clarified_and_fit(variant: int) -> None:
    text = build_draft(interview(), debrief(NOTES), [POSTGRES, KAFKA], "Sam Okafor", variant)
    assert text.splitlines()[0].endswith("Sam,")
    assert "I led the Postgres upgrade at my last job" in text
    assert "I ran a Kafka cluster for two years at Fabrikam" in text
    assert "Forgot" not in text and "I said I had no" not in text
    assert "Northwind Labs" in text and "Tuesday" in text
    assert fit(text) == "fits"
    assert flag_phrases(text) == []


@pytest.mark.parametrize("variant", VARIANTS)
def test_specific_line_comes_from_the_first_sentence_of_the_notes(variant: int) -> None:
    text = build_draft(interview(), debrief("- " + NOTES), [], "Sam Okafor", variant)
    assert "We walked through the plan to move billing onto event streams next spring." in text
    assert "Pay came up late" not in text
    assert "- We" not in text


def test_private_or_negative_note_sentences_stay_off_the_card() -> None:
    notes = "Sam was friendly; the second half felt hurried. They liked my story. We mapped the data flow."
    assert first_sentence(notes, avoid=("Sam", "Okafor")) == "We mapped the data flow."
    assert first_sentence("It went badly. I was not ready.") == ""


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_asked_question_is_the_specific_line_when_notes_do_not_suit(variant: int) -> None:
    questions = [
        Question(interview_id="ab3k9", text="Who reviews the code?", asked="no", must_ask=True),
        Question(interview_id="ab3k9", text="Where is the product heading?", asked="yes"),
        Question(interview_id="ab3k9", text="What does on-call look like?", asked="yes", must_ask=True),
    ]
    text = build_draft(interview(), debrief("It felt rushed."), [], "Sam", variant, questions)
    assert "“What does on-call look like?”" in text
    assert "?”." not in text
    assert "rushed" not in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_an_answer_to_clarify_uses_the_better_answer(variant: int) -> None:
    notes = debrief()
    notes.clarifications = [
        Clarification(
            question="How would you cache appointment lookups?",
            said="Cache everything for an hour.",
            should_have="Cache per clinic with a short expiry, and clear it when a booking changes.",
        )
    ]
    typed = error("My caching answer ignored stale bookings.", error_kind="answer")
    text = build_draft(interview(), notes, [typed], "Sam", variant)
    assert "“How would you cache appointment lookups”" in text
    assert "cache per clinic with a short expiry, and clear it when a booking changes." in text
    assert "ignored" not in text
    suggested = error("Clarify my answer to: Why Go? (better: Because the team already knows it.)")
    text = build_draft(interview(), None, [suggested], "Sam", variant)
    assert "“Why Go”" in text and "because the team already knows it." in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_interviewer_addresses_the_hiring_team(variant: int) -> None:
    text = build_draft(interview(interviewers=[]), None, [], "", variant)
    assert text.splitlines()[0] in {"Dear Northwind Labs hiring team,", "Hello Northwind Labs hiring team,"}
    assert CARD_MIN <= word_count(text) <= CARD_MAX


def test_long_company_falls_back_to_a_plain_hiring_team() -> None:
    text = build_draft(interview(company="The Very Long Name Of A Holding Company"), None, [], "", 0)
    assert text.startswith("Dear hiring team,")


def test_several_interviewers_each_get_their_own_greeting() -> None:
    to_sam = build_draft(interview(), None, [], "Sam Okafor", 0)
    to_lena = build_draft(interview(), None, [], "Dr. Lena Brandt", 0)
    assert to_sam.startswith("Dear Sam,")
    assert to_lena.startswith("Dear Dr. Brandt,")
    assert to_sam.split("\n", 1)[1] == to_lena.split("\n", 1)[1]


def test_greeting_name_forms() -> None:
    assert greeting_name("  Sam   Okafor ") == "Sam"
    assert greeting_name("Prof. Ada King") == "Prof. King"
    assert greeting_name("Dr") == "Dr"
    assert greeting_name("") == ""
    assert len(greeting_name("X" * 300)) <= 40


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_errors_no_notes_is_still_a_full_card(variant: int) -> None:
    text = build_draft(interview(role="", when=None), None, [], "Sam", variant)
    assert CARD_MIN <= word_count(text) <= CARD_MAX
    assert "role at Northwind Labs" in text
    assert " on " not in text.split("\n\n")[1][:40]


def test_only_unresolved_errors_marked_for_the_card_are_used() -> None:
    concerns = [
        error("Forgot to mention my AWS certification"),
        error("Did not ask about the salary band", action="ask-next-round"),
        error("Never mentioned the Go rewrite", resolved=True),
        Concern(interview_id="ab3k9", text="They thought I was dull", kind="worry", action=""),
        Concern(interview_id="ab3k9", text="Unsorted thing", kind="unsorted"),
    ]
    assert [c.text for c in card_errors(concerns)] == ["Forgot to mention my AWS certification"]
    text = build_draft(interview(), None, concerns, "Sam", 0)
    assert "my AWS certification" in text
    for absent in ("salary", "Go rewrite", "dull", "Unsorted"):
        assert absent not in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_forgot_to_ask_becomes_a_question_still_open(variant: int) -> None:
    text = build_draft(interview(), None, [error("Didn't ask about the on-call rotation")], "Sam", variant)
    assert "about the on-call rotation." in text
    text = build_draft(
        interview(), None, [error("forgot to ask how the team plans releases")], "Sam", variant
    )
    assert "hear how the team plans releases." in text or "word on how the team plans releases." in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_many_errors_stay_card_sized_and_mention_the_rest(variant: int) -> None:
    concerns = [
        error(f"Forgot to mention project number {n} where I cut build times in half") for n in range(8)
    ]
    text = build_draft(interview(), debrief(NOTES), concerns, "Sam Okafor", variant)
    assert word_count(text) <= CARD_MAX
    assert "project number 0" in text
    assert "project number 7" not in text
    assert "more point" in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_very_long_texts_are_shortened_sensibly(variant: int) -> None:
    long_error = error("Forgot to mention " + " ".join(f"detail{n}" for n in range(150)))
    long_notes = " ".join(f"word{n}" for n in range(400)) + "."
    text = build_draft(
        interview(company="C" * 200, role="R " * 90),
        debrief(long_notes),
        [long_error] * 2,
        "N" * 200,
        variant,
    )
    assert word_count(text) <= CARD_MAX
    assert "detail0" in text and "detail149" not in text
    assert "…" in text


@pytest.mark.parametrize("variant", VARIANTS)
def test_hostile_text_is_cleaned_but_kept_literal(variant: int) -> None:
    nasty = interview(company="Acme [/] [@click=app.quit]\nInc;\x1b[31m", role="Dev\x07ops")
    concern = error("Forgot to mention [b]bold[/b] \x1b]8;;http://x\x07link\x1b]8;;\x07 and\r\nmore")
    text = build_draft(nasty, debrief("\x1b[2J[red]Hi[/red] there."), [concern], "Sam\x00 Okafor", variant)
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text and "\r" not in text
    assert "[@click=app.quit]" in text
    assert "[b]bold[/b]" in text
    assert "[red]Hi[/red] there." in text


def test_default_variant_is_stable_and_selectable() -> None:
    assert default_variant("ab3k9") == default_variant("ab3k9")
    assert {default_variant(f"id{n}") for n in range(40)} == set(VARIANTS)
    drafts = {build_draft(interview(), None, [], "Sam", v) for v in VARIANTS}
    assert len(drafts) == len(WORDINGS)
    assert build_draft(interview(), None, [], "Sam") == build_draft(
        interview(), None, [], "Sam", default_variant("ab3k9")
    )
    assert build_draft(interview(), None, [], "Sam", len(WORDINGS)) == build_draft(
        interview(), None, [], "Sam", 0
    )


def test_first_sentence() -> None:
    assert first_sentence("\n\n* We spoke about tests! And more.") == "We spoke about tests!"
    assert first_sentence("a line without a full stop") == "a line without a full stop."
    assert first_sentence("   \n ... \n") == ""
    long = first_sentence("a " * 30 + "end", max_words=10)
    assert long.endswith("…") and word_count(long) == 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm so sorry about that answer", ["sorry"]),
        ("I just wanted to say I know I messed up", ["messed up", "I know I", "just wanted"]),
        ("I’m not good at interviews and I apologised twice", ["apologise", "I'm not good at"]),
        ("I was desperately nervous, embarrassing", ["desperate", "embarrass"]),
        ("I know it went well. I forgotten nothing. Sorrynot", []),
        ("", []),
    ],
)
def test_flag_phrases(text: str, expected: list[str]) -> None:
    assert sorted(flag_phrases(text)) == sorted(expected)


def test_every_phrase_to_avoid_is_flagged_and_has_a_hint() -> None:
    for phrase, hint in PHRASES_TO_AVOID.items():
        assert flag_phrases(f"Well, {phrase.upper()} then.") == [phrase] or phrase in flag_phrases(phrase)
        assert hint.strip()


@pytest.mark.parametrize(
    ("words", "expected"),
    [(0, "short"), (39, "short"), (40, "fits"), (90, "fits"), (91, "too long")],
)
def test_fit_boundaries(words: int, expected: str) -> None:
    assert fit(" ".join(["word"] * words)) == expected


def test_meter() -> None:
    assert meter("one") == "1 word ▯▯▯▯▯▯▯▯▯▯ short for a card (about 40-90 words)"
    assert meter(" ".join(["w"] * 45)) == "45 words ▮▮▮▮▮▯▯▯▯▯ fits a card"
    assert meter(" ".join(["w"] * 200)).startswith("200 words ▮▮▮▮▮▮▮▮▮▮ too long")


def test_current_text_prefers_the_users_words() -> None:
    assert current_text(None, "draft") == "draft"
    assert current_text(Card(interview_id="a", text=""), "draft") == "draft"
    assert current_text(Card(interview_id="a", text="  \n"), "draft") == "draft"
    assert current_text(Card(interview_id="a", text="Mine"), "draft") == "Mine"


def test_find_card_ignores_case_and_spacing() -> None:
    cards = [Card(interview_id="a", interviewer="Sam Okafor"), Card(interview_id="a", interviewer="")]
    assert find_card(cards, "sam  okafor") is cards[0]
    assert find_card(cards, "") is cards[1]
    assert find_card(cards, "Lena") is None


@settings(max_examples=60, deadline=None)
@given(
    company=st.text(min_size=1, max_size=200).filter(lambda s: s.strip()),
    notes=st.text(max_size=400),
    errors=st.lists(st.text(min_size=1, max_size=300).filter(lambda s: s.strip()), max_size=6),
    name=st.text(max_size=60),
    variant=st.integers(min_value=0, max_value=5),
)
def test_any_input_gives_a_short_calm_card(
    company: str, notes: str, errors: list[str], name: str, variant: int
) -> None:
    text = build_draft(interview(company=company), debrief(notes), [error(e) for e in errors], name, variant)
    assert word_count(text) <= CARD_MAX + 10
    assert text.strip()
    assert "\x1b" not in text
