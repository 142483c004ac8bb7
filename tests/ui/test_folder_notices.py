"""The app on a data folder with another device's damaged file, and as a cloned device (issue 21).

The damaged file is said on the home screen in a notice that stays until it is clicked away
(or the file reads again); a device found to be a copy says once that it writes as a new one.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from followup_tui.domain.models import Interview
from followup_tui.services import actions
from followup_tui.store.device import load_device
from followup_tui.store.repository import Repository
from followup_tui.ui.app import UNTIL_DISMISSED, FollowupApp
from followup_tui.ui.screens.home.home import HomeScreen
from tests.conftest import FIXED_NOW, Switch
from tests.helpers.files import device_file
from tests.helpers.wait import until


def titled(app: FollowupApp, title: str) -> list[str]:
    """The messages of the notifications shown under ``title``."""
    return [n.message for n in app._notifications if n.title == title]


async def test_another_devices_damaged_file_is_said_on_the_home_screen_until_it_reads_again(
    db_path: Path, on_device: Switch
) -> None:
    on_device("phone")
    Repository(db_path).add(Interview(company="From the phone"))
    phone = load_device()
    phone_file = device_file(db_path)
    on_device("laptop")
    Repository(db_path).add(Interview(company="From the laptop"))
    assert phone is not None
    whole = phone_file.read_bytes()
    phone_file.write_bytes(whole[:300])
    app = FollowupApp(Repository(db_path), clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20), notifications=True) as pilot:
        assert await until(pilot, lambda: bool(titled(app, "A file not read")))
        assert isinstance(app.screen, HomeScreen)
        (said,) = titled(app, "A file not read")
        assert f"device {phone.name} ({phone.id}), {phone_file.name}, could not be read" in said
        assert "left it untouched" in said and "followup doctor" in said
        (notice,) = [n for n in app._notifications if n.title == "A file not read"]
        assert notice.timeout == UNTIL_DISMISSED and notice.severity == "error"
        app.notify("Something else.")  # one toast at a time at 60 columns, errors kept
        app._poll_file()
        await pilot.pause()
        assert len(titled(app, "A file not read")) == 1  # said once, kept
        phone_file.write_bytes(whole)  # the sync engine finished the file
        app._poll_file()
        assert await until(pilot, lambda: not titled(app, "A file not read"))
    assert phone_file.read_bytes() == whole


async def test_a_cloned_device_says_once_in_the_app_that_it_writes_as_a_new_device(
    db_path: Path, on_device: Switch, tmp_path: Path
) -> None:
    original = on_device("laptop")
    interview = Repository(db_path).add(Interview(company="Acme"))
    shutil.copytree(original, tmp_path / "devices" / "copy")
    Repository(db_path).add(Interview(company="Beta"))  # the original writes on
    was = load_device()
    on_device("copy")
    repo = Repository(db_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        for role in ("Lead", "Staff"):
            app.save(
                "interview:role", lambda role=role: actions.save_interview(repo, interview.id, {"role": role})
            )
            assert app.saver.flush(timeout=10)
        assert await until(pilot, lambda: bool(titled(app, "New device identity")))
        now = load_device()
        assert was is not None and now is not None and now.id != was.id
        (said,) = titled(app, "New device identity")
        assert f"another device writes as {was.id}" in said and f"{now.name} ({now.id})" in said
