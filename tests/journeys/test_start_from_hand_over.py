"""The laptop starts after the phone's app wrote: its first frame comes from the rows the phone
handed over in the data folder, then the list takes its rows from the merged data; a note
written on the phone since (which keeps no index) leaves the laptop to open the data first
(issue 23)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.cli.app_start import build_app, open_repository
from followup_tui.domain.home_listing import indexed_rows, same_listing
from followup_tui.domain.models import Interview
from followup_tui.store import handed_index, home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.index_body import body
from followup_tui.store.repository import Repository
from followup_tui.ui import app as app_module
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW, Switch
from tests.helpers.first_frame import OpensWhenTold, cells
from tests.helpers.home_index import handed_over, keep_index, list_rows
from tests.helpers.wait import until


async def _phone_app_renames(db_path: Path, on_device: Switch) -> None:
    """The laptop wrote and kept its index; then the phone's app renames an interview and
    quits; the test goes on as the laptop."""
    on_device("laptop")
    laptop = Repository(db_path)
    acme = laptop.add(Interview(company="Acme", when="2026-11-20 10:00"))
    laptop.add(Interview(company="Globex", when="2026-11-27 09:00"))
    assert keep_index(Repository(db_path))
    on_device("phone")
    repo = Repository(db_path)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False, keep_index=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.save("rename", lambda: repo.update(Interview, acme.id, company="Acme Robotics"))
        assert await until(pilot, lambda: app.saver.pending == 0)
    on_device("laptop")


def _app_from_index(db_path: Path) -> OpensWhenTold:
    index = home_index.load(db_path)
    assert index is not None
    return OpensWhenTold(
        opener=lambda: open_repository(db_path),
        home_index=index,
        keep_index=True,
        watch=False,
        clock=lambda: FIXED_NOW,
    )


def _companies(app: FollowupApp) -> list[str]:
    return sorted(row[0].strip() for row in cells(app))


async def test_the_first_frame_shows_the_phones_rows_then_the_merged_data(
    db_path: Path, on_device: Switch
) -> None:
    await _phone_app_renames(db_path, on_device)
    app = _app_from_index(db_path)
    assert app.home_index is not None and app.home_index.made_from is None
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        first_frame = cells(app)
        assert _companies(app) == ["Acme Robotics", "Globex"]  # before the data is open
        app.open_now()
        assert await until(pilot, lambda: app.data_open)
        await pilot.pause()
        assert cells(app) == first_frame
    plain = FollowupApp(Repository(db_path), clock=lambda: FIXED_NOW, watch=False)
    async with plain.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert cells(plain) == first_frame  # what this device's own read shows
    own = home_index.load(db_path)  # the laptop kept its own index from the merge
    assert own is not None and own.made_from is not None


async def test_the_list_takes_its_rows_from_the_data_once_open(db_path: Path, on_device: Switch) -> None:
    await _phone_app_renames(db_path, on_device)
    folder = DataFolder(db_path)
    phone = max(folder.sources(), key=lambda s: s.identity[3])
    handed = handed_index.handed_path(folder, phone.device)
    index = home_index.load(db_path)
    assert index is not None
    forged: list[list[object]] = [
        ["x" * 5, "Forged", "", None, "", "onsite", "pending", [], "", "none", 0, 1, 0]
    ]
    version = tuple((s.path.name, s.identity) for s in folder.sources())
    handed.write_bytes(handed_index.content(version, phone.device, body(index.theme, forged)))
    app = _app_from_index(db_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert _companies(app) == ["Forged"]
        app.open_now()
        assert await until(pilot, lambda: _companies(app) == ["Acme Robotics", "Globex"])


async def test_a_note_on_the_phone_since_leaves_no_hand_over_to_use(db_path: Path, on_device: Switch) -> None:
    await _phone_app_renames(db_path, on_device)
    assert home_index.load(db_path) is not None
    on_device("phone")
    handed = handed_over(db_path).read_bytes()
    note = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db_path), "note", "Ask about on-call"],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ),
    )
    assert note.returncode == 0, note.stderr
    assert handed_over(db_path).read_bytes() == handed  # a note keeps no index
    on_device("laptop")
    assert home_index.load(db_path) is None
    assert build_app(db_path).home_index is None  # the data is opened before the first frame


PHONE_KEEPS = """
import sys
from pathlib import Path
from followup_tui.domain.models import Interview
from followup_tui.domain.zones import local_now
from followup_tui.services.home_index import IndexKeeper, list_rows
from followup_tui.store.repository import Repository
repo = Repository(Path(sys.argv[1]))
repo.add(Interview(company="Booked in Tokyo", when="2026-11-25 20:00", tz="Asia/Tokyo"))
repo.add(Interview(company="Booked on the phone's clock", when="2026-11-25 19:00"))
IndexKeeper(None).keep(repo, list_rows(repo, local_now())).join()
"""
"""The phone's app keeping its index after a write, in the phone's own time zone."""


def test_rows_handed_over_from_another_time_zone_show_what_this_device_reads(
    db_path: Path, on_device: Switch
) -> None:
    on_device("laptop")
    Repository(db_path).add(Interview(company="Acme", when="2026-11-25 18:00", tz="Europe/Berlin"))
    on_device("phone")
    env = {**os.environ, "TZ": "Asia/Tokyo"}
    done = subprocess.run(
        [sys.executable, "-c", PHONE_KEEPS, str(db_path)], env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    on_device("laptop")
    index = home_index.load(db_path)
    assert index is not None and index.made_from is None
    own_read = list_rows(Repository(db_path))
    assert same_listing(indexed_rows(index.interviews, FIXED_NOW), own_read)
    assert any(row.upcoming for row in own_read) and not all(row.upcoming for row in own_read)


async def test_an_edit_is_handed_over_soon_after_without_quitting(
    db_path: Path, on_device: Switch, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A phone's app is often killed in the background: its edits are handed over once the
    saves stop, not only when it quits."""
    monkeypatch.setattr(app_module, "POLL_SECONDS", 0.05)
    on_device("phone")
    repo = Repository(db_path)
    acme = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=True, keep_index=True)
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: handed_over(db_path).is_file())
        app.save("rename", lambda: repo.update(Interview, acme.id, company="Acme Robotics"))
        assert await until(pilot, lambda: b"Acme Robotics" in handed_over(db_path).read_bytes())
        assert app.is_running
