"""The outcome dialog: record what happened, then settle the predictions of that interview."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Button, OptionList, Static

from followup_tui.domain.models import Concern, Interview
from followup_tui.services.actions import open_predictions
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.insights.outcome import OutcomeDialog, SettlePredictionsDialog
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle as settle_app

HOSTILE = "[@click=app.quit]Gotcha[/] and [b]bold[/b]"


def make_app(repo: Repository) -> FollowupApp:
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def add_interview(repo: Repository, company: str = "Elm Street Data") -> Interview:
    return repo.add(Interview(company=company, when="2026-11-20 10:00", notes="bring the portfolio"))


def add_predictions(repo: Repository, iid: str) -> tuple[str, str, str, str]:
    """Two open predictions, one already settled, one plain worry; returns their ids."""
    first = repo.add(
        Concern(
            interview_id=iid,
            text="Felt junior next to the panel",
            kind="worry",
            prediction=True,
            prediction_text="They will say I am too junior",
            confidence=70,
        )
    )
    second = repo.add(Concern(interview_id=iid, text=HOSTILE, kind="worry", prediction=True))
    settled = repo.add(
        Concern(interview_id=iid, text="No reply in a week", prediction=True, prediction_result="did-not")
    )
    plain = repo.add(Concern(interview_id=iid, text="The coffee was cold", kind="worry"))
    return first.id, second.id, settled.id, plain.id


async def settle(pilot: Pilot[None]) -> None:
    """Wait until the dialog's writes are done and the screens have caught up."""
    for _ in range(2):  # the outcome, then the answers saved once its dialog goes on
        await settle_app(pilot.app, pilot)
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


def shown(screen: Screen[Any], selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def test_open_predictions_are_the_unsettled_ones() -> None:
    concerns = [
        Concern(id="a", text="x", prediction=True),
        Concern(id="b", text="x", prediction=True, prediction_result="came-true"),
        Concern(id="c", text="x"),
    ]
    assert [c.id for c in open_predictions(concerns)] == ["a"]


async def test_record_an_outcome_with_one_key(repo: Repository) -> None:
    interview = add_interview(repo)
    app = make_app(repo)
    results: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id), results.append)
        await pilot.pause()
        assert "Elm Street Data" in shown(app.screen, "#outcome-title")
        repo.update(Interview, interview.id, notes="changed elsewhere meanwhile")
        await pilot.press("a")
        await settle(pilot)
        assert results == ["advanced"]
        stored = repo.get(Interview, interview.id)
        assert stored.outcome == "advanced"
        assert stored.notes == "changed elsewhere meanwhile"  # only the outcome field was written
        note = list(app._notifications)[-1]
        assert (note.title, note.message) == ("Outcome recorded", "Elm Street Data: Advanced")
        await app.push_screen(OutcomeDialog(interview.id), results.append)  # shown when reopened
        await pilot.pause()
        options = app.screen.query_one("#outcome-list", OptionList)
        assert options.highlighted is not None
        assert options.get_option_at_index(options.highlighted).id == "advanced"


async def test_record_an_outcome_from_the_list(repo: Repository) -> None:
    interview = add_interview(repo)
    app = make_app(repo)
    results: list[str | None] = []
    async with app.run_test(size=(60, 20)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id), results.append)
        await pilot.pause()
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert results == ["offer"]
        assert repo.get(Interview, interview.id).outcome == "offer"


async def test_escape_cancels_without_writing(repo: Repository) -> None:
    interview = add_interview(repo)
    app = make_app(repo)
    results: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id), results.append)
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert results == [None]
        assert repo.get(Interview, interview.id).outcome == "pending"


async def test_settle_each_open_prediction(repo: Repository) -> None:
    interview = add_interview(repo)
    first, second, settled, plain = add_predictions(repo, interview.id)
    app = make_app(repo)
    results: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id), results.append)
        await pilot.pause()
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SettlePredictionsDialog)
        assert shown(screen, "#settle-count") == "You predicted (1 of 2, 70% sure):"
        assert shown(screen, "#settle-text") == "They will say I am too junior"
        await pilot.press("y")
        await settle(pilot)
        assert shown(screen, "#settle-count") == "Your worry, kept as a prediction (2 of 2):"
        assert shown(screen, "#settle-text") == HOSTILE  # literally, never as markup
        await pilot.press("n")
        await settle(pilot)
        assert results == ["rejected"]
        assert not isinstance(app.screen, (SettlePredictionsDialog, OutcomeDialog))
        assert repo.get(Interview, interview.id).outcome == "rejected"
        assert repo.get(Concern, first).prediction_result == "came-true"
        assert repo.get(Concern, second).prediction_result == "did-not"
        assert repo.get(Concern, settled).prediction_result == "did-not"
        assert repo.get(Concern, plain).prediction_result == ""
        assert list(app._notifications)[-1].message == "Settled 2 of 2 predictions."


