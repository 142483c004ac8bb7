"""The user's own words made into card sentences.

No Textual here. The draft never rewrites what the user means: it only gives their words a
capital and an end mark, and frames a phrase ("hearing how the team plans releases") in a
template sentence so that every sentence on the card is whole.
"""

from __future__ import annotations

import re

from followup_tui.domain.text import one_line

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
_SENTENCE_START = re.compile(
    r"(?P<lead>^|(?<!e\.g)(?<!i\.e)(?<!etc)(?<!vs)[.!?]\s+)(?P<word>[^\W\d_][\w'’-]*)"
)
_YEARS = re.compile(r"^\d+\+?\s+(?:years?|months?)\b", re.IGNORECASE)
_TRAILING_DOTS = re.compile(r"\s*(?:\.{2,}|…)$")
_BULLET = re.compile(r"^\s*(?:[-*+•·>]+|\d+[.)])\s*")
_QUOTES = (('"', '"'), ("“", "”"), ("'", "'"), ("‘", "’"))
_LONE_I = re.compile(r"(?<![\w'’])i(?=['’]|\s|$)")
_SAID = re.compile(r"^(?:i\s+)?(?:should\s+have\s+said|wish\s+i(?:'d|\s+had)\s+said)\s+(?:that\s+)?", re.I)
_THAT = re.compile(r"^that\s+(?=(?:i|we|my|our|the|it|this)\b)", re.IGNORECASE)

_CLAUSE_STARTS = frozenset({"how", "what", "why", "when", "where", "who", "whether"})
"""A moment starting with one of these is a phrase ("how you plan releases")."""
_PHRASE_STARTS = frozenset(
    {"the", "your", "our", "a", "an", "this", "that", "those", "these", "all", "about"}
)
"""A moment starting with one of these is a phrase, unless a verb makes it a sentence."""
_VERBS = frozenset(
    {
        "is",
        "was",
        "were",
        "are",
        "am",
        "has",
        "have",
        "had",
        "will",
        "made",
        "makes",
        "stayed",
        "stuck",
        "felt",
    }
)
"""Words that make a moment a sentence of its own ("The demo was great")."""
_GERUND_SUBJECTS = frozenset(
    {"nothing", "something", "anything", "everything", "thing", "morning", "evening"}
)
_DROPPED_I = frozenset(
    {
        "led",
        "built",
        "ran",
        "wrote",
        "managed",
        "shipped",
        "designed",
        "worked",
        "used",
        "have",
        "had",
        "know",
        "knew",
        "speak",
        "spoke",
        "learned",
        "learnt",
        "loved",
        "enjoyed",
        "liked",
        "appreciated",
        "found",
        "want",
        "would",
        "can",
        "could",
        "will",
        "mentor",
        "mentored",
        "run",
        "build",
        "started",
        "created",
        "delivered",
        "owned",
        "migrated",
        "reduced",
        "improved",
        "cut",
        "taught",
        "set",
    }
)
"""Words a note often starts with when "I" was left out ("Led the migration")."""
_DROPPED_I_AM = frozenset(
    {"excited", "interested", "keen", "eager", "happy", "glad", "passionate", "motivated", "thrilled"}
)
"""Words a note often starts with when "I am" was left out ("Keen to learn Rust")."""


def clean_words(text: str) -> str:
    """Return the user's words on one line, without a bullet, surrounding quotes or trailing dots."""
    words = _BULLET.sub("", one_line(text)).strip()
    for left, right in _QUOTES:
        if len(words) > 2 and words.startswith(left) and words.endswith(right):
            words = words[1:-1].strip()
    words = _TRAILING_DOTS.sub("", words)
    return _LONE_I.sub("I", words)


def as_sentence(text: str) -> str:
    """Return text as a sentence: a capital first letter and an end mark (".", "!" or "?").

    A note that left out its "I" ("led the migration", "keen to learn Rust") gets it back.

    Args:
        text: Any words, already on one line.

    Returns:
        The sentence, or "" when there are no words.
    """
    words = clean_words(text).rstrip(" ,;:-–")
    if not words:
        return ""
    first = words.split(" ", 1)[0].casefold()
    if first in _DROPPED_I or first in _DROPPED_I_AM:
        words = ("I am " if first in _DROPPED_I_AM else "I ") + words[0].lower() + words[1:]
    elif _YEARS.match(words):
        words = f"I have {words}"
    words = _SENTENCE_START.sub(_capital, words)
    return words if _SENTENCE_END.search(words) else words + "."


def _capital(match: re.Match[str]) -> str:
    """Upper-case the first letter of a sentence, unless its word is written like "iOS"."""
    word = match["word"]
    if any(c.isupper() for c in word[1:]):
        return match[0]
    return match["lead"] + word[0].upper() + word[1:]


def is_phrase(text: str) -> bool:
    """Return True when the words are a phrase to frame rather than a sentence of their own.

    "how you plan releases", "the demo of the tracing tool", "hearing about the roadmap" are
    phrases; "The demo was great" and "I loved the roadmap" are sentences.
    """
    words = [w.casefold().strip(",.;:!?\"'“”‘’") for w in clean_words(text).split()]
    if not words or text.rstrip().endswith("?"):
        return False
    first = words[0]
    if first in _CLAUSE_STARTS:
        return True
    gerund = first.endswith("ing") and len(first) > 4 and first not in _GERUND_SUBJECTS
    if not (first in _PHRASE_STARTS or gerund):
        return False
    for word in words[1:]:
        if word in _CLAUSE_STARTS:
            return True  # a verb after "how" belongs to that clause: "hearing how the team works"
        if word in _VERBS:
            return False
    return True


def phrase(text: str) -> str:
    """Return a phrase as it goes inside a template: no end mark, "about" made "talking about"."""
    words = clean_words(text).rstrip(" ,;:-–.!")
    if words[:1].isupper() and words[1:2].islower() and not words.startswith("I "):
        words = words[0].lower() + words[1:]
    if words.casefold().startswith("about "):
        words = f"talking {words}"
    return words


def to_know_sentence(text: str) -> str:
    """Return what I want them to know as a sentence ("that I led it" becomes "I led it.")."""
    words = clean_words(text)
    words = _SAID.sub("", words)
    words = _THAT.sub("", words)
    return as_sentence(words)
