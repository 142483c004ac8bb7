"""The card screen at 60x20: how the card greets its recipient (g), its language, a live count."""

from __future__ import annotations

from textual.widgets import Input, Static, TextArea

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from followup_tui.ui.screens.card.sentence import SentenceDialog
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import settle, until


async def test_g_writes_how_the_card_greets_its_recipient(repo: Repository) -> None:
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("card", interview.id)
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert app.screen.query_one(TextArea).text.splitlines()[0] in ("Dear Sam,", "Hello Sam,")
        await pilot.press("g")
        assert await until(pilot, lambda: isinstance(app.screen, SentenceDialog))
        box = app.screen.query_one(Input)
        assert box.value == "Sam"  # what the card says now, to change
        box.value = "Mr. Okafor"
        await pilot.press("enter")
        await settle(app, pilot)
        assert await until(pilot, lambda: isinstance(app.screen, CardScreen))
        assert await until(pilot, lambda: app.screen.query_one(TextArea).text.startswith("Dear Mr. Okafor,"))
    stored = repo.get(Interview, interview.id).interviewers[0]
    assert stored.name == "Sam Okafor" and stored.address == "Mr. Okafor"


async def test_the_card_screen_shows_the_cards_language(repo: Repository) -> None:
    interview = fill_card_data(repo)
    repo.update(Interview, interview.id, language="es")
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("card", interview.id)
        await pilot.pause()
        assert "Español" in str(app.screen.query_one("#card-to", Static).content)
        assert app.screen.query_one(TextArea).text.startswith(
            ("Hola, Sam Okafor:", "Buenos días, Sam Okafor:")
        )


async def test_a_sentence_is_written_with_a_live_count_of_the_room_left(repo: Repository) -> None:
    interview = fill_card_data(repo, written=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("card", interview.id)
        await pilot.pause()
        await pilot.press("m")
        assert await until(pilot, lambda: isinstance(app.screen, SentenceDialog))
        count = app.screen.query_one("#sentence-count", Static)
        assert str(count.content).startswith("0 words · the card has room for about ")
        app.screen.query_one(Input).value = " ".join(["word"] * 120)
        await pilot.pause()
        assert "120 words" in str(count.content) and "shorten it by" in str(count.content)
        assert count.has_class("-over")
        await pilot.press("escape")
    assert all(not c.to_know.startswith("word") for c in repo.children(Concern, interview.id))
