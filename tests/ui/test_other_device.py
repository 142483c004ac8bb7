"""A running app shows what another device wrote into its own file in the same data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.wait import until
from tests.ui.test_form import screen_text


async def test_the_home_list_shows_an_interview_added_on_another_device(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "laptop"))
    laptop = Repository(db_path)
    laptop.add(Interview(company="Acme", when="2026-11-20 10:00"))
    app = FollowupApp(laptop, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert "Northwind" not in screen_text(app)
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "phone"))
        Repository(db_path).add(Interview(company="Northwind", when="2026-11-21 10:00"))
        monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "laptop"))
        app._poll_file()  # what the app does every POLL_SECONDS
        assert await until(pilot, lambda: "Northwind" in screen_text(app))
        assert "Acme" in screen_text(app)


async def test_after_merging_another_devices_newer_file_the_app_keeps_the_merge_for_next_time(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.store.folder import DataFolder
    from followup_tui.store.merged_copy import copy_path

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "laptop"))
    Repository(db_path).add(Interview(company="Acme", when="2026-11-20 10:00"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "phone"))
    Repository(db_path).add(Interview(company="Northwind", when="2026-11-21 10:00"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "laptop"))
    app = FollowupApp(Repository(db_path), clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: copy_path(DataFolder(db_path)).is_file())
    again = Repository(db_path)
    assert again.storage.from_copy
    assert sorted(i.company for i in again.interviews()) == ["Acme", "Northwind"]
