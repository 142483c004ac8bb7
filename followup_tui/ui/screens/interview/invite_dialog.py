"""The interview form's "from an invitation…": a path box that reads an ``.ics`` file.

A file dropped onto the terminal arrives as its path, often quoted, escaped or as a
``file://`` address; ``clean_path`` turns each of those back into the path. The file is read
off the UI thread. Dismisses with the ``Invitation`` read, or None when cancelled.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlparse

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from followup_tui.domain.invitation import Invitation, InvitationError
from followup_tui.ui.display import safe
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.dialog import FollowupDialog
from followup_tui.ui.widgets.text_input import TextInput

_ESCAPED = re.compile(r"\\(.)")


def clean_path(text: str) -> str:
    """A path as typed, pasted or dropped: quotes, ``file://`` and backslash escapes removed."""
    value = text.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        value = value[1:-1]
    if value.lower().startswith("file://"):
        value = unquote(urlparse(value).path)
    elif "\\ " in value or "\\(" in value:
        value = _ESCAPED.sub(r"\1", value)
    return value


def looks_like_invitation(text: str) -> bool:
    """True when pasted text is the path of an existing ``.ics`` file (a file dropped)."""
    value = clean_path(text)
    if not value.lower().endswith(".ics") or "\n" in value:
        return False
    try:
        return Path(value).expanduser().is_file()
    except (OSError, ValueError):
        return False


class InviteDialog(FollowupDialog[Invitation | None]):
    """Ask for an invitation file (and, once, the user's own address) and read it.

    Args:
        path: A path to start with (a file dropped on the form).
        my_email: The user's own address as stored.
    """

    DEFAULT_CSS = """
    InviteDialog > .dialog-frame { width: 76; }
    InviteDialog .dialog-title { margin-bottom: 1; }
    InviteDialog Input { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "read", "Read")]

    app: FollowupHost

    def __init__(self, path: str = "", my_email: str = "") -> None:
        super().__init__()
        self._path, self._email = path, my_email
        self.email = my_email
        """The address typed in the dialog (the caller stores it when it changed)."""

    def compose(self) -> ComposeResult:
        """The path box, the address box, a line for errors and a hint."""
        with Vertical(classes="dialog-frame"):
            yield Label("From an invitation", classes="dialog-title")
            yield TextInput(
                self._path, placeholder="path to the .ics file (or drop the file here)", id="ics-path"
            )
            yield TextInput(
                self._email, placeholder="your own email (left out of the interviewers)", id="ics-me"
            )
            yield Static("", classes="dialog-error", id="ics-error")
            yield Static("enter reads · escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        """Type or drop the path at once; a path given (a file dropped) is read at once, once
        the user's own address is known (else the address box waits for it)."""
        self.query_one("#ics-path", Input).focus()
        if self._path and self._email:
            self.action_read()
        elif self._path:
            self.query_one("#ics-me", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter reads the file."""
        event.stop()
        self.action_read()

    def action_read(self) -> None:
        """Read the file named in the path box."""
        path = clean_path(self.query_one("#ics-path", Input).value)
        if not path:
            self._error("Type or drop the path of the invitation (.ics) file.")
            return
        self.email = self.query_one("#ics-me", Input).value.strip()
        self._read(path, self.email)

    @work(thread=True, exclusive=True, group="invite-read")
    def _read(self, path: str, email: str) -> None:
        from followup_tui.services.invites import check_email, read_invitation

        try:
            if email:
                check_email(email)
            invitation = read_invitation(self.app.repo, path, email or None)
        except InvitationError as exc:
            self.app.call_from_thread(self._error, f"Cannot read {path}: {exc}")
            return
        except OSError as exc:
            self.app.call_from_thread(self._error, f"{path}: {exc.strerror or 'cannot be read'}.")
            return
        except ValueError as exc:
            self.app.call_from_thread(self._error, str(exc))
            return
        self.app.call_from_thread(self.dismiss, invitation)

    def _error(self, message: str) -> None:
        error = self.query_one("#ics-error", Static)
        error.update(safe(message))
        error.display = True
