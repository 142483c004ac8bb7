"""The thank-you card: a draft made of the user's own sentences, and the card's size rules.

No Textual here: the card screen and the ``followup card`` command both use these functions.

A draft is a greeting to one interviewer; thanks for the interview (naming the day only when
it is surely right: within the last week); the user's *moment worth mentioning* from the
debrief; for each actual error marked "clarify in the card" and not resolved, the user's *what
I want them to know*, introduced by one template sentence; the user's *why I want this job*
from Prep; and the sign-off with the user's name. Templates only frame those sentences
(``wordings``). A part the user has not written is left out and listed by ``card_parts``
instead of being invented; a part that mentions pay, benefits, holidays or notice periods is
left out and listed too. Worries and a concern's own text never reach the card. No card is
drafted before the interview has happened (``not_ready``).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from datetime import datetime

from followup_tui.domain.card.guard import sensitive_topic, topic_hint
from followup_tui.domain.card.sentences import as_sentence, is_phrase, phrase, to_know_sentence
from followup_tui.domain.card.shaping import fragment_hint, reads_as_note, to_reader
from followup_tui.domain.card.wordings import DRIVE_BECAUSE, DRIVE_TO, NUMBER_WORDS, WORDINGS, Wording
from followup_tui.domain.models import Card, Concern, Debrief, Interview
from followup_tui.domain.text import one_line, word_count

CARD_MIN = 40
"""Fewer words than this look thin on a card."""

CARD_MAX = 90
"""More words than this do not fit on a hand-written card."""

SIGNER_SETTING = "your_name"
"""The setting that holds the user's name, asked once and signed under every card."""

DAY_NAMED_WITHIN = 6
"""The card names the interview's weekday only this many days after it (later it could mislead)."""

_TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "mx", "mx."}
_ROLE_NOUNS = {"role", "position", "job", "post", "opening", "vacancy"}
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class CardPart:
    """A part of the card the user writes in their own words, missing or left out of the draft."""

    kind: str
    """"error" (what I want them to know), "moment", "drive" or "name"."""
    label: str
    """What the user knows it by: the error's text, or the part's name."""
    concern_id: str = ""
    """The actual error it belongs to ("error" only)."""
    topic: str = ""
    """A topic the card never raises that the sentence mentions ("pay"); "" when simply missing."""
    hint: str = ""
    """Why it stays off the card, kindly, in the card's language ("" when simply missing)."""
    note: bool = False
    """Left out because it reads as a note, not a sentence ("Case study on the redesign")."""


PART_NAMES: dict[str, str] = {
    "moment": "a moment worth mentioning (debrief)",
    "drive": "why I want this job (Prep)",
    "name": "your name to sign with",
}
"""How the card screen names each part that is not an error."""


def default_variant(interview_id: str) -> int:
    """Return the wording an interview gets by default (stable for the same id)."""
    return zlib.crc32(interview_id.encode("utf-8")) % len(WORDINGS)


def card_errors(concerns: list[Concern]) -> list[Concern]:
    """Return the actual errors that belong on the card: marked for it and not resolved."""
    return [c for c in concerns if c.kind == "error" and c.action == "clarify-in-card" and not c.resolved]


def not_ready(interview: Interview, now: datetime) -> str:
    """Return why no card can be drafted yet (one line), or "" when it can.

    A card thanks someone for an interview that happened: one still ahead gets no draft. An
    interview without a date gets a draft that names no day.
    """
    moment = interview.moment
    if moment is not None and moment > now:
        return f"The interview is on {moment:%a %d %b %Y at %H:%M}; the card comes after it."
    return ""


def greeting_name(interviewer_name: str) -> str:
    """Return how the card addresses a person: the first name, or title and surname ("Dr. Okafor")."""
    words = one_line(interviewer_name).split()
    if not words:
        return ""
    if words[0].lower() in _TITLES and len(words) > 1:
        return _named(f"{words[0]} {words[-1]}")[:40]
    return _named(words[0])[:40]


def _named(name: str) -> str:
    """A name typed all in lower case gets its capitals ("sam" becomes "Sam")."""
    return name.title() if name.islower() else name


