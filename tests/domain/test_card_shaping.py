"""The user's words said to the card's reader: notes to oneself, the recipient by name, fragments."""

from __future__ import annotations

from datetime import datetime

import pytest

from followup_tui.domain.card.draft import card_parts, missing_summary
from followup_tui.domain.card.guard import flag_phrases, phrase_hint
from followup_tui.domain.card.shaping import (
    fragment_hint,
    is_fragment,
    names_recipient,
    reads_as_note,
    to_reader,
)
from followup_tui.domain.models import Concern, Debrief, Interview, Interviewer
from tests.helpers.cards import build_draft

NOW = datetime(2026, 11, 25, 9, 0)


TEACHER = Interview(
    id="t7q2w",
    company="Larkfield Primary",
    role="Year 2 teacher",
    when="2026-11-24 10:00",
    interviewers=[Interviewer(name="Maria Lopez"), Interviewer(name="Björn Larsen")],
    why_this_job="I want to teach in a school that reads with every child every day.",
)
"""A teacher's interview with two interviewers, the morning before NOW."""


def error(to_know: str) -> Concern:
    return Concern(
        interview_id="t7q2w", text="Phonics", kind="error", action="clarify-in-card", to_know=to_know
    )


def card(moment: str = "", to_know: str = "", recipient: str = "Maria Lopez", lang: str = "en") -> str:
    debrief = Debrief(id="t7q2w", interview_id="t7q2w", worth_mentioning=moment)
    concerns = [error(to_know)] if to_know else []
    return build_draft(TEACHER, debrief, concerns, recipient, 0, signer="Ana", now=NOW, language=lang)


@pytest.mark.parametrize(
    ("note", "sentence"),
    [
        (
            "Tell her you did the RWI phonics training in september.",
            "I did the RWI phonics training in september.",
        ),
        ("tell him that I led the Postgres upgrade", "I led the Postgres upgrade"),
        ("Mention that I speak Polish and Ukrainian.", "I speak Polish and Ukrainian."),
        ("Remember to say I have a forklift licence.", "I have a forklift licence."),
        ("Make sure to mention that your portfolio has the case study.", "my portfolio has the case study."),
        ("Note to self: I built the stock tool in a weekend.", "I built the stock tool in a weekend."),
        ("Tell her I loved her idea about the rota.", "I loved your idea about the rota."),
        ("Tell her she was right about the pastry.", "You were right about the pastry."),
        ("Let them know I thanked them for the tour.", "I thanked you for the tour."),
        ("Tell them about my Kafka cluster", "I would like to tell you about my Kafka cluster"),
        ("Should've said I ran the failover drills.", "I ran the failover drills."),
        ("I forgot to mention that I speak Polish.", "I speak Polish."),
        ("You should know I rebuilt our help centre.", "I rebuilt our help centre."),
        ("Great chat about the roadmap.", "I enjoyed our chat about the roadmap."),
    ],
)
def test_a_note_to_oneself_becomes_a_sentence_to_the_reader(note: str, sentence: str) -> None:
    assert to_reader(note) == sentence


@pytest.mark.parametrize(
    ("lang", "note", "sentence"),
    [
        ("de", "Sag ihr: Ich habe die Meisterprüfung bestanden.", "Ich habe die Meisterprüfung bestanden."),
        (
            "de",
            "Sag ihr, dass ich die Meisterprüfung bestanden habe.",
            "Ich habe die Meisterprüfung bestanden.",
        ),
        ("de", "Sag ihr, dass ich Kotlin kann.", "Ich kann Kotlin."),
        ("de", "Erwähnen, dass ich fließend Polnisch spreche.", "Ich spreche fließend Polnisch."),
        ("de", "Nicht vergessen zu sagen, dass wir Kotlin nutzen.", "Wir nutzen Kotlin."),
        ("de", "Sag ihr, dass mein Team gewachsen ist.", None),
        ("de", "Sag ihr, dass ich, wenn nötig, umziehe.", None),
        ("de", "Sag ihr, dass ich mit Kunden arbeiten kann und will.", None),
        ("es", "Dile que sé Kotlin.", "Sé Kotlin."),
        ("es", "Dile que trabajo bien en equipo.", "Trabajo bien en equipo."),
        ("fr", "Lui dire que je connais Kotlin.", "Je connais Kotlin."),
        ("fr", "Lui dire que connais bien Kotlin.", "Je connais bien Kotlin."),
        ("es", "Dile que hice la formación de alérgenos.", "Hice la formación de alérgenos."),
        ("es", "Comentar que tengo el carné de manipulador.", "Tengo el carné de manipulador."),
        ("es", "Dile que hiciste la formación.", None),
        ("fr", "Lui dire que j'ai le permis B.", "J'ai le permis B."),
        ("fr", "Préciser qu'il me reste une semaine de formation.", "Il me reste une semaine de formation."),
        ("fr", "Dis-lui que tu as le permis.", None),
        ("es", "Se me olvidó decir que tengo el carné de conducir.", "Tengo el carné de conducir."),
        ("fr", "J'aurais dû dire que je parle anglais.", "Je parle anglais."),
    ],
)
def test_notes_in_other_languages_are_turned_only_when_what_follows_stands_alone(
    lang: str, note: str, sentence: str | None
) -> None:
    assert to_reader(note, lang) == (sentence or note)
    if sentence is None:
        assert flag_phrases(note, lang)  # left as written, so the card flags it


