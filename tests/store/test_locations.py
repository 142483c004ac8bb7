"""The default data folder is the one platformdirs names, also where followup reads it itself."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from followup_tui.store import locations

ENVIRONMENTS = [
    {"XDG_DATA_HOME": "/srv/data", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "/srv/data/", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": "   ", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": None, "HOME": "/home/ana/"},
    {"XDG_DATA_HOME": "relative/data", "HOME": "/home/ana"},
    {"XDG_DATA_HOME": None, "HOME": "relative-home"},
    {"XDG_DATA_HOME": None, "HOME": "/home/ana", "ANDROID_DATA": "/data", "ANDROID_ROOT": "/system"},
]
"""What the environment may say: absolute, empty, blank and relative values, and Android's signs."""


@pytest.mark.parametrize("env", ENVIRONMENTS)
def test_the_data_folder_is_the_one_platformdirs_names(
    env: dict[str, str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in env.items():
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    expected = Path(platformdirs.user_data_dir("followup", appauthor=False))
    assert locations.data_folder() == expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read from the environment on Linux only")
def test_on_linux_the_data_folder_is_read_without_platformdirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", "/srv/data")
    monkeypatch.delitem(sys.modules, "platformdirs")
    monkeypatch.setattr(sys, "meta_path", [])  # nothing can be imported now
    assert locations.default_data_file() == Path("/srv/data/followup/followup.json")
