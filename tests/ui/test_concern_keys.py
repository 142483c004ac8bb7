"""The concern dialog by keyboard: focus where the dialog starts, choices in one key, at 60x20."""

from __future__ import annotations

import pytest
from textual.containers import VerticalScroll
from textual.widgets import Checkbox, TextArea

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.board.choices import ChoiceList
from followup_tui.ui.screens.board.concern_dialog import ConcernDialog
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


async def open_concern(app: FollowupApp, pilot: object, column_keys: tuple[str, ...]) -> ConcernDialog:
    """From home: the board, the column, then enter on its first concern."""
    await pilot.press("b")  # type: ignore[attr-defined]
    assert await until(pilot, lambda: bool(app.screen.query("#col-worry")))
    await pilot.press(*column_keys, "enter")  # type: ignore[attr-defined]
    assert await until(pilot, lambda: isinstance(app.screen, ConcernDialog))
    dialog = app.screen
    assert isinstance(dialog, ConcernDialog)
    return dialog


async def test_a_worry_dialog_opens_on_the_balanced_thought(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    worry = repo.add(Concern(interview_id=interview.id, text="They looked bored", kind="worry"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        dialog = await open_concern(app, pilot, ())
        thought = dialog.query_one("#balanced_thought", TextArea)
        assert thought.region.bottom <= 19, thought.region  # in view, above the footer
        assert app.focused is not None and app.focused.id == "balanced_thought"
        await pilot.press(*"It was late", "space", *"in the day")
        await pilot.press("escape")
        await settle(app, pilot)
    stored = repo.get(Concern, worry.id)
    assert stored.text == "They looked bored"  # nothing appended to the concern ("…boredIt was")
    assert stored.balanced_thought == "It was late in the day"
    assert stored.traps == []  # no space went into the trap list


async def test_sort_and_action_of_an_error_take_one_key_each(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    error = repo.add(Concern(interview_id=interview.id, text="Wrong queue figure", kind="error"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        dialog = await open_concern(app, pilot, ("right",))
        assert app.focused is dialog.query_one("#error_kind")  # where the label's keys work
        await pilot.press("4")  # the sort: 4 is "An answer I gave"
        kinds = dialog.query_one("#error_kind", ChoiceList)
        assert kinds.value == "answer"
        frame = dialog.query_one(VerticalScroll).region
        assert frame.contains_region(kinds.region)  # in the dialog, not a dropdown over it
        await pilot.press("tab", "s")  # the action: s is "Send an email"
        assert dialog.query_one("#action", ChoiceList).value == "send-email"
        await pilot.press("l")  # another letter changes it: "Let it go"
        await pilot.press("escape")
        await settle(app, pilot)
    stored = repo.get(Concern, error.id)
    assert (stored.error_kind, stored.action) == ("answer", "let-go")
    assert stored.text == "Wrong queue figure"  # no "4" typed into the concern


async def test_how_sure_takes_one_digit_and_stays_inside_the_dialog(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    worry = repo.add(
        Concern(interview_id=interview.id, text="They will say no", kind="worry", prediction=True)
    )
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        dialog = await open_concern(app, pilot, ())
        sure = dialog.query_one("#confidence", ChoiceList)
        sure.focus()
        await pilot.press("4")  # the fourth line: 70%
        await settle(app, pilot)
        frame = dialog.query_one(VerticalScroll)
        sure.scroll_visible(animate=False)
        await pilot.pause()
        assert frame.region.contains_region(sure.region)  # in the frame, not a list over its border
        await pilot.press("escape")
        await settle(app, pilot)
    assert repo.get(Concern, worry.id).confidence == 70


@pytest.fixture(params=[None, 0.3], ids=["frames-as-textual", "frames-of-0.3s"])
def frame_period(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Textual's frame (1/60 s), or a slow one: a screen is laid out a frame after its messages,
    and at 0.3 s keys typed at once always come before the layout (at 1/60 s, in about half the
    runs), so a test that depends on that order fails every time it is wrong."""
    if request.param is not None:
        import textual.screen

        monkeypatch.setattr(textual.screen, "UPDATE_PERIOD", request.param)


@pytest.mark.usefixtures("frame_period")
async def test_keys_typed_fast_after_a_choice_reach_the_field_it_shows(repo: Repository) -> None:
    """'1' (clarify in the card) shows "what I want them to know": tab and the words typed at
    once go there, never onto the Resolved box (where each space ticked it)."""
    from tests.helpers.keys import type_fast

    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    error = repo.add(Concern(interview_id=interview.id, text="Mentoring", kind="error"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        dialog = await open_concern(app, pilot, ("right",))
        dialog.query_one("#action", ChoiceList).focus()
        await pilot.pause()
        type_fast(app, "1", "tab", *"I mentor two juniors", "escape")
        await settle(app, pilot)
    stored = repo.get(Concern, error.id)
    assert (stored.action, stored.to_know, stored.resolved) == (
        "clarify-in-card",
        "I mentor two juniors",
        False,
    )


@pytest.mark.parametrize("frame_period", [0.3], ids=["frames-of-0.3s"], indirect=True)
@pytest.mark.usefixtures("frame_period")
async def test_a_tab_after_a_choice_handled_waits_for_the_field_to_have_its_place(repo: Repository) -> None:
    """'1' handled, only the layout still to come: a tab then goes to "What I want them to
    know", which has no place on the screen until laid out (Textual orders the focus by place,
    so the tab went on to Resolved)."""
    from tests.helpers.keys import type_fast
    from tests.helpers.wait import handled

    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    error = repo.add(Concern(interview_id=interview.id, text="Mentoring", kind="error"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        dialog = await open_concern(app, pilot, ("right",))
        choices = dialog.query_one("#action", ChoiceList)
        choices.focus()
        await pilot.pause()
        to_know = dialog.query_one("#to_know", TextArea)
        resolved = dialog.query_one("#resolved", Checkbox)
        type_fast(app, "1")
        assert await handled(app, lambda: to_know.display)
        type_fast(app, "tab")  # alone: with keys behind it in the app's queue, it waits anyway
        assert await handled(app, lambda: app.key_order.idle and app.focused is not choices)
        type_fast(app, *"I mentor")
        assert await handled(app, lambda: app.key_order.idle and (to_know.text or resolved.value))
        await settle(app, pilot)
    stored = repo.get(Concern, error.id)
    assert (stored.action, stored.to_know, stored.resolved) == ("clarify-in-card", "I mentor", False)
