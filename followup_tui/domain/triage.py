"""The two-question rule that sorts a concern into a worry or an actual error.

No Textual here: the triage dialog and the tests call ``advise``.

The rule, one line per combination (the same lines are shown to the user):

- I can act on it, and they noticed: an **actual error**; fix it where they will see it (the card).
- I can act on it, they probably did not notice: still an **actual error**, but a quiet one;
  deal with it in the next round rather than drawing attention to it now.
- I cannot act on it, but they may have noticed: a **worry**; what is done is done, so give it
  a balanced thought instead of replaying it.
- I cannot act on it, and they did not notice: a **worry**, and an easy one to let go.

In short: whether I can act decides the column; whether they noticed decides the urgency.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Advice:
    """What the two answers suggest for a concern."""

    kind: str
    """The suggested column: "worry" or "error"."""
    action: str
    """A suggested action for an actual error (a key of ``models.ACTIONS``), "" for a worry."""
    reason: str
    """One line telling the user why."""


QUESTIONS: tuple[str, str] = (
    "Can I do something about it?",
    "Would the interviewer have noticed?",
)
"""The two triage questions, in the order they are asked."""

_RULES: dict[tuple[bool, bool], Advice] = {
    (True, True): Advice(
        "error",
        "clarify-in-card",
        "You can fix it and they saw it: an actual error. Put it right, the card is a good place.",
    ),
    (True, False): Advice(
        "error",
        "ask-next-round",
        "Fixable, but they probably missed it: a quiet actual error. Handle it in the next round.",
    ),
    (False, True): Advice(
        "worry",
        "",
        "Nothing you can do now, even if they noticed: a worry. Give it a balanced thought.",
    ),
    (False, False): Advice(
        "worry",
        "",
        "Nothing to do and they likely never saw it: a worry you can safely let go.",
    ),
}


def advise(actionable: bool, noticed: bool) -> Advice:
    """Return the suggested column, action and reason for two triage answers.

    Args:
        actionable: The answer to "Can I do something about it?".
        noticed: The answer to "Would the interviewer have noticed?".

    Returns:
        The advice; the user is free to overrule it.
    """
    return _RULES[(bool(actionable), bool(noticed))]
