"""Concerns the debrief suggests for the board. Pure functions, no Textual.

Each suggestion has a stable key built from where it came from ("q:<question id>",
"forgot:<normalised line>", "not-learned:<line>", "felt-off:<line>", "clarify:<question>").
Accepting one stores the key as the new concern's ``source``; dismissing one stores it in
``Debrief.dismissed``. A key that is already a concern's source or dismissed is never offered
again, so editing the debrief a second time does not duplicate anything.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from followup_tui.domain.models import Clarification, Concern, Debrief, Question
from followup_tui.domain.text import one_line
from followup_tui.domain.vocabulary import CONCERN_TEXT_LIMIT

KEY_TEXT_CHARS = 200
"""Most characters of a line's text kept in its suggestion key."""

PROMPTS: dict[str, tuple[str, str, str]] = {
    "forgot_to_ask": ("forgot", "error", "forgot-to-ask"),
    "not_learned": ("not-learned", "error", "not-learned"),
    "felt_off": ("felt-off", "unsorted", "felt-off"),
}
"""Debrief prompt field -> (key prefix, board column, error kind) of the concerns it suggests."""

_BULLET = re.compile(r"^\s*(?:[-*+•·>]+|\d+[.)]|\[[ xX]?\])\s*")


@dataclass(frozen=True)
class Suggestion:
    """A concern the debrief suggests; the user accepts or dismisses it."""

    key: str
    """Stable identity: the concern's ``source`` once accepted."""
    text: str
    """The concern's text."""
    kind: str
    """The board column it lands in: "error" or "unsorted"."""
    error_kind: str
    """One of ``models.ERROR_KINDS``."""
    action: str = ""
    """A suggested action (a key of ``models.ACTIONS``) or ""."""
    origin: str = ""
    """A few words saying where it came from, for the list."""
    to_know: str = ""
    """What I want them to know, for an error clarified in the card (the better answer)."""

    def to_concern(self, interview_id: str) -> Concern:
        """Return the concern to store when the user accepts this suggestion."""
        return Concern(
            interview_id=interview_id,
            text=self.text,
            kind=self.kind,
            error_kind=self.error_kind,
            action=self.action,
            to_know=self.to_know,
            source=self.key,
        )


def normalise(text: str) -> str:
    """Return the form of a line used in suggestion keys: lower case, single spaces, no bullet."""
    line = _BULLET.sub("", one_line(text))
    return " ".join(line.casefold().split()).rstrip(".!?;:,")


def prompt_lines(text: str) -> list[str]:
    """Split a prompt's text into its items: one per non-empty line, bullets removed.

    Args:
        text: What the user typed under a prompt.

    Returns:
        The items, cleaned of control characters, in order, without blank ones.
    """
    items = []
    for raw in text.splitlines():
        line = _BULLET.sub("", one_line(raw)).strip()
        if line:
            items.append(line)
    return items


def all_suggestions(
    debrief: Debrief, questions: Iterable[Question], debrief_exists: bool
) -> list[Suggestion]:
    """Return every suggestion the debrief makes, before removing taken or dismissed ones.

    Args:
        debrief: The interview's debrief.
        questions: The interview's prepared questions.
        debrief_exists: The debrief was started; must-asks still "unknown" then count as not asked.

    Returns:
        The suggestions in the order of the debrief, without duplicate keys.
    """
    found: dict[str, Suggestion] = {}

    def offer(suggestion: Suggestion) -> None:
        found.setdefault(suggestion.key, suggestion)

    for question in questions:
        unasked = question.asked == "no" or (debrief_exists and question.asked == "unknown")
        if question.must_ask and unasked:
            text = _clip(f"Did not ask: {one_line(question.text)}")
            offer(Suggestion(f"q:{question.id}", text, "error", "forgot-to-ask", "", "must-ask not asked"))
    for field_name, (prefix, kind, error_kind) in PROMPTS.items():
        for line in prompt_lines(getattr(debrief, field_name)):
            key = _key(prefix, line)
            offer(Suggestion(key, _clip(line), kind, error_kind, "", prefix.replace("-", " ")))
    for item in debrief.clarifications:
        asked = one_line(item.question)
        if not asked and not item.said.strip() and not item.should_have.strip():
            continue
        key = clarification_key(item)
        better = one_line(item.should_have)
        text = f"Clarify my answer to: {asked or one_line(item.said)}"
        if better:
            text += f" (better: {better})"
        offer(
            Suggestion(
                key, _clip(text), "error", "answer", "clarify-in-card", "answer to clarify", better[:2000]
            )
        )
    return list(found.values())


def clarification_key(item: Clarification) -> str:
    """The key of the error an answer to clarify suggests (the card finds its question by it)."""
    return _key("clarify", one_line(item.question) or item.said)


def pending_suggestions(
    debrief: Debrief,
    questions: Iterable[Question],
    concerns: Iterable[Concern],
    debrief_exists: bool,
) -> list[Suggestion]:
    """Return the suggestions still waiting for the user: not accepted, not dismissed.

    Args:
        debrief: The interview's debrief (its ``dismissed`` keys are skipped).
        questions: The interview's prepared questions.
        concerns: The interview's concerns (their ``source`` keys are skipped).
        debrief_exists: The debrief was started (see ``all_suggestions``).

    Returns:
        The suggestions to show, in the order of the debrief.
    """
    taken = {c.source for c in concerns if c.source} | set(debrief.dismissed)
    return [s for s in all_suggestions(debrief, questions, debrief_exists) if s.key not in taken]


def _key(prefix: str, text: str) -> str:
    """A suggestion key: short enough for ``Concern.source`` (``SOURCE_LIMIT``)."""
    return f"{prefix}:{normalise(text)[:KEY_TEXT_CHARS]}"


def _clip(text: str) -> str:
    return text if len(text) <= CONCERN_TEXT_LIMIT else text[: CONCERN_TEXT_LIMIT - 1] + "…"
