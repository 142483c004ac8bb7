"""The wordings of the thank-you card, one module per language (``en``, ``de``, ``es``, ``fr``).

Plain data with no Textual. Each language module defines ``FRAME``: several sets of whole
sentences written for that language (never translated word by word), and the rules for how
a role, a team, a day and a count read in it. Every template is a whole sentence (or the
greeting and sign-off lines) for every value its slots can take:

- ``{name}``: how the interviewer is addressed ("Sam", "Dr. Okafor", "Frau Schmidt");
- ``{team}``: "Acme team" / "hiring team" (or the language's own form) when nobody is named;
- ``{when}``: the day as the set frames it (" on Tuesday", " am Dienstag"), or "";
- ``{role}``: the role as the language frames it ("Data Engineer role at Acme",
  "die Stelle als Filialleitung bei Bäckerei Schmidt", "el puesto de enfermera", "le poste");
- ``{x}``: the user's own words when they are a phrase rather than a sentence;
- ``{n}``: a number in words ("two"), ``{N}`` the same with a capital ("Two");
- ``{q}``: the interviewer's question, as the user wrote it down.

The user's own sentences are never put into a template, except a phrase in ``{x}`` and a
question in ``{q}``. To add a language: copy ``en.py`` to ``xx.py``, write its sentences,
add the tag to ``domain.language.LANGUAGES``, and run ``tests/domain/test_card_languages.py``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field

from followup_tui.domain.language import base_language


@dataclass(frozen=True)
class Thanks:
    """The thanks for the interview, one sentence for each format: slots ``{when}`` and ``{role}``."""

    onsite: str
    """After a visit: "Thank you for meeting me{when} to talk about the {role}."."""
    video: str
    """After a video meeting."""
    phone: str
    """After a phone call."""

    def for_format(self, interview_format: str) -> str:
        """Return the sentence for an interview's format ("onsite", "video" or "phone")."""
        if interview_format == "video":
            return self.video
        return self.phone if interview_format == "phone" else self.onsite


@dataclass(frozen=True)
class Wording:
    """One set of templates for a card."""

    greeting: str
    """The first line for a person addressed without a title: "Dear {name},"."""
    greeting_titled: str
    """The first line for a person addressed with a title ("Dr. Okafor")."""
    greeting_team: str
    """The first line when no interviewer is named: slot ``{team}``."""
    thanks: Thanks
    """Thanks for the interview, by format."""
    enjoyed: str
    """Frames a moment worth mentioning written as a phrase: slot ``{x}``."""
    enjoyed_clause: str
    """Frames a moment written as a clause ("how you plan releases"): slot ``{x}``."""
    add_one: str
    """Introduces one thing I want them to know."""
    add_many: str
    """Introduces several: slot ``{n}`` or ``{N}``."""
    closing: str
    """The card's last line before the sign-off."""
    sign_off: str
    """The line before the user's name, such as "Kind regards,"."""
    day: str
    """How the weekday reads in ``thanks``: slot ``{day}``, such as " on {day}"."""
    saluted: dict[str, str] = field(default_factory=dict)
    """Greetings for a salutation that agrees with it ("frau": "Liebe {name},"), keyed by the
    title in lower case without its dot."""


@dataclass(frozen=True)
class RoleWords:
    """How the role reads after the thanks: slots ``{role}`` and ``{company}``."""

    both: str
    """A role and a company: "{role} at {company}", "die Stelle als {role} bei {company}"."""
    role_only: str
    """A role alone."""
    company_only: str
    """A company alone: "role at {company}"."""
    neither: str
    """Neither: "role"."""
    suffix: str = ""
    """Put after a role that does not end in one of ``nouns`` (English " role")."""
    nouns: frozenset[str] = frozenset()
    """Words that already say it is a role ("position", "job")."""
    lower_case: bool = False
    """The language writes job titles in lower case mid-sentence (French, Spanish)."""


@dataclass(frozen=True)
class Phrasing:
    """How to tell a phrase to frame from a sentence of its own, for languages other than English."""

    phrase_starts: frozenset[str]
    """First words of a noun phrase ("der", "la", "votre"), in lower case."""
    clause_starts: frozenset[str]
    """First words of a clause framed by ``enjoyed_clause`` ("wie", "cómo", "comment")."""
    verbs: frozenset[str]
    """Words that make the words a sentence of their own ("war", "fue", "était")."""
    keep_capital: frozenset[str] = frozenset()
    """First words that keep their capital inside a sentence (German "Ihr", "Ihre")."""
    suffixes: tuple[str, ...] = ()
    """Endings of a first word that make the words a phrase (Spanish infinitives: "conocer")."""


@dataclass(frozen=True)
class Frame:
    """Everything a card in one language says around the user's sentences."""

    language: str
    """The language's tag ("de")."""
    wordings: tuple[Wording, ...]
    """The sets of templates, one chosen per card."""
    role: RoleWords
    """How the role reads."""
    team: str
    """How a company's team is named in ``greeting_team``: slot ``{company}``."""
    nobody: str
    """How the team is named when the company cannot be."""
    numbers: dict[int, str]
    """Counts in words for ``{n}``."""
    several: str
    """A count with no word of its own in ``numbers``."""
    drive: dict[str, str]
    """Frames a line of drive by its first word ("because": "This job matters to me {x}.")."""
    answer: str
    """Puts a fuller answer after the question it answers: slot ``{q}``, then the answer."""
    you_words: frozenset[str]
    """Words that speak to the reader ("your"): a moment with one on another person's card is
    flagged. Compared without case unless ``you_case`` is set."""
    titles: dict[str, str]
    """Titles written in full in a greeting ("m.": "Monsieur"), keyed in lower case with dots."""
    phrasing: Phrasing | None = None
    """How phrases are told from sentences; None uses the English rules of ``sentences``."""
    you_case: bool = False
    """``you_words`` count only with their capital (German "Sie", "Ihr")."""
    elide: tuple[str, ...] = ()
    """Words that lose their vowel before a vowel ("de" gives "d'")."""


def frame_for(language: str) -> Frame:
    """Return the frame of a language tag ("de-AT" gives the German one; unknown gives English)."""
    module = importlib.import_module(f"{__name__}.{base_language(language)}")
    frame: Frame = module.FRAME
    return frame
