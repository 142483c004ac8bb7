"""Chinese, Japanese and emoji take two cells: large print counts cells (the debrief's lists:
``test_debrief_wrap``)."""

from __future__ import annotations

from followup_tui.domain.text import cell_width
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.large import MARK, LargePrint, LargePrintDialog
from tests.conftest import FIXED_NOW
from tests.helpers.wait import until
from tests.ui.test_debrief_wrap import CHINESE, JAPANESE


async def test_large_print_wraps_wide_text_to_the_cells_it_has(repo: Repository) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.push_screen(LargePrintDialog(f"{JAPANESE}\n\n{CHINESE}", "Zoë"))
        assert await until(pilot, lambda: bool(app.screen.query(LargePrint)))
        await pilot.pause()
        card = app.screen.query_one(LargePrint)
        room = card.content_region.width - len(MARK)
        lines = [line for line in card.lines() if line]
        assert "".join(lines) == JAPANESE + CHINESE  # nothing lost in the wrapping
        assert all(cell_width(line) <= room for line in lines), [cell_width(line) for line in lines]
        assert max(cell_width(line) for line in lines) > room - 4  # lines are filled, not halved
