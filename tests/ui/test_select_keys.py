"""Dropdowns pick by first letter while closed, and enter saves a dialog whose hint says so."""

from __future__ import annotations

from textual.widgets import Select

from followup_tui.domain.models import Interview, Question
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from followup_tui.ui.screens.prep.dialogs import PrepTextDialog
from followup_tui.ui.screens.prep.prep import PrepScreen
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


async def open_add_question(app: FollowupApp, pilot: object, repo: Repository) -> str:
    """Open Prep on a new interview and its "Add a question" dialog; return the interview id."""
    iid = repo.add(Interview(company="Acme", role="Engineer", when="2026-11-27 10:00")).id
    await app.push_screen(PrepScreen(iid))
    await pilot.press("a")  # type: ignore[attr-defined]
    assert await until(pilot, lambda: isinstance(app.screen, PrepTextDialog))
    return iid


async def test_enter_after_picking_a_category_saves_the_question(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        iid = await open_add_question(app, pilot, repo)
        await pilot.press(*"Who sets the roadmap?", "tab")
        category = app.screen.query_one("#dialog-category", Select)
        assert await until(pilot, lambda: category.has_focus)
        await pilot.press("down")  # opens the menu
        assert await until(pilot, lambda: category.expanded)
        await pilot.press("down", "enter")  # picks the first category
        assert await until(pilot, lambda: not category.expanded and category.value == "role")
        await pilot.press("enter")  # the hint says enter saves
        assert await until(pilot, lambda: isinstance(app.screen, PrepScreen))
        await settle(app, pilot)
    (question,) = repo.children(Question, iid)
    assert (question.text, question.category) == ("Who sets the roadmap?", "role")


async def test_a_letter_picks_a_category_without_opening_the_menu(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        iid = await open_add_question(app, pilot, repo)
        await pilot.press(*"How big is the team?", "tab", "t")
        category = app.screen.query_one("#dialog-category", Select)
        assert await until(pilot, lambda: category.value == "team")
        assert not category.expanded
        await pilot.press("enter")
        assert await until(pilot, lambda: isinstance(app.screen, PrepScreen))
        await settle(app, pilot)
    (question,) = repo.children(Question, iid)
    assert question.category == "team"


async def test_the_format_is_picked_by_its_first_letter(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n", *"Acme")
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        form = app.screen
        fmt = form.query_one("#format", Select)
        fmt.focus()
        await pilot.press("v")
        assert await until(pilot, lambda: fmt.value == "video")
        await pilot.press("p")
        assert await until(pilot, lambda: fmt.value == "phone")
        await pilot.press("O")
        assert await until(pilot, lambda: fmt.value == "onsite")
        await pilot.press("z")  # no format starts with z: nothing changes, no menu
        assert fmt.value == "onsite" and not fmt.expanded
        await pilot.press("v", "ctrl+s")
        assert await until(pilot, lambda: not isinstance(app.screen, InterviewFormDialog))
        await settle(app, pilot)
    (stored,) = repo.interviews()
    assert stored.format == "video"
