"""The card's guard: topics a thank-you card never raises, and phrases that make it sound anxious.

No Textual here: the draft, the card screen and ``followup card`` all ask these functions, so
they cannot disagree. Every function takes the card's language (a BCP 47 tag such as "de-AT";
only its first part counts); a language the guard has no data for is read as English.

A topic is found in context, not by a word alone: each language's rules (``guard_en`` …) say
where a word is the topic ("my notice period") and where it is not ("at short notice"), and a
condition counts as health only when it is the user's own, not a patient's or a pupil's.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import replace
from functools import cache

from followup_tui.domain.card import guard_en
from followup_tui.domain.card.guard_rules import AMOUNT, LARGE, GuardData, Rule, base_tag

_LANGUAGES: dict[str, GuardData] = {"en": guard_en.DATA}
"""Each language's data read so far: English always (every card also reads English words)."""

PHRASES_TO_AVOID: dict[str, str] = guard_en.DATA.phrases
"""The English phrases that make a card sound anxious or grovelling, each with its hint."""

TOPICS: tuple[str, ...] = tuple(guard_en.DATA.topics)
"""The topics a card never raises, as the card screen names them."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_SELF_BEFORE = 12
"""How many words before a condition may name the user ("I was off for six months with …")."""
_SELF_AFTER = 4
"""How many words after it ("Wegen einer Migräne musste ich …")."""
_OTHERS_BEFORE = 5
"""How many words before a word may make it someone else's ("the demo of the migraine …")."""
_OTHERS_AFTER = 3
"""How many words after it ("the sick leave policy")."""


def _data(lang: str) -> GuardData:
    """The guard's data for a language, its rules compiled the first time a card in it is read.

    Compiling a language's rules takes tens of milliseconds: an English card's first opening
    does not pay for German, Spanish and French.
    """
    tag = base_tag(lang)
    data = _LANGUAGES.get(tag)
    if data is None:
        module = importlib.import_module(f"followup_tui.domain.card.guard_{tag}")
        data = _LANGUAGES[tag] = module.DATA
    return data


def sensitive_topic(text: str, lang: str = "en") -> str:
    """Return the topic a card must not raise that ``text`` mentions ("pay"), or "".

    Args:
        text: The user's words.
        lang: The card's language.
    """
    data = _data(lang)
    readings = (data,) if data is guard_en.DATA else (data, _english_words(base_tag(lang)))
    for sentence in _SENTENCE.split(text):
        for reading in readings:
            topic = _topic_of(sentence, reading)
            if topic:
                return topic
    return ""


def topic_hint(topic: str, lang: str = "en") -> str:
    """Return a short, kind hint for why a topic stays off the card, in the card's language.

    Args:
        topic: One of ``TOPICS``.
        lang: The card's language.
    """
    return _data(lang).topic_hints.get(topic, "")


def flag_phrases(text: str, lang: str = "en") -> list[str]:
    """Return the phrases to avoid that appear in a card, in the order of the language's list.

    Args:
        text: The card's text.
        lang: The card's language.
    """
    return [name for name, pattern in _phrase_patterns(base_tag(lang)).items() if pattern.search(text)]


def note_to_self(text: str, lang: str = "en") -> str:
    """Return the phrase that makes words a note written to oneself ("sag ihr"), or "".

    Args:
        text: The user's words, as the draft would print them.
        lang: The card's language.
    """
    notes = _data(lang).notes_to_self
    return next((name for name in flag_phrases(text, lang) if name in notes), "")


def phrase_hint(phrase: str, lang: str = "en") -> str:
    """Return the hint for a phrase ``flag_phrases`` found, in the card's language.

    Args:
        phrase: One of the phrases ``flag_phrases`` returned.
        lang: The card's language.
    """
    return _data(lang).phrases.get(phrase, "")


def _topic_of(sentence: str, data: GuardData) -> str:
    harmless = [m.span() for pattern in (*data.harmless, LARGE) for m in pattern.finditer(sentence)]
    for topic, rules in data.topics.items():
        if any(_shows(rule, sentence, harmless, data) for rule in rules):
            return topic
    return ""


def _shows(rule: Rule, sentence: str, harmless: list[tuple[int, int]], data: GuardData) -> bool:
    if rule.unless is not None and rule.unless.search(sentence):
        return False
    if rule.needs is not None and not rule.needs.search(sentence):
        return False
    for match in rule.pattern.finditer(sentence):
        if any(start < match.end() and match.start() < end for start, end in harmless):
            continue
        if rule.not_for_others and _near_others(sentence, match, data):
            continue
        if not rule.about_self or _about_self(sentence, match, data):
            return True
    return False


def _near_others(sentence: str, match: re.Match[str], data: GuardData) -> bool:
    """Whether the people one works for stand right beside the words ("the burnout workshop")."""
    before = " ".join(sentence[: match.start()].split()[-_OTHERS_BEFORE:])
    after = " ".join(sentence[match.end() :].split()[:_OTHERS_AFTER])
    return bool(data.others.search(before) or data.others.search(after))


def _about_self(sentence: str, match: re.Match[str], data: GuardData) -> bool:
    """Whether the user (or their family) is who the condition belongs to, not someone they help."""
    before = sentence[: match.start()]
    after = sentence[match.end() :]
    if data.others.search(" ".join(after.split()[:_OTHERS_AFTER])):
        return False  # "the medication charts of forty residents"
    for found in data.self_words.finditer(before):
        gap = before[found.end() :]
        if len(gap.split()) <= _SELF_BEFORE and not data.others.search(gap):
            return True
    later = data.self_words.search(after)
    if later is None:
        return False
    gap = after[: later.start()]
    return len(gap.split()) <= _SELF_AFTER and not data.others.search(gap)


@cache
def _english_words(lang: str) -> GuardData:
    """English words in a card of another language ("OTE", "my notice period" in an English debrief
    drafted in German), read with that language's people and harmless spans too, without English's
    reading of amounts (its business words are English)."""
    data = _data(lang)
    english = guard_en.DATA
    return replace(
        english,
        topics={
            topic: tuple(r for r in rules if r.pattern is not AMOUNT)
            for topic, rules in english.topics.items()
        },
        harmless=(*english.harmless, *data.harmless),
        self_words=_either(english.self_words, data.self_words),
        others=_either(english.others, data.others),
    )


def _either(first: re.Pattern[str], second: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{first.pattern})|(?:{second.pattern})", first.flags)


@cache
def _phrase_patterns(lang: str) -> dict[str, re.Pattern[str]]:
    data = _data(lang)
    patterns = {}
    for name in data.phrases:
        body = data.patterns.get(name) or re.escape(name).replace("'", "['’]").replace(r"\ ", r"\s+")
        end = r"\w*" if name in data.stems else r"(?!\w)"
        patterns[name] = re.compile(rf"(?<!\w)(?:{body}){end}", re.IGNORECASE | re.MULTILINE)
    return patterns
