"""Start-up from the home index: the first frame shows what the data shows, keys wait for the
data, and a damaged or changed folder is handled exactly as without an index (issue 23)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.widgets import Input

from followup_tui.cli.app_start import build_app, open_app, open_repository
from followup_tui.cli.errors import error_message
from followup_tui.domain.models import Concern, Interview
from followup_tui.services.demo.build import fill_demo
from followup_tui.store import home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository
from followup_tui.store.storage import DamagedFileError
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.host import OPEN_SWITCH_INTERVAL, DataNotOpenedError
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.home.table import InterviewTable
from tests.conftest import FIXED_NOW, Switch
from tests.helpers.first_frame import OpensWhenTold, cells
from tests.helpers.home_index import keep_index
from tests.helpers.wait import until


def filter_text(app: FollowupApp) -> str:
    """What the home screen's filter line holds ("" before ``/`` first added it)."""
    found = app.screen.query("#home-filter")
    return found.first(Input).value if found else ""


@pytest.fixture
def indexed(repo: Repository, db_path: Path) -> Path:
    """A history with the home index of its rows kept, as a first start-up leaves it."""
    fill_demo(repo, FIXED_NOW)
    assert keep_index(Repository(db_path))
    return db_path


def from_index(
    db_path: Path, seen: dict[str, Any], app_class: type[FollowupApp] = FollowupApp
) -> FollowupApp:
    """The app as ``followup`` builds it from the index; ``seen`` gets the table and the filter
    as they were when the data was opened."""
    index = home_index.load(db_path)
    assert index is not None

    def opener() -> Repository:
        table = app.screen.query_one(InterviewTable)
        seen.update(cells=cells(app), first=table.get_row_at(0)[0])
        seen["filter"] = filter_text(app)
        return open_repository(db_path)

    app = app_class(opener=opener, home_index=index, keep_index=True, watch=False)
    return app


def opening_when_told(db_path: Path, seen: dict[str, Any] | None = None) -> OpensWhenTold:
    """The app from the index, opening its data only at ``open_now``."""
    app = from_index(db_path, {} if seen is None else seen, OpensWhenTold)
    assert isinstance(app, OpensWhenTold)
    return app


async def test_the_first_frame_shows_the_rows_the_data_shows(indexed: Path) -> None:
    plain = FollowupApp(Repository(indexed), watch=False)
    async with plain.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        from_data = cells(plain)
    seen: dict[str, Any] = {}
    app = from_index(indexed, seen)
    assert not app.data_open
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: app.data_open)
        await pilot.pause()
        table = app.screen.query_one(InterviewTable)
        assert seen["cells"] == from_data  # the first frame, before the data opened
        assert cells(app) == from_data
        assert table.get_row_at(0)[0] is seen["first"]  # the same rows: nothing drawn again


async def test_rows_that_differ_are_drawn_again_with_the_cursor_kept(indexed: Path) -> None:
    app = opening_when_told(indexed)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(InterviewTable)
        table.move_cursor(row=3)
        kept_on = table.selected_id
        Repository(indexed).add(Interview(company="Aardvark Labs", when="2030-01-01 10:00"))
        app.open_now()
        await pilot.pause()
        assert "Aardvark Labs" in [row[0].strip() for row in cells(app)]
        assert table.selected_id == kept_on


async def test_keys_typed_at_once_act_after_the_data_opened(indexed: Path) -> None:
    seen: dict[str, Any] = {}
    app = opening_when_told(indexed, seen)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"Copperleaf")
        await pilot.pause()
        assert filter_text(app) == ""  # waiting, not lost
        app.open_now()
        assert await until(pilot, lambda: filter_text(app) == "Copperleaf")
        assert seen["filter"] == ""  # the data opened before any key was handled
        assert [row[0].strip() for row in cells(app)] == ["Copperleaf Health"]
        await pilot.press("enter", "d")
        assert await until(pilot, lambda: app.screen.title == "Debrief")


