"""Format follows Where: a video link as where makes an on-site interview a video one, and the
checklist and the sheet follow (at 60x20)."""

from __future__ import annotations

from textual.widgets import Input, Select

from followup_tui.domain.models import ChecklistItem, Interview
from followup_tui.services.bank import starter_checklist
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until

LINK = "https://meet.example.com/abc-defg-hij"


async def test_a_video_link_as_where_makes_the_format_video(repo: Repository) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "company")
        await pilot.press(*"Initech")
        app.screen.query_one("#when", Input).value = "2026-11-20 10:00"
        app.screen.query_one("#location", Input).focus()
        await pilot.press(*LINK)
        await settle(app, pilot)
        assert app.screen.query_one("#format", Select).value == "video"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert await until(pilot, lambda: len(repo.interviews()) == 1)
        (stored,) = repo.interviews()
        assert (stored.format, stored.location) == ("video", LINK)
        await pilot.press("p")  # the checklist is a video one: no route, no printed CVs
        await settle(app, pilot)
    texts = [item.text for item in repo.children(ChecklistItem, stored.id)]
    assert texts == list(starter_checklist("video")) != list(starter_checklist("onsite"))


async def test_a_phone_interview_stays_a_phone_one(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00", format="phone"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        assert await until(pilot, lambda: bool(app.screen.query("#location")))
        app.screen.query_one("#location", Input).value = LINK
        await settle(app, pilot)
        assert app.screen.query_one("#format", Select).value == "phone"
    assert repo.get(Interview, interview.id).format == "phone"


async def test_enter_through_the_form_puts_a_link_in_where_and_the_format_follows(repo: Repository) -> None:
    """Enter on Format moves on as on every field: the link typed next goes into Where (it
    opened the menu, and the link's letters picked a format there)."""
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "company")
        await pilot.press(*"Initech", "enter", "enter", *"2026-11-20 10:00", "enter", "enter")
        await settle(app, pilot)
        assert isinstance(app.focused, Select) and app.focused.id == "format"
        await pilot.press("enter")
        await settle(app, pilot)
        assert not app.screen.query_one("#format", Select).expanded
        await pilot.press(*LINK, "enter")
        await settle(app, pilot)
        assert app.screen.query_one("#location", Input).value == LINK
        assert app.screen.query_one("#format", Select).value == "video"


async def test_space_still_opens_the_format_menu(repo: Repository) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("n")
        assert await until(pilot, lambda: isinstance(app.focused, Input) and app.focused.id == "company")
        app.screen.query_one("#format", Select).focus()
        await pilot.press("space")
        await settle(app, pilot)
        assert app.screen.query_one("#format", Select).expanded
