"""The card draft builder: the user's own sentences, framed; its size rules and phrases to avoid."""

from __future__ import annotations

from datetime import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.card.draft import (
    CARD_MAX,
    WORDINGS,
    card_errors,
    card_parts,
    current_text,
    default_variant,
    find_card,
    fit,
    meter,
    not_ready,
)
from followup_tui.domain.card.guard import PHRASES_TO_AVOID, flag_phrases, sensitive_topic
from followup_tui.domain.card.names import address_for
from followup_tui.domain.card.sentences import as_sentence, is_phrase, to_know_sentence
from followup_tui.domain.models import Card, Concern, Debrief, Interview, Interviewer
from followup_tui.domain.text import word_count
from tests.helpers.cards import build_draft

VARIANTS = range(len(WORDINGS))
NOW = datetime(2026, 11, 25, 9, 0)
"""The morning after the interview (a Tuesday afternoon)."""


def interview(**changes: object) -> Interview:
    values: dict[str, object] = {
        "id": "ab3k9",
        "company": "Northwind Labs",
        "role": "Backend engineer",
        "when": "2026-11-24 14:00",
        "interviewers": [Interviewer(name="Sam Okafor"), Interviewer(name="Dr. Lena Brandt")],
        "why_this_job": "I want to build the systems people trust with their bills.",
    }
    values.update(changes)
    return Interview(**values)  # type: ignore[arg-type]


def debrief(moment: str = "") -> Debrief:
    return Debrief(id="ab3k9", interview_id="ab3k9", worth_mentioning=moment)


def error(text: str, to_know: str = "", action: str = "clarify-in-card", **changes: object) -> Concern:
    return Concern(
        id=f"c{abs(hash(text)) % 10_000}",
        interview_id="ab3k9",
        text=text,
        kind="error",
        action=action,
        to_know=to_know,
        **changes,  # type: ignore[arg-type]
    )


POSTGRES = error("Forgot to mention the Postgres upgrade", "I led the Postgres upgrade at my last job.")
KAFKA = error(
    "Said I had no Kafka experience", "that I ran a Kafka cluster for two years", error_kind="answer"
)
MOMENT = "hearing how billing will move onto event streams"


def draft(concerns: list[Concern], variant: int = 0, **changes: object) -> str:
    moment = str(changes.pop("moment", MOMENT))
    signer = str(changes.pop("signer", "Jo Rivera"))
    return build_draft(
        interview(**changes), debrief(moment), concerns, "Sam Okafor", variant, signer=signer, now=NOW
    )


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_draft_is_made_of_the_users_sentences(variant: int) -> None:
    text = draft([POSTGRES, KAFKA], variant)
    assert "I led the Postgres upgrade at my last job." in text
    assert "I ran a Kafka cluster for two years." in text
    assert "hearing how billing will move onto event streams." in text
    assert text.rstrip().endswith(
        f"I want to build the systems people trust with their bills. {WORDINGS[variant].closing}\n\n"
        f"{WORDINGS[variant].sign_off}\nJo Rivera"
    )  # the ending always closes: the drive, then a closing line
    assert "Forgot to mention" not in text and "Said I had" not in text
    assert fit(text) == "fits"


def test_the_concerns_own_text_never_reaches_the_card() -> None:
    worry = Concern(interview_id="ab3k9", text="Sam frowned when I talked", kind="worry", to_know="Hidden.")
    blank = error("Rambled on the system design question")
    text = draft([worry, blank])
    assert "frowned" not in text and "Hidden" not in text and "Rambled" not in text
    assert "add" not in text.split("\n\n")[2]  # no lead-in without anything to add


def test_missing_parts_are_listed_not_invented() -> None:
    blank = error("Rambled on the system design question")
    concerns = [POSTGRES, blank]
    parts = card_parts(interview(why_this_job=""), debrief(""), concerns, "")
    assert [(p.kind, p.label) for p in parts] == [
        ("error", "Rambled on the system design question"),
        ("moment", "a moment worth mentioning (debrief)"),
        ("drive", "why I want this job (Prep)"),
        ("name", "your name to sign with"),
    ]
    assert parts[0].concern_id == blank.id
    assert card_parts(interview(), debrief(MOMENT), [POSTGRES], "Jo") == []
    text = build_draft(interview(why_this_job=""), debrief(""), concerns, "Sam", 0, signer="", now=NOW)
    assert text.endswith(WORDINGS[0].closing + "\n\n" + WORDINGS[0].sign_off)
    assert "Rambled" not in text


