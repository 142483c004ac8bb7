"""The user's words said to the card's reader: notes to oneself, the recipient by name, fragments.

No Textual here. People write their debrief for themselves: "Tell her you did the RWI phonics
training", "mention that I speak Polish", "Björn's tour of the kitchen" on Björn's own card, or a
bare "Case study on the onboarding redesign, 23% activation lift". The draft turns what can be
turned safely into a sentence to the reader ("I did the RWI phonics training", "your tour of the
kitchen") and leaves the rest as written, for the guard to flag (``guard.flag_phrases``) or the
draft to leave out (``is_fragment``). It never changes what the user means.
"""

from __future__ import annotations

import re

from followup_tui.domain.card.guard import note_to_self, phrase_hint
from followup_tui.domain.card.guard_rules import base_tag
from followup_tui.domain.card.sentences import as_sentence, is_phrase
from followup_tui.domain.card.subjects import dass_as_main_clause, spanish_first_person, with_subject


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_PRONOUNS = {"her": ("she", "her"), "him": ("he", "his"), "them": ("they", "their")}
"""Whom a note to oneself names, and how that person is then spoken of in it."""

_NOTE_EN = re.compile(
    r"^(?:(?:remember|don['’]t forget|do not forget|make sure) to\s+)?"
    r"(?:(?:tell|remind)\s+(?P<who>her|him|them)|let\s+(?P<let>her|him|them)\s+know|mention|say|point out"
    r"|bring up|explain)"
    r"(?P<sep>\s*[:,]\s*|\s+that\s+|\s+(?=(?:I|you|my|your|we|our|she|he|they|her|his|their)\b))",
    re.IGNORECASE,
)
_SELF_NOTE = re.compile(
    r"^(?:note to self|notiz an mich|nota para mí|note pour moi)\s*[:,-]?\s*", re.IGNORECASE
)
_REGRET = {
    "en": re.compile(
        r"^(?:(?:I\s+)?(?:should(?:['’]?ve| have)|wish I(?:['’]d| had)|forgot to|did(?:n['’]t| not))\s+"
        r"(?:say|said|mention|mentioned|tell you|told you)|you (?:should|need to|must) know)"
        r"(?:\s+that)?\s*[:,]?\s+(?=\w)",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"^(?:debería haber|tendría que haber|se me olvidó|olvidé|no)\s+(?:dicho|mencionado|comentado|decir"
        r"|mencionar|comentar|dije|mencioné|comenté)\s+que\s+",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^(?:j['’]aurais dû|j['’]ai oublié de|je n['’]ai pas)\s+"
        r"(?:dire|mentionner|préciser|dit|mentionné|précisé)\s+qu(?:e\s+|['’](?=\w))",
        re.IGNORECASE,
    ),
}
"""A regret before the point ("should've said that I ran the drills"): the point stands alone."""
_CHAT_EN = re.compile(
    r"^(?:(?:a|the)\s+)?(?:really\s+)?(?:great|good|lovely|nice|interesting|fun)\s+"
    r"(?P<noun>chat|conversation|talk|discussion)\s+(?=about|on|with)",
    re.IGNORECASE,
)
_ABOUT_EN = re.compile(r"^(?:tell|remind)\s+(?:her|him|them)\s+about\s+", re.IGNORECASE)
_SELF_TALK_EN = (
    (re.compile(r"\byou(?:['’]re| are)\b", re.I), "I'm"),
    (re.compile(r"\byou were\b", re.I), "I was"),
    (re.compile(r"\byou(?:['’]ve)\b", re.I), "I've"),
    (re.compile(r"\byou(?:['’]d)\b", re.I), "I'd"),
    (re.compile(r"\byou(?:['’]ll)\b", re.I), "I'll"),
    (re.compile(r"\byourself\b", re.I), "myself"),
    (re.compile(r"\byour\b", re.I), "my"),
    (re.compile(r"\byou\b(?=\s+\w)", re.I), "I"),
)
"""A note written to oneself as "you" ("tell her you did …"): the "you" is the user."""

_NOTES = {
    "de": re.compile(
        r"^(?:(?:daran denken|nicht vergessen),?\s+zu\s+)?"
        r"(?:(?:sag|sagen|erzähl|erzählen)\s+(?:ihr|ihm|ihnen)|(?:ihr|ihm|ihnen)\s+sagen|erwähnen|betonen|sagen)"
        r"(?:(?P<dass>\s*,?\s*dass\s+)|\s*[:,]\s*(?=(?:ich|wir|mein\w*|unser\w*)\b))",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"^(?:(?:recordar|acordarme de|no olvidar)\s+)?"
        r"(?:dile|decirle|dígale|comentar|mencionar|recalcar|decir)(?:le)?\s*(?:que\s+|[:,]\s*)",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^(?:(?:penser à|ne pas oublier de)\s+)?"
        r"(?:dis-lui|dites-lui|lui dire|mentionner|préciser|dire|souligner)"
        r"\s*(?:que\s+|qu['’](?=\w)|[:,]\s*)",
        re.IGNORECASE,
    ),
}
"""A note to oneself in the other languages, taken off only where what follows stands alone."""

_SECOND_PERSON = {
    "es": re.compile(r"\b(?:tú|hiciste|tienes|eres|estuviste|fuiste)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:tu|t['’]|ton|ta|tes)\b", re.IGNORECASE),
}
"""Self-talk in the second person ("dile que hiciste …"): it stays as written, to be flagged."""

_VERB_AGREEMENT = {
    "is": "are",
    "was": "were",
    "has": "have",
    "does": "do",
    "isn't": "aren't",
    "wasn't": "weren't",
}
_EN_VERBS = _set(
    "am is are was were be been being has have had having will would can could shall should may might must "
    "do does did done made make makes got get gets went go goes took take takes gave give gives saw see sees "
    "felt feel feels found find finds loved love loves enjoyed enjoy liked like likes want wants need needs "
    "know knew think thought showed show shows told tell helped help helps led lead leads built build builds "
    "ran run runs wrote write writes learned learnt learn brought bring kept keep left came come comes said "
    "say says asked spoke speak met meet mean means matters matter stood stuck impressed grew grow hope "
    "believe look looking worked work works managed manage cut set sold won lost spent taught teach "
    "'m 've 'd 'll ’m ’ve ’d ’ll"
)
_EN_SUBJECTS = _set("i we you he she they it this that there these those who")
_SENTENCE_WORDS = {
    "de": _set(
        "ich wir er sie es man du ihr bin bist ist sind war waren habe hast hat haben hatte hatten wird "
        "werde werden wurde kann konnte können möchte möchten würde würden gibt gab fand finde freue freut "
        "gefiel gefällt hat's"
    ),
    "es": _set(
        "yo es son fue fueron era eran he ha han había tenía hacía quería podía tengo tiene tuve estoy "
        "está estuve estaba me gustó gusta encantó encanta quiero quisiera puedo pude hice hizo creo "
        "llevo trabajé dirigí aprendí"
    ),
    "fr": _set(
        "je j' j’ nous il elle on est sont était étaient ai as a avons ont avais avait suis sera serai peux "
        "pourrais voudrais aimerais veux j'ai j’ai c'est c’est m'a m’a"
    ),
}
"""Words that make what the user wrote a sentence, not a bare phrase, in each language."""


_SPANISH_PAST = ("é", "í", "ó", "aba")
"""Endings of a Spanish verb that carries its own subject ("presenté", "dirigí", "trabajaba")."""
_SPANISH_NOUNS = _set("café bebé comité menú aquí allí así sí también")


def to_reader(words: str, lang: str = "en", recipient: str = "") -> str:
    """Return the user's words as said to the card's reader.

    A note to oneself ("Tell her you did the RWI phonics training", "mention that I speak
    Polish", "Dile que hice la formación") loses its instruction; in English the recipient named
    in the third person ("Björn's tour of the kitchen" on Björn's card, "she showed me …" after
    "tell her") is addressed as "you". What cannot be turned safely is returned as written: the
    guard then flags it on the card.

    Args:
        words: The user's words, on one line.
        lang: The card's language.
        recipient: The full name of the person the card is for ("" for a team).
    """
    base = base_tag(lang)
    text = words.strip()
    bare = _SELF_NOTE.match(text)
    if bare and text[bare.end() :]:
        text = text[bare.end() :]
    regret = _REGRET[base].match(text) if base in _REGRET else None
    if regret is not None and text[regret.end() :]:
        text = text[regret.end() :]
        text = text if base == "en" else text[0].upper() + text[1:]
    if base in _NOTES:
        return with_subject(_note_elsewhere(text, base), base)
    if base != "en":
        return text
    chat = _CHAT_EN.match(text)
    if chat:
        return f"I enjoyed our {chat['noun'].lower()} {_addressed(text[chat.end() :], recipient, '')}"
    about = _ABOUT_EN.match(text)
    if about and not re.search(r"\b(?:she|he|they)\b", text[about.end() :], re.I):
        return f"I would like to tell you about {_addressed(text[about.end() :], recipient, '')}"
    note = _NOTE_EN.match(text)
    if note is None:
        return _addressed(text, recipient, "")
    rest = text[note.end() :]
    who = (note["who"] or note["let"] or "").lower()
    for pattern, replacement in _SELF_TALK_EN:
        rest = pattern.sub(replacement, rest)
    return _addressed(rest, recipient, who)


def is_fragment(words: str, lang: str = "en") -> bool:
    """Return True when the words are a bare phrase that would print as a fragment.

    "Case study on the onboarding redesign, 23% activation lift." has no verb and no one doing
    anything: it is a note, not a sentence, and a card never prints it as one.

    Args:
        words: The user's words, as the draft would print them.
        lang: The card's language.
    """
    base = base_tag(lang)
    found = [w.casefold().strip(",.;:!?\"'“”‘’()") for w in words.split()]
    found = [w for w in found if w]
    if not found or words.rstrip().endswith(("?", "!")):
        return False
    if base == "es" and (
        spanish_first_person(found[0], found[1] if len(found) > 1 else "")
        or any(len(w) > 3 and w.endswith(_SPANISH_PAST) and w not in _SPANISH_NOUNS for w in found)
    ):
        return False  # "Presenté el estudio de caso", "Trabajo bien en equipo": the verb carries its "yo"
    if base in _SENTENCE_WORDS:
        known = _SENTENCE_WORDS[base]
        return not any(w in known or w.replace("’", "'").split("'")[0] + "'" in known for w in found)
    gerund = len(found) > 1 and found[1].endswith("ing")  # "you explaining the ladder" has no verb
    if (found[0] in _EN_SUBJECTS and not gerund) or any(w in _EN_VERBS for w in found):
        return False
    if any(len(w) > 4 and w.endswith("ed") for w in found):
        return False
    return not any(w.endswith(("n't", "n’t")) for w in found)


HINTS: dict[str, tuple[str, str]] = {
    "en": (
        "Write it as a sentence: “I shared a case study on …”.",
        "The card speaks about {name}: write to them as “you”.",
    ),
    "de": (
        "Schreiben Sie einen ganzen Satz, mit „ich“: „Ich habe … vorgestellt.“",
        "Die Karte spricht über {name}: Sprechen Sie die Person direkt an.",
    ),
    "es": (
        "Escriba una frase completa: «Presenté …».",
        "La tarjeta habla de {name} en tercera persona: escríbale directamente.",
    ),
    "fr": (
        "Écrivez une phrase complète, avec « je » : « J’ai présenté … ».",
        "La carte parle de {name} à la troisième personne : écrivez-lui directement.",
    ),
}
"""Per language: what to do with words that read as a note, and with a recipient named as "she"."""


_FRAMED_START = {
    "de": re.compile(r"^(?:der|die|das|den|dem|des|ein|eine|einen|einem|Ihr\w*|wie|was|warum)\s", re.I),
    "es": re.compile(r"^(?:el|la|los|las|un|una|su|sus|lo|cómo|qué|por qué)\s", re.I),
    "fr": re.compile(r"^(?:le|la|les|l['’]|un|une|votre|vos|comment|ce que|pourquoi)\s?", re.I),
}
"""Words the card's frame takes as a phrase in each language ("die Führung durch die Backstube")."""


def reads_as_note(words: str, lang: str = "en") -> bool:
    """Return True when the user's words would print as a fragment, even framed.

    A phrase the draft frames ("hearing how the team plans releases") is not a note; a bare
    "Case study on the onboarding redesign, 23% activation lift" is, and so is a note written to
    oneself that ``to_reader`` could not turn ("Sag ihr, dass mein Team gewachsen ist").

    Args:
        words: The user's words, as ``to_reader`` gave them.
        lang: The card's language.
    """
    text = words.strip()
    if text and note_to_self(text, lang):
        return True  # "Sag ihr, dass mein Team …": a note the draft could not turn
    framed = _FRAMED_START.get(base_tag(lang))
    if not text or is_phrase(text) or (framed is not None and framed.match(text)):
        return False
    return is_fragment(as_sentence(text), lang)


def fragment_hint(lang: str = "en", words: str = "") -> str:
    """Return the hint for words left out because they read as a note, in the card's language.

    Args:
        lang: The card's language.
        words: The user's words: a note written to oneself gets that note's own hint.
    """
    note = note_to_self(words, lang) if words else ""
    return phrase_hint(note, lang) if note else HINTS[base_tag(lang)][0]


def recipient_hint(recipient: str, lang: str = "en") -> str:
    """Return the hint for a card that names its recipient in the third person, in its language."""
    forms = _name_forms(recipient)
    return HINTS[base_tag(lang)][1].format(name=forms[-1] if forms else recipient)


def names_recipient(text: str, recipient: str) -> bool:
    """Return True when the card speaks of its own recipient in the third person.

    The greeting ("Dear Björn,") names them as it should; a sentence after it that names them
    again ("Björn's tour of the kitchen was the highlight") reads as a note about them.

    Args:
        text: The card's text.
        recipient: The full name of the person the card is for.
    """
    names = _name_forms(recipient)
    if not names:
        return False
    body = text.split("\n", 1)[1] if "\n" in text else ""
    sign_off = body.rstrip().rsplit("\n\n", 1)[0] if "\n\n" in body else body
    return any(re.search(rf"(?<!\w){re.escape(n)}(?:['’]?s)?(?!\w)", sign_off) for n in names)


def _name_forms(recipient: str) -> list[str]:
    """The ways a person is named in running text: "Björn Larsen", "Björn"."""
    words = [w for w in recipient.replace(",", " ").split() if w[:1].isupper() and not w.endswith(".")]
    if not words:
        return []
    forms = [" ".join(words), words[0]]
    return [f for f in dict.fromkeys(forms) if len(f) > 1]


def _addressed(text: str, recipient: str, who: str) -> str:
    """Speak to the reader: the recipient's name and the note's pronouns become "you"."""
    for name in _name_forms(recipient):
        text = re.sub(rf"(?<!\w){re.escape(name)}['’]s\b", "your", text)
        text = re.sub(rf"(?<!\w){re.escape(name)}\s+(?P<verb>[\w'’]+)", _you_do, text)
        text = re.sub(
            rf"(?<=\s)(?:with|to|for|from|and|by|thank)\s+{re.escape(name)}(?!\w)", _you_after, text
        )
    if who in _PRONOUNS:
        subject, possessive = _PRONOUNS[who]
        text = re.sub(rf"\b{subject}\s+(?P<verb>[\w'’]+)", _you_do, text, flags=re.I)
        text = re.sub(
            rf"\b{who}\b(?=\s*(?:[.,;:!?]|$|(?:about|for|with|to|on|in|that|and|at)\b))", "you", text
        )
        text = re.sub(rf"\b{possessive}\b(?=\s+\w)", "your", text, flags=re.I)
        text = re.sub(rf"\b{who}\b", "you", text, flags=re.I)
    return text


def _you_do(match: re.Match[str]) -> str:
    """ "Björn showed" becomes "you showed"; "she is" becomes "you are"; "he explains", "you explain"."""
    verb = match["verb"]
    low = verb.casefold()
    if low in _VERB_AGREEMENT:
        verb = _VERB_AGREEMENT[low]
    elif low.endswith(("ches", "shes", "sses", "xes", "oes")):
        verb = verb[:-2]
    elif low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        verb = verb[:-1]
    start = match.start()
    you = "You" if start == 0 or match.string[:start].rstrip().endswith((".", "!", "?")) else "you"
    return f"{you} {verb}"


def _you_after(match: re.Match[str]) -> str:
    """ "with Björn" becomes "with you"."""
    return f"{match[0].split()[0]} you"


def _note_elsewhere(text: str, base: str) -> str:
    """A note to oneself in German, Spanish or French, taken off when what follows stands alone
    (a German "dass" clause as the main clause it says)."""
    note = _NOTES[base].match(text)
    if note is None:
        return text
    rest = text[note.end() :]
    second = _SECOND_PERSON.get(base)
    if not rest or (second is not None and second.search(rest)):
        return text
    if note.groupdict().get("dass"):
        return dass_as_main_clause(rest) or text  # "Sag ihr, dass ich Kotlin kann."
    return rest[0].upper() + rest[1:]
