"""The thank-you card: the draft builder, the phrases to avoid and the size rules.

No Textual here: the card screen and the ``followup card`` command both use these functions.

A draft has five parts: a greeting to one interviewer, one specific line from the conversation
(the first sentence of the debrief notes, else the role and the company), the clarifications
(actual errors marked "clarify in the card" and not yet resolved, each worded as a calm addition,
never an apology), one line of drive and determination, and a sign-off. Several wordings exist;
an interview gets one by default (chosen from its id, so it is stable) and the user can pick
another. The builder shortens the clarifications, then drops the later ones (mentioned in one
closing line) until the card fits ``CARD_MAX`` words.
"""

from __future__ import annotations

import re
import zlib

from followup_tui.domain.card.wordings import WORDINGS, Wording
from followup_tui.domain.models import Card, Clarification, Concern, Debrief, Interview, Question
from followup_tui.domain.text import one_line, word_count

CARD_MIN = 40
"""Fewer words than this look thin on a card."""

CARD_MAX = 90
"""More words than this do not fit on a hand-written card."""

DRAFT_TARGET = 85
"""The most words a draft aims for, leaving room for the user's own touch and signature."""

MAX_CLARIFICATIONS = 3
"""Errors clarified one by one; any beyond are mentioned together in one line."""

PHRASES_TO_AVOID: dict[str, str] = {
    "sorry": "State the fact calmly; no need to apologise for it.",
    "apologise": "A card that adds a detail reads better than one that apologises.",
    "apologize": "A card that adds a detail reads better than one that apologises.",
    "apologies": "A card that adds a detail reads better than one that apologises.",
    "I forgot": "Say what you want to add; they do not need to hear that you forgot.",
    "messed up": "Name the detail you want to add, not the mistake.",
    "I know I": "Leave out guesses about how you came across.",
    "desperate": "Keen reads well; desperate does not.",
    "I'm not good at": "Describe what you do well instead.",
    "I am not good at": "Describe what you do well instead.",
    "just wanted": "Drop the 'just': say it plainly.",
    "I failed": "Say what you would add now, not how you judge the answer.",
    "I was nervous": "Everyone is nervous; the card is about the role, not the nerves.",
    "forgive me": "There is nothing to forgive; add the detail.",
    "my mistake": "Name the detail you want to add, not the mistake.",
    "I blew it": "Leave out the verdict; add the detail.",
    "another chance": "Ask to continue the conversation rather than for another chance.",
    "I hope you don't mind": "Say it directly.",
    "I guess": "Be definite: you know what you can do.",
    "hopefully": "Be definite about what you want.",
    "stupid": "Leave out harsh words about yourself.",
    "awkward": "Leave out how the moment felt; add the detail.",
    "embarrass": "Leave out how the moment felt; add the detail.",
    "I should have": "Say what you would like to add now.",
}
"""Phrases that make a card sound anxious or grovelling, each with a hint for a better line."""

_STEMS = {"apologise", "apologize", "desperate", "embarrass"}
"""Phrases that also match with an ending ("apologised", "embarrassing")."""

_PHRASE_PATTERNS = {
    phrase: re.compile(
        r"(?<!\w)" + re.escape(phrase).replace("'", "['’]") + (r"\w*" if phrase in _STEMS else r"(?!\w)"),
        re.IGNORECASE,
    )
    for phrase in PHRASES_TO_AVOID
}

_TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "ms", "ms.", "mrs", "mrs.", "mx", "mx."}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_BULLET = re.compile(r"^\s*(?:[-*•·]+|\d+[.)])\s*")
_QUESTION_WORDS = ("whether", "how", "what", "who", "when", "why", "where", "which", "if")

