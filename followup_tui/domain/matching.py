"""Finding an interview or an interviewer from what a person types on the command line.

An interview is named by its id or by its company: the start of the company's name is enough
when it names one interview, and neither case nor accents matter ("cafe" finds "Café Ñandú").
An interviewer is named in full or by the first name ("Zoe" finds "Zoë Ångström"). Pure
functions over records already read; no Textual.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.models import Interview, kept_as_is
from followup_tui.domain.text import one_line

SHOWN_MATCHES = 5
"""How many of several matching interviews a message names."""


def folded(text: str) -> str:
    """Text as it is compared: one line, accents and case dropped, runs of spaces one space."""
    decomposed = unicodedata.normalize("NFKD", one_line(text))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def _described(interview: Interview) -> str:
    when = f" ({interview.when})" if interview.when else ""
    return f"{interview.id} {one_line(interview.company, 30)}{when}"


def may_be_named(company: Any, wanted: str) -> bool:
    """Whether an interview whose company is stored as ``company`` may be one that ``wanted``
    (a name as ``folded`` gives it) names, before its record is built.

    False only for a company the record reads exactly as stored (text within its limit, not
    blank) whose folded form does not start with ``wanted``: ``find_interview`` would pass it
    by, so a search of thousands of interviews need not build them all.
    """
    if kept_as_is(company, Interview.TEXT_LIMITS["company"]) and company.strip():
        return folded(company).startswith(wanted)
    return True


def find_interview(interviews: Sequence[Interview], key: str) -> Interview | None:
    """The interview ``key`` names: its id, else the one company whose name starts with it.

    Args:
        interviews: Every interview, newest first.
        key: An id, or the company's name or its start (case and accents ignored).

    Returns:
        The interview, or None when nothing matches.

    Raises:
        ValidationError: If the name fits several interviews (the message names them).
    """
    for interview in interviews:
        if interview.id == key:
            return interview
    wanted = folded(key)
    if not wanted:
        return None
    exact = [i for i in interviews if folded(i.company) == wanted]
    starts = exact or [i for i in interviews if folded(i.company).startswith(wanted)]
    if len(starts) == 1:
        return starts[0]
    if not starts:
        return None
    shown = ", ".join(_described(i) for i in starts[:SHOWN_MATCHES])
    more = f" and {len(starts) - SHOWN_MATCHES} more" if len(starts) > SHOWN_MATCHES else ""
    raise ValidationError(f"'{one_line(key, 40)}' fits {len(starts)} interviews: {shown}{more}; give the id.")


def find_name(names: Iterable[str], wanted: str) -> str | None:
    """The one name ``wanted`` stands for: the whole name, else the first name or its start.

    Case and accents are ignored ("zoe" and "Zoë" find "Zoë Ångström").

    Returns:
        The name as stored, or None when none matches.

    Raises:
        ValidationError: If ``wanted`` fits several names.
    """
    candidates = [name for name in names if folded(name)]
    key = folded(wanted)
    if not key:
        return None
    exact = [name for name in candidates if folded(name) == key]
    if len(exact) == 1:
        return exact[0]
    found = exact or [
        name for name in candidates if any(word.startswith(key) for word in folded(name).split())
    ]
    found = found or [name for name in candidates if folded(name).startswith(key)]
    if len(found) == 1:
        return found[0]
    if not found:
        return None
    shown = ", ".join(one_line(name, 40) for name in found)
    raise ValidationError(
        f"'{one_line(wanted, 40)}' fits several interviewers ({shown}); give the full name."
    )
