"""``followup --web`` serves this machine's user only: loopback, a token, Origin and Host checked.

A real server runs on 127.0.0.1 in a child process; the requests come from aiohttp's client, as
a browser (or a hostile page in one) would send them. No request leaves this machine.
"""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

DEADLINE = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    """A running ``followup --web`` and the address it printed."""

    def __init__(self, process: subprocess.Popen[bytes], port: int, url: str, db_path: Path) -> None:
        self.process, self.port, self.url, self.db_path = process, port, url, db_path
        self.token = parse_qs(urlsplit(url).query)["token"][0]
        self.base = f"http://127.0.0.1:{port}"
        self.origin = self.base


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """One server for the module (each start takes a second or two on a loaded machine)."""
    db_path = tmp_path_factory.mktemp("web") / "followup.json"
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "followup_tui", "--db", str(db_path), "--web", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stderr is not None
        line = process.stderr.readline().decode()
        found = re.search(r"http://\S+", line)
        assert found, line
        server = Served(process, port, found.group(0), db_path)
        deadline = time.monotonic() + DEADLINE
        while time.monotonic() < deadline:  # until it accepts connections
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            assert process.poll() is None, process.stderr.read().decode()
            time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)


async def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url, headers=headers or {}) as response:
        return response.status, await response.text()


def _get_now(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    return asyncio.run(_get(url, headers))


async def _socket_status(url: str, origin: str | None) -> int:
    headers = {"Origin": origin} if origin else {}
    async with aiohttp.ClientSession() as session:
        try:
            timeout = aiohttp.ClientWSTimeout(ws_close=5)
            async with session.ws_connect(url, headers=headers, timeout=timeout) as ws:
                await ws.close()
                return 101
        except aiohttp.WSServerHandshakeError as exc:
            return exc.status


def test_the_printed_address_is_loopback_with_a_long_token(served: Served) -> None:
    parts = urlsplit(served.url)
    assert parts.hostname == "127.0.0.1" and parts.port == served.port
    assert len(served.token) >= 32


def test_the_server_listens_on_loopback_only(served: Served) -> None:
    table = Path("/proc/net/tcp")
    if not table.exists():  # pragma: no cover - not Linux
        pytest.skip("needs /proc/net/tcp")
    listening = [
        line.split()[1]
        for line in table.read_text().splitlines()[1:]
        if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == served.port
    ]
    assert listening == ["0100007F:" + f"{served.port:04X}"], listening
    six = Path("/proc/net/tcp6")
    if six.exists():
        assert not [
            line
            for line in six.read_text().splitlines()[1:]
            if line.split()[3] == "0A" and int(line.split()[1].split(":")[1], 16) == served.port
        ]


def test_the_page_needs_the_token(served: Served) -> None:
    assert _get_now(f"{served.base}/")[0] == 403
    assert _get_now(f"{served.base}/?token=wrong")[0] == 403
    assert _get_now(f"{served.base}/?token={served.token[:-1]}")[0] == 403
    status, page = _get_now(served.url)
    assert status == 200
    assert "textual.js" in page and "<title>followup</title>" in page


def test_a_page_from_another_origin_is_refused(served: Served) -> None:
    assert _get_now(served.url, {"Origin": "http://evil.example"})[0] == 403
    assert _get_now(served.url, {"Origin": f"http://127.0.0.1:{served.port + 1}"})[0] == 403
    assert _get_now(served.url, {"Origin": served.origin})[0] == 200


def test_a_request_for_another_host_name_is_refused(served: Served) -> None:
    """DNS rebinding: a website's own name pointed at 127.0.0.1 reaches the port with its Host."""
    assert _get_now(served.url, {"Host": f"evil.example:{served.port}"})[0] == 403
    assert _get_now(served.url, {"Host": "127.0.0.1"})[0] == 403
    assert _get_now(served.url, {"Host": f"localhost:{served.port}"})[0] == 200


def test_the_websocket_needs_the_token_and_our_origin(served: Served) -> None:
    socket_url = f"ws://127.0.0.1:{served.port}/ws"
    assert asyncio.run(_socket_status(socket_url, served.origin)) in (403, 404)
    assert asyncio.run(_socket_status(f"{socket_url}/wrong", served.origin)) == 403
    assert asyncio.run(_socket_status(f"{socket_url}/{served.token}", "http://evil.example")) == 403
    assert asyncio.run(_socket_status(f"{socket_url}/{served.token}", served.origin)) == 101


def test_the_page_loads_nothing_from_another_host(served: Served) -> None:
    status, page = _get_now(served.url)
    assert status == 200
    stylesheets = re.findall(r'<link[^>]+href="([^"]+)"', page)
    sheets = [_get_now(f"{served.base}{href}")[1] for href in stylesheets if href.startswith("/")]
    for text in [page, *sheets]:
        text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)  # comments are no requests
        addresses = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(\s*["']?([^"')]+)""", text)
        for address in [a or b for a, b in addresses]:
            assert address.startswith("/") or address.startswith("data:"), address
        assert not re.search(r"https?://(?!127\.0\.0\.1|localhost)", text)
    socket_url = re.search(r'data-session-websocket-url="([^"]+)"', page)
    assert socket_url and socket_url.group(1) == f"ws://127.0.0.1:{served.port}/ws/{served.token}"


def test_web_with_a_command_is_a_usage_error(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--web", "list"], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert "--web" in result.stderr


def test_serving_the_page_does_not_create_the_data_file(served: Served) -> None:
    assert _get_now(served.url)[0] == 200
    assert not served.db_path.exists()


def test_a_busy_port_fails_before_any_address_is_printed(db_path: Path) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "followup_tui", "--web", "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=DEADLINE,
        )
    assert done.returncode == 1
    assert "http://" not in done.stderr + done.stdout
    assert done.stderr.strip().splitlines() == [
        f"Error: Could not listen on port {port}: Address already in use."
    ]


async def _screen_bytes(served: Served, wanted: bytes, seconds: float) -> bytes:
    """What the app draws over its websocket, untouched (no key, no click, no focus), until
    ``wanted`` shows or the time is up."""
    url = f"ws://127.0.0.1:{served.port}/ws/{served.token}?width=100&height=30"
    seen = b""
    timeout = aiohttp.ClientWSTimeout(ws_close=5)
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url, headers={"Origin": served.origin}, timeout=timeout) as ws,
    ):
        deadline = time.monotonic() + seconds
        while wanted not in seen and (left := deadline - time.monotonic()) > 0:
            try:
                message = await ws.receive(timeout=left)
            except asyncio.TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                seen += message.data
            elif message.type != aiohttp.WSMsgType.TEXT:
                break
        await ws.close()
    return seen


def test_the_footer_shows_its_keys_before_any_key_or_click(served: Served) -> None:
    """The browser starts the app without the focus; the footer must not wait for it."""
    drawn = asyncio.run(_screen_bytes(served, b"Insights", 15.0))
    assert b"Welcome to followup" in drawn  # the home screen is up
    assert b"Insights" in drawn  # "i Insights" is the footer's
