"""Answers to clarify wrap under their own text on a narrow screen, and again after a resize."""

from __future__ import annotations

from typing import Any

from followup_tui.domain.models import Clarification, Debrief, Interview
from followup_tui.domain.text import cell_width
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.debrief.lists import ClarificationList
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until

QUESTION = "How would you split the ingestion queue when one tenant sends most of the traffic?"
SAID = "By customer id, with one partition each, and I did not mention what happens to hot keys"
JAPANESE = "面接の機会をいただきありがとうございました。チームの皆様によろしくお伝えください。🙏🙏🙏"
CHINESE = "我们讨论了数据平台的架构以及如何处理高峰期的流量问题和分区策略的细节"
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


def app_with(repo: Repository, clarification: Clarification) -> tuple[FollowupApp, Interview]:
    """The app on an interview whose debrief holds one clarification."""
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    repo.update_debrief(interview.id, clarifications=[clarification])
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False), interview


async def open_debrief(app: FollowupApp, pilot: Any) -> None:
    """Open Debrief from home and wait until its clarification has wrapped."""
    await pilot.press("d")
    assert await until(pilot, lambda: bool(app.screen.query(ClarificationList)))
    await settle(app, pilot)
    assert await until(pilot, lambda: len(prompt_lines(app)) > 3)  # it wrapped


async def test_a_long_clarification_wraps_under_its_own_text(repo: Repository) -> None:
    clarification = Clarification(question=QUESTION, said=SAID, should_have=BETTER)
    app, interview = app_with(repo, clarification)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_debrief(app, pilot)
        assert parts(prompt_lines(app)) == {"Q": QUESTION, "said:": SAID, "better:": BETTER}
        assert all(len(line) <= 58 for line in prompt_lines(app))
        await pilot.resize_terminal(160, 40)
        assert await until(pilot, lambda: len(prompt_lines(app)) == 3)  # wide enough: one line each
        assert parts(prompt_lines(app)) == {"Q": QUESTION, "said:": SAID, "better:": BETTER}
    assert repo.get(Debrief, interview.id).clarifications == [clarification]


async def test_a_wide_clarification_wraps_by_cells_within_the_screen(repo: Repository) -> None:
    """Chinese and Japanese take two cells a character: the lines are cut by cells."""
    app, _ = app_with(repo, Clarification(question=CHINESE, said=JAPANESE, should_have=CHINESE))
    async with app.run_test(size=(60, 20)) as pilot:
        await open_debrief(app, pilot)
        widths = [cell_width(line) for line in prompt_lines(app)]
        assert all(width <= 58 for width in widths), widths
