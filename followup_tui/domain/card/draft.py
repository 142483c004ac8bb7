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

import zlib
from dataclasses import dataclass
from datetime import datetime

from followup_tui.domain.card.framing import (
    DAY_NAMED_WITHIN,
    count_words,
    day_words,
    drive_sentence,
    drive_template,
    fill,
    moment_sentence,
    role_words,
    team_words,
)
from followup_tui.domain.card.guard import sensitive_topic, topic_hint
from followup_tui.domain.card.names import ADDRESS_CHARS, address_for, capitalise_days, greeting, named
from followup_tui.domain.card.panel import moment_for, panel_note
from followup_tui.domain.card.sentences import as_sentence, to_know_sentence
from followup_tui.domain.card.shaping import fragment_hint, reads_as_note, to_reader
from followup_tui.domain.card.wordings import Frame, Wording, frame_for
from followup_tui.domain.card.wordings.en import WORDINGS
from followup_tui.domain.models import Card, Concern, Debrief, Interview
from followup_tui.domain.suggestions import clarification_key
from followup_tui.domain.text import one_line, word_count

__all__ = ["DAY_NAMED_WITHIN", "WORDINGS"]  # kept here for the screens and tests that read them

CARD_MIN = 40
"""Fewer words than this look thin on a card."""

CARD_MAX = 90
"""More words than this do not fit on a hand-written card."""

CARD_CHARS = 560
"""More characters than this do not fit on a hand-written card either, however few the words:
an A6 card holds about 14 lines of 40 handwritten characters (German words are longer, so a
German card reaches this before 90 words)."""

SIGNER_SETTING = "your_name"
"""The setting that holds the user's name, asked once and signed under every card."""


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
    "address": "how the card addresses them",
}
"""How the card screen names each part that is not an error."""


def default_variant(interview_id: str) -> int:
    """Return the wording an interview gets by default (stable for the same id)."""
    return zlib.crc32(interview_id.encode("utf-8")) % len(WORDINGS)


def card_errors(concerns: list[Concern]) -> list[Concern]:
    """Return the actual errors that belong on the card: marked for it and not resolved."""
    return [c for c in concerns if c.kind == "error" and c.action == "clarify-in-card" and not c.resolved]


def unclarified(
    concerns: list[Concern], text: str, interviewer_name: str = "", lang: str = "en"
) -> list[Concern]:
    """The card's errors (``card_errors``) whose clarification is not in the card's ``text``:
    nothing written for it yet, or its sentence not (or no longer) in the card."""
    in_card = one_line(text).casefold()
    missing = []
    for error in card_errors(concerns):
        sentence = to_know_sentence(_usable(error.to_know, lang, interviewer_name))
        if not sentence or one_line(sentence).casefold() not in in_card:
            missing.append(error)
    return missing


def not_ready(interview: Interview, now: datetime) -> str:
    """Return why no card can be drafted yet (one line), or "" when it can.

    A card thanks someone for an interview that happened: one still ahead gets no draft. An
    interview without a date gets a draft that names no day.
    """
    moment = interview.moment
    if moment is not None and moment > now:
        return f"The interview is on {moment:%a %d %b %Y at %H:%M}; the card comes after it."
    return ""


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
    asked = _questions(debrief)
    for error in card_errors(concerns):
        label = one_line(error.text, 80)
        answers = error.source in asked
        parts.append(_part("error", label, error.to_know, (lang, recipient), error.id, answers=answers))
    own = {"moment": debrief.worth_mentioning if debrief else "", "drive": interview.why_this_job}
    framed = {"moment": False, "drive": bool(drive_template(frame_for(lang), one_line(own["drive"])))}
    for kind, words in own.items():
        parts.append(_part(kind, PART_NAMES[kind], words, (lang, recipient), answers=framed[kind]))
    parts.append(CardPart("name", PART_NAMES["name"]))
    written = {
        "error": {c.id for c in concerns if as_sentence(c.to_know)},
        "moment": bool(own["moment"].strip()),
        "drive": bool(own["drive"].strip()),
        "name": bool(one_line(signer)),
    }
    return [p for p in parts if p.topic or p.note or not _is_written(p, written)]


