"""The server behind ``followup --web``: textual-serve, held to this machine's user.

textual-serve runs one followup process per browser tab and relays its terminal over a
websocket. On its own it answers any page that reaches it, and its page loads a font from a
public font service. This server keeps its relay and adds what a private app needs:

- it listens on the loopback address only (``127.0.0.1``);
- a secret token, printed in the URL at start (as Jupyter does), is required for the page
  (``/?token=...``) and for the websocket (``/ws/<token>``), and compared in constant time;
- the ``Host`` header must name this server, so a website that points its own name at
  127.0.0.1 (DNS rebinding) is refused;
- the ``Origin`` header, which browsers send with every websocket and cross-site request, must
  be this server's own, so another website open in the same browser cannot drive the app;
- the page is followup's own: it loads only the terminal script, its stylesheet and a font
  from this server (no other host), and a Content-Security-Policy holds it to that.
"""

from __future__ import annotations

import asyncio
import hmac
import html
import signal
from collections.abc import Awaitable, Callable

from aiohttp import web
from textual_serve.server import Server

HOST = "127.0.0.1"
"""The only address the server listens on."""

TOKEN_PARAMETER = "token"
"""The query parameter that carries the token to the page."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>followup</title>
<link rel="stylesheet" href="/static/css/xterm.css">
<style>
@font-face {{
  font-family: "Roboto Mono";
  src: url("/static/fonts/RobotoMono-VariableFont_wght.ttf") format("truetype");
}}
html, body {{ margin: 0; height: 100%; overflow: hidden; background: #14181c; color: #e6e6e6;
  font-family: monospace; }}
.textual-terminal {{ width: 100vw; height: 100vh; }}
.ended {{ display: none; position: fixed; inset: 0; align-items: center; justify-content: center;
  flex-direction: column; background: #14181c; }}
body.-closed .ended {{ display: flex; }}
</style>
<script src="/static/js/textual.js"></script>
</head>
<body>
<div id="terminal" class="textual-terminal" data-session-websocket-url="{socket_url}"
  data-font-size="{font_size}"></div>
<div class="ended"><p>followup has closed.</p><p>Reload the page to open it again.</p></div>
</body>
</html>
"""


def _same(given: str, secret: str) -> bool:
    return hmac.compare_digest(given.encode(), secret.encode())


class PrivateServer(Server):
    """A textual-serve server for this machine's user only (see the module's docstring).

    Args:
        command: The shell command that starts one followup session.
        port: The loopback port.
        token: The secret the page and the websocket must carry.
    """

    def __init__(self, command: str, port: int, token: str) -> None:
        super().__init__(command, host=HOST, port=port, title="followup")
        self.token = token
        self.hosts = frozenset({f"{HOST}:{port}", f"localhost:{port}"})
        """The Host headers this server answers to."""
        self.origins = frozenset(f"http://{host}" for host in self.hosts)
        """The only origins allowed to send requests or open the websocket."""

    @property
    def url(self) -> str:
        """The address to open, token included (printed at start)."""
        return f"http://{HOST}:{self.port}/?{TOKEN_PARAMETER}={self.token}"

    async def _make_app(self) -> web.Application:
        app = web.Application(middlewares=[self._guard])
        app.add_routes(
            [
                web.get("/", self.handle_page),
                web.get("/ws/{token}", self.handle_socket),
                web.static("/static", self.statics_path),
            ]
        )
        return app

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Refuse a request for another host or from another origin, before any handler runs."""
        if request.headers.get("Host", "") not in self.hosts:
            raise web.HTTPForbidden(text="followup answers only to its own address.")
        origin = request.headers.get("Origin")
        if origin is not None and origin not in self.origins:
            raise web.HTTPForbidden(text="followup refuses requests from other websites.")
        response = await handler(request)
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        return response

    async def handle_page(self, request: web.Request) -> web.Response:
        """The app's page, for a request that carries the token."""
        if not _same(request.query.get(TOKEN_PARAMETER, ""), self.token):
            raise web.HTTPForbidden(text="Open the address followup printed, token included.")
        font_size = request.query.get("fontsize", "16")
        socket_url = f"ws://{request.headers['Host']}/ws/{self.token}"
        page = _PAGE.format(
            socket_url=html.escape(socket_url, quote=True),
            font_size=int(font_size) if font_size.isdigit() and len(font_size) < 3 else 16,
        )
        sources = " ".join(f"ws://{host}" for host in sorted(self.hosts))
        return web.Response(
            text=page,
            content_type="text/html",
            headers={
                "Cache-Control": "no-store",
                "X-Frame-Options": "DENY",
                "Content-Security-Policy": (
                    "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    f"connect-src 'self' {sources}; frame-ancestors 'none'; "
                    "base-uri 'none'; form-action 'none'"
                ),
            },
        )

    async def handle_socket(self, request: web.Request) -> web.StreamResponse:
        """The terminal's websocket, for a request that carries the token in its path."""
        if not _same(request.match_info.get("token", ""), self.token):
            raise web.HTTPForbidden(text="The websocket needs the token.")
        return await self.handle_websocket(request)

    def serve(self, debug: bool = False) -> None:
        """Serve until SIGINT or SIGTERM; log nothing per request (a URL holds the token)."""
        self.debug = debug
        loop = asyncio.new_event_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            try:
                loop.add_signal_handler(sig, self.request_exit)
            except NotImplementedError:  # pragma: no cover - not POSIX
                break
        web.run_app(
            self._make_app(),
            host=HOST,
            port=self.port,
            handle_signals=False,
            loop=loop,
            print=lambda *args: None,
            access_log=None,
        )
