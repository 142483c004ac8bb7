"""Keys inside text boxes and small dialogs: ctrl+home/ctrl+end, the card's e, arrows between buttons."""

from __future__ import annotations

from textual.widgets import Button, Input, TextArea

from followup_tui.domain.models import Card, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.dialog import ConfirmDialog
from followup_tui.ui.screens.home.home import HomeScreen
from followup_tui.ui.screens.interview.form import InterviewFormDialog
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import settle, until


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)


async def test_ctrl_home_and_ctrl_end_go_to_the_ends_of_a_text_box(repo: Repository) -> None:
    interview = repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    repo.update_debrief(interview.id, notes="first line\nsecond line\nthird line")
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("d")
        assert await until(pilot, lambda: bool(app.screen.query("#notes")))
        notes = app.screen.query_one("#notes", TextArea)
        notes.focus()
        await pilot.press("ctrl+end", *"!")
        await pilot.press("ctrl+home", *"^")
        await settle(app, pilot)
        assert notes.text == "^first line\nsecond line\nthird line!"
        await pilot.press("ctrl+shift+end", "delete")
        assert notes.text == "^"


async def test_ctrl_home_and_ctrl_end_work_in_a_line_too(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"lobex", "ctrl+home", "G", "ctrl+end", *" Inc")
        await settle(app, pilot)
        assert app.screen.query_one("#company", Input).value == "Globex Inc"


async def test_e_on_the_card_puts_the_cursor_at_the_end_to_sign(repo: Repository) -> None:
    interview = fill_card_data(repo)
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        app.open_screen("card", interview.id)
        assert await until(pilot, lambda: bool(app.screen.query("#card-text")))
        await pilot.press("e", *"Sam")
        await settle(app, pilot)
        assert app.screen.query_one("#card-text", TextArea).text.endswith("Sam")
    assert any(c.text.endswith("Sam") for c in repo.children(Card, interview.id))


async def test_left_and_right_move_between_the_buttons_of_the_discard_dialog(repo: Repository) -> None:
    app = make_app(repo)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n", *"Acme", "escape")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))

        def focused_button() -> str | None:
            return app.focused.id if isinstance(app.focused, Button) else None

        assert focused_button() == "no"
        await pilot.press("left")  # the first button: left stays (it never rounds to discard)
        assert focused_button() == "no"
        await pilot.press("right")
        assert focused_button() == "yes"
        await pilot.press("right")  # the last button: right stays
        assert focused_button() == "yes"
        await pilot.press("left")
        assert focused_button() == "no"
        await pilot.press("enter")  # keep editing
        assert await until(pilot, lambda: isinstance(app.screen, InterviewFormDialog))
        await pilot.press("escape", "right", "enter")  # discard
        assert await until(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert repo.interviews() == []


def test_o_i_and_x_never_export_anywhere() -> None:
    """`o` is Outcome and `i` Insights wherever they are bound, `x` deletes: exports have their own keys."""
    import importlib
    import sys
    from pathlib import Path

    from textual.binding import Binding

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "docs"))
    from keys import SCREENS  # the screens the keys page lists

    exports: dict[str, list[str]] = {}
    for _, module, name in SCREENS:
        cls = getattr(importlib.import_module(module), name)
        for klass in cls.__mro__:
            for binding in klass.__dict__.get("BINDINGS", []):
                binding = binding if isinstance(binding, Binding) else Binding(*binding)
                for key in binding.key.split(","):
                    if "export" in binding.action:
                        exports.setdefault(name, []).append(key.strip())
    assert exports == {"PrepScreen": ["E"], "CardScreen": ["E", "C"]}
