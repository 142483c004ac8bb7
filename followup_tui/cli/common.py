"""What every ``followup`` command shares: the group class and the error handling."""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from followup_tui.cli.app_start import open_repository, tell_backup_problem, tell_folder_notices
from followup_tui.cli.errors import BROKEN_PIPE_STATUS, EXPECTED_ERRORS, error_message, silence_stdout
from followup_tui.domain.zones import zone_notice
from followup_tui.services.crash import crash_report
from followup_tui.store.repository import Repository

F = TypeVar("F", bound=Callable[..., Any])

LAZY_COMMANDS: dict[str, str] = {
    "export": "followup_tui.cli.data:export",
    "import": "followup_tui.cli.data:import_command",
    "import-questions": "followup_tui.cli.data:import_questions_command",
    "bank": "followup_tui.cli.bank:bank",
    "doctor": "followup_tui.cli.data:doctor",
    "devices": "followup_tui.cli.devices:devices",
    "card": "followup_tui.cli.card:card",
    "ics": "followup_tui.cli.card:ics",
}
"""Commands imported only when run (or listed by --help), so ``followup note`` starts fast."""


class FollowupGroup(click.Group):
    """The ``followup`` group: commands load lazily, and an unexpected error prints a report
    without user text instead of a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        """Return every command name, the lazily loaded ones included."""
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        """Return a command, importing its module the first time it is needed."""
        command = super().get_command(ctx, cmd_name)
        if command is None and cmd_name in LAZY_COMMANDS:
            module_name, attribute = LAZY_COMMANDS[cmd_name].split(":")
            command = getattr(importlib.import_module(module_name), attribute)
            self.add_command(command, cmd_name)
        return command

    def invoke(self, ctx: click.Context) -> Any:
        """Run the command; report an internal error in a few lines that hold none of the user's text.

        A reader that goes away (``followup list | head -n 1``) ends the command quietly with
        the status of a process stopped by SIGPIPE, as other command-line tools do.
        """
        notice = zone_notice()
        if notice is not None:  # TZ could not be used as it is: say which zone was, once
            click.echo(f"Warning: {notice}", err=True)
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # a closed pipe shows here, not in the interpreter's last flush
            return result
        except BrokenPipeError:
            silence_stdout()
            ctx.exit(BROKEN_PIPE_STATUS)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception:
            exc_type, _, tb = sys.exc_info()
            click.echo(crash_report(exc_type, tb), err=True)
            ctx.exit(1)


def guarded(command: F) -> F:
    """Turn the errors a user can cause into one clean line and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BrokenPipeError:
            raise  # not the user's mistake: the group ends the command quietly
        except EXPECTED_ERRORS as exc:
            raise click.ClickException(error_message(exc)) from None

    return wrapper  # type: ignore[return-value]


def open_repo(path: Path) -> Repository:
    """Open the data file (nothing is created until the first write).

    A change that has to wait for another process's lock says so on stderr at once, and a
    backup that could not be made is told on stderr when the command ends (the change itself
    is saved). So are the files of the folder it could not read (left untouched) and a new
    identity this device took.
    """
    repo = open_repository(path, held=True)
    context = click.get_current_context(silent=True)
    if context is not None:
        context.call_on_close(lambda: tell_folder_notices(repo))
        context.call_on_close(lambda: tell_backup_problem(repo))
    return repo
