"""The board's "What I want them to know" counts its words against the card's room, live (issue 26)."""

from __future__ import annotations

from textual.widgets import Static, TextArea

from followup_tui.domain.models import Concern
from followup_tui.services.card_inputs import room_to_know
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.board.board import BoardScreen
from followup_tui.ui.screens.board.concern_dialog import ConcernDialog
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import seed_interview
from tests.helpers.wait import until


async def test_the_count_follows_what_is_typed_as_the_card_screens_m_does(repo: Repository) -> None:
    interview = seed_interview(repo)
    error = next(c for c in repo.children(Concern, interview.id) if c.action == "clarify-in-card")
    room = room_to_know(repo, error, FIXED_NOW)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("board", interview.id)
        assert await until(pilot, lambda: isinstance(app.screen, BoardScreen))
        await pilot.pause()
        await pilot.press("tab", "tab", "enter")  # the errors column, its first error
        assert await until(pilot, lambda: isinstance(app.screen, ConcernDialog))
        line = app.screen.query_one("#to-know-count", Static)
        assert str(line.render()) == f"0 words · the card has room for about {room} here · fits"
        box = app.screen.query_one("#to_know", TextArea)
        box.load_text("I ran the on-call rota for two years.")
        assert await until(pilot, lambda: str(line.render()).startswith("8 words ·"))
        assert not line.has_class("-over")
        box.load_text(" ".join(["word"] * (room + 3)))
        assert await until(pilot, lambda: str(line.render()).endswith("shorten it by 3 to fit"))
        assert line.has_class("-over")
