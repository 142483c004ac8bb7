"""A laptop and a phone joined by a real Syncthing pair on loopback (issue 21).

Each test gets a fresh pair: two ``syncthing serve`` processes with their own config folders,
one folder shared, both stopped at the end. The two devices run ``followup`` as subprocesses,
each with its own HOME and XDG folders and ``FOLLOWUP_DB`` in its copy of the shared folder.
Without Syncthing (``apt-get install syncthing``; ``.ci/run`` installs it) every test here is
skipped, and says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.devices import Device
from tests.helpers.syncthing import Pair, running_pair, syncthing_binary

PAST = "2026-11-24 10:00"
"""When the shared interview took place (notes go on the latest interview that has started)."""


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[Pair]:
    """Two connected Syncthing instances sharing one folder; stopped when the test ends."""
    if syncthing_binary() is None:
        pytest.skip("syncthing is not installed: apt-get install syncthing (.ci/run installs it)")
    with running_pair(tmp_path) as running:
        yield running


@pytest.fixture
def laptop(pair: Pair, tmp_path: Path) -> Device:
    """The laptop: its own home, its data in the laptop's copy of the shared folder."""
    device = Device("laptop", tmp_path / "laptop" / "home", pair.laptop.folder)
    device.prepare()
    return device


@pytest.fixture
def phone(pair: Pair, tmp_path: Path) -> Device:
    """The phone: its own home, its data in the phone's copy of the shared folder."""
    device = Device("phone", tmp_path / "phone" / "home", pair.phone.folder)
    device.prepare()
    return device


@pytest.fixture
def interview(pair: Pair, laptop: Device, phone: Device) -> str:
    """An interview added on the laptop that both devices hold; its id."""
    interview_id = laptop.followup("add", "Acme", "--when", PAST)
    pair.settle(lambda: list(phone.outcomes()), ["Acme"], "the interview on the phone")
    return interview_id
