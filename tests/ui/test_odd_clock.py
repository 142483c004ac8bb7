"""The app under a TZ it cannot use as it is: it opens, says which zone it used (issue 25, 9-10)."""

from __future__ import annotations

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.home.home import HomeScreen
from tests.conftest import FIXED_NOW
from tests.helpers.machine_zone import machine_tz


async def test_the_app_opens_under_tz_utc_plus_99_and_says_it_uses_utc(repo: Repository) -> None:
    repo.add(Interview(company="Acme", when="2026-11-26 10:00", tz="Asia/Tokyo"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    with machine_tz("UTC+99"):
        await _open_and_check(app)


async def _open_and_check(app: FollowupApp) -> None:
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        notes = [(n.title, n.message) for n in app._notifications]
        assert (
            "Time zone",
            "TZ is set to 'UTC+99', which is not a usable time zone; times here are in UTC.",
        ) in notes
    assert app._exception is None and app.return_code in (None, 0)
