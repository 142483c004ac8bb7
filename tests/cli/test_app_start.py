"""Opening the app on a data file: the cycle collector waits while the app's modules are
imported and the data read (issue 23)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from followup_tui.cli import app_start
from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.store.storage import DamagedFileError


def opened_with_the_collector(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether the collector was on each time ``build_app`` opened the data."""
    seen: list[bool] = []
    real = app_start.open_repository

    def opening(path: Path) -> Repository:
        seen.append(gc.isenabled())
        return real(path)

    monkeypatch.setattr(app_start, "open_repository", opening)
    return seen


def test_the_collector_waits_while_the_app_is_built_then_runs_again(
    repo: Repository, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.add(Interview(company="Acme Robotics"))
    seen = opened_with_the_collector(monkeypatch)
    assert gc.isenabled()
    app = app_start.build_app(db_path, use_index=False)
    assert app.data_open and seen == [False]
    assert gc.isenabled()


def test_a_refused_file_gives_the_collector_back(
    repo: Repository, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo.add(Interview(company="Acme Robotics"))
    own = repo.storage.own_path
    assert own is not None
    own.write_text("[1, 2]")
    seen = opened_with_the_collector(monkeypatch)
    with pytest.raises(DamagedFileError):
        app_start.build_app(db_path, use_index=False)
    assert seen == [False] and gc.isenabled()
