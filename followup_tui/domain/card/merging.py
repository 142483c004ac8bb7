"""Two windows' words for one card in one text, the card's frame once.

No Textual here. When two windows edited the same card and the user keeps both, the card is
this window's text whole, and then, before its sign-off, the sentences of the other window's
text that it does not hold yet. Their greeting and sign-off are not repeated: a second
"Dear Sarah," would read as a card in a card (and as the card speaking about Sarah).
"""

from __future__ import annotations

import re

_PARAGRAPHS = re.compile(r"\n\s*\n")
_SENTENCES = re.compile(r"(?<=[.!?…])\s+")
_FRAME_LINE = 60
"""The longest line a greeting or a sign-off has ("Sehr geehrte Frau Professorin Meier,")."""


def keep_both(mine: str, theirs: str) -> str:
    """Return both texts in one: mine, then their sentences mine lacks, one frame.

    Args:
        mine: This window's text.
        theirs: The other window's text.

    Returns:
        The card, ending with a newline; their words that were new go in a paragraph of their
        own before my sign-off (after my last paragraph when I have none). Their greeting and
        sign-off are kept only when mine has none, so no word is lost either way.
    """
    ours = _paragraphs(mine)
    other = _paragraphs(theirs)
    if not ours or not other:
        return "\n\n".join(ours or other) + "\n"
    my_start, my_end = _frame(ours)
    their_start, their_end = _frame(other)
    held = {_plain(s) for paragraph in ours for s in _SENTENCES.split(paragraph)}
    added = []
    for paragraph in other[their_start:their_end]:
        new = [s for s in _SENTENCES.split(paragraph) if s.strip() and _plain(s) not in held]
        held.update(_plain(s) for s in new)
        if new:
            added.append(" ".join(new))
    head = other[:their_start] if not my_start else []
    tail = other[their_end:] if my_end == len(ours) else []
    return "\n\n".join([*head, *ours[:my_end], *added, *ours[my_end:], *tail]) + "\n"


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPHS.split(text.strip()) if p.strip()]


def _frame(paragraphs: list[str]) -> tuple[int, int]:
    """Where the body starts and ends: after a greeting, before a sign-off, when there are."""
    start = 1 if len(paragraphs) > 1 and _is_greeting(paragraphs[0]) else 0
    end = (
        len(paragraphs) - 1
        if len(paragraphs) - start > 1 and _is_sign_off(paragraphs[-1])
        else len(paragraphs)
    )
    return start, end


def _is_greeting(paragraph: str) -> bool:
    """One short line that ends as a greeting does ("Dear Sarah,", "Estimada Dra. Marín:")."""
    return "\n" not in paragraph and len(paragraph) <= _FRAME_LINE and paragraph.endswith((",", ":", "!"))


def _is_sign_off(paragraph: str) -> bool:
    """A few short lines, the first not a sentence ("Kind regards,\\nJo", "Viele Grüße\\nJo")."""
    lines = paragraph.splitlines()
    return (
        len(lines) <= 3
        and all(len(line) <= _FRAME_LINE for line in lines)
        and not lines[0].endswith((".", "?"))
    )


def _plain(sentence: str) -> str:
    return " ".join(sentence.casefold().split())