async def test_skip_and_stop_leave_predictions_open(repo: Repository) -> None:
    interview = add_interview(repo)
    first, second, _settled, _plain = add_predictions(repo, interview.id)
    app = make_app(repo)
    results: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id), results.append)
        await pilot.pause()
        await pilot.press("o", "s")
        await settle(pilot)
        assert shown(app.screen, "#settle-count") == "Your worry, kept as a prediction (2 of 2):"
        await pilot.press("escape")
        await settle(pilot)
        assert results == ["offer"]
        assert repo.get(Interview, interview.id).outcome == "offer"
        assert repo.get(Concern, first).prediction_result == ""
        assert repo.get(Concern, second).prediction_result == ""


async def test_buttons_answer_too(repo: Repository) -> None:
    interview = add_interview(repo)
    first, *_ = add_predictions(repo, interview.id)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id))
        await pilot.pause()
        await pilot.press("w")
        await settle(pilot)
        await pilot.click("#answer-n")
        await settle(pilot)
        app.saver.flush()
        assert repo.get(Concern, first).prediction_result == "did-not"
        assert app.screen.query_one("#answer-s", Button).has_focus


async def test_pending_does_not_ask_about_predictions(repo: Repository) -> None:
    interview = repo.add(Interview(company="Fir Tree", outcome="rejected"))
    first, *_ = add_predictions(repo, interview.id)
    app = make_app(repo)
    results: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id), results.append)
        await pilot.pause()
        await pilot.press("p")
        await settle(pilot)
        assert results == ["pending"]
        assert not isinstance(app.screen, SettlePredictionsDialog)
        assert repo.get(Interview, interview.id).outcome == "pending"
        assert repo.get(Concern, first).prediction_result == ""


async def test_hostile_company_shows_literally(repo: Repository) -> None:
    interview = add_interview(repo, company=HOSTILE)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id))
        await pilot.pause()
        assert shown(app.screen, "#outcome-title") == f"What happened after {HOSTILE}?"
        await pilot.press("n")
        await settle(pilot)
        assert list(app._notifications)[-1].message == f"{HOSTILE}: No response"
        assert app.is_running
        assert repo.get(Interview, interview.id).outcome == "no-response"


async def test_a_missing_interview_closes_the_dialog(repo: Repository) -> None:
    app = make_app(repo)
    results: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(OutcomeDialog("gone1"), results.append)
        await pilot.pause()
        assert results == [None]
        assert not isinstance(app.screen, OutcomeDialog)


async def test_o_on_the_home_screen_records_and_shows_the_outcome(repo: Repository) -> None:
    from textual.widgets import DataTable

    interview = add_interview(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        home.select(interview.id)  # type: ignore[attr-defined]
        await pilot.press("o")
        await pilot.pause()
        assert isinstance(app.screen, OutcomeDialog)
        await pilot.press("a")
        await settle(pilot)
        assert app.screen is home
        assert repo.get(Interview, interview.id).outcome == "advanced"
        table = home.query_one(DataTable)
        assert str(table.get_cell(interview.id, "outcome")).strip() == "advanced"


async def test_the_outcome_and_its_predictions_hold_on_a_terminal_ten_columns_wide(repo: Repository) -> None:
    interview = add_interview(repo)
    add_predictions(repo, interview.id)
    app = make_app(repo)
    async with app.run_test(size=(10, 3)) as pilot:
        await app.push_screen(OutcomeDialog(interview.id))
        await pilot.pause()
        assert isinstance(app.screen, OutcomeDialog)
        await pilot.press("o")
        await settle(pilot)
        assert isinstance(app.screen, SettlePredictionsDialog)
        await pilot.resize_terminal(4, 2)
        await pilot.pause()
        assert app.return_code is None  # no crash: the app is still running
    assert repo.get(Interview, interview.id).outcome == "offer"
