"""The company and the role guessed from an invitation's title and its organizer's address.

"Backend engineer at Acme", "Acme - Data analyst interview", "Interview: Globex | Designer": what
can be told apart is filled in, the rest is left for the user to confirm. No Textual here.
"""

from __future__ import annotations

import re
import unicodedata

from followup_tui.domain.vocabulary import SHORT_LIMIT

_LEGAL_FORM = re.compile(
    r"\b(?:gmbh|inc|ltd|llc|llp|ag|plc|corp|corporation|limited|s\.?a|b\.?v|oy|ab|pty|kg|se|labs?|group)\b\.?$",
    re.IGNORECASE,
)
_GENERIC_DOMAINS = frozenset(
    re.findall(
        r"\w+",
        "gmail googlemail google outlook hotmail live msn yahoo icloud me mac aol proton protonmail "
        "gmx web zoho fastmail hey mail yandex calendar resource zoom teams microsoft",
    )
)
_PREFIXES = re.compile(
    r"^(?:(?:updated |new )?invitation|invite|canceled|cancelled|updated|fw|fwd|re|interview with|"
    r"interview)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
_ROLE_WORDS = re.compile(
    r"\b(?:engineer|developer|manager|designer|analyst|scientist|lead|director|intern|consultant|"
    r"specialist|architect|officer|administrator|researcher|programmer|sre|devops|product|head of|"
    r"associate|coordinator|assistant|accountant|editor|writer|nurse|teacher|technician|vp)\b",
    re.IGNORECASE,
)
_INTERVIEW_WORDS = re.compile(
    r"\b(?:(?:first|second|third|final|1st|2nd|3rd|technical|onsite|on-site|phone|video|hr|panel|"
    r"culture|intro|introductory|follow-up)\s+)*(?:interview|round|screen|screening|call|chat)\b",
    re.IGNORECASE,
)


def guess_company_and_role(summary: str, organizer_email: str = "") -> tuple[str, str]:
    """Guess the company and the role from an invitation's title (and the organizer's domain).

    "Backend engineer at Acme", "Acme - Data analyst interview", "Interview: Globex | Designer"
    all give a company and a role; what cannot be told apart is left for the user to confirm.

    Returns:
        ``(company, role)``; either may be empty.
    """
    text = summary.strip()
    while True:
        stripped = _PREFIXES.sub("", text, count=1).strip()
        if stripped == text:
            break
        text = stripped
    domain = _company_from_email(organizer_email)
    at = re.split(r"\s+(?:at|@)\s+", text, maxsplit=1, flags=re.IGNORECASE)
    if len(at) == 2 and at[0].strip() and at[1].strip():
        return _tidy(at[1]), _role(at[0])
    parts = [p for p in (_tidy(p) for p in re.split(r"\s+[-–—|/]\s+|:\s+|\s+\|\s*|\s*[()]\s*", text)) if p]
    if not parts:
        return domain, ""
    if len(parts) == 1:
        only = parts[0]
        if _ROLE_WORDS.search(only):
            return domain, _role(only)
        if domain and _folded(domain) in _folded(only):
            return domain, ""
        return only if not _INTERVIEW_WORDS.fullmatch(only) else domain, ""
    with_person = re.match(r"\W*(?:\w+\W+)?interview with\b", summary, re.IGNORECASE) is not None
    company_part = next((p for p in parts if domain and _folded(domain) in _folded(p)), None)
    if company_part is None:
        company_part = next((p for p in parts if _LEGAL_FORM.search(p)), None)
    others = [p for p in parts[1 if with_person else 0 :] if p is not company_part and _role(p)]
    if company_part is not None and len(others) == 1 and not _ROLE_WORDS.search(company_part):
        return _tidy(_INTERVIEW_WORDS.sub("", company_part)) or domain, _role(others[0])
    if company_part is None:
        company_part = next((p for p in parts if not _ROLE_WORDS.search(p) and _role(p)), parts[0])
    role_part = next((p for p in parts if p is not company_part and _ROLE_WORDS.search(p)), "")
    return _tidy(_INTERVIEW_WORDS.sub("", company_part)) or domain, _role(role_part)


def _folded(text: str) -> str:
    """Text compared with a domain name: no case, accents or spaces ("Kühnwerk" ~ "kuehnwerk")."""
    text = text.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", plain)


def _role(text: str) -> str:
    """A role without the words that only say it is an interview ("Designer final round")."""
    return _tidy(_INTERVIEW_WORDS.sub("", text))


def _tidy(text: str) -> str:
    return " ".join(text.strip(" -–—|/:,.()[]").split())[:SHORT_LIMIT]


def _company_from_email(email: str) -> str:
    """The organizer's company from the address's domain ("ana@northwind-labs.com" -> "Northwind Labs")."""
    if "@" not in email:
        return ""
    labels = email.rsplit("@", 1)[1].lower().split(".")
    stem = labels[-2] if len(labels) >= 2 else labels[0]
    if len(labels) >= 3 and labels[-2] in ("co", "com", "org", "ac", "gov", "net"):
        stem = labels[-3]
    if stem in _GENERIC_DOMAINS or not stem:
        return ""
    return " ".join(w.capitalize() for w in re.split(r"[-_]+", stem) if w)
