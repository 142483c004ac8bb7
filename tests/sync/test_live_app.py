"""The app open on the laptop shows a note written on the phone within seconds of it arriving."""

from __future__ import annotations

import sys

from tests.helpers.devices import Device
from tests.helpers.syncthing import SYNC_TIMEOUT, Pair
from tests.helpers.terminal import Terminal


def test_the_open_board_shows_the_phones_note(
    pair: Pair, laptop: Device, phone: Device, interview: str
) -> None:
    term = Terminal([sys.executable, "-m", "followup_tui"], size=(100, 30), env=laptop.env)
    try:
        assert term.wait_for(b"Acme"), term.output[-2000:]
        term.send("b")
        assert term.wait_for(b"Worry vs. actual error"), term.output[-2000:]
        phone.followup("note", "Written on the phone", "--interview", interview)
        pair.laptop.scan()
        pair.phone.scan()
        assert term.wait_for(b"Written on the phone", seconds=SYNC_TIMEOUT), term.output[-2000:]
        term.send("\x11")  # ctrl+q
        assert term.finish() is not None
    finally:
        term.close()
