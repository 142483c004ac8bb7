"""The card fixtures: each debrief gives the card we read and kept (``fixtures_cards``).

After a deliberate change to the wordings, write the new cards with
``python -m tests.domain.test_card_fixtures`` and read every one that changed before keeping it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from followup_tui.domain.card.draft import Draft, draft_card, draft_notes, fits
from followup_tui.domain.models import Clarification, Concern, Debrief, Interview, Interviewer
from followup_tui.domain.suggestions import clarification_key
from tests.domain.fixtures_cards.all_cases import CASES
from tests.domain.fixtures_cards.cases import Case

NOW = datetime(2026, 11, 25, 10, 0)
"""The day after most of the interviews (a Wednesday)."""

FOLDER = Path(__file__).parent / "fixtures_cards"


def drafted(case: Case) -> Draft:
    """The draft a case gives."""
    interview = Interview(
        id="ab3k9",
        company=case.company,
        role=case.role,
        when=case.when,
        format=case.format,
        language=case.language,
        interviewers=[Interviewer(name, address=address) for name, address in case.people],
        why_this_job=case.why,
    )
    items = [Clarification(question=q, should_have=a) for q, a in case.questions]
    debrief = Debrief(interview_id="ab3k9", worth_mentioning=case.moment, clarifications=items)
    errors = [
        Concern(
            interview_id="ab3k9", text=f"error {n}", kind="error", action="clarify-in-card", to_know=words
        )
        for n, words in enumerate(case.additions)
    ] + [
        Concern(
            interview_id="ab3k9",
            text=f"answer {n}",
            kind="error",
            action="clarify-in-card",
            error_kind="answer",
            source=clarification_key(item),
            to_know=item.should_have,
        )
        for n, item in enumerate(items)
    ]
    to = "" if case.to < 0 or not case.people else case.people[case.to][0]
    return draft_card(interview, debrief, errors, to, 0, signer=case.signer, now=NOW)


def shown(case: Case) -> str:
    """The card as kept: its text, then what the screen says about it under a rule."""
    made = drafted(case)
    notes = draft_notes(made)
    return made.text + ("\n----\n" + "\n".join(notes) if notes else "") + "\n"


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_debrief_gives_the_card_we_read(case: Case) -> None:
    assert shown(case) == (FOLDER / f"{case.name}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_each_card_fits_or_says_which_sentence_to_shorten(case: Case) -> None:
    made = drafted(case)
    assert fits(made.text) or made.shorten


def test_there_are_twenty_english_debriefs_and_ten_in_each_other_language() -> None:
    counts = {lang: sum(c.language.startswith(lang) for c in CASES) for lang in ("en", "de", "es", "fr")}
    assert counts["en"] >= 20 and min(counts["de"], counts["es"], counts["fr"]) >= 10


if __name__ == "__main__":
    for each in CASES:
        (FOLDER / f"{each.name}.txt").write_text(shown(each), encoding="utf-8")
