"""The card's guard in every language: the hints it gives, the phrases it flags, the tags it reads."""

from __future__ import annotations

import pytest

from followup_tui.domain.card.draft import card_parts, missing_summary
from followup_tui.domain.card.guard import (
    TOPICS,
    flag_phrases,
    phrase_hint,
    sensitive_topic,
    topic_hint,
)
from followup_tui.domain.card.guard_de import DATA as GERMAN
from followup_tui.domain.card.guard_en import DATA as ENGLISH
from followup_tui.domain.card.guard_es import DATA as SPANISH
from followup_tui.domain.card.guard_fr import DATA as FRENCH
from followup_tui.domain.models import Concern, Debrief, Interview
from tests.helpers.cards import build_draft

LANGUAGES = {"en": ENGLISH, "de": GERMAN, "es": SPANISH, "fr": FRENCH}


def test_a_region_reads_its_language_and_an_unknown_tag_reads_english() -> None:
    assert sensitive_topic("Mein Jahresgehalt liegt bei 58.000 €.", "de-AT") == "pay"
    assert sensitive_topic("Mein Jahresgehalt liegt bei 58.000 €.", "en") == "pay"  # the amount
    assert sensitive_topic("Ich habe Migräne.", "en") == ""
    assert sensitive_topic("Ich habe Migräne.", "de_CH") == "health"
    assert sensitive_topic("My notice period is one month.", "xx") == "notice periods"


@pytest.mark.parametrize(
    ("lang", "sentence", "topic"),
    [
        ("de", "My notice period is three months.", "notice periods"),
        ("fr", "My OTE was 120k.", "pay"),
        ("es", "I have ADHD and take medication.", "health"),
        ("de", "Ich hatte einen Burnout.", "health"),
        ("es", "Ahorré 40.000 € al año en licencias.", ""),
        ("fr", "J'ai travaillé sur Prime Video.", ""),
        ("de", "Ich habe Schüler mit ADHD unterstützt.", ""),
    ],
)
def test_english_words_in_a_card_of_another_language_are_read_too(
    lang: str, sentence: str, topic: str
) -> None:
    assert sensitive_topic(sentence, lang) == topic  # an English debrief drafted with --language


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "I should've said that I led it.", ["should've"]),
        ("en", "i shouldve said i led it", ["should've"]),
        ("en", "I forgot to say that I ran the rota.", ["I forgot", "forgot to say"]),
        ("en", "I didn't mention the audit.", ["didn't mention"]),
        ("en", "You should know I built the tool.", ["you should know"]),
        ("en", "Tell her I did the phonics training.", ["tell her"]),
        ("de", "Entschuldigung, ich war nervös.", ["Entschuldigung", "nervös"]),
        ("de", "Es tut mir leid, das hätte ich sagen sollen.", ["tut mir leid", "hätte ich sollen"]),
        (
            "de",
            "Ich habe leider vergessen zu erwähnen, dass ich Meisterin bin.",
            ["ich habe vergessen", "leider", "vergessen zu sagen"],
        ),
        ("es", "Lo siento, se me olvidó decir que dirigí el equipo.", ["lo siento", "se me olvidó"]),
        ("es", "Debería haber dicho que tengo el carné.", ["debería haber"]),
        ("fr", "Désolée, j'ai oublié de dire que j'ai mené le projet.", ["désolé", "j'ai oublié"]),
        ("fr", "J'aurais dû préciser que je parle anglais.", ["j'aurais dû"]),
        ("fr", "Dis-lui que j'ai le permis.", ["dis-lui"]),
        ("en", "Dear Sam, thank you for the tour.", []),
        ("en", "I would love to tell her team about the rota.", []),
        ("de", "Vielen Dank für das Gespräch am Dienstag.", []),
        ("es", "Muchas gracias por su tiempo el martes.", []),
        ("fr", "Merci beaucoup pour notre échange de mardi.", []),
    ],
)
def test_phrases_to_avoid_in_every_language(lang: str, text: str, expected: list[str]) -> None:
    assert sorted(flag_phrases(text, lang)) == sorted(expected)


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_phrase_of_every_language_is_found_as_written_and_has_a_hint(lang: str) -> None:
    for phrase in LANGUAGES[lang].phrases:
        assert phrase in flag_phrases(phrase, lang) or phrase in flag_phrases(f"{phrase} x", lang), phrase
        assert phrase_hint(phrase, lang).strip().endswith(".")
        if lang != "en":
            assert phrase_hint(phrase, lang) not in ENGLISH.phrases.values()


def test_what_is_left_out_says_why_in_the_cards_language() -> None:
    interview = Interview(id="k3m9p", company="Bäckerei Sommer", role="Filialleitung", why_this_job="")
    debrief = Debrief(
        id="k3m9p", interview_id="k3m9p", worth_mentioning="Meine Migräne kam mitten im Gespräch."
    )
    concern = Concern(
        interview_id="k3m9p",
        text="Gehalt",
        kind="error",
        action="clarify-in-card",
        to_know="Meine Gehaltsvorstellung liegt bei 52.000 € brutto.",
    )
    parts = card_parts(interview, debrief, [concern], "Jo", "de")
    assert [(p.kind, p.topic) for p in parts if p.topic] == [("error", "pay"), ("moment", "health")]
    summary = missing_summary(parts)
    assert f"Left out, it mentions pay: Gehalt. {topic_hint('pay', 'de')}" in summary
    assert topic_hint("health", "de") in summary and topic_hint("health", "en") not in summary
    text = build_draft(interview, debrief, [concern], "Petra Sommer", 0, signer="Jo", language="de")
    assert "Migräne" not in text and "52.000" not in text


@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_language_knows_every_topic(lang: str) -> None:
    assert tuple(LANGUAGES[lang].topics) == TOPICS
