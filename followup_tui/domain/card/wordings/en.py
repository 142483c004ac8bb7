"""The card's English wordings: all phrasing is original to followup."""

from __future__ import annotations

from followup_tui.domain.card.wordings import Frame, RoleWords, Thanks, Wording

WORDINGS: tuple[Wording, ...] = (
    Wording(
        greeting="Dear {name},",
        greeting_titled="Dear {name},",
        greeting_team="Dear {team},",
        thanks=Thanks(
            onsite="Thank you for meeting me{when} to talk about the {role}.",
            video="Thank you for the video call{when} to talk about the {role}.",
            phone="Thank you for the phone call{when} to talk about the {role}.",
        ),
        enjoyed="I especially enjoyed {x}.",
        enjoyed_clause="I especially enjoyed {x}.",
        add_one="There is one thing I would like to add.",
        add_many="There are {n} things I would like to add.",
        closing="I look forward to hearing from you.",
        sign_off="Kind regards,",
        day=" on {day}",
    ),
    Wording(
        greeting="Dear {name},",
        greeting_titled="Dear {name},",
        greeting_team="Dear {team},",
        thanks=Thanks(
            onsite="Many thanks for your time{when} and for our conversation about the {role}.",
            video="Many thanks for our video conversation{when} about the {role}.",
            phone="Many thanks for our phone conversation{when} about the {role}.",
        ),
        enjoyed="I particularly enjoyed {x}.",
        enjoyed_clause="I particularly enjoyed {x}.",
        add_one="One point is worth adding to what I said.",
        add_many="{N} points are worth adding to what I said.",
        closing="I hope we can continue the conversation soon.",
        sign_off="Best wishes,",
        day=" on {day}",
    ),
    Wording(
        greeting="Hello {name},",
        greeting_titled="Dear {name},",
        greeting_team="Hello {team},",
        thanks=Thanks(
            onsite="Thank you for speaking with me{when} about the {role}.",
            video="Thank you for our video call{when} about the {role}.",
            phone="Thank you for our phone call{when} about the {role}.",
        ),
        enjoyed="I really enjoyed {x}.",
        enjoyed_clause="I really enjoyed {x}.",
        add_one="Looking back, I would like to make one thing clear.",
        add_many="Looking back, I would like to make {n} things clear.",
        closing="I would be glad to talk again.",
        sign_off="Warm regards,",
        day=" on {day}",
    ),
)
"""The English sets; a title ("Dr. Okafor") always takes "Dear", never "Hello"."""

NUMBER_WORDS: dict[int, str] = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six"}
"""Counts in words for ``{n}``."""

FRAME = Frame(
    language="en",
    wordings=WORDINGS,
    role=RoleWords(
        both="{role} at {company}",
        role_only="{role}",
        company_only="role at {company}",
        neither="role",
        suffix=" role",
        nouns=frozenset({"role", "position", "job", "post", "opening", "vacancy"}),
    ),
    team="{company} team",
    nobody="hiring team",
    numbers=NUMBER_WORDS,
    several="several",
    drive={"because": "This job matters to me {x}.", "to": "I would welcome the chance {x}."},
    answer="About your question “{q}”:",
    you_words=frozenset({"you", "your", "yours", "you're", "you've"}),
    titles={},
)
"""Everything an English card says around the user's sentences."""