@pytest.mark.parametrize(
    ("lang", "note", "phrase"),
    [
        ("de", "Sag ihr, dass mein Team gewachsen ist.", "sag ihr"),
        ("de", "Erwähnen, dass unser Laden, wenn nötig, sonntags öffnet.", "erwähnen, dass"),
        ("es", "Dile que hiciste la formación.", "dile"),
        ("fr", "Dis-lui que tu as le permis.", "dis-lui"),
    ],
)
def test_a_note_that_cannot_be_turned_is_left_out_with_the_notes_hint(
    lang: str, note: str, phrase: str
) -> None:
    assert reads_as_note(to_reader(note, lang), lang)
    parts = card_parts(TEACHER, None, [error(note)], "Ana", lang)
    hint = phrase_hint(phrase, lang)
    assert [(p.note, p.hint) for p in parts if p.kind == "error"] == [(True, hint)]
    assert hint != fragment_hint(lang) and "Entschuldigung" not in hint
    assert note.split(",")[0] not in card(to_know=note, lang=lang)


def test_the_card_speaks_to_its_recipient_not_about_them() -> None:
    text = card(moment="Björn's tour of the reading corner", recipient="Björn Larsen")
    assert "your tour of the reading corner" in text and "Björn's" not in text
    text = card(moment="Björn showed me the new library.", recipient="Björn Larsen")
    assert "You showed me the new library." in text
    parts = card_parts(TEACHER, Debrief(interview_id="t7q2w", worth_mentioning="Björn's story"), [], "Ana")
    assert [p.kind for p in parts if p.note] == ["moment"]  # on someone else's card, a fragment
    parts = card_parts(
        TEACHER,
        Debrief(interview_id="t7q2w", worth_mentioning="Björn's story"),
        [],
        "Ana",
        recipient="Björn Larsen",
    )
    assert not [p for p in parts if p.note]  # on his card, "your story": a phrase the card frames
    text = card(moment="Björn showed me the new library.", recipient="Maria Lopez")
    assert "Björn showed me the new library." in text  # about someone else: as written
    assert names_recipient("Dear Björn,\n\nBjörn's tour was lovely.\n\nKind regards,\nAna", "Björn Larsen")
    assert not names_recipient("Dear Björn,\n\nYour tour was lovely.\n\nKind regards,\nAna", "Björn Larsen")
    german = "Guten Tag Petra Schmidt,\n\nPetras Führung war schön.\n\nViele Grüße\nAna"
    assert names_recipient(german, "Petra Schmidt") and not names_recipient(german, "Petrus Blum")


def test_a_note_to_oneself_reaches_the_card_as_a_sentence() -> None:
    text = card(to_know="Tell her you did the RWI phonics training in september.")
    assert (
        "I did the RWI phonics training in September." in text and "Tell her" not in text
    )  # month capitalised
    assert flag_phrases(text) == []


SPANISH_FIRST_PERSON = (
    "Trabajo bien en equipo.",
    "Hablo inglés y francés.",
    "Conozco bien el sector sanitario.",
    "Domino Excel y SAP.",
    "Coordino los turnos de la planta.",
    "Sé programar en Python.",
    "Soy enfermera titulada.",
    "Gestiono la nómina de 300 empleados.",
    "Lideré la apertura de dos tiendas.",
    "Gestioné un equipo de doce personas.",
)


@pytest.mark.parametrize("words", SPANISH_FIRST_PERSON)
def test_a_spanish_verb_carries_its_own_subject(words: str) -> None:
    assert not is_fragment(words, "es") and not reads_as_note(words, "es")


def test_a_spanish_card_keeps_both_first_person_additions() -> None:
    parts = card_parts(
        TEACHER, None, [error("Trabajo bien en equipo."), error("Hablo inglés y francés.")], "Ana", "es"
    )
    assert not [p for p in parts if p.kind == "error" and (p.note or p.topic)]
    text = card(to_know="Domino Excel y SAP.", lang="es")
    assert "Domino Excel y SAP." in text