@pytest.mark.parametrize(
    ("field", "words", "topic"),
    [
        ("to_know", "My salary expectations are flexible.", "pay"),
        ("moment", "talking about the pension scheme", "benefits"),
        ("drive", "I want the 30 days of holiday.", "holidays"),
        ("to_know", "My notice period is only four weeks.", "notice periods"),
    ],
)
def test_sensitive_topics_are_left_out_and_listed(field: str, words: str, topic: str) -> None:
    concern = error("An answer about money", words if field == "to_know" else "")
    moment = words if field == "moment" else ""
    why = words if field == "drive" else "I like the work."
    text = build_draft(
        interview(why_this_job=why), debrief(moment), [concern], "Sam", 0, signer="Jo", now=NOW
    )
    assert words.rstrip(".") not in text and sensitive_topic(text) == ""
    parts = card_parts(interview(why_this_job=why), debrief(moment), [concern], "Jo")
    assert [p.topic for p in parts if p.topic] == [topic]


def test_no_card_before_the_interview_and_the_day_is_right_or_unnamed() -> None:
    future = interview(when="2029-03-01 10:00")
    assert "2029" in not_ready(future, NOW) and "after it" in not_ready(future, NOW)
    assert not_ready(interview(), NOW) == "" and not_ready(interview(when=None), NOW) == ""
    assert " on Tuesday " in draft([])
    long_ago = build_draft(interview(when="2026-11-03 14:00"), None, [], "Sam", 0, now=NOW)
    assert " on " not in long_ago.split("\n\n")[1]
    for weekday in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"):
        assert weekday not in build_draft(interview(when=None), None, [], "Sam", 0, now=NOW)
        assert weekday not in build_draft(interview(), None, [], "Sam", 0)


@pytest.mark.parametrize(
    ("words", "sentence"),
    [
        ("i loved the demo", "I loved the demo."),
        ("i led it. also built the api", "I led it. Also built the api."),
        ("3 years of Go in production", "I have 3 years of Go in production."),
        ("iOS apps are my focus", "iOS apps are my focus."),
        ("  - “The roadmap talk was great”  ", "The roadmap talk was great."),
        ("Did you ship it?", "Did you ship it?"),
        ("trailing dots...", "Trailing dots."),
        ("led the migration myself", "I led the migration myself."),
        ("Keen to learn Rust", "I am keen to learn Rust."),
        ("", ""),
    ],
)
def test_as_sentence(words: str, sentence: str) -> None:
    assert as_sentence(words) == sentence


def test_to_know_drops_the_leading_that_and_should_have_said() -> None:
    assert to_know_sentence("that I led the team") == "I led the team."
    assert to_know_sentence("I should have said that we cut costs by half") == "We cut costs by half."


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("how you plan releases", True),
        ("hearing how the team has grown", True),
        ("the demo of the tracing tool", True),
        ("about the on-call rota", True),
        ("The demo was great", False),
        ("I loved the roadmap", False),
        ("Something you said stayed with me", False),
        ("Was the roadmap public?", False),
    ],
)
def test_is_phrase(words: str, expected: bool) -> None:
    assert is_phrase(words) is expected


@pytest.mark.parametrize("variant", VARIANTS)
def test_no_interviewer_addresses_the_team(variant: int) -> None:
    text = build_draft(interview(interviewers=[]), None, [], "", variant)
    assert text.splitlines()[0] in {"Dear Northwind Labs team,", "Hello Northwind Labs team,"}


def test_long_company_falls_back_to_a_plain_hiring_team() -> None:
    text = build_draft(interview(company="The Very Long Name Of A Holding Company"), None, [], "", 0)
    assert text.startswith("Dear hiring team,")
    long_company = "Pay Partners Trust Fund Services"
    text = build_draft(interview(company=long_company, interviewers=[]), None, [], "", 0)
    assert text.startswith("Dear hiring team,")


def test_a_company_or_role_named_like_a_topic_is_kept() -> None:
    text = build_draft(interview(company="Pension Partners", interviewers=[]), None, [], "", 0)
    assert text.startswith("Dear Pension Partners team,") and sensitive_topic(text) == ""
    text = build_draft(interview(company="Pay.UK", role="Pay Platform Engineer"), None, [], "Sam", 2)
    assert "about the Pay Platform Engineer role at Pay.UK." in text


