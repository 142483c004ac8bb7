"""How a card names people, companies and roles: as a person writes them, not as a form does.

No Textual here. How an interviewer is addressed is prefilled from their name ("Dr. Amy Okafor"
gives "Dr. Okafor"; "Keller, Anna" gives "Anna"; "María José García" keeps "María José") and
can then be written by the user; the greeting follows what the address says (a salutation such
as "Frau" or "Sra." only when the user wrote one). Company names lose their legal suffix
("Nimbus Data Ltd." reads "Nimbus Data") and roles their job-ad trimmings ("Staff Nurse,
Cardiology Ward" reads "Staff Nurse"; "Filialleitung (m/w/d)" reads "Filialleitung").
"""

from __future__ import annotations

import re

from followup_tui.domain.card.wordings import Frame, Wording
from followup_tui.domain.text import one_line

ADDRESS_CHARS = 40
"""The longest address a greeting takes."""

TITLES: frozenset[str] = frozenset(
    {
        # English
        "dr", "prof", "mr", "mrs", "ms", "miss", "mx", "sir", "dame", "rev", "revd", "reverend",
        "sister", "brother", "father", "pastor", "rabbi", "imam",
        # German (and Austrian degrees, written before the name)
        "herr", "frau", "mag", "ing", "dipl.-ing",
        # Spanish
        "sr", "sra", "srta", "don", "doña", "dra",
        # French
        "m", "mme", "mlle", "pr", "me",
    }
)  # fmt: skip
"""Titles in the languages there are, in lower case without their dot."""

RELIGIOUS: frozenset[str] = frozenset({"sister", "brother", "father"})
"""Titles that go with a given or religious name ("Sister Mary Joseph"), not a surname."""

SECOND_GIVEN: frozenset[str] = frozenset(
    {
        "josé", "jose", "maría", "maria", "carlos", "luis", "antonio", "manuel", "pablo", "ángel",
        "jesús", "carmen", "isabel", "elena", "teresa", "pilar", "victoria", "ann", "anne", "marie",
        "paul", "pierre", "claude", "luc", "louise", "jo", "beth", "lou", "kate", "sophie", "peter",
        "josef", "joseph",
    }
)  # fmt: skip
"""Given names that often come second in a double given name ("María José", "Jean Paul")."""

_LEGAL = re.compile(
    r"(?:,?\s+(?:ltd\.?|limited|plc|llc|l\.l\.c\.|llp|inc\.?|corp\.?|co\.|pty\.?|"
    r"gmbh(?:\s*&\s*co\.?\s*kg)?|ggmbh|ag|kg|e\.\s?k\.|ug(?:\s*\(haftungsbeschränkt\))?|"
    r"s\.\s?l\.(?:u\.)?|s\.\s?a\.(?:s\.)?|s\.a\.u\.|sas|sasu|sarl|s\.à\s?r\.l\.|eurl|s\.p\.a\.|"
    r"b\.v\.|n\.v\.|sa|oy|ab|a/s|as))+\s*$",
    re.IGNORECASE,
)
"""Legal suffixes of company names, in the countries of the languages there are and beyond."""

_AD_GENDER = re.compile(r"\s*\(\s*(?:[mwfdhx]\s*/\s*)+[mwfdhx]\s*\)|\s*\(all genders\)|\s+[HF]/[HF]\b", re.I)
"""The gender marks of job ads: "(m/w/d)", "(w/m/d)", "(f/m/x)", "(H/F)", "H/F"."""

_AD_TAIL = re.compile(r"\s*(?:,|\s[-–—|/]\s|\(|\[).*$")
"""What a job-ad title adds after the role: ", Cardiology Ward", " - Platform", " (Remote)"."""

_WEEKDAYS_EN = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|april|june|july"
    r"|august|september|october|november|december)\b"
)
"""English day and month names typed in lower case ("saturday"); "may" and "march" are words too."""


ACRONYMS: frozenset[str] = frozenset(
    {
        "pm", "qa", "ux", "ui", "sre", "cto", "ceo", "cfo", "coo", "cio", "cmo", "cpo", "vp", "hr",
        "it", "bi", "ml", "ai", "seo", "crm", "erp", "sap", "aws", "api", "sql", "etl", "qc", "rn",
        "hgv", "sen", "senco", "ict", "pe", "dba", "gp",
    }
)  # fmt: skip
"""Acronyms in roles and company names, written in capitals however they were typed ("senior pm")."""


def _key(word: str) -> str:
    return word.casefold().rstrip(".")


def named(name: str) -> str:
    """A name typed all in lower case gets its capitals ("sam lee" becomes "Sam Lee")."""
    return name.title() if name.islower() else name


def _typed_case(word: str) -> bool:
    """A word whose capitals the user chose: all capitals ("PM") or inside the word ("iOS")."""
    letters = [c for c in word if c.isalpha()]
    return any(c.isupper() for c in letters[1:]) or (len(letters) == 1 and word.isupper() and word != "I")


def with_capitals(text: str, *, lower_case: bool = False) -> str:
    """Return a role or a company with its capitals, acronyms kept in theirs.

    "senior pm" reads "Senior PM", "senior PM" too, "acme it" "Acme IT"; words typed with
    capitals of their own ("Head of Product") stay as typed.

    Args:
        text: The role or company, on one line.
        lower_case: The language writes job titles in lower case: only the acronyms get capitals.
    """
    words = text.split(" ")
    typed_lower = all(w.islower() or _typed_case(w) or not any(c.isalpha() for c in w) for w in words)
    shown = []
    for word in words:
        if word.islower() and word.casefold().strip(".,") in ACRONYMS:
            shown.append(word.upper())
        elif typed_lower and word.islower() and not lower_case:
            shown.append(word.title())
        else:
            shown.append(word)
    return " ".join(shown)