@pytest.mark.parametrize(
    ("lang", "words", "sentence"),
    [
        ("de", "Spreche fließend Englisch.", "Ich spreche fließend Englisch."),
        ("de", "Habe zehn Jahre Erfahrung in der Pflege.", "Ich habe zehn Jahre Erfahrung in der Pflege."),
        ("de", "Kenne mich gut mit SAP aus.", "Ich kenne mich gut mit SAP aus."),
        ("de", "Liebe zum Detail.", "Liebe zum Detail."),
        ("fr", "Connais bien le secteur hospitalier.", "Je connais bien le secteur hospitalier."),
        ("fr", "Parle couramment anglais.", "Je parle couramment anglais."),
        ("fr", "Ai dirigé une équipe de six.", "J’ai dirigé une équipe de six."),
        ("fr", "Forme les nouveaux arrivants.", "Forme les nouveaux arrivants."),
        ("fr", "Maîtrise de Python et SQL.", "Maîtrise de Python et SQL."),
        ("fr", "Maîtrise Python et SQL.", "Je maîtrise Python et SQL."),
        ("de", "War ein tolles Gespräch.", "War ein tolles Gespräch."),
        ("de", "Schule der Zukunft.", "Schule der Zukunft."),
    ],
)
def test_a_french_or_german_note_without_its_subject_gets_it_back(
    lang: str, words: str, sentence: str
) -> None:
    assert to_reader(words, lang) == sentence


@pytest.mark.parametrize(
    ("lang", "words"), [("de", "Liebe zum Detail."), ("fr", "Forme les nouveaux arrivants.")]
)
def test_a_subjectless_note_not_surely_a_verb_is_left_out_with_a_hint_never_silently(
    lang: str, words: str
) -> None:
    parts = card_parts(TEACHER, None, [error(words)], "Ana", lang)
    assert [(p.note, p.hint) for p in parts if p.kind == "error"] == [(True, fragment_hint(lang))]
    assert f"Left out, it reads as a note: Phonics. {fragment_hint(lang)}" in missing_summary(parts)


@pytest.mark.parametrize(
    ("words", "fragment"),
    [
        ("Case study on the onboarding redesign, 23% activation lift.", True),
        ("Great chat about the roadmap.", True),
        ("Forklift licence, 2019.", True),
        ("I led the onboarding redesign.", False),
        ("The demo was great.", False),
        ("Keen to learn Rust.", False),
        ("Loved the tour.", False),
        ("Why do you release on Fridays?", False),
        ("You explaining the escalation ladder.", True),
    ],
)
def test_a_fragment_is_told_from_a_sentence(words: str, fragment: bool) -> None:
    assert is_fragment(words) is fragment


@pytest.mark.parametrize(
    ("lang", "words", "fragment"),
    [
        ("de", "Fallstudie zum Onboarding, 23 % mehr Aktivierung.", True),
        ("de", "Ich habe die Fallstudie zum Onboarding vorgestellt.", False),
        ("es", "Estudio de caso del rediseño, 23 % más de activación.", True),
        ("es", "Presenté el estudio de caso.", False),
        ("es", "Estudio de caso sobre la nueva tecnología.", True),
        ("es", "He presentado el estudio de caso.", False),
        ("es", "Manejo de Excel avanzado y SAP.", True),
        ("es", "Cinco años de experiencia en SAP.", True),
        ("es", "Proyecto piloto con tres hospitales.", True),
        ("fr", "Étude de cas sur la refonte, 23 % d'activation en plus.", True),
        ("fr", "J'ai présenté une étude de cas sur la refonte.", False),
    ],
)
def test_fragments_in_every_language(lang: str, words: str, fragment: bool) -> None:
    assert is_fragment(words, lang) is fragment


def test_a_fragment_is_never_printed_it_is_listed_with_a_hint() -> None:
    words = "Case study on the onboarding redesign, 23% activation lift."
    text = card(to_know=words)
    assert "Case study" not in text and "There is one thing" not in text
    assert reads_as_note(words) and not reads_as_note("hearing how you plan the phonics groups")
    debrief = Debrief(id="t7q2w", interview_id="t7q2w", worth_mentioning="Forklift licence, 2019.")
    parts = card_parts(TEACHER, debrief, [error(words)], "Ana")
    assert [(p.kind, p.note) for p in parts] == [("error", True), ("moment", True)]
    summary = missing_summary(parts)
    assert f"Left out, it reads as a note: Phonics. {fragment_hint('en')}" in summary
    assert "nothing to say yet" not in summary and "Still to write" not in summary
    german = card_parts(TEACHER, None, [error("Fallstudie zum Onboarding.")], "Ana", "de")
    assert german[0].hint == fragment_hint("de") != fragment_hint("en")
