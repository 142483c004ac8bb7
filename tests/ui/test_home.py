"""The Interviews (home) screen, driven with the keyboard as a user would."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import pytest
from textual.app import App
from textual.widgets import Input, Static

from followup_tui.domain.models import Card, Concern, Interview, Question
from followup_tui.services.demo.build import fill_demo
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.dialog import ConfirmDialog
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.home.table import InterviewTable
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text as _screen_text
from tests.helpers.wait import settle, until


def screen_text(app: FollowupApp) -> str:
    """What the app shows, as plain text."""
    return _screen_text(cast("App[object]", app))


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


def companies(app: FollowupApp) -> list[str]:
    """The company column as shown, top to bottom."""
    table = app.screen.query_one(InterviewTable)
    return [table.get_row_at(n)[0].plain.strip() for n in range(table.row_count)]


async def test_empty_database_shows_the_welcome(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.screen.title == "Interviews"
        text = screen_text(app)
        assert "Welcome to followup" in text
        assert "followup --demo" in text
        assert not app.screen.query_one(InterviewTable).display
        await pilot.press("p")  # nothing selected: nothing opens
        assert isinstance(app.screen, HomeScreen)


async def test_the_filter_line_and_the_welcome_are_built_when_first_needed(repo: Repository) -> None:
    repo.add(Interview(company="Acme Robotics", when="2026-11-20 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        home = app.screen
        assert not home.query("#home-filter") and not home.query("#home-welcome")
        await pilot.press("slash", *"acme")  # the keys after / wait for the line to be there
        assert await until(pilot, lambda: companies(app) == ["Acme Robotics"])
        box = home.query_one("#home-filter", Input)
        assert box.value == "acme" and app.focused is box
        await pilot.press("escape", "delete", "y")  # the last interview goes: the welcome shows
        assert await until(pilot, lambda: "Welcome to followup" in screen_text(app))
        assert not home.query_one(InterviewTable).display


async def test_upcoming_soonest_first_then_past_newest_first(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert companies(app) == [
            "Larkspur Analytics",
            "Harbourline Logistics",
            "Copperleaf Health",
            "Bramblewood Games",
            "Quillfeather Press",
            "Saltmarsh Energy",
            "Orchard & Pike",
        ]
        text = screen_text(app)
        assert "card late · 4 concerns open" in text
        assert "Senior Data Engineer" in text
        assert "2 upcoming · 5 past" in text


async def test_narrow_terminal_drops_role_and_format(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(InterviewTable)
        assert [c.value for c in table.columns] == ["company", "when", "outcome", "follow-up"]
        text = screen_text(app)
        assert "Senior Data Engineer" not in text
        assert "Copperleaf Health" in text and "late · 4 concerns" in text  # shorter, whole words


@pytest.mark.parametrize(
    ("start", "end", "columns"),
    [
        ((100, 30), (60, 20), ["company", "when", "outcome", "follow-up"]),
        ((60, 20), (120, 30), ["company", "role", "when", "format", "outcome", "follow-up"]),
        ((100, 30), (85, 30), ["company", "role", "when", "outcome", "follow-up"]),
    ],
)
async def test_resizing_the_terminal_lays_the_columns_out_for_the_new_width(
    repo: Repository, start: tuple[int, int], end: tuple[int, int], columns: list[str]
) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=start) as pilot:
        await pilot.pause()
        table = app.screen.query_one(InterviewTable)
        await pilot.resize_terminal(*end)
        assert await until(pilot, lambda: [c.value for c in table.columns] == columns)

        def fits() -> bool:
            return sum(c.get_render_width(table) for c in table.columns.values()) <= end[0]

        assert await until(pilot, fits)
        assert "late · 4 concerns" in screen_text(app)


async def test_filter_as_you_type_and_clear(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"cop")
        await pilot.pause()
        assert companies(app) == ["Copperleaf Health"]
        await pilot.press("backspace", "backspace", "backspace", *"priya")  # an interviewer's name
        await pilot.pause()
        assert companies(app) == ["Larkspur Analytics"]
        assert "1 of 7 shown · text · x clears" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert len(companies(app)) == 7


async def test_outcome_time_and_open_filters(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("f", "f")  # any -> pending -> advanced
        await pilot.pause()
        assert companies(app) == ["Bramblewood Games"]
        assert "1 of 7 shown · outcome advanced" in screen_text(app)
        await pilot.press("x", "t")  # upcoming only
        await pilot.pause()
        assert companies(app) == ["Larkspur Analytics", "Harbourline Logistics"]
        await pilot.press("t", "u")  # past only, open follow-ups only
        await pilot.pause()
        assert companies(app) == ["Copperleaf Health", "Orchard & Pike"]
        await pilot.press("f", "f", "f", "f", "f")  # withdrawn: nothing
        await pilot.pause()
        assert companies(app) == []
        assert "No interview matches the filters" in screen_text(app)
        await pilot.press("f")  # no-response
        await pilot.pause()
        assert companies(app) == ["Orchard & Pike"]
        await pilot.press("x")
        await pilot.pause()
        assert len(companies(app)) == 7


async def test_enter_opens_the_hub_and_escape_comes_back(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # the cursor starts on the latest interview that took place
        await pilot.pause()
        assert app.screen.title == "Interview"
        assert "Copperleaf Health" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.selected_id == repo.interviews()[2].id


async def test_delete_asks_then_removes_everything(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    copperleaf = next(i for i in repo.interviews() if i.company == "Copperleaf Health")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("delete")  # the cursor starts on the latest interview that took place
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Copperleaf Health" in screen_text(app)
        await pilot.press("n")  # keep it
        await pilot.pause()
        assert "Copperleaf Health" in companies(app)
        await pilot.press("delete", "y")
        await settle(app, pilot)
        assert await until(pilot, lambda: "Copperleaf Health" not in companies(app))
        assert len(companies(app)) == 6
    assert copperleaf.id not in {i.id for i in repo.interviews()}
    assert not repo.children(Question, copperleaf.id)
    assert not repo.children(Concern, copperleaf.id)
    assert not repo.children(Card, copperleaf.id)


async def test_external_write_appears_and_cursor_stays(repo: Repository, db_path: Path) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down", "down")
        home = app.screen
        assert isinstance(home, HomeScreen)
        selected = home.selected_id
        other = Repository(db_path)
        other.add(Interview(company="Fernhill Robotics", when="2026-11-27 09:00"))
        app.refresh_screens()
        await pilot.pause()
        assert companies(app)[1] == "Fernhill Robotics"
        assert home.selected_id == selected


async def test_external_write_appears_while_watching(repo: Repository, db_path: Path) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        Repository(db_path).add(Interview(company="Fernhill Robotics"))
        assert await until(pilot, lambda: companies(app) == ["Fernhill Robotics"])
        assert await until(pilot, lambda: "Welcome" not in screen_text(app))


async def test_a_change_elsewhere_while_the_home_screen_closes_is_not_an_error(
    repo: Repository, db_path: Path
) -> None:
    """The file watch and a resize can reach the home screen while the app takes its widgets
    down on the way out; that once stopped the app with an internal error."""
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await app.screen.query_one(InterviewTable).remove()  # as the app does when it closes
        Repository(db_path).add(Interview(company="Fernhill Robotics"))
        app.refresh_screens()
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)  # no internal error (run_test raises it otherwise)


async def test_markup_in_user_text_shows_literally(repo: Repository) -> None:
    evil = repo.add(
        Interview(company="[@click=app.quit]Evil[/]", role="[/]", when="2026-11-20 10:00", notes="[b]x")
    )
    repo.add(Interview(company="[/]", when="2026-11-21 10:00"))
    app = make_app(repo)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        assert companies(app) == ["[/]", "[@click=app.quit]Evil[/]"]
        assert "[@click=app.quit]Evil[/]" in screen_text(app)
        await pilot.click(InterviewTable, offset=(3, 2))
        await pilot.pause()
        assert app.is_running
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.title == "Interview"
        assert "[@click=app.quit]Evil[/]" in screen_text(app)
        await pilot.click(Static, offset=(5, 2))
        await pilot.press("delete")
        await pilot.pause()
        assert app.is_running
        await pilot.press("escape", "delete")
        await pilot.pause()
        assert "[@click=app.quit]Evil[/]" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.is_running
    assert repo.get(Interview, evil.id).company == "[@click=app.quit]Evil[/]"


async def test_click_selects_and_second_click_opens(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click(InterviewTable, offset=(5, 4))  # header is row 0; fourth interview
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert companies(app)[app.screen.query_one(InterviewTable).cursor_row] == "Bramblewood Games"
        await pilot.click(InterviewTable, offset=(5, 4))
        await pilot.pause()
        assert app.screen.title == "Interview"
        assert "Bramblewood Games" in screen_text(app)


async def test_palette_commands_open_and_export(repo: Repository, tmp_path: Path) -> None:
    from followup_tui.ui.commands import followup_commands

    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("home")  # to the first row, the next interview
        commands = {c.title: c for c in followup_commands(app)}
        assert "New interview" in commands
        assert "Debrief for Larkspur Analytics - Senior Data Engineer" in commands
        commands["Open Copperleaf Health - Backend Engineer"].callback()
        await pilot.pause()
        assert app.screen.title == "Interview"
        assert "Copperleaf Health" in screen_text(app)
        commands["Export interviews as Markdown"].callback()
        await pilot.pause()
        await pilot.press("enter")  # in the folder offered: the home folder the first time
        await app.workers.wait_for_complete()
        await pilot.pause()
    (exported,) = (tmp_path / "home").glob("*.md")
    text = exported.read_text()
    assert "Copperleaf Health" in text and "Saltmarsh Energy" in text
    assert exported.stat().st_mode & 0o777 == 0o600


async def test_the_cursor_starts_on_the_interview_to_debrief(repo: Repository) -> None:
    fill_demo(repo, FIXED_NOW)
    app = make_app(repo)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        latest = max((i for i in repo.all(Interview) if i.has_started(FIXED_NOW)), key=lambda i: i.when or "")
        assert app.screen.selected_id == latest.id  # type: ignore[attr-defined]
        # from home to a captured concern: d, the text, enter
        await pilot.press("d", *"Forgot the salary range", "enter")
        await pilot.pause()
        app.saver.flush()
        texts = [c.text for c in repo.children(Concern, latest.id)]
        assert "Forgot the salary range" in texts


async def test_a_long_history_loads_rows_as_the_cursor_goes(repo: Repository) -> None:
    repo.merge(
        Interview(
            id=f"i{n:04d}", company=f"Company {n:03d}", when=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d} 10:00"
        )
        for n in range(350)
    )
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        table = app.screen.query_one(InterviewTable)
        assert 100 <= table.row_count < 350  # the first rows only
        await pilot.press("end")
        await pilot.pause()
        assert table.row_count == 350
        assert table.cursor_row == 349
        assert table.selected_id == app.screen._rows[-1].interview.id  # type: ignore[attr-defined]
        await pilot.press("home")
        for _ in range(3):
            await pilot.press("pagedown")
        await pilot.pause()
        assert table.row_count == 350


async def test_coming_back_reloads_only_when_the_file_changed(
    repo: Repository, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from followup_tui.ui.screens.home import home as home_module

    repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    loads: list[int] = []
    real = home_module.list_rows

    def counted(*args: Any) -> Any:
        loads.append(1)
        return real(*args)

    monkeypatch.setattr(home_module, "list_rows", counted)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert len(loads) == 1
        await pilot.press("enter")  # the hub, and back: nothing changed
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause(0.8)  # past the second, delayed refresh
        assert len(loads) == 1 and companies(app) == ["Acme"]
        Repository(db_path).add(Interview(company="Globex", when="2026-11-21 10:00"))
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape")
        assert await until(pilot, lambda: companies(app) == ["Globex", "Acme"])
        assert len(loads) == 2


async def test_the_palette_acts_on_the_interview_of_the_screen_under_it(repo: Repository) -> None:
    from followup_tui.ui.commands import followup_commands

    fill_demo(repo, FIXED_NOW)
    copperleaf = next(i for i in repo.all(Interview) if i.company == "Copperleaf Health")
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("home")
        home = cast(HomeScreen, app.screen)
        selected = repo.get(Interview, home.selected_id or "")
        assert selected.id != copperleaf.id
        app.open_screen("debrief", copperleaf.id)
        await pilot.pause()
        titles = [c.title for c in followup_commands(app)]
        assert "Prep for Copperleaf Health - Backend Engineer" in titles
        # Insights is about every interview: the palette goes back to the one selected at home
        app.open_screen("insights", copperleaf.id)
        await pilot.pause()
        titles = [c.title for c in followup_commands(app)]
        assert not [t for t in titles if t.startswith("Prep for Copperleaf")]
        assert any(t.startswith(f"Prep for {selected.company}") for t in titles)
