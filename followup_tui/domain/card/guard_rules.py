"""The shape of the card guard's data for one language, and the patterns every language shares.

No Textual here. A language's module (``guard_en``, ``guard_de`` …) fills one ``GuardData``:
the rules that find each topic a card never raises, the spans in which a word is not that topic
("short notice", "payment terms"), and the phrases to avoid with their hints. ``guard`` reads it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

FLAGS = re.IGNORECASE | re.UNICODE

GUARDED = ("en", "de", "es", "fr")
"""The languages the guard has data for."""


def base_tag(lang: str) -> str:
    """Return the language whose data a tag reads ("de-AT" reads "de"; one without data, "en")."""
    first = lang.replace("_", "-").split("-", 1)[0].lower()
    return first if first in GUARDED else "en"


def words(*alternatives: str, stem: bool = False) -> re.Pattern[str]:
    """Compile alternatives (regular expressions) that match only as whole words.

    Args:
        alternatives: The words or phrases; a space in one matches any run of spaces.
        stem: Let each alternative take an ending ("bully" matches "bullied").
    """
    body = "|".join(a.replace(" ", r"\s+") for a in alternatives)
    end = r"[\w-]*" if stem else r"(?![\w-])"
    return re.compile(rf"(?<![\w-])(?:{body}){end}", FLAGS)


@dataclass(frozen=True)
class Rule:
    """A pattern that shows a topic, and the context it needs."""

    pattern: re.Pattern[str]
    """Where the topic shows."""
    about_self: bool = False
    """Count it only when it is about the user or their family ("my migraine", not a patient's)."""
    unless: re.Pattern[str] | None = None
    """Words in the same sentence that make it something else ("saved £40k in licence costs")."""
    not_for_others: bool = False
    """Do not count it next to the people one works for ("the sick leave policy for the ward")."""
    needs: re.Pattern[str] | None = None
    """Words the sentence must also hold ("toxic" counts when a former employer is named)."""


@dataclass(frozen=True)
class GuardData:
    """Everything the guard knows about one language."""

    topics: dict[str, tuple[Rule, ...]]
    """Each topic a card never raises (named in English: the screen's labels stay English)."""
    harmless: tuple[re.Pattern[str], ...]
    """Spans in which a topic's word means something else ("at short notice", "Pay.UK")."""
    self_words: re.Pattern[str]
    """Words that put the user in the sentence as the one it happens to ("my", "I was")."""
    others: re.Pattern[str]
    """The people one works for ("patients", "pupils"): a condition of theirs is the work."""
    topic_hints: dict[str, str]
    """A short, kind hint for each topic, in this language."""
    phrases: dict[str, str] = field(default_factory=dict)
    """Phrases to avoid as the user reads them, each with its hint; matched as whole words."""
    patterns: dict[str, str] = field(default_factory=dict)
    """A regular expression for a phrase that takes several forms ("should('ve| have)")."""
    stems: frozenset[str] = frozenset()
    """Phrases that also match with an ending ("apologise" matches "apologised")."""
    notes_to_self: frozenset[str] = frozenset()
    """Phrases that mark a note written to oneself ("tell her"): words that still hold one after
    the draft tried to turn them are left out, with that phrase's hint."""


AMOUNT = re.compile(
    r"(?:[€£$]\s?\d[\d.,  ]*\d?\s?(?:k|mil|tsd\.?)?(?![\w])"
    r"|(?<![\w.,])\d[\d.,  ]*\s?(?:k\s?€|k€|€|eur(?:os?)?|gbp|usd|pounds|dollars|euros?)(?![\w])"
    r"|(?<![\w.,€£$])\d{2,3}\s?k(?![\w€]))",
    FLAGS,
)
"""An amount of money, or a round figure in thousands ("85k", "£45,000", "60.000 €", "55 k€")."""

LARGE = re.compile(
    r"[€£$]?\s?\d[\d.,]*\s?(?:m|mn|bn|million|billion|millions?|millones|milliards?|mio\.?|mrd\.?)(?![\w])",
    FLAGS,
)
"""An amount in millions is a business figure, not a salary: harmless in every language."""