def _part(
    kind: str, label: str, words: str, reader: tuple[str, str], concern_id: str = "", *, answers: bool = False
) -> CardPart:
    """A part of the card, with why it is left out when its words cannot go on the card.

    A fuller answer after its question, and a line of drive our template frames (``answers``:
    the card's own words frame them), may be a phrase.
    """
    lang, recipient = reader
    topic = sensitive_topic(words, lang)
    if topic:
        return CardPart(kind, label, concern_id, topic, topic_hint(topic, lang))
    if not answers and reads_as_note(to_reader(one_line(words), lang, recipient), lang):
        return CardPart(kind, label, concern_id, hint=fragment_hint(lang, words), note=True)
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
        lines.append(f"Still to write: {', '.join(others)}")
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


@dataclass(frozen=True)
class Draft:
    """A drafted card and what the user should know about it."""

    text: str
    """The card as plain text: paragraphs separated by blank lines, the name under the sign-off."""
    dropped: tuple[str, ...] = ()
    """Parts we wrote that were left out to fit the card ("closing", "moment")."""
    shorten: str = ""
    """The user's sentence to shorten when the card is still too long ("" when it fits)."""
    notes: tuple[str, ...] = ()
    """Other things to look at, such as a "your" moment going on every card of a panel."""
    address: str = ""
    """How the recipient is addressed ("" for the team)."""


def draft_card(
    interview: Interview,
    debrief: Debrief | None,
    concerns: list[Concern],
    interviewer_name: str,
    variant: int | None = None,
    *,
    signer: str = "",
    now: datetime | None = None,
    language: str | None = None,
) -> Draft:
    """Draft a card from the user's own sentences, within the card's size.

    Args:
        interview: The interview (role, company, date, format, language, interviewers and how
            each is addressed, why I want this job).
        debrief: Its debrief (the moment worth mentioning, the questions of answers to
            clarify), if any.
        concerns: Its concerns; only actual errors marked "clarify in the card", not resolved,
            with something to say and no sensitive topic are used, and only what the user
            wants them to know, never the concern's own text.
        interviewer_name: Who the card is for ("" addresses the team).
        variant: Which wording (any integer, taken modulo the number of wordings); None uses
            the interview's default.
        signer: The user's name for the sign-off ("" leaves the sign-off unsigned).
        now: The current local time; the interview's weekday is named only when it was within
            the last ``DAY_NAMED_WITHIN`` days of it. None names no day.
        language: The card's language tag; None uses the interview's.

    Returns:
        The draft: the text, our parts left out to fit, and the user's sentence to shorten.
    """
    tag = language or interview.language
    frame = frame_for(tag)
    lang = frame.language
    wordings = frame.wordings
    wording = wordings[default_variant(interview.id) if variant is None else variant % len(wordings)]
    english = frame.language == "en"
    when = day_words(wording, tag, interview.moment, now)
    thanks = wording.thanks.for_format(interview.format)
    opening = fill(thanks, frame, when=when, role=_role(frame, interview)).replace("..", ".")
    people = [p.name for p in interview.interviewers]
    words, own = moment_for(debrief.worth_mentioning if debrief else "", people, interviewer_name)
    shaped = _usable(words, lang, interviewer_name)
    moment, framed = moment_sentence(frame, wording, shaped) if shaped else ("", False)
    notes = [note for note in [panel_note(frame, words, people, own)] if note and moment]
    address = _address(interview, interviewer_name, tag)
    greeting_line = greeting(wording, frame, address, _team(frame, interview))
    additions = _additions(frame, debrief, concerns, interviewer_name)
    drive = _drive(frame, interview.why_this_job, interviewer_name)
    if english:
        moment, drive = capitalise_days(moment), capitalise_days(drive)
        additions = [capitalise_days(a) for a in additions]
    name = named(one_line(signer, 80))
    sign = f"{wording.sign_off}\n{name}" if name else wording.sign_off

    def card(with_moment: bool, with_closing: bool) -> str:
        first = f"{opening} {moment}" if moment and with_moment else opening
        paragraphs = [greeting_line, first]
        if additions:
            paragraphs.append(" ".join([_lead_in(frame, wording, len(additions)), *additions]))
        ending = [part for part in (drive, wording.closing if with_closing or not drive else "") if part]
        return "\n\n".join([*paragraphs, " ".join(ending), sign])

    dropped: list[str] = []
    text = card(True, True)
    if not fits(text):
        dropped.append("closing")
        text = card(True, False)
    if not fits(text) and framed:
        dropped.append("moment")
        text = card(False, False)
    shorten = ""
    if not fits(text):
        own_words = [s for s in (*additions, drive, "" if framed else moment) if s]
        shorten = max(own_words, key=word_count, default="")
    return Draft(text, tuple(dropped), shorten, tuple(notes), address)


