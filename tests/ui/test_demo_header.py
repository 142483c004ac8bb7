"""The demo mark fits a phone's 60 columns: it takes the header icon's place, so titles stay whole."""

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
        await pilot.press("b")  # the board of the latest interview, its company in the title
        assert await until(pilot, lambda: "Worry vs. actual error" in header(app))
        assert "DEMO" in header(app) and "…" not in header(app), header(app)
        assert "Copperleaf Health" in header(app)


async def test_the_words_beside_the_title_follow_a_resize(repo: Repository) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    app.demo = True
    async with app.run_test(size=(60, 20)) as pilot:
        assert await until(pilot, lambda: "Interviews" in header(app))
        assert "sample data" not in header(app)
        await pilot.resize_terminal(100, 30)
        assert await until(pilot, lambda: "sample data, deleted on quit" in header(app)), header(app)
        await pilot.resize_terminal(60, 20)
        assert await until(pilot, lambda: "sample data" not in header(app)), header(app)
