"""The demo mark fits a phone's 60 columns: below 80 it is the badge alone, so the title stays whole."""

from __future__ import annotations

from typing import cast

import pytest
from textual.app import App

from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import until


def header(app: FollowupApp) -> str:
    """The first line on screen: the header."""
    return screen_text(cast("App[object]", app)).splitlines()[0]


@pytest.mark.parametrize(("size", "suffix"), [((60, 20), False), ((100, 30), True)], ids=["narrow", "wide"])
async def test_the_demo_mark_keeps_the_title_whole(
    repo: Repository, size: tuple[int, int], suffix: bool
) -> None:
    fill_demo(repo, FIXED_NOW)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    app.demo = True
    async with app.run_test(size=size) as pilot:
        assert await until(pilot, lambda: "Interviews" in header(app))
        assert "DEMO" in header(app) and "…" not in header(app)
        assert ("sample data, deleted on quit" in header(app)) is suffix
        await pilot.press("i")  # another screen: still marked, its title whole
        assert await until(pilot, lambda: "Insights" in header(app))
        assert "DEMO" in header(app) and "…" not in header(app), header(app)
