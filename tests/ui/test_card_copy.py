"""The card's y (and the large print's): the terminal is always asked (OSC 52); the message says
"copied" only when a clipboard tool confirmed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from followup_tui.ui.screens.card.copying import ASKED, COPIED
from followup_tui.ui.screens.card.large import LargePrintDialog
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.clipboard import fake_clipboard_tool, no_clipboard_tool
from tests.helpers.wait import until


def _messages(app: FollowupApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def _copy_on_the_card(repo: Repository, size: tuple[int, int]) -> tuple[FollowupApp, str, list[str]]:
    """Open the card, press y; the app, the card's text and the messages shown."""
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        app.open_screen("card", interview.id)
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        text = app.screen.query_one(TextArea).text.strip()
        await pilot.press("y")
        assert await until(pilot, lambda: bool(_messages(app)))
        return app, text, _messages(app)


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_with_a_tool_that_succeeds_the_card_is_said_to_be_copied(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    kept = fake_clipboard_tool(tmp_path / "bin", monkeypatch)
    app, text, messages = await _copy_on_the_card(repo, size)
    assert messages == [COPIED]
    assert kept.read_text(encoding="utf-8") == text == app.clipboard


async def test_with_a_tool_that_fails_only_the_asking_is_claimed(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fake_clipboard_tool(tmp_path / "bin", monkeypatch, exit_code=1)
    app, text, messages = await _copy_on_the_card(repo, (100, 30))
    assert messages == [ASKED]
    assert app.clipboard == text  # the terminal was still asked


async def test_without_a_tool_the_terminal_is_asked_and_nothing_more_is_claimed(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    no_clipboard_tool(tmp_path / "bin", monkeypatch)
    app, text, messages = await _copy_on_the_card(repo, (60, 20))
    assert messages == [ASKED] and "copied" not in ASKED.lower()
    assert app.clipboard == text


async def test_the_large_print_copies_the_same_way(
    repo: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = fake_clipboard_tool(tmp_path / "bin", monkeypatch)
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("card", interview.id)
        await pilot.pause()
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, LargePrintDialog)
        await pilot.press("y")
        assert await until(pilot, lambda: bool(_messages(app)))
        assert _messages(app) == [COPIED]
        assert kept.read_text(encoding="utf-8").endswith("Jo Rivera") and app.clipboard.endswith("Jo Rivera")