def card_parts(
    interview: Interview,
    debrief: Debrief | None,
    concerns: list[Concern],
    signer: str,
    lang: str = "en",
    recipient: str = "",
) -> list[CardPart]:
    """Return the parts the user has not written yet, and those left out for their topic.

    Args:
        interview: The interview (its line of why I want this job).
        debrief: Its debrief (the moment worth mentioning), if any.
        concerns: Its concerns (actual errors marked for the card).
        signer: The user's name, as stored in the settings.
        lang: The card's language: the guard reads the user's words in it, and says why in it.
        recipient: Whom the card is for: a moment naming them is said to them, not left out.

    Returns:
        The errors first, in board order, then the moment, the drive and the name.
    """
    parts = []
    for error in card_errors(concerns):
        label = one_line(error.text, 80)
        parts.append(_part("error", label, error.to_know, (lang, recipient), error.id))
    own = {"moment": debrief.worth_mentioning if debrief else "", "drive": interview.why_this_job}
    for kind, words in own.items():
        parts.append(_part(kind, PART_NAMES[kind], words, (lang, recipient)))
    parts.append(CardPart("name", PART_NAMES["name"]))
    written = {
        "error": {c.id for c in concerns if as_sentence(c.to_know)},
        "moment": bool(own["moment"].strip()),
        "drive": bool(own["drive"].strip()),
        "name": bool(one_line(signer)),
    }
    return [p for p in parts if p.topic or p.note or not _is_written(p, written)]


def _part(kind: str, label: str, words: str, reader: tuple[str, str], concern_id: str = "") -> CardPart:
    """A part of the card, with why it is left out when its words cannot go on the card."""
    lang, recipient = reader
    topic = sensitive_topic(words, lang)
    if topic:
        return CardPart(kind, label, concern_id, topic, topic_hint(topic, lang))
    if reads_as_note(to_reader(one_line(words), lang, recipient), lang):
        return CardPart(kind, label, concern_id, hint=fragment_hint(lang), note=True)
    return CardPart(kind, label, concern_id)


def missing_summary(parts: list[CardPart], *, edited: bool = False) -> str:
    """Say what the card is missing, such as "1 error has nothing to say yet: Rambled on …".

    Args:
        parts: What ``card_parts`` listed.
        edited: The card holds the user's own text, so new sentences need ctrl+r to go in.
    """
    lines = []
    errors = [p.label for p in parts if p.kind == "error" and not p.topic and not p.note]
    if errors:
        verb = "has" if len(errors) == 1 else "have"
        noun = "error" if len(errors) == 1 else "errors"
        lines.append(f"{len(errors)} {noun} {verb} nothing to say yet: {'; '.join(errors)}")
    others = [p.label for p in parts if p.kind != "error" and not p.topic and not p.note]
    if others:
        lines.append(f"Not written yet: {', '.join(others)}")
    for part in parts:
        if part.topic:
            lines.append(f"Left out, it mentions {part.topic}: {part.label}. {part.hint}".rstrip())
        elif part.note:
            lines.append(f"Left out, it reads as a note: {part.label}. {part.hint}")
    lines.append("m writes the next one" + (" · ctrl+r then puts it in your edited card" if edited else ""))
    return "\n".join(lines)


def _is_written(part: CardPart, written: dict[str, object]) -> bool:
    found = written[part.kind]
    return part.concern_id in found if isinstance(found, set) else bool(found)


def build_draft(
    interview: Interview,
    debrief: Debrief | None,
    concerns: list[Concern],
    interviewer_name: str,
    variant: int | None = None,
    *,
    signer: str = "",
    now: datetime | None = None,
    lang: str = "en",
) -> str:
    """Build a card draft from the user's own sentences.

    Args:
        interview: The interview (role, company, date, why I want this job).
        debrief: Its debrief (the moment worth mentioning), if any.
        concerns: Its concerns; only actual errors marked "clarify in the card", not resolved,
            with something to say and no sensitive topic are used, and only what the user
            wants them to know, never the concern's own text.
        interviewer_name: Who the card is for ("" addresses the hiring team).
        variant: Which wording (any integer, taken modulo the number of wordings); None uses
            the interview's default.
        signer: The user's name for the sign-off ("" leaves the sign-off unsigned).
        now: The current local time; the interview's weekday is named only when it was within
            the last ``DAY_NAMED_WITHIN`` days of it. None names no day.
        lang: The card's language, in which the guard reads the user's sentences.

    Returns:
        The card as plain text: paragraphs separated by blank lines, the name under the sign-off.
    """
    wording = WORDINGS[default_variant(interview.id) if variant is None else variant % len(WORDINGS)]
    opening = wording.thanks.format(when=_day(interview, now), role=_role(interview)).replace("..", ".")
    moment = _usable(debrief.worth_mentioning if debrief else "", lang, interviewer_name)
    if moment:
        enjoyed = wording.enjoyed.format(x=phrase(moment)) if is_phrase(moment) else as_sentence(moment)
        opening = f"{opening} {enjoyed}"
    paragraphs = [wording.greeting.format(name=_addressee(interview, interviewer_name)), opening]
    additions = [to_know_sentence(_usable(e.to_know, lang, interviewer_name)) for e in card_errors(concerns)]
    additions = [a for a in additions if a]
    if additions:
        paragraphs.append(" ".join([_lead_in(wording, len(additions)), *additions]))
    drive = _drive(_usable(interview.why_this_job, lang, interviewer_name))
    closing = drive or wording.closing
    if drive and word_count("\n".join([*paragraphs, drive])) < CARD_MIN:
        closing = f"{drive} {wording.closing}"
    paragraphs.append(closing)
    name = one_line(signer, 80)
    paragraphs.append(f"{wording.sign_off}\n{name}" if name else wording.sign_off)
    return "\n\n".join(paragraphs)


