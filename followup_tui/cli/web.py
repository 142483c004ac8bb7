"""``followup --web``: the app in a browser on this machine, through textual-serve.

textual-serve is an optional dependency (``pip install 'followup-tui[web]'``). The server listens
on localhost only and starts one followup process per browser tab, on the same data file.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click


def serve(path: Path, demo: bool, port: int) -> None:
    """Serve the app on http://localhost:PORT until interrupted.

    Args:
        path: The data file each session opens.
        demo: Open the throwaway demo copy in each session instead.
        port: The local port.

    Raises:
        click.ClickException: If textual-serve is not installed.
    """
    try:
        from textual_serve.server import Server
    except ImportError:
        raise click.ClickException(
            "followup --web needs textual-serve: pip install 'followup-tui[web]'"
        ) from None
    command = [sys.executable, "-m", "followup_tui", "--db", str(path)]
    if demo:
        command.append("--demo")
    click.echo(f"followup: serving on http://localhost:{port} (ctrl+c stops)", err=True)
    Server(shlex.join(command), host="localhost", port=port, title="followup").serve()