# Self-critical openings removed from an error before it goes on the card. "ask" errors become
# a question the candidate is still curious about; "add" errors become a detail to add.
_ASK_PREFIX = re.compile(
    r"^(?:i\s+)?(?:forgot\s+to\s+ask|didn'?t\s+ask|did\s+not\s+ask|never\s+asked|should\s+have\s+asked|"
    r"wanted\s+to\s+ask)(?:\s+(?:them|her|him))?(?:\s+about)?\s+",
    re.IGNORECASE,
)
_ADD_PREFIX = re.compile(
    r"^(?:i\s+)?(?:forgot\s+to\s+(?:mention|say|tell\s+them|bring\s+up)|didn'?t\s+(?:mention|say|bring\s+up)|"
    r"did\s+not\s+(?:mention|say|bring\s+up)|never\s+(?:mentioned|said)|should\s+have\s+(?:mentioned|said)|"
    r"they\s+(?:didn'?t|did\s+not|never)\s+(?:learn|hear|find\s+out)|"
    r"(?:she|he)\s+(?:didn'?t|did\s+not|never)\s+(?:learn|hear|find\s+out))(?:\s+(?:that|about))?\s+",
    re.IGNORECASE,
)
_SAID_PREFIX = re.compile(
    r"^(?:i\s+)?(?:said|told\s+(?:them|her|him)|answered|claimed|my\s+answer)\b", re.IGNORECASE
)
_CORRECTION = re.compile(
    r",?\s+but\s+(?:actually\s+|in\s+fact\s+|really\s+)?|;\s*(?:actually|in\s+fact|really),?\s+"
    r"|\s+[-–]+\s+(?:actually|in\s+fact),?\s+",
    re.IGNORECASE,
)
_SUGGESTED_ANSWER = re.compile(r"^Clarify my answer to: (?P<question>.*?)(?: \(better: (?P<better>.*)\))?$")
"""The text of a concern made from an answer to clarify in the debrief (see ``suggestions``)."""
_THIRD_PERSON = ("they", "she", "he", "them", "their", "her", "his", "the interviewer", "interviewer")
_NEGATIVE = {
    "bad",
    "badly",
    "bored",
    "boring",
    "awkward",
    "rushed",
    "hurried",
    "nervous",
    "worried",
    "wrong",
    "forgot",
    "mistake",
    "failed",
    "terrible",
    "awful",
    "off",
    "late",
    "but",
    "though",
    "however",
    "not",
    "never",
    "didn't",
    "didn’t",
    "no",
    "felt",
    "cold",
    "slow",
    "long",
    "too",
    "stress",
    "stressed",
}
"""Words that keep a sentence of private notes off the card."""
_COMMON_WORDS = {"that", "this", "with", "what", "would", "your", "have", "about", "answer", "said", "they"}


def default_variant(interview_id: str) -> int:
    """Return the wording an interview gets by default (stable for the same id)."""
    return zlib.crc32(interview_id.encode("utf-8")) % len(WORDINGS)


def card_errors(concerns: list[Concern]) -> list[Concern]:
    """Return the actual errors that belong on the card: marked for it and not resolved."""
    return [c for c in concerns if c.kind == "error" and c.action == "clarify-in-card" and not c.resolved]


def greeting_name(interviewer_name: str) -> str:
    """Return how the card addresses a person: the first name, or title and surname ("Dr. Okafor")."""
    words = one_line(interviewer_name).split()
    if not words:
        return ""
    if words[0].lower() in _TITLES and len(words) > 1:
        return _shorten(f"{words[0]} {words[-1]}", 40)
    return _shorten(words[0], 40)


