"""The concern dialog's own words: what I want them to know (errors), a prediction and how sure (worries)."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from followup_tui.domain.models import Clarification, Concern, Debrief, Question
from followup_tui.domain.suggestions import all_suggestions
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.board.choices import ChoiceList
from followup_tui.ui.screens.board.concern_dialog import ConcernDialog
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import seed_interview
from tests.helpers.wait import settle, until


async def open_dialog(app: FollowupApp, pilot: object, concern: Concern) -> ConcernDialog:
    app.open_screen("board", concern.interview_id)
    await pilot.pause()  # type: ignore[attr-defined]
    changes = app.screen.apply_dialog_change  # type: ignore[attr-defined]
    await app.push_screen(ConcernDialog(concern, changes))
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, ConcernDialog)
    return app.screen


async def test_what_i_want_them_to_know_is_asked_for_card_errors_only(repo: Repository) -> None:
    interview = seed_interview(repo)
    error = repo.add(Concern(interview_id=interview.id, text="Rambled on system design", kind="error"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_dialog(app, pilot, error)
        to_know = dialog.query_one("#to_know", TextArea)
        assert not to_know.display
        await pilot.press("tab", "1")  # from the sort to the action: 1 for "Clarify in the card"
        await pilot.pause()
        assert to_know.display
        to_know.load_text("I would start from the data model next time.")
        await pilot.pause()
        await pilot.press("escape")
        await settle(app, pilot)
    stored = repo.get(Concern, error.id)
    assert (
        stored.action == "clarify-in-card"
        and stored.to_know == "I would start from the data model next time."
    )


async def test_a_prediction_in_my_words_with_how_sure(repo: Repository) -> None:
    interview = seed_interview(repo)
    worry = repo.add(
        Concern(interview_id=interview.id, text="Maya frowned at my salary answer", kind="worry")
    )
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        dialog = await open_dialog(app, pilot, worry)
        words = dialog.query_one("#prediction_text", Input)
        assert not words.display
        dialog.query_one("#prediction").value = True  # type: ignore[attr-defined]
        assert await until(pilot, lambda: words.display)
        words.value = "They will turn me down over my salary answer"
        dialog.query_one("#confidence", ChoiceList).value = "70"
        await pilot.pause()
        await pilot.press("escape")
        await settle(app, pilot)
    stored = repo.get(Concern, worry.id)
    assert stored.prediction and stored.confidence == 70
    assert stored.prediction_text == "They will turn me down over my salary answer"


def test_an_answer_to_clarify_brings_what_i_should_have_said() -> None:
    debrief = Debrief(
        id="i1",
        interview_id="i1",
        clarifications=[
            Clarification("Why Go?", "Because it is fast.", "I chose Go for its tooling and tests.")
        ],
    )
    found = [s for s in all_suggestions(debrief, list[Question](), True) if s.key.startswith("clarify:")]
    concern = found[0].to_concern("i1")
    assert concern.action == "clarify-in-card" and concern.to_know == "I chose Go for its tooling and tests."
