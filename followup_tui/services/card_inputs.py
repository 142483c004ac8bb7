"""One entry point for the card: gather everything a card is made from, once, and draft it.

The card screen and ``followup card`` both call ``gather`` and then ``CardInputs.draft``: the
interview, its debrief, concerns and cards, the signer, the card's language and whom it is for
are read in one place, so the two can never draft different cards. No Textual here.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from followup_tui.domain.card.draft import (
    CARD_MAX,
    CardPart,
    Draft,
    card_parts,
    current_text,
    draft_card,
    find_card,
)
from followup_tui.domain.errors import ValidationError
from followup_tui.domain.language import base_language, normalise_language
from followup_tui.domain.matching import find_name
from followup_tui.domain.models import Card, Concern, Debrief, Interview
from followup_tui.domain.text import one_line, word_count
from followup_tui.services.actions import signer as stored_signer
from followup_tui.store.repository import Repository


@dataclass(frozen=True)
class CardInputs:
    """What one card is made from, read once."""

    interview: Interview
    debrief: Debrief
    concerns: list[Concern]
    cards: list[Card]
    signer: str
    """The user's name, as stored in the settings."""
    language: str
    """The card's language: the interview's, or the one asked for this once."""
    recipient: str
    """The interviewer the card is for ("" for the team)."""

    def draft(self, now: datetime | None, variant: int | None = None) -> Draft:
        """Draft the card (``variant`` None: the interview's default wording)."""
        return draft_card(
            self.interview,
            self.debrief,
            self.concerns,
            self.recipient,
            variant,
            signer=self.signer,
            now=now,
            language=self.language,
        )

    def saved(self) -> Card | None:
        """The stored card to the recipient, if there is one."""
        return find_card(self.cards, self.recipient)

    def text(self, now: datetime | None) -> str:
        """What the card says now: the user's own text when there is any, else the draft."""
        return current_text(self.saved(), self.draft(now).text)

    def parts(self) -> list[CardPart]:
        """The parts the user has not written yet, and those left out for their topic."""
        lang = base_language(self.language)
        return card_parts(self.interview, self.debrief, self.concerns, self.signer, lang, self.recipient)


def recipients(interview: Interview) -> list[str]:
    """The interviewers with a name, each of whom gets a card of their own."""
    return [p.name for p in interview.interviewers if p.name.strip()]


def choose_recipient(interview: Interview, wanted: str | None) -> str:
    """Return whom the card is for: the named interviewer, else the first one ("" for none).

    ``wanted`` may be the whole name or the first name, accents and case aside ("Zoe" for
    "Zoë Ångström").

    Raises:
        ValidationError: If ``wanted`` names nobody on this interview, or several.
    """
    names = recipients(interview)
    if wanted is None:
        return names[0] if names else ""
    found = find_name(names, wanted)
    if found is not None:
        return found
    listed = ", ".join(one_line(n, 40) for n in names) or "none recorded"
    raise ValidationError(
        f"No interviewer named '{one_line(wanted, 40)}' for this interview (interviewers: {listed})."
    )


def gather(
    repo: Repository,
    interview_id: str,
    recipient: str | None = None,
    language: str | None = None,
    *,
    check: bool = True,
) -> CardInputs:
    """Read everything one card is made from.

    Args:
        repo: The repository.
        interview_id: The interview.
        recipient: The interviewer the card is for (None: the first one).
        language: A language tag for this card only (None: the interview's).
        check: The recipient must be one of the interviewers (the card screen, which may show
            a card to someone renamed in another window meanwhile, passes False).

    Raises:
        NotFoundError: If the interview does not exist.
        ValidationError: If the interviewer or the language is unknown.
    """
    interview = repo.get(Interview, interview_id)
    return CardInputs(
        interview=interview,
        debrief=repo.debrief(interview_id),
        concerns=repo.children(Concern, interview_id),
        cards=repo.children(Card, interview_id),
        signer=stored_signer(repo),
        language=normalise_language(language) if language else interview.language,
        recipient=choose_recipient(interview, recipient) if check or recipient is None else recipient,
    )


def room_to_know(repo: Repository, concern: Concern, now: datetime | None) -> int:
    """How many words the card has room for in one error's "what I want them to know".

    The board's field counts what is typed against it, as the card screen's ``m`` does: the
    card's limit, less the words of the card drafted without this error's sentence (to the
    first interviewer; each card to a panel has the same frame).

    Args:
        repo: The repository.
        concern: The actual error whose sentence is being written.
        now: The current local time (the draft names the day only when it is surely right).
    """
    inputs = gather(repo, concern.interview_id)
    others = [replace(c, to_know="") if c.id == concern.id else c for c in inputs.concerns]
    return CARD_MAX - word_count(replace(inputs, concerns=others).draft(now).text)