async def test_a_click_before_the_data_opened_acts_after_it(indexed: Path) -> None:
    app = opening_when_told(indexed)
    async with app.run_test(size=(100, 30)) as pilot:
        table = app.screen.query_one(InterviewTable)
        before = table.cursor_row
        y = table.region.y + 5  # the fifth row, under the header
        for button in (events.MouseDown, events.MouseUp):  # as the terminal sends them
            app.post_message(button(None, 3, y, 0, 0, 1, False, False, False, screen_x=3, screen_y=y))
        await pilot.pause()
        assert table.cursor_row == before
        app.open_now()
        assert await until(pilot, lambda: table.cursor_row == 4)


async def test_other_threads_get_their_turn_quickly_until_the_data_is_open(indexed: Path) -> None:
    """The writer thread puts the first frame on the terminal while the data opens."""
    usual = sys.getswitchinterval()
    seen: dict[str, Any] = {}
    app = from_index(indexed, seen)
    async with app.run_test(size=(100, 30)) as pilot:
        assert sys.getswitchinterval() <= OPEN_SWITCH_INTERVAL < usual
        assert await until(pilot, lambda: app.data_open)
        assert sys.getswitchinterval() == usual
    never_opened = opening_when_told(indexed)
    async with never_opened.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert sys.getswitchinterval() <= OPEN_SWITCH_INTERVAL
    assert sys.getswitchinterval() == usual


async def test_the_cycle_collector_waits_until_the_data_is_open(indexed: Path) -> None:
    app = build_app(indexed)
    assert app.home_index is not None and not gc.isenabled()
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: app.data_open)
        assert gc.isenabled()


def damage_behind_the_index(db_path: Path) -> None:
    """Damage this device's file in place, keeping its size and time: the index cannot tell."""
    own = Repository(db_path).storage.own_path
    assert own is not None
    st = own.stat()
    with open(own, "r+b") as file:
        file.write(b"[" * 16)
    os.utime(own, ns=(st.st_atime_ns, st.st_mtime_ns))


async def test_a_file_damaged_behind_the_index_is_refused_as_before(indexed: Path) -> None:
    damage_behind_the_index(indexed)
    with pytest.raises(DamagedFileError) as refused:
        Repository(indexed).interviews()
    app = build_app(indexed)
    assert app.home_index is not None
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: app.open_error is not None)
    assert app.return_code == 1
    assert isinstance(app.open_error, DamagedFileError)
    assert error_message(app.open_error) == error_message(refused.value)


async def test_data_asked_for_before_the_open_of_a_damaged_file_is_refused_without_a_crash(
    indexed: Path,
) -> None:
    damage_behind_the_index(indexed)
    app = opening_when_told(indexed)
    with pytest.raises(DataNotOpenedError):  # run_test hands on what ended the app
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            app.told = True  # the data is asked for before the first frame's open ran
            app.call_later(lambda: app.repo)
            assert await until(pilot, lambda: app.open_error is not None)
    assert app.return_code == 1
    assert isinstance(app.open_error, DamagedFileError)
    assert not app._exit_renderables  # no crash report: the command says the error's one line


