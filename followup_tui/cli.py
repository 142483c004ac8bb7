"""The command line: ``followup`` opens the app; subcommands work without it.

Textual is imported only by the code path that opens the app, so ``followup list`` and
``followup note`` start quickly and work over a bare SSH session.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from followup_tui import __version__
from followup_tui.locations import resolve_data_file


@click.group(invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db", "db", type=click.Path(dir_okay=False), help="Use this data file instead of the default."
)
@click.option("--demo", is_flag=True, help="Open a throwaway copy filled with sample data.")
@click.version_option(__version__, prog_name="followup")
@click.pass_context
def main(ctx: click.Context, db: str | None, demo: bool) -> None:
    """Prepare for an interview, debrief after it, and follow up on what matters."""
    ctx.obj = resolve_data_file(db)
    if ctx.invoked_subcommand is None:
        run_app(ctx.obj, demo=demo)


def run_app(path: Path, demo: bool = False) -> None:
    """Open the app on ``path`` (or on a throwaway demo copy)."""
    from followup_tui.repository import Repository

    repo = Repository(path)
    from followup_tui.app import FollowupApp

    app = FollowupApp(repo)
    app.run()
    if not app.saver.close():
        sys.stderr.write("followup: some edits could not be saved; see the messages above.\n")
        sys.exit(1)
