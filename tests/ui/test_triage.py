"""The two-question triage rule, as a pure function and through the dialog on the board."""

from __future__ import annotations

import pytest

from followup_tui.domain.models import Concern
from followup_tui.domain.triage import QUESTIONS, advise
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.board.triage_dialog import TriageDialog
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import seed_interview

COMBINATIONS = [
    # actionable, noticed, column, action
    (True, True, "error", "clarify-in-card"),
    (True, False, "error", "ask-next-round"),
    (False, True, "worry", ""),
    (False, False, "worry", ""),
]


@pytest.mark.parametrize(("actionable", "noticed", "kind", "action"), COMBINATIONS)
def test_rule_for_each_combination(actionable: bool, noticed: bool, kind: str, action: str) -> None:
    advice = advise(actionable, noticed)
    assert (advice.kind, advice.action) == (kind, action)
    assert advice.reason and "\n" not in advice.reason and len(advice.reason) <= 100


def test_every_combination_has_its_own_reason() -> None:
    reasons = {advise(a, n).reason for a in (True, False) for n in (True, False)}
    assert len(reasons) == 4
    assert QUESTIONS == ("Can I do something about it?", "Would the interviewer have noticed?")


def _unsorted_only(repo: Repository) -> tuple[str, str]:
    interview = seed_interview(repo, with_concerns=False)
    concern = repo.add(Concern(interview_id=interview.id, text="Stumbled over the system design part"))
    return interview.id, concern.id


async def _open_board(app: FollowupApp, pilot, interview_id: str) -> None:  # type: ignore[no-untyped-def]
    app.open_screen("board", interview_id)
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize(("actionable", "noticed", "kind", "action"), COMBINATIONS)
async def test_dialog_suggests_and_enter_accepts(
    repo: Repository, actionable: bool, noticed: bool, kind: str, action: str
) -> None:
    interview_id, concern_id = _unsorted_only(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_board(app, pilot, interview_id)
        await pilot.press("t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, TriageDialog)
        await pilot.press("y" if actionable else "n", "y" if noticed else "n")
        await pilot.pause()
        shown = str(dialog.query_one("#advice").render())
        assert advise(actionable, noticed).reason in shown
        assert ("Actual error" if kind == "error" else "Worry") in shown
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.title == "Worry vs. actual error"
        app.saver.flush()
    stored = repo.get(Concern, concern_id)
    assert (stored.kind, stored.action) == (kind, action)


async def test_user_can_overrule_and_take_back_an_answer(repo: Repository) -> None:
    interview_id, concern_id = _unsorted_only(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await _open_board(app, pilot, interview_id)
        await pilot.press("t", "y", "backspace", "n", "n")
        await pilot.pause()
        assert isinstance(app.screen, TriageDialog)
        assert app.screen.answers == [False, False]
        assert app.screen.advice_kind() == "worry"
        await pilot.press("e")  # overrule: an actual error after all
        await pilot.pause()
        app.saver.flush()
    stored = repo.get(Concern, concern_id)
    assert stored.kind == "error"
    assert stored.action == ""  # the suggested action belonged to the other column


async def test_escape_leaves_the_concern_unsorted(repo: Repository) -> None:
    interview_id, concern_id = _unsorted_only(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await _open_board(app, pilot, interview_id)
        await pilot.press("t", "y", "y", "escape")
        await pilot.pause()
        app.saver.flush()
    assert repo.get(Concern, concern_id).kind == "unsorted"
