"""``followup doctor`` on a data file that is a symbolic link.

Saves write the link's target (in the target's folder), so the doctor looks for what an
interrupted save leaves there, keeps a damaged target aside there, and restores the target:
the link stays a link and the damaged content is never lost.
"""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from followup_tui.cli.main import main
from followup_tui.domain.models import Interview
from followup_tui.services import doctor
from followup_tui.store.repository import Repository
from followup_tui.store.storage import FILE_MODE, TEMP_PREFIX
from tests.conftest import PLATFORM_FOLDERS
from tests.helpers.files import backups_of, device_file


@pytest.fixture
def linked(tmp_path: Path) -> tuple[Path, Path]:
    """``home/link.json`` pointing at ``synced/followup.json``: the data folder is ``synced``,
    where this device's file holds three interviews and two backups (the first save of each
    process backs up)."""
    synced = tmp_path / "synced"
    synced.mkdir()
    target = synced / "followup.json"
    link = tmp_path / "home" / "link.json"
    link.symlink_to(target)
    for company in ("First", "Second", "Third"):
        Repository(link).add(Interview(company=company))
    assert len(backups_of(link)) == 2
    return link, target


def run(link: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(link), "doctor", *args])


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_leftover_temp_files_are_looked_for_beside_the_target(linked: tuple[Path, Path]) -> None:
    link, target = linked
    stale = target.parent / f"{TEMP_PREFIX}999999999-1"
    stale.write_text("half")
    health = doctor.examine(link)
    assert health.stale_files == [stale]
    result = run(link)
    assert f"Stale temporary file: {stale}" in result.stdout
    assert f"a link to {target}" in result.stdout


def test_restore_keeps_the_damaged_target_and_writes_the_target(linked: tuple[Path, Path]) -> None:
    link, target = linked
    own = device_file(target)
    own.write_bytes(b"{half a save")
    result = run(link, "--restore")
    assert result.exit_code == 0, result.stdout
    assert link.is_symlink() and link.resolve() == target
    assert own.is_file() and not own.is_symlink()
    assert _mode(own) == FILE_MODE
    assert {i.company for i in Repository(link).interviews()} == {"First", "Second"}
    kept = [p for p in target.parent.iterdir() if ".damaged-" in p.name]
    assert len(kept) == 1 and not kept[0].is_symlink()
    assert kept[0].read_bytes() == b"{half a save"
    assert not [p for p in link.parent.iterdir() if ".damaged-" in p.name]
    assert f"Kept the damaged file as {kept[0]}." in result.stdout
    assert f"(this device's file {own})" in result.stdout


def test_restore_through_a_link_whose_target_is_gone(linked: tuple[Path, Path]) -> None:
    link, target = linked
    own = device_file(target)
    own.unlink()
    result = run(link, "--restore")
    assert result.exit_code == 0, result.stdout
    assert "Kept the damaged file" not in result.stdout
    assert link.is_symlink() and own.is_file() and not own.is_symlink()
    assert _mode(own) == FILE_MODE
    assert {i.company for i in Repository(link).interviews()} == {"First", "Second"}
    assert sorted(p.name for p in link.parent.iterdir() if p.name not in PLATFORM_FOLDERS.values()) == [
        "link.json"
    ]


def test_repair_through_a_link_copies_the_target_aside_beside_it(linked: tuple[Path, Path]) -> None:
    link, target = linked
    own = device_file(target)
    data = json.loads(own.read_text())
    data["interviews"]["1"]["company"] = 5
    own.write_text(json.dumps(data))
    before = own.read_bytes()
    result = run(link, "--repair")
    assert link.is_symlink() and own.is_file() and not own.is_symlink()
    copies = [p for p in target.parent.iterdir() if ".before-repair-" in p.name]
    assert len(copies) == 1 and copies[0].read_bytes() == before
    assert sorted(p.name for p in link.parent.iterdir() if p.name not in PLATFORM_FOLDERS.values()) == [
        "link.json"
    ]
    assert "values followup had to guess at" not in result.stdout.lower()
