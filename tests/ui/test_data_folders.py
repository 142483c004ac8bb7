"""The app and its folders: the data folder deleted while open (said, nothing lost, made again), a
backups folder that takes no backup (told once, the edit saved) (issue 25, items 8 and 1)."""

from __future__ import annotations

import json
import shutil
import stat
from pathlib import Path

from followup_tui.domain.models import Interview
from followup_tui.services import actions
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.files import device_file
from tests.helpers.wait import until
from tests.ui.test_form import screen_text


async def test_a_deleted_data_folder_is_said_kept_on_screen_and_made_again_by_the_next_save(
    db_path: Path, repo: Repository
) -> None:
    acme = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    repo.add(Interview(company="Beta", when="2026-11-21 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        shutil.rmtree(db_path.parent)
        app._poll_file()
        await pilot.pause()
        titles = [n.title for n in app._notifications]
        assert "Data folder gone" in titles
        gone = next(n.message for n in app._notifications if n.title == "Data folder gone")
        assert str(db_path.parent) in gone and "No interview with id" not in gone
        assert "Acme" in screen_text(app) and "Beta" in screen_text(app)  # nothing vanished from view
        app.save("interview:role", lambda: actions.save_interview(repo, acme.id, {"role": "Lead"}))
        assert app.saver.flush(timeout=10)
        assert await until(pilot, lambda: "Data folder made again" in [n.title for n in app._notifications])
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    stored = json.loads(device_file(db_path).read_text())["interviews"].values()
    assert sorted((d["company"], d["role"]) for d in stored) == [("Acme", "Lead"), ("Beta", "")]


async def test_a_backup_that_cannot_be_made_is_told_once_in_the_app_and_the_edit_is_saved(
    db_path: Path, repo: Repository
) -> None:
    from followup_tui.store.paths import backup_dir

    acme = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    folder = backup_dir(device_file(db_path))
    shutil.rmtree(folder, ignore_errors=True)
    folder.write_text("")
    opened = Repository(db_path)  # a new session: its first save is due a backup
    app = FollowupApp(opened, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        for role in ("Lead", "Staff"):
            app.save(
                f"interview:role:{role}",
                lambda role=role: actions.save_interview(opened, acme.id, {"role": role}),
            )
            assert app.saver.flush(timeout=10)
        assert await until(pilot, lambda: "No backup" in [n.title for n in app._notifications])
        told = [n.message for n in app._notifications if n.title == "No backup"]
        assert len(told) == 1 and str(folder) in told[0] and "Your change was saved." in told[0]
    assert Repository(db_path).get(Interview, acme.id).role == "Staff"
