"""Chinese, Japanese and emoji take two cells: large print and the debrief lists count cells."""

from __future__ import annotations

from followup_tui.domain.models import Clarification, Interview
from followup_tui.domain.text import cell_width
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.large import MARK, LargePrint, LargePrintDialog
from followup_tui.ui.screens.debrief.lists import ClarificationList
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until

JAPANESE = "面接の機会をいただきありがとうございました。チームの皆様によろしくお伝えください。🙏🙏🙏"
CHINESE = "我们讨论了数据平台的架构以及如何处理高峰期的流量问题和分区策略的细节"


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


async def test_a_wide_clarification_wraps_under_itself_within_the_screen(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    clarification = Clarification(question=CHINESE, said=JAPANESE, should_have=CHINESE)
    repo.update_debrief(interview.id, clarifications=[clarification])
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: bool(app.screen.query(ClarificationList)))
        await settle(app, pilot)
        clarifications = app.screen.query_one(ClarificationList)

        def lines() -> list[str]:
            return str(clarifications.get_option_at_index(0).prompt).splitlines()

        assert await until(pilot, lambda: len(lines()) > 3)
        assert all(cell_width(line) <= 58 for line in lines()), [cell_width(line) for line in lines()]
