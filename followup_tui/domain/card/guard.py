"""The card's guard: topics a thank-you card never raises, and phrases that make it sound anxious.

No Textual here: the draft, the card screen and ``followup card`` all ask these functions, so
they cannot disagree. Every function takes the card's language (a BCP 47 tag such as "de-AT";
only its first part counts); a language the guard has no data for is read as English.
"""

from __future__ import annotations

import re

SENSITIVE_TOPICS: dict[str, re.Pattern[str]] = {
    "pay": re.compile(
        r"\b(?:salary|salaries|pay|payment|wages?|compensation|remuneration|day\s+rate|overtime|pay\s+rise)\b",
        re.IGNORECASE,
    ),
    "benefits": re.compile(
        r"\b(?:benefits|perks|pensions?|bonus(?:es)?|equity|stock\s+options|share\s+options|rsus?"
        r"|health\s+insurance|company\s+car)\b",
        re.IGNORECASE,
    ),
    "holidays": re.compile(
        r"\b(?:holidays?|vacations?|pto|time\s+off|annual\s+leave|days\s+off|parental\s+leave|sick\s+leave)\b",
        re.IGNORECASE,
    ),
    "notice periods": re.compile(r"\b(?:notice(?:\s+periods?)?|garden\s+leave)\b", re.IGNORECASE),
}
"""Topics a thank-you card never raises, each with the words that give it away."""

PHRASES_TO_AVOID: dict[str, str] = {
    "sorry": "State the fact calmly; no need to apologise for it.",
    "apologise": "A card that adds a detail reads better than one that apologises.",
    "apologize": "A card that adds a detail reads better than one that apologises.",
    "apologies": "A card that adds a detail reads better than one that apologises.",
    "I forgot": "Say what you want to add; they do not need to hear that you forgot.",
    "messed up": "Name the detail you want to add, not the mistake.",
    "I know I": "Leave out guesses about how you came across.",
    "desperate": "Keen reads well; desperate does not.",
    "I'm not good at": "Describe what you do well instead.",
    "I am not good at": "Describe what you do well instead.",
    "just wanted": "Drop the 'just': say it plainly.",
    "I failed": "Say what you would add now, not how you judge the answer.",
    "I was nervous": "Everyone is nervous; the card is about the role, not the nerves.",
    "forgive me": "There is nothing to forgive; add the detail.",
    "my mistake": "Name the detail you want to add, not the mistake.",
    "I blew it": "Leave out the verdict; add the detail.",
    "another chance": "Ask to continue the conversation rather than for another chance.",
    "I hope you don't mind": "Say it directly.",
    "I guess": "Be definite: you know what you can do.",
    "hopefully": "Be definite about what you want.",
    "stupid": "Leave out harsh words about yourself.",
    "awkward": "Leave out how the moment felt; add the detail.",
    "embarrass": "Leave out how the moment felt; add the detail.",
    "I should have": "Say what you would like to add now.",
}
"""Phrases that make a card sound anxious or grovelling, each with a hint for a better line."""

_STEMS = {"apologise", "apologize", "desperate", "embarrass"}
"""Phrases that also match with an ending ("apologised", "embarrassing")."""

_PHRASE_PATTERNS = {
    phrase: re.compile(
        r"(?<!\w)" + re.escape(phrase).replace("'", "['’]") + (r"\w*" if phrase in _STEMS else r"(?!\w)"),
        re.IGNORECASE,
    )
    for phrase in PHRASES_TO_AVOID
}


def sensitive_topic(text: str, lang: str = "en") -> str:
    """Return the topic a card must not raise that ``text`` mentions ("pay"), or "".

    Args:
        text: The user's words.
        lang: The card's language.
    """
    for topic, pattern in SENSITIVE_TOPICS.items():
        if pattern.search(text):
            return topic
    return ""


def flag_phrases(text: str, lang: str = "en") -> list[str]:
    """Return the phrases to avoid that appear in a card, in the order of ``PHRASES_TO_AVOID``.

    Args:
        text: The card's text.
        lang: The card's language.
    """
    return [phrase for phrase, pattern in _PHRASE_PATTERNS.items() if pattern.search(text)]


def phrase_hint(phrase: str, lang: str = "en") -> str:
    """Return the hint for a phrase ``flag_phrases`` found, in the card's language.

    Args:
        phrase: One of the phrases ``flag_phrases`` returned.
        lang: The card's language.
    """
    return PHRASES_TO_AVOID.get(phrase, "")