def build_draft(
    interview: Interview,
    debrief: Debrief | None,
    concerns: list[Concern],
    interviewer_name: str,
    variant: int | None = None,
    questions: list[Question] | None = None,
) -> str:
    """Build a card draft from what is known about the interview.

    Args:
        interview: The interview.
        debrief: Its debrief (the first sentence of the notes becomes the specific line).
        concerns: Its concerns; only actual errors marked "clarify in the card" and not
            resolved are used.
        interviewer_name: Who the card is for ("" addresses the hiring team).
        variant: Which wording (any integer, taken modulo the number of wordings); None uses
            the interview's default.
        questions: Its prepared questions; one that was asked is the specific line when the
            notes offer no sentence that suits a card.

    Returns:
        The card as plain text: paragraphs separated by blank lines.
    """
    index = default_variant(interview.id) if variant is None else variant % len(WORDINGS)
    wording = WORDINGS[index]
    errors = card_errors(concerns)
    notes = debrief.notes if debrief is not None else ""
    answers = debrief.clarifications if debrief is not None else []
    question = asked_question(questions or [])
    best = ""
    for count in range(min(len(errors), MAX_CLARIFICATIONS), 0, -1) if errors else [0]:
        for clause_words, moment_words in _SHORTENING:
            text = _compose(
                wording,
                interview,
                notes,
                question,
                answers,
                errors,
                interviewer_name,
                count,
                clause_words,
                moment_words,
            )
            if word_count(text) <= DRAFT_TARGET:
                return text
            if not best or word_count(text) < word_count(best):
                best = text
    return best


_SHORTENING = ((18, 18), (12, 18), (18, 0), (12, 0), (8, 0))
"""Words allowed per clarification and for the specific line, tried in turn until a draft fits."""


def _compose(
    wording: Wording,
    interview: Interview,
    notes: str,
    question: str,
    answers: list[Clarification],
    errors: list[Concern],
    interviewer_name: str,
    count: int,
    clause_words: int,
    moment_words: int,
) -> str:
    name = greeting_name(interviewer_name) or "-"
    company = _shorten(one_line(interview.company), 6, words=True)
    if name == "-":
        name = f"{company} hiring team" if company and word_count(company) <= 3 else "hiring team"
    role = _shorten(one_line(interview.role), 8, words=True)
    role_text = f"{role} role at {company}" if role else f"role at {company}"
    moment = interview.moment
    when = f" on {moment:%A}" if moment is not None else ""
    opening = wording.thanks.format(role=role_text, when=when)
    sentence = (
        first_sentence(notes, moment_words, tuple(one_line(interviewer_name).split())) if moment_words else ""
    )
    if sentence:
        middle = wording.moment.format(x=sentence)
    elif moment_words and question:
        middle = wording.asked.format(q=_shorten(question, min(moment_words, 12), words=True))
        middle = middle.replace("?”.", "?”").replace("!”.", "!”")
    else:
        middle = wording.fallback_moment
    paragraphs = [wording.greeting.format(x=name), f"{opening} {middle}"]
    clarifications = [
        _clarify(wording, error, i, clause_words, answers) for i, error in enumerate(errors[:count])
    ]
    left = len(errors) - count
    if left:
        clarifications.append(wording.more.format(n="one more point" if left == 1 else "a few more points"))
    if clarifications:
        paragraphs.append(" ".join(clarifications))
    paragraphs.append(wording.drive)
    paragraphs.append(wording.sign_off)
    text = "\n\n".join(paragraphs)
    if word_count(text) < CARD_MIN + 5:
        # A card with nothing to clarify can look thin: close with a look ahead.
        paragraphs[-2] = f"{wording.drive} {wording.closing}"
        text = "\n\n".join(paragraphs)
    return text


def first_sentence(notes: str, max_words: int = 18, avoid: tuple[str, ...] = ()) -> str:
    """Return the first sentence of free notes that suits a card, cleaned, shortened, with a full stop.

    Notes are private, so a sentence is skipped when it sounds negative ("felt hurried", "but",
    "never") or talks about someone in the third person ("They liked...", "Dana was...").

    Args:
        notes: The debrief notes (any text).
        max_words: Shorten to about this many words (at a clause break if there is one).
        avoid: Names (such as the interviewer's first name) a usable sentence must not start with.

    Returns:
        The sentence, or "" when no sentence suits a card.
    """
    starts = {word.casefold() for word in (*_THIRD_PERSON, *avoid) if word}
    for line in notes.splitlines():
        line = one_line(_BULLET.sub("", line))
        for sentence in _SENTENCE_END.split(line):
            sentence = sentence.strip()
            words = [w.casefold().strip(".,;:!?'’\"") for w in sentence.split()]
            if not word_count(sentence) or words[0] in starts or _NEGATIVE & set(words):
                continue
            sentence = _shorten(sentence, max_words, words=True)
            if sentence[-1] not in ".!?…":
                sentence += "."
            return sentence
    return ""


