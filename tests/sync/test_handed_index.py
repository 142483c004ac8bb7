"""The home index the phone's app hands over syncs to the laptop, which draws its first frame
from it (issue 23)."""

from __future__ import annotations

import sys

from tests.helpers.devices import Device
from tests.helpers.syncthing import Pair
from tests.helpers.terminal import Terminal

LOADED = """
import json, sys
from pathlib import Path
from followup_tui.store import home_index
index = home_index.load(Path(sys.argv[1]))
print(json.dumps(None if index is None else [index.made_from is None, [i.company for i in index.interviews]]))
"""
"""Prints what this device's start-up would draw its first frame from: [handed over, companies]."""


def test_the_phones_rows_reach_the_laptop_and_are_trusted_there(
    pair: Pair, laptop: Device, phone: Device, interview: str
) -> None:
    phone.followup("note", "Written on the phone", "--interview", interview)
    term = Terminal([sys.executable, "-m", "followup_tui"], size=(100, 30), env=phone.env)
    try:
        assert term.wait_for(b"Acme"), term.output[-2000:]
        term.send("\x11")  # ctrl+q: the app kept its index, and handed it over
        assert term.finish() is not None
    finally:
        term.close()
    assert any(p.name.endswith(".home-index") for p in phone.folder.iterdir())
    pair.settle(
        lambda: laptop.python(LOADED, str(laptop.db)), [True, ["Acme"]], "the phone's rows on the laptop"
    )
