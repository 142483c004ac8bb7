"""The wordings of the thank-you card: several sets of original templates, one chosen per card.

Plain data with no Textual. Every template is a whole sentence (or the greeting and sign-off
lines) for every value its slots can take:

- ``{name}``: a first name, a title and surname, or "Acme team" / "hiring team";
- ``{when}``: " on Tuesday", or "" when no day can be named;
- ``{role}``: "Data Engineer role at Acme", "role at Acme" or "Data Engineer role";
- ``{x}``: the user's own words when they are a phrase rather than a sentence
  ("hearing how the team plans its releases");
- ``{n}``: a number in words ("two"), ``{N}`` the same with a capital ("Two").

The user's own sentences are never put into a template: they follow the template's sentence.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Wording:
    """One set of templates for a card."""

    greeting: str
    """The first line, such as "Dear {name},"."""
    thanks: str
    """Thanks for the interview: slots ``{when}`` and ``{role}``."""
    enjoyed: str
    """Frames a moment worth mentioning written as a phrase: slot ``{x}``."""
    add_one: str
    """Introduces one thing I want them to know."""
    add_many: str
    """Introduces several: slot ``{n}`` or ``{N}``."""
    closing: str
    """Closes a card that has no line of drive yet, or is short."""
    sign_off: str
    """The line before the user's name, such as "Kind regards,"."""


WORDINGS: tuple[Wording, ...] = (
    Wording(
        greeting="Dear {name},",
        thanks="Thank you for meeting me{when} to talk about the {role}.",
        enjoyed="I especially enjoyed {x}.",
        add_one="There is one thing I would like to add.",
        add_many="There are {n} things I would like to add.",
        closing="I look forward to hearing from you.",
        sign_off="Kind regards,",
    ),
    Wording(
        greeting="Dear {name},",
        thanks="Many thanks for your time{when} and for our conversation about the {role}.",
        enjoyed="I particularly enjoyed {x}.",
        add_one="One point is worth adding to what I said.",
        add_many="{N} points are worth adding to what I said.",
        closing="I hope we can continue the conversation soon.",
        sign_off="Best wishes,",
    ),
    Wording(
        greeting="Hello {name},",
        thanks="Thank you for speaking with me{when} about the {role}.",
        enjoyed="I really enjoyed {x}.",
        add_one="Looking back, I would like to make one thing clear.",
        add_many="Looking back, I would like to make {n} things clear.",
        closing="I would be glad to talk again.",
        sign_off="Warm regards,",
    ),
)
"""The card's wordings; all phrasing is original to followup."""

DRIVE_BECAUSE = "This job matters to me {x}."
"""Frames a line of drive that starts with "because"."""

DRIVE_TO = "I would welcome the chance {x}."
"""Frames a line of drive that starts with "to" ("to build tools nurses rely on")."""

NUMBER_WORDS: dict[int, str] = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
"""Counts in words for ``{n}``; more than six are "several"."""
