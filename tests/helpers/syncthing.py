"""Two real Syncthing instances on loopback sharing one folder: a laptop and a phone in a test.

Each instance has its own ``--home`` config folder, listens on 127.0.0.1 only (free ports), with
global and local discovery, relays, NAT, usage reporting, crash reports and upgrades off. Its
REST API answers on 127.0.0.1 with a fixed key; pausing the other device models going offline.
Every wait polls for content with a deadline; nothing sleeps a fixed time.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import shutil
import socket
import subprocess
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from tests.helpers.wait import WaitTimeout, poll

API_KEY = "followup-test-key"
"""The REST key of both instances."""

FOLDER_ID = "followup-data"
"""The id of the folder both devices share."""

STARTUP_TIMEOUT = 30.0
"""Seconds for an instance to answer its REST API and for the two to connect."""

SYNC_TIMEOUT = 30.0
"""Seconds a file may take to reach the other device (a pair on loopback takes about one)."""

STIGNORE = (
    "// followup: what stays on each device (backups, and the lock of older versions)",
    "followup.*.backups",
    "followup.json.lock",
    ".followup-tmp-*",
)
"""The ``.stignore`` of the shared folder, as docs/phone.md shows it."""

T = TypeVar("T")


def syncthing_binary() -> str | None:
    """The ``syncthing`` program, if it is installed."""
    return shutil.which("syncthing")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _set(parent: ET.Element, tag: str, text: str) -> None:
    node = parent.find(tag)
    if node is None:
        node = ET.SubElement(parent, tag)
    node.text = text


@dataclass
class Instance:
    """One Syncthing instance: its config folder, ports, device id and synced folder."""

    name: str
    home: Path
    folder: Path
    listen_port: int = field(default_factory=free_port)
    gui_port: int = field(default_factory=free_port)
    device_id: str = ""
    process: subprocess.Popen[bytes] | None = None

    def generate(self, binary: str) -> None:
        """Make the keys and the first config, and read the device id."""
        subprocess.run(
            [binary, "generate", f"--home={self.home}", "--no-default-folder"],
            check=True,
            capture_output=True,
            timeout=60,
        )
        done = subprocess.run(
            [binary, "serve", f"--home={self.home}", "--device-id"],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        self.device_id = done.stdout.strip()

    def configure(self, other: Instance, dials: bool) -> None:
        """Write the config: loopback only, nothing public, the other device and the folder.

        Only one side knows the other's address (``dials``): when both dial at once after a
        resume, Syncthing 1.19 can keep the two half-open connections waiting 20 seconds.
        """
        path = self.home / "config.xml"
        tree = ET.parse(path)
        root = tree.getroot()
        for node in root.findall("device") + root.findall("folder"):
            root.remove(node)
        gui = root.find("gui")
        assert gui is not None
        _set(gui, "address", f"127.0.0.1:{self.gui_port}")
        _set(gui, "apikey", API_KEY)
        options = root.find("options")
        assert options is not None
        for tag, value in {
            "listenAddress": f"tcp://127.0.0.1:{self.listen_port}",
            "globalAnnounceEnabled": "false",
            "localAnnounceEnabled": "false",
            "relaysEnabled": "false",
            "natEnabled": "false",
            "urAccepted": "-1",
            "urSeen": "3",
            "autoUpgradeIntervalH": "0",
            "crashReportingEnabled": "false",
            "startBrowser": "false",
            "reconnectionIntervalS": "1",
            "progressUpdateIntervalS": "-1",
            "setLowPriority": "false",
        }.items():
            _set(options, tag, value)
        folder = ET.Element(
            "folder",
            id=FOLDER_ID,
            label="followup",
            path=str(self.folder),
            type="sendreceive",
            rescanIntervalS="3600",
            fsWatcherEnabled="true",
            fsWatcherDelayS="1",
            ignorePerms="false",
        )
        for device in (self, other):
            ET.SubElement(folder, "device", id=device.device_id)
        root.insert(0, folder)
        for device in (self, other):
            node = ET.Element("device", id=device.device_id, name=device.name, compression="metadata")
            known = device is other and dials
            _set(node, "address", f"tcp://127.0.0.1:{device.listen_port}" if known else "dynamic")
            root.insert(0, node)
        tree.write(path)

    def start(self, binary: str, log: Path) -> None:
        """Start ``syncthing serve`` for this instance (stopped by ``stop``)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / ".stignore").write_text("\n".join(STIGNORE) + "\n")
        self.process = subprocess.Popen(
            [
                binary,
                "serve",
                f"--home={self.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                f"--logfile={log}",
            ],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={"PATH": "/usr/bin:/bin", "HOME": str(self.home), "STNODEFAULTFOLDER": "1"},
        )

    def stop(self) -> None:
        """Stop the process this instance started, and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)

    def rest(self, method: str, endpoint: str, **params: str) -> Any:
        """Call the REST API; return the parsed answer (None when it has no body)."""
        query = "&".join(f"{key}={value}" for key, value in params.items())
        url = f"http://127.0.0.1:{self.gui_port}{endpoint}" + (f"?{query}" if query else "")
        request = urllib.request.Request(url, method=method, headers={"X-API-Key": API_KEY})
        with urllib.request.urlopen(request, timeout=10) as answer:
            body = answer.read()
        return json.loads(body) if body.strip() else None

    def answers(self) -> bool:
        """Whether the REST API answers."""
        try:
            self.rest("GET", "/rest/system/ping")
        except (OSError, urllib.error.URLError):
            return False
        return True

    def connected_to(self, other: Instance) -> bool:
        """Whether this instance holds a live connection to ``other``."""
        connections = self.rest("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(other.device_id, {}).get("connected"))

    def scan(self) -> None:
        """Ask for a scan of the shared folder now (the watcher would take a second)."""
        self.rest("POST", "/rest/db/scan", folder=FOLDER_ID)

    def idle(self) -> bool:
        """Whether the folder is idle and this instance needs nothing from the other."""
        status = self.rest("GET", "/rest/db/status", folder=FOLDER_ID)
        return status.get("state") == "idle" and status.get("needTotalItems", 0) == 0


@dataclass
class Pair:
    """A laptop and a phone, each a Syncthing instance sharing ``laptop.folder``/``phone.folder``."""

    laptop: Instance
    phone: Instance

    def __iter__(self) -> Iterator[Instance]:
        return iter((self.laptop, self.phone))

    def other(self, instance: Instance) -> Instance:
        """The other device of the pair."""
        return self.phone if instance is self.laptop else self.laptop

    def wait_connected(self) -> None:
        """Wait until both instances answer and see each other."""
        poll(lambda: all(i.answers() for i in self), STARTUP_TIMEOUT, "both instances answering")
        poll(
            lambda: self.laptop.connected_to(self.phone) and self.phone.connected_to(self.laptop),
            STARTUP_TIMEOUT,
            "the two devices connected",
        )

    def offline(self, instance: Instance) -> None:
        """Take ``instance`` offline: both sides pause the other, and the link drops."""
        other = self.other(instance)
        instance.rest("POST", "/rest/system/pause", device=other.device_id)
        other.rest("POST", "/rest/system/pause", device=instance.device_id)
        poll(
            lambda: not instance.connected_to(other) and not other.connected_to(instance),
            STARTUP_TIMEOUT,
            f"{instance.name} offline",
        )

    def online(self, instance: Instance) -> None:
        """Bring ``instance`` back: both sides resume, and the two connect again."""
        other = self.other(instance)
        instance.rest("POST", "/rest/system/resume", device=other.device_id)
        other.rest("POST", "/rest/system/resume", device=instance.device_id)
        self.wait_connected()

    def settle(self, observe: Callable[[], T], expected: T, what: str, timeout: float = SYNC_TIMEOUT) -> None:
        """Scan both sides until ``observe()`` gives ``expected``.

        Raises:
            WaitTimeout: If it did not in time; the message shows the last value observed.
        """
        seen: list[T | str] = ["(the two folders never held the same files)"]

        def check() -> bool:
            for instance in self:
                instance.scan()
            if not self.synced():  # cheap: the files and Syncthing's state, no followup process
                return False
            seen[:] = [observe()]
            return seen[0] == expected

        try:
            poll(check, timeout, what)
        except WaitTimeout:
            raise WaitTimeout(
                f"waited {timeout:g} s for {what}: saw {seen[0]!r}, expected {expected!r}"
            ) from None

    def synced(self) -> bool:
        """Whether both folders hold the same files with the same bytes, and both are idle."""
        return _contents(self.laptop.folder) == _contents(self.phone.folder) and all(i.idle() for i in self)


def _ignored(relative: Path) -> bool:
    """Whether Syncthing leaves this path alone (its own files, and what ``STIGNORE`` names)."""
    patterns = [line for line in STIGNORE if not line.startswith("//")] + [
        ".stfolder",
        ".stignore",
        ".syncthing.*",
    ]
    return any(fnmatch.fnmatch(part, pattern) for part in relative.parts for pattern in patterns)


def _contents(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` that Syncthing shares, with its bytes."""
    contents: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not _ignored(relative):
            with contextlib.suppress(FileNotFoundError):  # replaced while we look
                contents[str(relative)] = path.read_bytes()
    return contents


@contextmanager
def running_pair(root: Path) -> Iterator[Pair]:
    """Start a connected pair under ``root``; stop both processes on the way out.

    Raises:
        WaitTimeout: If the pair did not start and connect in time (its logs are named).
    """
    binary = syncthing_binary()
    assert binary is not None, "syncthing is not installed"
    laptop = Instance("laptop", root / "laptop-syncthing", root / "laptop" / "sync")
    phone = Instance("phone", root / "phone-syncthing", root / "phone" / "sync")
    pair = Pair(laptop, phone)
    try:
        for instance in pair:
            instance.generate(binary)
        for instance in pair:
            instance.configure(pair.other(instance), dials=instance is phone)
            instance.start(binary, root / f"{instance.name}-syncthing.log")
        try:
            pair.wait_connected()
        except WaitTimeout as exc:
            raise WaitTimeout(f"{exc} (logs in {root})") from None
        yield pair
    finally:
        for instance in pair:
            instance.stop()
