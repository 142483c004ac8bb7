"""Sentences that leave out who does it: the verb's own person, and the subject put back.

No Textual here. Spanish leaves out "yo" as a rule ("Trabajo bien en equipo.", "Lideré la
apertura."): the verb carries its person, so the sentence is whole. French and German leave
out "je" and "ich" only in notes ("Connais bien le secteur.", "Spreche fließend Englisch."):
the sentence the user means has the subject, so it is put back when the first word is surely
a verb in the first person, and the draft leaves the rest out with a hint that asks for one.
A German note's "dass" clause ("Sag ihr, dass ich Kotlin kann.") becomes the main clause
the user means ("Ich kann Kotlin.").
"""

from __future__ import annotations

import re


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_ES_FIRST_PERSON = _set(
    "sé soy estoy doy voy he tengo hago digo pongo salgo vengo traigo conozco ofrezco conduzco "
    "traduzco agradezco quiero puedo sigo pido sirvo dirijo elijo recojo prefiero siento pienso "
    "entiendo cuento muestro vuelvo juego llevo trabajo hablo domino gestiono coordino lidero manejo "
    "uso utilizo organizo superviso preparo diseño desarrollo programo enseño cocino atiendo vendo "
    "cuido escribo leo aprendo colaboro ayudo formo imparto analizo negocio acompaño busco "
    "disfruto necesito valoro aporto estudio investigo redacto "
    "planifico reviso mantengo defiendo resuelvo creo construyo instalo reparo monto entreno "
    "asesoro oriento administro implemento optimizo automatizo pinto dibujo horneo limpio"
)
"""Spanish verbs in the first person of the present, which begin a sentence without "yo"."""

_ES_PRESENT_OBJECTS = _set(
    "el la los las lo un una unos unas mi mis bien muy mucho desde perfectamente habitualmente "
    "siempre también ya todos todas todo cada varios varias tres cuatro cinco seis diez"
)
"""Words after a first word in "-o" that make it a verb with its object ("Trabajo bien …"),
not a noun with its complement ("Estudio de caso …")."""

_ES_NOUNS = _set(
    "caso proyecto estudio trabajo diseño desarrollo uso curso premio título grado equipo producto "
    "resultado ejemplo informe "
    "modelo proceso documento catálogo presupuesto rediseño contrato puesto servicio centro año "
    "dato evento libro artículo vídeo video logro objetivo plano experto uno cinco cuatro ocho "
    "cero medio otro nuevo mismo primero tercero último máximo mínimo"
)
"""First words in "-o" that are nouns, numbers or adjectives at the head of a bare phrase."""

_SUBJECTS = {"de": "ich", "fr": "je"}
"""The subject a French or German note leaves out."""

_FIRST_PERSON = {
    "de": _set(
        "bin habe kann konnte spreche sprach kenne kannte arbeite arbeitete leite leitete "
        "führe führte betreue betreute beherrsche bringe brachte mache machte organisiere "
        "organisierte koordiniere koordinierte entwickle entwickelte programmiere programmierte "
        "unterrichte unterrichtete verantworte verantwortete manage managte freue interessiere "
        "möchte will würde koche kochte berate beriet verkaufe verkaufte schreibe schrieb lerne "
        "lernte baue baute gestalte gestaltete übernahm übernehme bilde bildete "
        "schulte plante präsentiere präsentierte analysiere analysierte"
    ),
    "fr": _set(
        "ai suis connais parle maîtrise travaille gère dirige encadre coordonne développe enseigne "
        "sais peux veux aimerais voudrais avais étais fais organise manage accompagne anime "
        "conçois parlais travaillais gérais dirigeais connaissais maîtrisais encadrais "
        "accompagnais animais enseignais utilise rédige adore aime"
    ),
}
"""French and German verbs in the first person that a note starts with, leaving out the subject
("Connais bien …", "Spreche fließend …"); words that are also nouns at a sentence's start
("Liebe", "Suche", "Pflege", "Schule", "Forme", "Programme") are not among them, nor "war"
and "hatte", whose dropped subject is as often "es" ("War ein tolles Gespräch")."""

_VOWEL_START = re.compile(r"^[aeiouyéèêàâîôûh]", re.IGNORECASE)
_JOINED = re.compile(r"\b(?:und|oder|aber|sowie|weil|wenn|ob|sondern)\b", re.IGNORECASE)
_DASS_CLAUSE = re.compile(
    r"^(?P<subject>ich|wir)\s+(?P<middle>[^,;:]+?)\s+(?P<verb>[^\s,;:]+?)(?P<end>[.!]?)$"
)


def spanish_first_person(first: str, second: str) -> bool:
    """Return True when a Spanish sentence's first word is a verb that carries its own "yo".

    Args:
        first: The sentence's first word, in lower case without punctuation.
        second: The word after it ("" for none), likewise.
    """
    if first.endswith("o") and second in ("de", "del", "sobre", "para"):
        return False  # "Manejo de Excel avanzado", "Estudio de caso": a noun and its complement
    if first in _ES_FIRST_PERSON:
        return True
    if len(first) < 4 or first in _ES_NOUNS or not first.endswith("o"):
        return False
    return second in _ES_PRESENT_OBJECTS


def with_subject(text: str, base: str) -> str:
    """Return a French or German note that leaves out "je"/"ich" with it put back, else as is.

    "Spreche fließend Englisch." gives "Ich spreche fließend Englisch."; "Ai dirigé une équipe."
    gives "J’ai dirigé une équipe.". A first word that is not surely such a verb is kept as
    written (the draft then leaves it out and asks for a whole sentence).

    Args:
        text: The user's words, on one line.
        base: The card's language ("de", "fr"; any other is returned as is).
    """
    subject = _SUBJECTS.get(base)
    words = text.split(maxsplit=1)
    if subject is None or not words:
        return text
    first = words[0].strip(",.;:!?").casefold()
    rest = words[1] if len(words) > 1 else ""
    if first not in _FIRST_PERSON[base] or re.match(rf"{subject}\b", rest, re.IGNORECASE):
        return text
    if base == "fr" and re.match(r"(?:de|du|des|d['’])", rest, re.IGNORECASE):
        return text  # "Maîtrise de Python": a noun and its complement
    verb = words[0][:1].lower() + words[0][1:]
    if base == "fr" and _VOWEL_START.match(verb):
        return f"J’{verb} {rest}".rstrip()
    return f"{subject.capitalize()} {verb} {rest}".rstrip()


def dass_as_main_clause(clause: str) -> str:
    """Return a German "dass" clause as the main clause it says, or "" when it is not simple.

    "ich Kotlin kann." gives "Ich kann Kotlin."; "ich die Filiale geleitet habe" gives "Ich
    habe die Filiale geleitet". Only "ich" or "wir" as the subject and a single clause are
    turned: the finite verb, last in the clause, moves back to second place; a clause that
    joins two ("… arbeiten kann und will") is not.

    Args:
        clause: What follows "dass".
    """
    found = _DASS_CLAUSE.match(clause.strip())
    if found is None or _JOINED.search(found["middle"]):
        return ""  # "ich mit Kunden arbeiten kann und will": two verbs, no single place to move
    return f"{found['subject'].capitalize()} {found['verb']} {found['middle']}{found['end']}"
