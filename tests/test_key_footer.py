"""The footer follows the keys a screen offers, and skips rebuilds that would change nothing."""

from __future__ import annotations

from textual.widgets._footer import FooterKey

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.widgets.key_footer import KeyFooter
from tests.conftest import FIXED_NOW


def footer_keys(app: FollowupApp) -> dict[str, FooterKey]:
    """The keys the footer shows now, by key."""
    return {key.key: key for key in app.screen.query_one(KeyFooter).query(FooterKey)}


async def test_the_footer_shows_keys_that_appear_and_keeps_its_widgets_when_nothing_changed(
    repo: Repository,
) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "p" not in footer_keys(app)  # no interview yet: prep is hidden
        repo.add(Interview(company="Acme"))
        app.screen.refresh_data()
        for _ in range(50):
            await pilot.pause(0.02)
            if "p" in footer_keys(app):
                break
        shown = footer_keys(app)
        assert "p" in shown and not shown["p"].disabled
        app.screen.refresh_bindings()  # the same keys again
        await pilot.pause(0.1)
        assert all(footer_keys(app)[key] is widget for key, widget in shown.items())
