"""Every word and limit the user sees for a stored value, defined once.

Screens, widgets, the command line, exports and insights all name formats, outcomes, board
columns, kinds of actual error, actions, thinking traps and gut ratings with these words, and
hold text fields to these limits. A second copy drifts (two gut-rating vocabularies were once
shown side by side), so ``tests/house/test_vocabulary.py`` fails when a screen, widget or CLI module
defines its own. The stored keys themselves (``models.OUTCOMES`` and friends) stay in
``models``; this module imports nothing.
"""

from __future__ import annotations

SHORT_LIMIT = 200
"""Most characters in a one-line field such as a company name."""

LONG_LIMIT = 20_000
"""Most characters in a multi-line field such as notes."""

CONCERN_TEXT_LIMIT = 2000
"""Most characters of a concern's text (board, debrief capture, suggestions, ``followup note``)."""

QUESTION_TEXT_LIMIT = 2000
"""Most characters of one question: prepared, likely, to clarify, or in the bank."""

CHECKLIST_TEXT_LIMIT = 500
"""Most characters of one checklist item."""

SOURCE_LIMIT = 500
"""Most characters of where a concern came from (a suggestion's key)."""

LINK_LIMIT = 1000
"""Most characters of an interview's location or job link."""

REASON_LIMIT = 1000
"""Most characters of why I want this job."""

NAME_LIMIT = 80
"""Most characters of the name signed under every card."""

ZONE_LIMIT = 100
"""Most characters of an interview's time zone name ("America/Argentina/Buenos_Aires")."""

INVITE_UID_LIMIT = 1000
"""Most characters of the UID of the calendar invitation an interview came from."""

FORMAT_LABELS: dict[str, str] = {"onsite": "On site", "video": "Video call", "phone": "Phone call"}
"""How each interview format reads on screen."""

OUTCOME_LABELS: dict[str, str] = {
    "pending": "Pending",
    "advanced": "Advanced",
    "offer": "Offer",
    "rejected": "Rejected",
    "withdrawn": "Withdrawn",
    "no-response": "No response",
}
"""How each outcome reads on screen."""

OUTCOME_HINTS: dict[str, str] = {
    "pending": "no news yet",
    "advanced": "on to the next round",
    "offer": "they made an offer",
    "rejected": "they said no",
    "withdrawn": "I stepped away",
    "no-response": "they never replied",
}
"""A few words that say what each outcome means."""

CONCERN_KIND_NAMES: dict[str, str] = {
    "unsorted": "Unsorted concern",
    "worry": "Worry",
    "error": "Actual error",
}
"""What one concern of each kind is called."""

COLUMN_TITLES: dict[str, str] = {"unsorted": "Unsorted", "worry": "Worries", "error": "Actual errors"}
"""The title of each board column, by concern kind."""

MOVE_LABELS: dict[str, str] = {"unsorted": "Unsorted", "worry": "Worry", "error": "Error"}
"""The short name of each column a concern can move to (the board's footer)."""

ERROR_KIND_LABELS: dict[str, str] = {
    "forgot-to-ask": "Forgot to ask",
    "not-learned": "They did not learn",
    "felt-off": "Felt off",
    "answer": "My answer",
    "other": "Other",
}
"""How each kind of actual error reads on screen."""

ERROR_KIND_DESCRIPTIONS: dict[str, str] = {
    "forgot-to-ask": "Forgot to ask something",
    "not-learned": "They did not learn something about me",
    "felt-off": "Something felt off",
    "answer": "An answer I gave",
    "other": "Something else",
}
"""Each kind of actual error as a choice in the concern dialog."""

ACTIONS: dict[str, str] = {
    "clarify-in-card": "Clarify in the card",
    "ask-next-round": "Ask in the next round",
    "send-email": "Send an email",
    "let-go": "Let it go",
}
"""What to do about an actual error, with the label shown to the user."""

NO_ACTION = "No action chosen yet"
"""What the concern dialog offers before an action is chosen."""

ERROR_KIND_CHOICES: list[tuple[str, str]] = [(label, key) for key, label in ERROR_KIND_DESCRIPTIONS.items()]
"""The sorts of actual error as the concern dialog offers them: (label, key)."""

ACTION_CHOICES: list[tuple[str, str]] = [*((label, key) for key, label in ACTIONS.items()), (NO_ACTION, "")]
"""What to do about an actual error as the concern dialog offers it (each starts with its own letter)."""

THINKING_TRAPS: dict[str, tuple[str, str]] = {
    "mind-reading": ("Mind reading", "Deciding what they thought without any sign from them."),
    "fortune-telling": ("Fortune telling", "Treating a guess about the result as a known fact."),
    "catastrophizing": ("Catastrophizing", "Jumping from one slip to the worst possible ending."),
    "all-or-nothing": ("All-or-nothing", "Seeing the whole hour as perfect or ruined, no middle."),
    "magnifying": ("Magnifying the negative", "One awkward moment outweighs twenty good ones."),
    "discounting": ("Discounting the positive", "Good moments 'did not count' or were luck."),
    "emotional-reasoning": ("Emotional reasoning", "I feel it went badly, so it must have."),
    "labeling": ("Labeling", "Turning one stumble into a verdict on who I am."),
    "should": ("Should statements", "Rigid rules about how I ought to have performed."),
    "self-blame": ("Self-blame", "Taking all the blame for a conversation two people shared."),
    "overgeneralization": ("Overgeneralization", "One rough interview means they all will be."),
}
"""Thinking traps a worry can be tagged with: key -> (label, one-line explanation)."""

PREDICTION_LABELS: dict[str, str] = {
    "": "not settled yet",
    "came-true": "came true",
    "did-not": "did not happen",
}
"""How a recorded prediction has settled, by ``Concern.prediction_result``."""

GUT_WORDS: dict[int, str] = {1: "rough", 2: "shaky", 3: "so-so", 4: "good", 5: "great"}
"""A gut rating in words, the same on every screen."""

NO_CATEGORY = "No category"
"""The label of questions filed under no category."""