def _usable(words: str, lang: str, recipient: str = "") -> str:
    """The user's words said to the reader when they can go on a card, else "".

    They can when there are some, they raise no topic a card never raises, and they do not
    read as a note (a fragment the card would print as one).
    """
    shaped = to_reader(one_line(words), lang, recipient)
    if not shaped or sensitive_topic(words, lang) or reads_as_note(shaped, lang):
        return ""
    return shaped


def _day(interview: Interview, now: datetime | None) -> str:
    moment = interview.moment
    if moment is None or now is None:
        return ""
    days = (now.date() - moment.date()).days
    return f" on {moment:%A}" if 0 <= days <= DAY_NAMED_WITHIN else ""


def _addressee(interview: Interview, interviewer_name: str) -> str:
    name = greeting_name(interviewer_name)
    if name:
        return name
    company = _ARTICLE.sub("", one_line(interview.company).rstrip("."))
    if not company or word_count(company) > 3 or sensitive_topic(company):
        return "hiring team"
    return f"{company} team"


def _role(interview: Interview) -> str:
    """The role as it follows "about the": "Data Engineer role at Acme", or "role at Acme"."""
    role = _ARTICLE.sub("", one_line(interview.role).rstrip(" .,;:!?"))
    company = one_line(interview.company)
    role, at, place = role.partition(" at ")
    if at and place.strip():
        company = place.strip()  # "Engineer at Acme Labs": the role, and where
    if word_count(role) > 8 or sensitive_topic(role):
        role = ""
    if sensitive_topic(company):
        company = ""
    if role and role.split()[-1].casefold() not in _ROLE_NOUNS:
        role = f"{role} role"
    role = role or "role"
    if not company or word_count(company) > 6 or company.casefold() in role.casefold():
        return role
    return f"{role} at {company}"


def _lead_in(wording: Wording, count: int) -> str:
    if count == 1:
        return wording.add_one
    number = NUMBER_WORDS.get(count, "several")
    return wording.add_many.format(n=number, N=number.capitalize())


def _drive(words: str) -> str:
    """Why I want this job as the card's last sentence, framed when it starts with because or to."""
    if not words:
        return ""
    first = phrase(words).split(" ", 1)[0].casefold()
    if first == "because":
        return DRIVE_BECAUSE.format(x=phrase(words))
    if first == "to":
        return DRIVE_TO.format(x=phrase(words))
    return as_sentence(words)


def fit(text: str) -> str:
    """Say whether a text fits a card: "short", "fits" or "too long"."""
    count = word_count(text)
    if count < CARD_MIN:
        return "short"
    return "fits" if count <= CARD_MAX else "too long"


def current_text(card: Card | None, draft: str) -> str:
    """Return what the card says now: the user's own text when there is any, else the draft."""
    if card is not None and card.text.strip():
        return card.text
    return draft


def find_card(cards: list[Card], interviewer_name: str) -> Card | None:
    """Return the card written to one interviewer (names compared without case), if any."""
    wanted = one_line(interviewer_name).casefold()
    for card in cards:
        if one_line(card.interviewer).casefold() == wanted:
            return card
    return None


FIT_LABELS: dict[str, str] = {
    "short": f"short for a card (about {CARD_MIN}-{CARD_MAX} words)",
    "fits": "fits a card",
    "too long": f"too long for a card (about {CARD_MAX} words at most)",
}
"""What the meter says for each ``fit`` result."""


def meter(text: str, cells: int = 10) -> str:
    """Return a one-line size meter such as "62 words ▮▮▮▮▮▮▮▯▯▯ fits a card".

    The bar is full at ``CARD_MAX`` words.
    """
    count = word_count(text)
    filled = min(cells, round(count * cells / CARD_MAX))
    noun = "word" if count == 1 else "words"
    return f"{count} {noun} {'▮' * filled}{'▯' * (cells - filled)} {FIT_LABELS[fit(text)]}"
