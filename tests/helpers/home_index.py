"""The home index as the app keeps it, made in a test without running the app."""

from __future__ import annotations

from pathlib import Path

from followup_tui.domain.home_filters import HomeRow
from followup_tui.services import home_index
from followup_tui.services.home_index import IndexKeeper
from followup_tui.store.device import load_device
from followup_tui.store.folder import DataFolder
from followup_tui.store.handed_index import handed_path
from followup_tui.store.repository import Repository
from tests.conftest import FIXED_NOW


def list_rows(repo: Repository) -> list[HomeRow]:
    """The home list's rows, built from the data as the home screen builds them."""
    return home_index.list_rows(repo, FIXED_NOW)


def keep_index(repo: Repository, keeper: IndexKeeper | None = None) -> bool:
    """Keep the home index of ``repo``'s rows, as the app does after building them; wait for the
    write. Returns whether a write was started."""
    thread = (keeper or IndexKeeper(None)).keep(repo, list_rows(repo))
    if thread is not None:
        thread.join()
    return thread is not None


def handed_over(data_file: Path) -> Path:
    """The home index this device hands over in ``data_file``'s folder (``store.handed_index``)."""
    device = load_device()
    assert device is not None
    return handed_path(DataFolder(data_file), device.id)
