"""The home list shows times on this machine's clock, the interview's own beside them."""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import pytest
from textual.app import App

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.machine_zone import machine_tz
from tests.helpers.screen import screen_text
from tests.helpers.wait import until


@pytest.fixture(autouse=True)
def in_berlin() -> Iterator[None]:
    """This machine runs on Berlin time."""
    with machine_tz("Europe/Berlin"):
        yield


def row_of(app: FollowupApp, company: str) -> str:
    """The line of the home list that shows this company."""
    return next(line for line in screen_text(cast("App[object]", app)).splitlines() if company in line)


async def test_wide_an_interview_elsewhere_shows_my_time_then_its_own(repo: Repository) -> None:
    repo.add(Interview(company="Harborlight", when="2026-12-03 10:00", tz="America/New_York"))
    repo.add(Interview(company="Acme", when="2026-12-04 09:00", tz="Europe/Berlin"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: "Harborlight" in screen_text(cast("App[object]", app)))
        assert "Thu 03 Dec 16:00 · 10:00 New York" in row_of(app, "Harborlight")
        assert "Fri 04 Dec 09:00 " in row_of(app, "Acme") and "Berlin" not in row_of(app, "Acme")


async def test_narrow_the_day_is_my_day(repo: Repository) -> None:
    repo.add(Interview(company="Harborlight", when="2026-12-02 23:00", tz="America/Los_Angeles"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        assert await until(pilot, lambda: "Harborlight" in screen_text(cast("App[object]", app)))
        assert "03 Dec" in row_of(app, "Harborlight")  # 08:00 on the 3rd here, 23:00 on the 2nd there
