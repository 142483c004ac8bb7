"""The card's own sentences in the card's language: the thanks, a framed moment, the drive, the day.

No Textual here, and Babel only inside ``weekday`` (it is imported when a card is drafted,
never at start-up). The user's words go into a template only as a phrase (``{x}``) or a
question (``{q}``); everything else the user wrote stays a sentence of its own.
"""

from __future__ import annotations

import re
from datetime import datetime

from followup_tui.domain.card.names import company_name, role_title
from followup_tui.domain.card.sentences import as_sentence, clean_words, is_phrase, phrase
from followup_tui.domain.card.wordings import Frame, Phrasing, Wording
from followup_tui.domain.text import one_line, word_count

DAY_NAMED_WITHIN = 6
"""The card names the interview's weekday only this many days after it (later it could mislead)."""

_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöûüæœAEIOUYÀÂÄÉÈÊËÎÏÔÖÛÜÆŒ]")
_WORD = re.compile(r"[\w'’]+")


def fill(template: str, frame: Frame, **values: str) -> str:
    """Fill a template; in French, "de" before a vowel becomes "d'" ("le poste d'ingénieure")."""
    for word in frame.elide:
        for slot, value in values.items():
            if _VOWEL.match(value):
                template = template.replace(f"{word} {{{slot}}}", f"{word[:-1]}'{{{slot}}}")
    return template.format(**values)


def weekday(moment: datetime, language: str) -> str:
    """The day's name in a language, from CLDR ("Dienstag", "martes", "mardi", "Tuesday")."""
    from babel.dates import format_date  # only when a card is drafted: Babel takes a while to load

    return format_date(moment.date(), "EEEE", locale=language.replace("-", "_"))


def day_words(wording: Wording, language: str, moment: datetime | None, now: datetime | None) -> str:
    """The day as the thanks names it (" on Tuesday"), or "" when it could mislead."""
    if moment is None or now is None:
        return ""
    days = (now.date() - moment.date()).days
    if not 0 <= days <= DAY_NAMED_WITHIN:
        return ""
    try:
        name = weekday(moment, language)
    except ValueError:  # a region CLDR does not know ("de-XX"): the language's own name
        name = weekday(moment, language.split("-", 1)[0])
    return wording.day.format(day=name)


def role_words(frame: Frame, role: str, company: str) -> str:
    """The role as it follows the thanks: "Data Engineer role at Acme", "die Stelle als … bei …".

    Args:
        frame: The card's language.
        role: The interview's role (a role "at Company" names the company too).
        company: The interview's company.
    """
    rules = frame.role
    role = _ARTICLE.sub("", one_line(role).rstrip(" .,;:!?"))
    role, at, place = role.partition(" at ")
    if at and place.strip():
        company = place.strip()  # "Engineer at Acme Labs": the role, and where
    role = role_title(role, lower_case=rules.lower_case)
    company = company_name(company)
    if word_count(role) > 8:
        role = ""
    if role and rules.suffix and role.split()[-1].casefold() not in rules.nouns:
        role += rules.suffix
    if not company or word_count(company) > 6 or (role and company.casefold() in role.casefold()):
        return fill(rules.role_only, frame, role=role) if role else rules.neither
    if role:
        return fill(rules.both, frame, role=role, company=company)
    return fill(rules.company_only, frame, company=company)


def team_words(frame: Frame, company: str) -> str:
    """Who a card with no interviewer's name is for ("Acme team", "hiring team")."""
    company = company_name(_ARTICLE.sub("", one_line(company))).rstrip(".")
    if not company or word_count(company) > 3:
        return frame.nobody
    return fill(frame.team, frame, company=company)


def moment_sentence(frame: Frame, wording: Wording, words: str) -> tuple[str, bool]:
    """The moment worth mentioning as a sentence, and whether our template frames it."""
    if frame.phrasing is None:
        if is_phrase(words):
            return wording.enjoyed.format(x=phrase(words)), True
        return as_sentence(words), False
    kind = _phrase_kind(frame.phrasing, words)
    if not kind:
        return as_sentence(words), False
    template = wording.enjoyed_clause if kind == "clause" else wording.enjoyed
    return fill(template, frame, x=_inner(frame.phrasing, words)), True


def _phrase_kind(rules: Phrasing, text: str) -> str:
    """ "phrase", "clause" or "" (a sentence of its own), by the language's rules."""
    words = [w.casefold() for w in _WORD.findall(clean_words(text))]
    if not words or text.rstrip().endswith("?"):
        return ""
    first = words[0]
    if first in rules.clause_starts:
        return "clause"
    starts = first in rules.phrase_starts or (first.startswith("l'") and "l'" in rules.phrase_starts)
    if not (starts or (len(first) > 4 and first.endswith(rules.suffixes or ("\0",)))):
        return ""
    return "" if any(w in rules.verbs for w in words[1:]) else "phrase"


def _inner(rules: Phrasing, text: str) -> str:
    """A phrase as it goes inside a template: no end mark, an article's capital dropped."""
    words = clean_words(text).rstrip(" ,;:-–.!")
    first = words.split(" ", 1)[0].casefold()
    if first not in rules.keep_capital and words[:1].isupper() and words[1:2].islower():
        words = words[0].lower() + words[1:]
    return words


def drive_template(frame: Frame, words: str) -> str:
    """The template that frames a line of drive by its first word ("because", "weil"), or ""."""
    inner = phrase(words) if frame.phrasing is None else _inner(frame.phrasing, words)
    return frame.drive.get(re.split(r"[\s']", inner, maxsplit=1)[0].casefold(), "")


def drive_sentence(frame: Frame, words: str) -> str:
    """Why I want this job as a sentence, framed when it starts with "because", "to", "weil"…."""
    template = drive_template(frame, words)
    inner = phrase(words) if frame.phrasing is None else _inner(frame.phrasing, words)
    return fill(template, frame, x=inner) if template else as_sentence(words)


def count_words(frame: Frame, count: int) -> tuple[str, str]:
    """A count in words for ``{n}`` and ``{N}`` ("two", "Two")."""
    number = frame.numbers.get(count, frame.several)
    return number, number[:1].upper() + number[1:]
