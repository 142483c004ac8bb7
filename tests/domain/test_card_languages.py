"""The card in the interview's language: every frame word that language's, every slot filled.

Adding a language: its wording file (``domain/card/wordings/xx.py``), its tag in
``domain.language.LANGUAGES``, a debrief of its own in ``DEBRIEFS`` below, and its words that
are spelled like English ones in ``SHARED``; then this file checks it.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime

import pytest

from followup_tui.domain.card.draft import draft_card
from followup_tui.domain.card.framing import weekday
from followup_tui.domain.card.wordings import Frame, frame_for
from followup_tui.domain.errors import ValidationError
from followup_tui.domain.language import LANGUAGES, base_language, locale_language, normalise_language
from followup_tui.domain.models import FORMATS, Concern, Debrief, Interview, Interviewer

NOW = datetime(2026, 11, 25, 10, 0)
"""The day after the interviews below (a Tuesday)."""

SHARED: dict[str, set[str]] = {
    "de": {"team"},  # "Liebes Team": German has the word
    "es": {"me"},  # "Me gustaría": the Spanish pronoun
    "fr": {"me", "conversation", "point", "points", "question", "six"},  # French words, spelled alike
}
"""Words of a language's frame that are spelled like a word of the English frame."""

DEBRIEFS: dict[str, dict[str, str]] = {
    "de": {
        "company": "Bäckerei Schmidt GmbH",
        "role": "Filialleitung (m/w/d)",
        "person": "Petra Schmidt",
        "moment": "der Rundgang durch die Backstube",
        "know": "Ich habe drei Jahre lang eine Filiale mit acht Mitarbeitenden geleitet.",
        "why": "Ich möchte gutes Brot und zufriedene Kundschaft zusammenbringen.",
    },
    "es": {
        "company": "Clínica Triana S.L.",
        "role": "enfermera de quirófano",
        "person": "María José García López",
        "moment": "la visita a la unidad de cirugía",
        "know": "Tengo cinco años de experiencia en anestesia.",
        "why": "Quiero crecer en cirugía cardíaca.",
    },
    "fr": {
        "company": "Atelier Lumière SAS",
        "role": "designer produit",
        "person": "Claire Martin",
        "moment": "la visite de l'atelier",
        "know": "J'ai dirigé la refonte de l'application mobile.",
        "why": "Je veux créer des objets utiles avec votre équipe.",
    },
    "en": {
        "company": "Nimbus Data Ltd.",
        "role": "Data Engineer",
        "person": "Sam Okafor",
        "moment": "hearing how the team plans its releases",
        "know": "I led the Postgres upgrade at my last job.",
        "why": "I want to build the systems people trust.",
    },
}
"""One debrief per language, the user's sentences written in it."""