def asked_question(questions: list[Question]) -> str:
    """Return the prepared question that was asked (must-asks first), or ""."""
    asked = [q for q in questions if q.asked == "yes" and one_line(q.text)]
    asked.sort(key=lambda q: not q.must_ask)
    return one_line(asked[0].text) if asked else ""


def _clarify(
    wording: Wording, error: Concern, position: int, max_words: int, answers: list[Clarification]
) -> str:
    """Word one actual error as a calm addition, a fuller answer, or a question still open."""
    text = one_line(error.text).strip().rstrip(".!?;:,")
    better = _better_answer(error, text, answers)
    if better is not None:
        question, answer = better
        if answer[:1].isupper() and answer[1:2].islower() and not answer.startswith("I "):
            answer = answer[0].lower() + answer[1:]
        return wording.answer.format(
            q=_shorten(question, 10, words=True), x=_shorten(answer, max_words + 4, words=True)
        ).replace("….", "…")
    asked = _ASK_PREFIX.match(text)
    if asked:
        topic = _shorten(text[asked.end() :], max_words, words=True).rstrip(".…")
        first = topic.split(" ", 1)[0].lower()
        topic = topic if first in _QUESTION_WORDS else f"about {topic}"
        return wording.ask.format(x=topic)
    added = _ADD_PREFIX.match(text)
    if added:
        text = text[added.end() :]
    elif error.error_kind == "answer" or _SAID_PREFIX.match(text):
        # "I said X, but actually Y": Y is what the card should say.
        correction = _CORRECTION.split(text)[-1]
        if word_count(correction) >= 3:
            text = correction
    detail = _shorten(text, max_words, words=True)
    template = wording.first_add if position == 0 else wording.next_add
    return template.format(x=detail).replace("….", "…")


def _better_answer(error: Concern, text: str, answers: list[Clarification]) -> tuple[str, str] | None:
    """Find what the candidate wishes they had answered, from the debrief's answers to clarify.

    A concern made from a debrief suggestion carries the question and the better answer in its
    text; a concern typed on the board is matched to the answer it shares the most words with.
    """
    suggested = _SUGGESTED_ANSWER.match(text)
    if suggested and suggested["better"]:
        return suggested["question"].rstrip("?"), suggested["better"].rstrip(".")
    if error.error_kind != "answer" and not suggested:
        return None
    wanted = _stems(suggested["question"] if suggested else text)
    best: tuple[int, Clarification] | None = None
    for item in answers:
        if not item.should_have.strip():
            continue
        shared = len(wanted & _stems(f"{item.question} {item.said}"))
        if shared and (best is None or shared > best[0]):
            best = (shared, item)
    if best is None:
        return None
    item = best[1]
    question = one_line(item.question or item.said).rstrip("?")
    return question, one_line(item.should_have).rstrip(".")


def _stems(text: str) -> set[str]:
    """Rough word stems of a text (first four letters of the longer words), for matching."""
    words = re.findall(r"[a-z]{4,}", text.lower())
    return {w[:4] for w in words if w not in _COMMON_WORDS}


def _shorten(text: str, limit: int, *, words: bool = False) -> str:
    """Shorten text to ``limit`` words (or characters), preferring a clause break, with an ellipsis."""
    if not words:
        return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    parts = text.split()
    if len(parts) <= limit:
        return text
    head = " ".join(parts[:limit])
    cut = max(head.rfind(mark) for mark in (",", ";", " -", " –", ":", " ("))
    if cut >= len(head) // 2:
        head = head[:cut]
    return head.rstrip(" ,;:-–(") + "…"


def flag_phrases(text: str) -> list[str]:
    """Return the phrases to avoid that appear in a card, in the order of ``PHRASES_TO_AVOID``."""
    return [phrase for phrase, pattern in _PHRASE_PATTERNS.items() if pattern.search(text)]


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
