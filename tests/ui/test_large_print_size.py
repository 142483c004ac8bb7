"""Large print reads larger than the card screen at 60x20 and 100x30: bold, letter-spaced lines
that fill the width, and the arrows still step (and scroll) to the last line."""

from __future__ import annotations

from typing import cast

import pytest
from textual.app import App
from textual.containers import VerticalScroll

from followup_tui.domain.text import cell_width
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.large import LargePrint, LargePrintDialog
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import until

CARD = (
    "Dear Sam,\n\nMany thanks for your time on Tuesday and for our conversation about the "
    "Backend engineer role at Northwind Labs. I particularly enjoyed hearing how billing will "
    "move onto event streams next spring.\n\nTwo points are worth adding to what I said. I led "
    "the Postgres upgrade at my last job, from planning to the night of the switch.\n\n"
    "I want to build the systems people trust with "
    "their bills.\n\nBest wishes,\nJo Rivera"
)


@pytest.mark.parametrize("size", [(60, 20), (100, 30)])
async def test_large_print_is_letter_spaced_bold_and_fills_the_width(
    repo: Repository, size: tuple[int, int]
) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        app.push_screen(LargePrintDialog(CARD, "Sam"))
        assert await until(pilot, lambda: bool(app.screen.query(LargePrint)))
        await pilot.pause()
        text = screen_text(cast("App[object]", app))
        assert "D e a r   S a m ," in text
        assert "J o   R i v e r a" in text or "Jo Rivera" not in text  # spread, or below the fold
        card = app.screen.query_one(LargePrint)
        assert card.styles.text_style.bold
        shown = [line for line in str(card.render()).splitlines() if line.strip()]
        widest = max(cell_width(line) for line in shown)
        assert widest >= card.content_region.width - 8, (widest, card.content_region.width)


async def test_large_print_at_60x20_scrolls_with_the_arrows_to_the_signature(repo: Repository) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(LargePrintDialog(CARD, "Sam"))
        assert await until(pilot, lambda: bool(app.screen.query(LargePrint)))
        await pilot.pause()
        scroll = app.screen.query_one(VerticalScroll)
        card = app.screen.query_one(LargePrint)
        assert card.size.height > scroll.scrollable_content_region.height  # taller than the screen
        for _ in card.word_rows():
            await pilot.press("down")
        assert await until(pilot, lambda: "J o   R i v e r a" in screen_text(cast("App[object]", app)))
        assert scroll.scroll_y > 0