DROPPED_NAMES: dict[str, str] = {"closing": "our closing line", "moment": "the line framing your moment"}
"""How the card names each part of ours left out to fit."""


def draft_notes(draft: Draft) -> list[str]:
    """What to tell the user about a draft's size and panel, one line each ("" parts left out)."""
    lines = []
    if draft.dropped:
        lines.append(f"Left out to fit the card: {' and '.join(DROPPED_NAMES[d] for d in draft.dropped)}.")
    if draft.shorten:
        count = word_count(draft.shorten)
        lines.append(
            f"Still too long for a card: shorten “{one_line(draft.shorten, 48)}” ({count} words), "
            "or another of your sentences."
        )
    return [*lines, *draft.notes]


def wording_count(language: str) -> int:
    """How many sets of wordings a language has (``a`` on the card screen goes round them)."""
    return len(frame_for(language).wordings)


def fits(text: str) -> bool:
    """True when a text fits a card: at most ``CARD_MAX`` words and ``CARD_CHARS`` characters."""
    return word_count(text) <= CARD_MAX and len(text) <= CARD_CHARS


def _usable(words: str, lang: str, recipient: str = "") -> str:
    """The user's words said to the reader when they can go on a card, else "".

    They can when there are some, they raise no topic a card never raises, and they do not
    read as a note (a fragment the card would print as one).
    """
    shaped = to_reader(one_line(words), lang, recipient)
    if not shaped or sensitive_topic(words, lang) or reads_as_note(shaped, lang):
        return ""
    return shaped


def _drive(frame: Frame, words: str, recipient: str) -> str:
    """Why I want this job as the card's last sentence; one that our template frames ("because
    …", "to …") may be a phrase, as the template makes it a sentence."""
    said = to_reader(one_line(words), frame.language, recipient)
    if drive_template(frame, said) and not sensitive_topic(words, frame.language):
        return drive_sentence(frame, said)
    usable = _usable(words, frame.language, recipient)
    return drive_sentence(frame, usable) if usable else ""


def _address(interview: Interview, interviewer_name: str, language: str) -> str:
    """How the card's recipient is addressed: as the user wrote it, else made from the name."""
    for person in interview.interviewers:
        if person.name == interviewer_name and one_line(person.address):
            return one_line(person.address, ADDRESS_CHARS)
    return address_for(interviewer_name, language)


def _team(frame: Frame, interview: Interview) -> str:
    if sensitive_topic(interview.company, frame.language):
        return frame.nobody
    return team_words(frame, interview.company)


def _role(frame: Frame, interview: Interview) -> str:
    role = "" if sensitive_topic(interview.role, frame.language) else interview.role
    company = "" if sensitive_topic(interview.company, frame.language) else interview.company
    return role_words(frame, role, company)


def _additions(frame: Frame, debrief: Debrief | None, concerns: list[Concern], recipient: str) -> list[str]:
    """What I want them to know, one sentence each, a fuller answer after its question, no repeats."""
    questions = _questions(debrief)
    found: dict[str, str] = {}
    for error in card_errors(concerns):
        question = questions.get(error.source, "")
        if question:  # the question frames the answer: it may be a phrase ("By the join key")
            answer = "" if sensitive_topic(error.to_know, frame.language) else error.to_know
            said = to_know_sentence(to_reader(one_line(answer), frame.language, recipient))
            sentence = f"{frame.answer.format(q=question)} {said}" if said else ""
        else:
            sentence = to_know_sentence(_usable(error.to_know, frame.language, recipient))
        if not sentence:
            continue
        found.setdefault(" ".join(sentence.casefold().split()).rstrip(".!"), sentence)
    return list(found.values())


def _questions(debrief: Debrief | None) -> dict[str, str]:
    """The question of each answer to clarify, by the key of the error it suggested."""
    return {
        clarification_key(item): one_line(item.question).rstrip()
        for item in (debrief.clarifications if debrief else [])
        if one_line(item.question)
    }


def _lead_in(frame: Frame, wording: Wording, count: int) -> str:
    if count == 1:
        return wording.add_one
    number, capital = count_words(frame, count)
    return wording.add_many.format(n=number, N=capital)


def fit(text: str) -> str:
    """Say whether a text fits a card: "short", "fits" or "too long"."""
    if word_count(text) < CARD_MIN:
        return "short"
    return "fits" if fits(text) else "too long"


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
    "too long": f"too long for a card (about {CARD_MAX} words or {CARD_CHARS} characters at most)",
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
