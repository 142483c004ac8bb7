"""``followup --web``: the app in a browser on this machine, through textual-serve.

textual-serve is an optional dependency (``pip install '.[web]'`` in followup's folder, as the
README says). The server starts one followup process per browser tab, on the same data file,
and serves this machine's user only: loopback, a secret token in the printed address, Host and
Origin checked, nothing loaded from another host (``followup_tui.cli.web_server``).
"""

from __future__ import annotations

import secrets
import shlex
import socket
import sys
from pathlib import Path

import click

WEB_INSTALL_HINT = (
    "followup --web needs textual-serve, which is not installed. "
    "In followup's folder (with its virtual environment active) run: pip install '.[web]'"
)
"""What ``--web`` says when textual-serve is missing: the README's own install command."""


def serve(path: Path, demo: bool, port: int) -> None:
    """Serve the app on http://127.0.0.1:PORT to this machine's user until interrupted.

    The address printed holds a secret token; the page and its websocket need it, and requests
    for another host name or from another website are refused (see ``web_server``).

    Args:
        path: The data file each session opens.
        demo: Open the throwaway demo copy in each session instead.
        port: The loopback port.

    Raises:
        click.ClickException: If textual-serve is not installed, or the port cannot be had.
    """
    try:
        from followup_tui.cli.web_server import PrivateServer
    except ImportError:
        raise click.ClickException(WEB_INSTALL_HINT) from None
    command = [sys.executable, "-m", "followup_tui", "--db", str(path)]
    if demo:
        command.append("--demo")
    server = PrivateServer(shlex.join(command), port, secrets.token_urlsafe(32))
    _check_port(port)  # before the address is printed: a busy port prints no address to open
    click.echo(f"followup: open {server.url} (this machine only; ctrl+c stops)", err=True)
    try:
        server.serve()
    except OSError as exc:
        raise _port_error(port, exc) from None


def _port_error(port: int, exc: OSError) -> click.ClickException:
    return click.ClickException(f"Could not listen on port {port}: {exc.strerror or exc}.")


def _check_port(port: int) -> None:
    """Make sure the loopback port can be listened on (then let it go for the server).

    Raises:
        click.ClickException: If another program holds it, or it is not ours to take.
    """
    from followup_tui.cli.web_server import HOST

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server will
        try:
            probe.bind((HOST, port))
        except OSError as exc:
            raise _port_error(port, exc) from None
