"""What the card screen warns of, in one place, so ``followup card`` prints the very same lines.

No Textual here. The screen shows each line beside the editor; the command prints them all on
stderr, the card alone on stdout.
"""

from __future__ import annotations

from followup_tui.domain.card.draft import CardPart, meter, missing_summary
from followup_tui.domain.card.guard import flag_phrases, phrase_hint
from followup_tui.domain.card.shaping import names_recipient, recipient_hint
from followup_tui.domain.text import word_count


def phrase_warning(text: str, lang: str = "en", recipient: str = "") -> str:
    """Return the line about phrases to avoid in a card, or "" when there are none.

    Args:
        text: The card's text.
        lang: The card's language: the phrases are looked for in it, the hint is written in it.
        recipient: The full name of the person the card is for: naming them in the third person
            after the greeting is flagged too.

    Returns:
        "Phrases to avoid: “sorry”. State the fact calmly; …" (the screen's words stay English).
    """
    flags = flag_phrases(text, lang)
    lines = []
    if flags:
        listed = ", ".join(f"“{phrase}”" for phrase in flags)
        lines.append(f"Phrases to avoid: {listed}. {phrase_hint(flags[0], lang)}")
    if recipient and names_recipient(text, recipient):
        lines.append(recipient_hint(recipient, lang))
    return " ".join(lines)


def card_warnings(text: str, parts: list[CardPart], lang: str = "en", recipient: str = "") -> list[str]:
    """Return every warning the card screen shows about a card, one line each.

    Args:
        text: What the card says now (the user's text, else the draft).
        parts: What ``card_parts`` listed: parts not written yet, and those left out and why.
        lang: The card's language.
        recipient: The full name of the person the card is for ("" for a team).

    Returns:
        The size meter, the phrases to avoid (if any), then what is missing or left out.
    """
    lines = [meter(text)]
    phrases = phrase_warning(text, lang, recipient)
    if phrases:
        lines.append(phrases)
    if parts:
        lines.extend(missing_summary(parts).splitlines()[:-1])  # the last line names a key
    return lines


def room_line(words: str, room: int) -> tuple[str, bool]:
    """Return the live count where a sentence of the card is typed, and whether it is over.

    Args:
        words: What is typed so far.
        room: How many words the card has room for there (below 0 counts as 0).

    Returns:
        "12 words · the card has room for about 30 here · fits", and False; over the room, the
        line says by how much to shorten it, and True.
    """
    count, room = word_count(words), max(room, 0)
    over = count > room
    tail = f"shorten it by {count - room} to fit" if over else "fits"
    return f"{count} words · the card has room for about {room} here · {tail}", over
