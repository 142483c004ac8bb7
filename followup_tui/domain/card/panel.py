"""Panels: each interviewer's own moment worth mentioning, and a "your" moment on someone else's card.

No Textual here. In the debrief's *moment worth mentioning*, a line that starts with an
interviewer's name ("Ana: your question about failover") belongs to that person's card only;
the other lines go on every card. A moment that speaks to its reader ("your question…") and
goes on the card of a panel where nobody's name marks it is flagged: only one of them asked.
"""

from __future__ import annotations

import re

from followup_tui.domain.card.names import TITLES, named
from followup_tui.domain.card.wordings import Frame
from followup_tui.domain.text import one_line

_SPEAKER = re.compile(r"^\s*(?P<who>[^:–—-]{1,60}?)\s*(?::|\s[–—-])\s+(?P<rest>\S.*)$")
_WORD = re.compile(r"[\w'’]+")

PANEL_NOTE = (
    "The moment worth mentioning speaks to its reader (“{word}”) and goes on every card of the "
    "panel: start its line with the name of the one it belongs to (“{name}: …”) in the debrief."
)
"""The note shown when a "your" moment would go on several cards."""


def _name_keys(name: str) -> set[str]:
    """The forms a debrief line may use for a person: full name, each name, without titles."""
    words = [
        w for w in named(one_line(name)).replace(",", " ").split() if w.casefold().rstrip(".") not in TITLES
    ]
    keys = {" ".join(words).casefold(), one_line(name).casefold()}
    keys.update(w.casefold() for w in words)
    return {k for k in keys if k}


def moment_for(text: str, names: list[str], recipient: str) -> tuple[str, bool]:
    """Return the moment worth mentioning for one interviewer's card.

    Args:
        text: The debrief's moment worth mentioning, one or more lines.
        names: The interview's interviewers.
        recipient: Whose card it is ("" for the team).

    Returns:
        The words for this card (the recipient's own lines, else the lines that name nobody),
        and whether they are the recipient's own.
    """
    keys = {name: _name_keys(name) for name in names if one_line(name)}
    own, shared = [], []
    for line in (line for line in text.splitlines() if line.strip()):
        match = _SPEAKER.match(line)
        who = match and next((n for n, k in keys.items() if match["who"].casefold() in k), None)
        if match is None or who is None:
            shared.append(line.strip())
        elif who == recipient:
            own.append(match["rest"].strip())
    return " ".join(own or shared), bool(own)


def panel_note(frame: Frame, moment: str, names: list[str], own: bool) -> str:
    """Say when a moment that speaks to its reader goes on several people's cards, else ""."""
    people = [n for n in names if one_line(n)]
    if own or len(people) < 2:
        return ""
    for word in _WORD.findall(moment):
        found = word in frame.you_words if frame.you_case else word.casefold() in frame.you_words
        if found:
            return PANEL_NOTE.format(word=word, name=one_line(people[0]).split()[0])
    return ""