def _people_words(name: str) -> list[str]:
    """The words of a name in reading order: "Keller, Anna" becomes ["Anna", "Keller"]."""
    text = named(one_line(name))
    surname, comma, given = text.partition(",")
    if comma and given.strip() and surname.strip():
        text = f"{given.strip()} {surname.strip()}"
    return text.split()


def address_for(name: str, language: str) -> str:
    """Return how a card addresses a person, made from their name.

    Args:
        name: The interviewer's name as recorded ("Dr. Amy Okafor", "Keller, Anna").
        language: The card's language tag: English cards use the given name, the others the
            whole name, so that no greeting has to guess a gender.

    Returns:
        "Dr. Okafor", "Anna", "Petra Schmidt", "Sister Mary Joseph", or "" for no name.
    """
    words = _people_words(name)
    titles = []
    while words and _key(words[0]) in TITLES and len(words) > 1:
        titles.append(words.pop(0))
    if not words:
        return ""
    given = words[:1]
    if len(words) >= 3 and (_key(words[1]) in SECOND_GIVEN):
        given = words[:2]
    surname = words[len(given) :]
    if titles:
        rest = words if _key(titles[-1]) in RELIGIOUS else (surname or given)
        chosen = titles + rest
    else:
        chosen = given if language.startswith("en") else words
    return " ".join(chosen)[:ADDRESS_CHARS]


_ACADEMIC: dict[str, int] = {"prof": 3, "pr": 3, "dr": 2, "dra": 2, "mag": 1, "ing": 1, "dipl.-ing": 1}
"""Academic titles by rank: a greeting keeps the highest of those stacked before a name."""

_PROFESSOR_DE = {"herr": "Professor", "frau": "Professorin"}
"""German writes the professor out after Herr or Frau ("Sehr geehrter Herr Professor Meier")."""

_TITLED_FR = {
    ("m", "pr"): "le Professeur",
    ("m", "dr"): "le Docteur",
    ("mme", "pr"): "la Professeure",
    ("mme", "dr"): "la Docteure",
    ("mlle", "pr"): "la Professeure",
    ("mlle", "dr"): "la Docteure",
}
"""French puts the title after Monsieur or Madame with its article ("Madame la Professeure …")."""

_COURTESY_ES = frozenset({"sr", "sra", "srta", "don", "doña"})
"""Spanish courtesy titles that give way to "Dr."/"Dra." ("Estimado Dr. García")."""


def highest_title(address: str, language: str) -> str:
    """Return an address as a greeting says it: of stacked titles, the highest only.

    "Herr Prof. Dr. Meier" is greeted "Herr Professor Meier" in German, "Prof. Dr. Okafor"
    "Prof. Okafor", "Sr. Dr. García" "Dr. García" in Spanish, "Mme Pr Dr Martin" "Mme la
    Professeure Martin" in French; one title after a salutation stays as written, except that
    German writes "Professor" out and French gives it its article.

    Args:
        address: How the card addresses its recipient.
        language: The card's language tag.
    """
    words = address.split()
    lead = [w for w in words[:1] if _key(w) in TITLES and _key(w) not in _ACADEMIC]
    rest = words[len(lead) :]
    academic = []
    while len(rest) > 1 and _key(rest[0]) in _ACADEMIC:
        academic.append(rest.pop(0))
    if not academic:
        return address
    top = max(academic, key=lambda w: _ACADEMIC[_key(w)])
    base = language.split("-", 1)[0].casefold()
    if base == "de" and lead and _key(top) == "prof" and _key(lead[0]) in _PROFESSOR_DE:
        top = _PROFESSOR_DE[_key(lead[0])]
    if base == "fr" and lead and (_key(lead[0]), _key(top)) in _TITLED_FR:
        top = _TITLED_FR[(_key(lead[0]), _key(top))]
    if base == "es" and lead and _key(lead[0]) in _COURTESY_ES and _key(top) in ("dr", "dra"):
        lead = []
    return " ".join([*lead, top, *rest])


def greeting(wording: Wording, frame: Frame, address: str, team: str) -> str:
    """Return the card's first line for an address ("" greets the team)."""
    address = highest_title(one_line(address, ADDRESS_CHARS), frame.language)
    if not address:
        return wording.greeting_team.format(team=team)
    first, _, rest = address.partition(" ")
    key = _key(first)
    shown = f"{frame.titles[key]} {rest}".strip() if key in frame.titles and rest else address
    if key in wording.saluted and rest:
        return wording.saluted[key].format(name=shown)
    template = wording.greeting_titled if key in TITLES and rest else wording.greeting
    return template.format(name=shown)


def company_name(company: str) -> str:
    """Return a company as a person writes it: no legal suffix, capitals when typed in lower case."""
    words = one_line(company).strip()
    bare = _LEGAL.sub("", words).rstrip(" ,")
    return with_capitals(bare or words)


def role_title(role: str, *, lower_case: bool = False) -> str:
    """Return a role as a person writes it: no gender marks or job-ad tail.

    Args:
        role: The role as recorded ("Staff Nurse, Cardiology Ward", "Filialleitung (m/w/d)").
        lower_case: The language writes job titles in lower case (a role typed in lower case
            keeps it); otherwise a role typed all in lower case gets its capitals. Acronyms
            ("pm", "qa") get theirs in every language.
    """
    words = _AD_GENDER.sub("", one_line(role))
    words = _AD_TAIL.sub("", words).strip() or words.strip()
    return with_capitals(words, lower_case=lower_case)


def capitalise_days(text: str) -> str:
    """English day and month names typed in lower case get their capital ("saturday")."""
    return _WEEKDAYS_EN.sub(lambda m: m[0].capitalize(), text)