def test_a_damaged_file_with_a_stale_index_is_refused_before_the_app(
    indexed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    own = Repository(indexed).storage.own_path
    assert own is not None
    own.write_text("[1, 2]")
    assert open_app(indexed) == 1
    with_index = capsys.readouterr().err
    assert not home_index.index_path(DataFolder(indexed)).exists()  # stale: removed unused
    assert open_app(indexed) == 1
    assert capsys.readouterr().err == with_index
    assert with_index.startswith("Error: ") and "damaged" in with_index


async def test_another_devices_newer_file_opens_the_data_first_then_the_index_is_kept(
    indexed: Path, on_device: Switch
) -> None:
    laptop = os.environ["XDG_STATE_HOME"]
    on_device("phone")
    Repository(indexed).add(Interview(company="Written on the phone"))
    os.environ["XDG_STATE_HOME"] = laptop
    merging = build_app(indexed)
    assert merging.data_open and merging.home_index is None
    async with merging.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
    again = build_app(indexed)  # the files as the merge read them: the list from the index
    assert not again.data_open and again.home_index is not None
    assert "Written on the phone" in {i.company for i in again.home_index.interviews}


def test_the_demo_keeps_no_index(db_path: Path) -> None:
    app = build_app(db_path, use_index=False)
    assert app.data_open
    assert not (Path(os.environ["XDG_STATE_HOME"]) / "followup" / "home").exists()


async def test_the_first_start_up_keeps_the_index_for_the_next(repo: Repository, db_path: Path) -> None:
    fill_demo(repo, FIXED_NOW)
    app = build_app(db_path)
    assert app.data_open
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    index = home_index.load(db_path)
    assert index is not None
    assert sorted(i.company for i in index.interviews) == sorted(i.company for i in repo.interviews())


async def test_a_save_made_on_another_screen_is_in_the_index_of_the_next_start_up(indexed: Path) -> None:
    repo = Repository(indexed)
    app = FollowupApp(repo, keep_index=True, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        interview_id = app.screen.query_one(InterviewTable).selected_id
        assert interview_id is not None
        await pilot.press("d")
        assert await until(pilot, lambda: app.screen.title == "Debrief")
        app.save("test", lambda: repo.add(Concern(interview_id=interview_id, text="Asked about on-call")))
        assert app.saver.flush()
    index = home_index.load(indexed)  # the home list never showed the new concern
    assert index is not None
    kept = next(i for i in index.interviews if i.id == interview_id)
    assert kept.open_concerns == repo.open_concern_counts()[interview_id]


async def test_a_start_up_from_the_index_parses_no_data_table_while_nothing_changed(
    indexed: Path,
) -> None:
    app = from_index(indexed, {})
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: app.data_open)
        await pilot.pause()
        storage = app.repo.storage
        tables = set(storage.load() or {})
        assert storage.unparsed == tables - {"meta", "sync"} and "interviews" in tables
        await pilot.press("slash", *"Copperleaf")  # the filters work on the index's rows
        assert await until(pilot, lambda: [row[0].strip() for row in cells(app)] == ["Copperleaf Health"])
        assert "interviews" in storage.unparsed
    assert "interviews" in storage.unparsed  # the app kept no index at its end: nothing changed


async def test_rows_from_the_index_give_way_to_the_data_once_it_changed(indexed: Path) -> None:
    app = from_index(indexed, {})
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: app.data_open)
        await pilot.pause()
        Repository(indexed).add(Interview(company="Aardvark Labs", when="2030-01-01 10:00"))
        app.refresh_screens()  # as the app does when it sees the file changed
        await pilot.pause()
        assert "Aardvark Labs" in [row[0].strip() for row in cells(app)]


async def test_a_save_after_a_start_up_from_the_index_is_in_the_next_one(indexed: Path) -> None:
    app = from_index(indexed, {})
    async with app.run_test(size=(100, 30)) as pilot:
        assert await until(pilot, lambda: app.data_open)
        interview_id = app.screen.query_one(InterviewTable).selected_id
        assert interview_id is not None
        app.save("test", lambda: app.repo.add(Concern(interview_id=interview_id, text="Asked about on-call")))
        assert app.saver.flush()
    index = home_index.load(indexed)
    assert index is not None
    kept = next(i for i in index.interviews if i.id == interview_id)
    assert kept.open_concerns == Repository(indexed).open_concern_counts()[interview_id]


FIRST_FRAME_IMPORTS = """
import sys
from textual.app import App
def run(app, *args, **kwargs):
    print("FROM INDEX", app.home_index is not None)
    print("DATA LAYER", sorted(m for m in ("tinydb", "followup_tui.store.repository") if m in sys.modules))
App.run = run
sys.argv = ["followup", "--db", sys.argv[1]]
from followup_tui.cli.launch import main
main()
"""
"""The console script up to the app's run, which says what was imported by then."""


def test_a_start_from_the_index_imports_no_data_layer_before_the_app_runs(indexed: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_IMPORTS, str(indexed)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "FROM INDEX True" in result.stdout, result.stderr[-2000:]
    assert "DATA LAYER []" in result.stdout, result.stdout
