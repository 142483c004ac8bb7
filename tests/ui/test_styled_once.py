"""Opening a screen styles each widget as it mounts and once more as the screen is shown (the
home screen, as the app starts, only as they mount), no more: each extra pass over a screen's
widgets is time before its first frame."""

from __future__ import annotations

from typing import Any

import pytest
from textual.css.stylesheet import Stylesheet
from textual.widget import Widget
from textual.widgets import Header

from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from followup_tui.ui.screens.debrief.debrief import DebriefScreen
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.insights.bars import InsightsBars
from followup_tui.ui.screens.insights.insights import InsightsScreen
from followup_tui.ui.widgets.text_box import TextBox
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import seed_interview
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import settle, until
from tests.ui.test_insights_screen import fill


def count_styling(monkeypatch: pytest.MonkeyPatch, kind: type[Widget]) -> dict[int, int]:
    """How many times each widget of ``kind`` is styled from now on, by ``id``."""
    styled: dict[int, int] = {}
    apply = Stylesheet.apply

    def counting_apply(sheet: Stylesheet, node: Any, *args: Any, **kwargs: Any) -> None:
        if isinstance(node, kind):
            styled[id(node)] = styled.get(id(node), 0) + 1
        apply(sheet, node, *args, **kwargs)

    monkeypatch.setattr(Stylesheet, "apply", counting_apply)
    return styled


async def test_the_debrief_styles_its_text_boxes_twice_as_it_opens(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    seed_interview(repo, with_concerns=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        styled = count_styling(monkeypatch, TextBox)
        await pilot.press("d")
        assert await until(pilot, lambda: isinstance(app.screen, DebriefScreen) and app.screen.is_mounted)
        await settle(app, pilot)
        boxes = list(app.screen.query(TextBox))
        assert len(boxes) == 5
        assert [styled.get(id(box)) for box in boxes] == [2] * 5


async def test_insights_styles_its_charts_twice_as_it_opens(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(repo)  # with questions left unasked: their list takes the focus
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        styled = count_styling(monkeypatch, InsightsBars)
        await pilot.press("i")
        assert await until(pilot, lambda: getattr(app.screen, "insights", None) is not None)
        await settle(app, pilot)
        assert isinstance(app.screen, InsightsScreen)
        charts = list(app.screen.query(InsightsBars))
        assert len(charts) == 7
        assert [styled.get(id(chart)) for chart in charts] == [2] * 7


async def test_the_home_screen_styles_its_widgets_once_as_the_app_starts(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Styled as they mount, not again as the first screen is shown (the table once more, as
    it takes the focus)."""
    seed_interview(repo, with_concerns=False)
    styled = count_styling(monkeypatch, Widget)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen) and screen.table.row_count == 1
        for widget in [screen, screen.query_one(Header), screen.query_one("#home-status")]:
            assert styled.get(id(widget)) == 1, widget
        assert styled.get(id(screen.table)) == 2


async def test_opening_the_card_restyles_nothing_on_the_home_screen(
    repo: Repository, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The card's rules are added to the app's as it opens: no stylesheet of the app is parsed
    again, and the home screen underneath (its rows, its header) is not styled again."""
    fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        reparsed: list[int] = []
        reparse = Stylesheet.reparse
        monkeypatch.setattr(Stylesheet, "reparse", lambda sheet: (reparsed.append(1), reparse(sheet))[1])
        styled = count_styling(monkeypatch, Widget)
        await pilot.press("c")
        assert await until(pilot, lambda: isinstance(app.screen, CardScreen) and app.screen.is_mounted)
        await settle(app, pilot)
        assert reparsed == []
        assert [widget for widget in home.walk_children(Widget, with_self=True) if id(widget) in styled] == []
