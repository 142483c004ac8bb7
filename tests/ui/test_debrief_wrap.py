"""Answers to clarify wrap under their own text on a narrow screen, and again after a resize."""

from __future__ import annotations

from followup_tui.domain.models import Clarification, Debrief, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.lists import ClarificationList
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until

QUESTION = "How would you split the ingestion queue when one tenant sends most of the traffic?"
SAID = "By customer id, with one partition each, and I did not mention what happens to hot keys"
BETTER = "By tenant with a hot-partition split, keyed again on the event id when a tenant runs hot"


def prompt_lines(app: FollowupApp) -> list[str]:
    """The first clarification as the list shows it, line by line."""
    clarifications = app.screen.query_one(ClarificationList)
    return str(clarifications.get_option_at_index(0).prompt).splitlines()


def parts(lines: list[str]) -> dict[str, str]:
    """Each labelled part of a shown clarification, its wrapped lines joined again."""
    found: dict[str, list[str]] = {}
    label = ""
    for line in lines:
        for start in ("Q ", "  said: ", "  better: "):
            if line.startswith(start):
                label, line = start.strip(), line[len(start) :]
                break
        else:
            assert line.startswith(" " * (len(label) + 2 if label != "Q" else 2)), lines
        found.setdefault(label, []).append(line.strip())
    return {k: " ".join(v) for k, v in found.items()}


async def test_a_long_clarification_wraps_under_its_own_text(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    clarification = Clarification(question=QUESTION, said=SAID, should_have=BETTER)
    repo.update_debrief(interview.id, clarifications=[clarification])
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: bool(app.screen.query(ClarificationList)))
        await settle(app, pilot)
        assert await until(pilot, lambda: len(prompt_lines(app)) > 3)  # it wrapped
        assert parts(prompt_lines(app)) == {"Q": QUESTION, "said:": SAID, "better:": BETTER}
        assert all(len(line) <= 58 for line in prompt_lines(app))
        await pilot.resize_terminal(160, 40)
        assert await until(pilot, lambda: len(prompt_lines(app)) == 3)  # wide enough: one line each
        assert parts(prompt_lines(app)) == {"Q": QUESTION, "said:": SAID, "better:": BETTER}
    assert repo.get(Debrief, interview.id).clarifications == [clarification]