def test_several_interviewers_each_get_their_own_greeting() -> None:
    to_sam = build_draft(interview(), None, [], "Sam Okafor", 0)
    to_lena = build_draft(interview(), None, [], "Dr. Lena Brandt", 0)
    assert to_sam.startswith("Dear Sam,")
    assert to_lena.startswith("Dear Dr. Brandt,")
    assert to_sam.split("\n", 1)[1] == to_lena.split("\n", 1)[1]


def test_greeting_name_forms() -> None:
    assert address_for("  Sam   Okafor ", "en") == "Sam"
    assert address_for("Prof. Ada King", "en") == "Prof. King"
    assert address_for("Dr", "en") == "Dr"
    assert address_for("", "en") == ""
    assert address_for("sam okafor", "en") == "Sam"
    assert len(address_for("X" * 300, "en")) <= 40


@pytest.mark.parametrize(
    ("role", "phrase"),
    [
        ("", "about the role at Northwind Labs."),
        ("Backend role", "about the Backend role at Northwind Labs."),
        ("the Data Engineer.", "about the Data Engineer role at Northwind Labs."),
        ("A role title far too long to read well in a thank-you card at all", "about the role at"),
        ("Engineer at Acme Labs", "about the Engineer role at Acme Labs."),
        ("Salary Benchmarking Analyst", "about the role at Northwind Labs."),
    ],
)
def test_role_phrases(role: str, phrase: str) -> None:
    assert phrase in build_draft(interview(role=role), None, [], "Sam", 2)


def test_only_unresolved_errors_marked_for_the_card_are_used() -> None:
    concerns = [
        POSTGRES,
        error("Resolved one", "Resolved text.", resolved=True),
        error("Next round", "Next round text.", action="ask-next-round"),
        Concern(interview_id="ab3k9", text="A worry", kind="worry", to_know="Worry text."),
    ]
    assert card_errors(concerns) == [POSTGRES]
    text = draft(concerns)
    assert "Postgres" in text and "Resolved text" not in text and "Next round text" not in text


def test_hostile_text_is_cleaned_but_kept_literal() -> None:
    nasty = interview(company="Acme [/] [@click=app.quit]\nInc;\x1b[31m", role="Dev\x07ops")
    concern = error("x", "I shipped [b]bold[/b] \x1b]8;;http://x\x07link\x1b]8;;\x07 and\r\nmore")
    moment = debrief("\x1b[2J[red]Hi[/red] there, I loved the demo.")
    text = build_draft(nasty, moment, [concern], "Sam\x00 Okafor", 0)
    assert "\x1b" not in text and "\x07" not in text and "\x00" not in text and "\r" not in text
    assert "[@click=app.quit]" in text and "[b]bold[/b]" in text
    assert "[red]Hi[/red] there, I loved the demo." in text


def test_default_variant_is_stable_and_selectable() -> None:
    assert default_variant("ab3k9") == default_variant("ab3k9")
    assert {default_variant(f"id{n}") for n in range(40)} == set(VARIANTS)
    drafts = {build_draft(interview(), None, [], "Sam", v) for v in VARIANTS}
    assert len(drafts) == len(WORDINGS)
    assert build_draft(interview(), None, [], "Sam") == build_draft(
        interview(), None, [], "Sam", default_variant("ab3k9")
    )


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
    moment=st.text(max_size=200),
    to_know=st.lists(st.text(min_size=1, max_size=120), max_size=3),
    name=st.text(max_size=60),
    variant=st.integers(min_value=0, max_value=5),
)
def test_any_input_gives_a_clean_card(
    company: str, moment: str, to_know: list[str], name: str, variant: int
) -> None:
    concerns = [error(f"e{n}", words) for n, words in enumerate(to_know)]
    text = build_draft(
        interview(company=company), debrief(moment), concerns, name, variant, signer=name, now=NOW
    )
    assert text.strip() and "\x1b" not in text
    assert sensitive_topic(text) in ("", sensitive_topic(f"{company} {name}"))
    assert word_count(text) <= CARD_MAX + 3 * 120 or fit(text) == "too long"
