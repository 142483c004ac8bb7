"""The wordings of the thank-you card: several sets of original templates, one chosen per card.

Plain data with no Textual. ``{x}`` marks the user's words, ``{q}`` a question quoted, ``{n}``
a count of points, ``{role}`` and ``{when}`` the role line and " on Tuesday".
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    """One set of templates for a card. ``{x}`` marks where the user's words go."""

    greeting: str
    thanks: str
    moment: str
    asked: str
    fallback_moment: str
    first_add: str
    next_add: str
    ask: str
    answer: str
    more: str
    drive: str
    closing: str
    sign_off: str


WORDINGS: tuple[Wording, ...] = (
    Wording(
        greeting="Dear {x},",
        thanks="Thank you for talking with me{when} about the {role}.",
        moment="One moment has stayed with me: {x}",
        asked="Your answer to my question “{q}” was especially helpful.",
        fallback_moment="I came away even keener on the work.",
        first_add="I would like to add one thing: {x}.",
        next_add="I would also add: {x}.",
        ask="I would still love to hear {x}.",
        answer="On “{q}”, my fuller answer is: {x}.",
        more="I am glad to cover {n} in a short call.",
        drive="I am eager to bring my energy to this team.",
        closing="I look forward to hearing about the next steps.",
        sign_off="Warm regards,",
    ),
    Wording(
        greeting="Dear {x},",
        thanks="Many thanks for meeting me{when} to discuss the {role}.",
        moment="Our conversation stayed with me, especially this: {x}",
        asked="I especially valued your answer to “{q}”.",
        fallback_moment="I left with a clear picture of the work and liked it.",
        first_add="On reflection, a detail worth adding: {x}.",
        next_add="One more detail worth adding: {x}.",
        ask="I remain curious to hear {x}.",
        answer="To round off my answer to “{q}”: {x}.",
        more="I can go through {n} whenever it suits you.",
        drive="This is work I want to do well, and I am ready for it.",
        closing="Please tell me if anything else would help your decision.",
        sign_off="Best wishes,",
    ),
    Wording(
        greeting="Hello {x},",
        thanks="Thank you for your time{when} and for a good talk about the {role}.",
        moment="One part I keep coming back to: {x}",
        asked="Hearing your answer to “{q}” made the role even clearer to me.",
        fallback_moment="The more I heard, the more I wanted to be part of it.",
        first_add="Looking back, I would like to make one thing clear: {x}.",
        next_add="And one more: {x}.",
        ask="I would still welcome a word on {x}.",
        answer="About “{q}”, I would add: {x}.",
        more="I would happily explain {n} in person.",
        drive="I left more determined than ever to join and contribute from the first week.",
        closing="I look forward to the next step and to speaking again.",
        sign_off="Kind regards,",
    ),
)
"""The card's wordings; all phrasing is original to followup."""
