"""One dialog: every modal screen is a FollowupDialog named *Dialog, sharing frame, escape and footer."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input
from textual.widgets._footer import FooterKey

import followup_tui.ui
from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.dialog import ConfirmDialog, FollowupDialog
from followup_tui.ui.screens.prep.dialogs import PrepTextDialog
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import until

UI = Path(followup_tui.ui.__file__).parent


def _modal_classes() -> list[type[ModalScreen[object]]]:
    for module in pkgutil.walk_packages([str(UI)], "followup_tui.ui."):
        importlib.import_module(module.name)
    found: list[type[ModalScreen[object]]] = []
    todo: list[type[ModalScreen[object]]] = [ModalScreen]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("followup_tui"):
                found.append(sub)
    return found


def test_every_modal_screen_is_a_followup_dialog_named_dialog() -> None:
    modals = [cls for cls in _modal_classes() if cls is not FollowupDialog]
    assert len(modals) >= 11
    assert [c.__name__ for c in modals if not issubclass(c, FollowupDialog)] == []
    assert [c.__name__ for c in modals if not c.__name__.endswith("Dialog")] == []


def test_the_frame_is_defined_once() -> None:
    """Only dialog.py centres a box and draws its frame; the dialogs set a width or a colour."""
    for path in UI.rglob("*.py"):
        if path.name == "dialog.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                assert "align: center middle" not in node.value, path
                assert "background: $surface" not in node.value or "dialog-frame" not in node.value, path


class Typing(FollowupDialog[str | None]):
    """A dialog with a text box that says it has unsaved text once something is typed."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "save", "Save")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-frame"):
            yield Input(id="text")

    def has_unsaved_text(self) -> bool:
        return bool(self.query_one(Input).value)

    def action_save(self) -> None:
        self.dismiss(self.query_one(Input).value)


class Host(App[None]):
    def __init__(self, dialog: FollowupDialog[str | None]) -> None:
        super().__init__()
        self.dialog = dialog
        self.results: list[str | None] = []

    def on_mount(self) -> None:
        self.push_screen(self.dialog, self.results.append)


def _footer_keys(app: App[None]) -> dict[str, str]:
    return {key.key: key.description for key in app.screen.query(FooterKey)}


async def test_escape_without_typed_text_closes_at_once() -> None:
    app = Host(Typing())
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.press("escape")
        assert await until(pilot, lambda: app.results == [None])


async def test_escape_with_typed_text_asks_first() -> None:
    app = Host(Typing())
    async with app.run_test(size=(60, 12)) as pilot:
        await pilot.press("h", "i", "escape")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # keep typing
        assert await until(pilot, lambda: isinstance(app.screen, Typing))
        assert app.screen.query_one(Input).value == "hi"
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("y")  # discard
        assert await until(pilot, lambda: app.results == [None])


async def test_the_footer_shows_the_dialogs_own_keys_with_the_save_key() -> None:
    app = Host(Typing())
    async with app.run_test(size=(60, 12)) as pilot:
        # ? is offered too, but not while the cursor is in a field: there it is a character
        expected = {"escape": "Cancel", "ctrl+s": "Save"}
        assert await until(pilot, lambda: _footer_keys(app) == expected)


async def test_a_real_dialog_shows_its_save_key_below() -> None:
    app = Host(PrepTextDialog("Add a question to ask"))  # type: ignore[arg-type]
    async with app.run_test(size=(80, 16)) as pilot:
        assert await until(pilot, lambda: _footer_keys(app).get("ctrl+s") == "Save")
        await pilot.press("w", "h", "y", "ctrl+s")
        assert await until(pilot, lambda: app.results == [("why", "")])


def test_every_dialog_that_takes_text_shows_its_save_key() -> None:
    """Each dialog that keeps typed text saves with ctrl+s, shown in its footer."""
    from followup_tui.ui.screens.kept_input import KeptInputDialog

    text_dialogs = [
        cls for cls in _modal_classes() if issubclass(cls, KeptInputDialog) and cls is not KeptInputDialog
    ]
    assert len(text_dialogs) >= 6
    for cls in text_dialogs:
        shown = {
            key
            for klass in cls.__mro__
            for binding in vars(klass).get("BINDINGS", [])
            if isinstance(binding, Binding) and binding.show
            for key in binding.key.split(",")
        }
        assert "ctrl+s" in shown, cls.__name__


async def test_a_dialog_whose_keys_do_not_fit_says_question_mark_keys_and_lists_them(
    repo: Repository,
) -> None:
    """At 60 columns the outcome dialog's six letters do not fit: `? keys` lists every one."""
    from followup_tui.ui.screens.help import HelpDialog
    from followup_tui.ui.screens.insights.outcome import OutcomeDialog

    repo.add(Interview(company="Initech", when="2026-11-20 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("o")
        assert await until(pilot, lambda: isinstance(app.screen, OutcomeDialog))
        assert await until(pilot, lambda: _footer_keys(app).get("question_mark") == "keys")
        shown = [key for key in app.screen.query(FooterKey) if key.display]
        assert shown[-1].key == "question_mark"  # the line ends with it
        await pilot.press("question_mark")
        assert await until(pilot, lambda: isinstance(app.screen, HelpDialog))
        listed = screen_text(app)
        assert "Withdrawn" in listed and "No response" in listed
        assert "Keys on this dialog" in listed and "escape  Cancel" in listed
        assert "palette" not in listed  # a dialog has no palette
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, OutcomeDialog))


async def test_help_lines_up_its_keys_and_wraps_a_description_under_itself(repo: Repository) -> None:
    from followup_tui.ui.screens.help import HelpDialog

    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("question_mark")
        assert await until(pilot, lambda: isinstance(app.screen, HelpDialog))
        await pilot.press("end")
        assert await until(pilot, lambda: "ctrl+p" in screen_text(app))
        rows = screen_text(app).splitlines()
        first = next(n for n, row in enumerate(rows) if "ctrl+p  Command palette" in row)
        column = rows[first].index("Command")
        assert rows[first + 1][column].isalpha() and rows[first + 1][:column].strip(" │") == ""
        assert rows[first - 1].index("This help") == column  # the keys stand in one column


async def test_a_questions_keys_are_named_with_its_buttons_words() -> None:
    """ "Delete … ?" with Keep and Delete buttons: the footer says "y Delete · n Keep", never
    "y Yes · n No", and y does what the Delete button does."""
    answers: list[bool | None] = []

    class Asking(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ConfirmDialog("Delete the interview?", yes="Delete", no="Keep"), answers.append)

    app = Asking()
    async with app.run_test(size=(60, 20)) as pilot:
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        assert await until(pilot, lambda: _footer_keys(app).get("y") == "Delete")
        assert _footer_keys(app).get("n") == "Keep"
        assert "Yes" not in screen_text(app)
        await pilot.press("y")
        assert await until(pilot, lambda: answers == [True])
