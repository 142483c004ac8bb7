"""Notifications at 60x20: repeats merged into one, never over the focused control."""

from __future__ import annotations

from textual.widgets._toast import Toast

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.insights.outcome import OutcomeDialog, SettlePredictionsDialog
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def toasts(app: FollowupApp) -> list[str]:
    """The messages of the notifications on screen."""
    return [str(toast.render()) for toast in app.screen.query(Toast)]


async def test_deleting_four_concerns_shows_one_counted_notification(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    for n in range(5):
        repo.add(Concern(interview_id=interview.id, text=f"Worry {n}", kind="worry"))
    app = make_app(repo)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.press("b")
        assert await until(pilot, lambda: bool(app.screen.query("#col-worry")))
        await pilot.press("x", "x", "x", "x")
        assert await until(pilot, lambda: any("4 concerns deleted, u undoes" in t for t in toasts(app)))
        await settle(app, pilot)
        assert len(toasts(app)) == 1, toasts(app)
    assert len(repo.children(Concern, interview.id)) == 1


async def test_the_same_message_again_is_counted_not_stacked(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        for _ in range(3):
            app.notify("Copied to the clipboard.")
        assert await until(pilot, lambda: toasts(app) == ["Copied to the clipboard. (×3)"]), toasts(app)


async def test_a_notification_never_covers_the_focused_buttons(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    for text in ("They will say I am too junior", "No reply in a week"):
        repo.add(Concern(interview_id=interview.id, text=text, kind="worry", prediction=True))
    app = make_app(repo)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await app.push_screen(OutcomeDialog(interview.id))
        await pilot.press("o")  # an offer: the outcome is recorded, then the predictions are asked
        assert await until(pilot, lambda: isinstance(app.screen, SettlePredictionsDialog))
        assert await until(pilot, lambda: bool(toasts(app)))
        await pilot.pause()
        focused = app.focused
        assert focused is not None
        for toast in app.screen.query(Toast):
            assert not toast.region.overlaps(focused.region), (toast.region, focused.region)


async def test_a_notification_moves_to_the_top_when_the_focus_is_at_the_bottom(repo: Repository) -> None:
    from textual.widgets import Button

    app = make_app(repo)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: bool(app.screen.query("#save")))
        app.screen.query_one("#save", Button).focus()  # the form's last control, at the bottom
        await pilot.pause()
        focused = app.focused
        assert focused is not None and focused.region.bottom > 15
        app.notify("A message long enough to take two lines on a small phone terminal, or more.")
        assert await until(pilot, lambda: bool(toasts(app)))
        await pilot.pause()
        for toast in app.screen.query(Toast):
            assert not toast.region.overlaps(focused.region), (toast.region, focused.region)


async def test_the_focus_moving_while_the_app_closes_places_nothing(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    assert not app.screen_stack
    app.notices.place()  # a focus event during shutdown raised ScreenStackError here
