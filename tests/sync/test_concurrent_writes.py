"""Both devices online and writing at the same moments: every note reaches both.

Before issue 21, 9 of 16 notes written this way were lost on both devices.
"""

from __future__ import annotations

import subprocess
import sys

from tests.helpers.devices import COMMAND_TIMEOUT, Device
from tests.helpers.syncthing import Pair

ROUNDS = 8
"""Notes each device writes."""


def _note(device: Device, text: str, interview: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "followup_tui", "note", text, "--interview", interview],
        env=device.env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def test_eight_notes_written_at_once_on_each_device_make_sixteen_on_both(
    pair: Pair, laptop: Device, phone: Device, interview: str
) -> None:
    written: list[str] = []
    for n in range(ROUNDS):
        texts = [f"laptop note {n}", f"phone note {n}"]
        running = [_note(laptop, texts[0], interview), _note(phone, texts[1], interview)]
        for process in running:  # both at the same moment, each device on its own copy
            _, err = process.communicate(timeout=COMMAND_TIMEOUT)
            assert process.returncode == 0, err.decode()
        written += texts

    pair.settle(
        lambda: (laptop.notes(), phone.notes()),
        (sorted(written), sorted(written)),
        "16 notes on both devices",
    )
