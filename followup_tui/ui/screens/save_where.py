"""Files the user asked for (a sheet, a card, a calendar file): ask where, write, say where.

The folder is asked for every time, in a line that starts with the last folder used (the home
folder the first time), so enter alone saves where the last file went. The file is written off
the UI thread under a safe new name, and a notification says exactly where it went.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Label, Static

from followup_tui.services import actions
from followup_tui.services.autosave import save_key
from followup_tui.store.files import export_folder, export_path, write_new_file
from followup_tui.store.storage import StorageError
from followup_tui.ui.display import safe
from followup_tui.ui.screens.dialog import FollowupDialog
from followup_tui.ui.widgets.text_input import TextInput


class SaveWhereDialog(FollowupDialog["Path | None"]):
    """Ask which folder a file goes in; dismiss with the folder, or None when cancelled.

    Args:
        what: What is being saved, for the title ("the one-page sheet").
        folder: The folder offered at first.
    """

    DEFAULT_CSS = """
    SaveWhereDialog > .dialog-frame { width: 76; }
    SaveWhereDialog .hint { color: $text-muted; }
    SaveWhereDialog #where-error { color: $text-error; display: none; }
    SaveWhereDialog #where-error.-shown { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "save", "Save here", priority=True),
    ]

    def __init__(self, what: str, folder: Path) -> None:
        super().__init__()
        self._what = what
        self._folder = folder

    def compose(self) -> ComposeResult:
        """The folder line, a hint and room for an error."""
        with Vertical(classes="dialog-frame") as box:
            box.border_title = f"Save {self._what}"
            yield Label("In this folder:")
            yield TextInput(str(self._folder), id="where", compact=True)
            yield Static("enter saves here · escape cancels · ~ is your home folder", classes="hint")
            yield Static(id="where-error")

    def on_mount(self) -> None:
        """The cursor at the end of the folder, ready to change it."""
        self.query_one("#where", Input).focus()

    def action_save(self) -> None:
        """Save in the folder typed, if it is one."""
        typed = self.query_one("#where", Input).value.strip()
        folder = Path(typed).expanduser() if typed else self._folder
        if not folder.is_dir():
            error = self.query_one("#where-error", Static)
            error.update(safe(f"There is no folder {folder}."))
            error.add_class("-shown")
            return
        self.dismiss(folder.resolve())


def last_folder(screen: Screen[Any]) -> Path:
    """The folder the last file went to, if it is still there; else the home folder."""
    app: Any = screen.app
    # this session's choice first: its save to the settings may still be queued
    stored = getattr(app, "chosen_export_folder", None) or app.repo.setting(actions.EXPORT_FOLDER)
    if isinstance(stored, str) and stored and Path(stored).is_dir():
        return Path(stored)
    return export_folder()


ExportContent = Literal["interviews", "sheet", "card", "calendar"]
"""What an exported file holds: the middle of its name."""


def export_stem(content: ExportContent, company: str = "", person: str = "") -> str:
    """The name of an exported file before its extension, one pattern for every format: the
    company (or "followup" for every interview), what the file holds, then whom it is for:
    ``northwind-labs-card-sam-okafor.txt``, ``northwind-labs-sheet.md``,
    ``followup-interviews.csv`` (made safe, and given "-2" when the name is taken, on writing).
    """
    return " ".join(part for part in (company or "followup", content, person) if part)


def ask_and_save(
    screen: Screen[Any],
    what: str,
    stem: str,
    suffix: str,
    content: Callable[[], str],
    done: str,
    folder: Path | None = None,
) -> None:
    """Ask where, then write a new file there off the UI thread and say where it went.

    Args:
        screen: The screen asking (it runs the worker).
        what: What is saved, for the dialog's title ("the card as text").
        stem: User text to name the file after (reduced to a safe name, never overwriting).
        suffix: The file extension, with its dot.
        content: Returns the file's text (called in the worker).
        done: The start of the message shown with the path ("Card saved to").
        folder: The folder to offer (the last one used when None).
    """
    app: Any = screen.app

    def chosen(where: Path | None) -> None:
        if where is None:
            return
        app.chosen_export_folder = str(where)
        repo = app.repo
        app.save(
            save_key("settings", actions.EXPORT_FOLDER), lambda: actions.remember_folder(repo, str(where))
        )
        write_in_background(screen, where, stem, suffix, content, done)

    app.push_screen(SaveWhereDialog(what, folder or last_folder(screen)), chosen)


def write_in_background(
    screen: Screen[Any], folder: Path, stem: str, suffix: str, content: Callable[[], str], done: str
) -> None:
    """Write a new file named after user text in a worker thread; notify the path or the error.

    Args:
        screen: The screen that runs the worker.
        folder: Where the file goes.
        stem: User text to name the file after (reduced to a safe name, never overwriting).
        suffix: The file extension, with its dot.
        content: Returns the file's text (called in the worker).
        done: The start of the message shown with the path ("Card saved to").
    """
    app = screen.app

    def work() -> None:
        try:
            path = export_path(folder, stem, suffix)
            write_new_file(path, content())
        except (OSError, StorageError) as exc:
            app.call_from_thread(app.notify, str(exc), title="Not saved", severity="error", markup=False)
            return
        app.call_from_thread(app.notify, f"{done} {path}", markup=False, timeout=8)

    screen.run_worker(work, thread=True, group="export", exit_on_error=False)