def _frame_words(frame: Frame) -> set[str]:
    """Every word of a frame's templates, in lower case."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.update(w.casefold() for w in re.findall(r"[^\W\d_]+", re.sub(r"\{\w+\}", "", value)))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (tuple, list)):
            for item in value:
                walk(item)

    walk(frame.wordings)
    walk([frame.role, frame.team, frame.nobody, frame.numbers, frame.several, frame.drive, frame.answer])
    return found


ENGLISH = _frame_words(frame_for("en"))


def _card(language: str, fmt: str = "onsite", person: str | None = None, variant: int = 0) -> str:
    data = DEBRIEFS[language]
    interview = Interview(
        id="ab3k9",
        company=data["company"],
        role=data["role"],
        when="2026-11-24 14:00",
        format=fmt,
        language=language,
        interviewers=[Interviewer(data["person"])],
        why_this_job=data["why"],
    )
    debrief = Debrief(interview_id="ab3k9", worth_mentioning=data["moment"])
    error = Concern(
        interview_id="ab3k9", text="x", kind="error", action="clarify-in-card", to_know=data["know"]
    )
    name = data["person"] if person is None else person
    return draft_card(interview, debrief, [error], name, variant, signer="Jo Rivera", now=NOW).text


@pytest.mark.parametrize("language", ["de", "es", "fr"])
@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("variant", range(3))
@pytest.mark.parametrize("person", [None, ""])
def test_the_frame_is_entirely_the_cards_language(
    language: str, fmt: str, variant: int, person: str | None
) -> None:
    data = DEBRIEFS[language]
    text = _card(language, fmt, person, variant)
    frame = text
    for own in (data["know"], data["why"], data["moment"], data["person"], "Jo Rivera", "Bäckerei Schmidt"):
        frame = frame.replace(own, " ")
    for own in (
        "Clínica Triana",
        "Atelier Lumière",
        "Filialleitung",
        "enfermera de quirófano",
        "designer produit",
    ):
        frame = frame.replace(own, " ")
    words = {w.casefold() for w in re.findall(r"[^\W\d_]+", frame)}
    assert not (words & ENGLISH) - SHARED[language], text
    assert data["know"] in text and data["why"] in text  # the user's sentences, intact
    assert weekday(datetime(2026, 11, 24), language) in text  # Tuesday, in the card's language
    assert "Tuesday" not in text
    if person is None:
        assert data["person"] in text.splitlines()[0]  # names the interviewer


def test_weekdays_come_from_cldr() -> None:
    tuesday = datetime(2026, 11, 24)
    assert [weekday(tuesday, tag) for tag in ("en", "de", "es", "fr", "de-AT")] == [
        "Tuesday",
        "Dienstag",
        "martes",
        "mardi",
        "Dienstag",
    ]


@pytest.mark.parametrize("language", sorted(LANGUAGES))
@pytest.mark.parametrize("fmt", FORMATS)
def test_every_wording_fills_every_slot_with_every_kind_of_value(language: str, fmt: str) -> None:
    frame = frame_for(language)
    people = ["Sam Okafor", "Dr. Lena Brandt", "Frau Petra Roth", "Sra. Carmen Ruiz", "M. Julien Dubois", ""]
    companies = ["Acme", ""]
    roles = ["Data Engineer", ""]
    days = [NOW, None]
    for variant in range(len(frame.wordings)):
        for person in people:
            for company in companies:
                for role in roles:
                    for now in days:
                        interview = Interview(
                            id="ab3k9",
                            company=company or "(no company)",
                            role=role,
                            when="2026-11-24 14:00",
                            format=fmt,
                            language=language,
                            interviewers=[Interviewer(person)] if person else [],
                        )
                        text = draft_card(interview, None, [], person, variant, now=now).text
                        _check_whole(text, language)


def _check_whole(text: str, language: str) -> None:
    assert "{" not in text and "}" not in text and "  " not in text and ".." not in text, text
    paragraphs = text.split("\n\n")
    assert paragraphs[0].endswith((",", ":")), text
    for paragraph in paragraphs[1:-1]:
        assert paragraph.rstrip().endswith((".", "!", "?")), text
        assert " ," not in paragraph and " ." not in paragraph, text
    if language != "de":  # a German letter goes on in lower case after the greeting's comma
        assert paragraphs[1][0].isupper(), text


@pytest.mark.parametrize(
    ("typed", "tag"),
    [("de", "de"), ("DE", "de"), ("de_at", "de-AT"), ("en-gb", "en-GB"), ("es-419", "es-419"), ("fr", "fr")],
)
def test_language_tags_are_normalised(typed: str, tag: str) -> None:
    assert normalise_language(typed) == tag
    assert base_language(tag) in LANGUAGES


@pytest.mark.parametrize("typed", ["xx", "german", "", "de-Austria", "e"])
def test_an_unknown_language_lists_the_ones_there_are(typed: str) -> None:
    with pytest.raises(ValidationError, match=r"the languages there are: de \(Deutsch\), en \(English\)"):
        normalise_language(typed)


def test_the_locale_gives_the_default_language() -> None:
    assert locale_language({"LANG": "de_DE.UTF-8"}) == "de-DE"
    assert locale_language({"LC_ALL": "fr_FR.UTF-8", "LANG": "de_DE.UTF-8"}) == "fr-FR"
    assert locale_language({"LANG": "C.UTF-8"}) == "en"
    assert locale_language({"LANG": "ja_JP.UTF-8"}) == "en"
    assert locale_language({}) == "en"


def test_an_interview_keeps_its_language_and_old_files_read_as_english() -> None:
    assert Interview(company="Acme", language="de_at").language == "de-AT"
    assert Interview.from_record({"company": "Acme"}).language == "en"  # written before languages
    lenient = Interview.from_record({"company": "Acme", "language": "klingon"})
    assert lenient.language == "en" and "language" in lenient.guessed
    with pytest.raises(ValidationError, match="Unknown language"):
        Interview(company="Acme", language="xx")
    assert Interview.from_record(Interview(company="Acme", language="es").to_record()).language == "es"
