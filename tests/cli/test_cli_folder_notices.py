"""Commands say, one line each, what they could not read in the data folder and a new identity (issue 21).

Another device's damaged file is left out of every read and never written; each command that
reads says so on stderr and still does its work. A device whose identity turns out to be a copy
takes a new one at its next save and says so once; ``followup doctor`` says so afterwards.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner, Result

from followup_tui.cli.main import main
from followup_tui.domain.models import Interview
from followup_tui.store.device import load_device
from followup_tui.store.repository import Repository
from tests.conftest import Switch
from tests.helpers.files import device_file


def run(*args: str) -> Result:
    """Run a command in this process, as the device switched to."""
    return CliRunner().invoke(main, list(args))


def truncated(path: Path) -> bytes:
    """Cut the file to its first 300 bytes (``head -c 300``), as a sync engine stopped half-way."""
    cut = path.read_bytes()[:300]
    path.write_bytes(cut)
    return cut


def test_another_devices_damaged_file_is_said_by_every_command_that_reads(
    db_path: Path, on_device: Switch
) -> None:
    on_device("phone")
    Repository(db_path).add(Interview(company="From the phone"))
    phone = load_device()
    on_device("laptop")
    Repository(db_path).add(Interview(company="From the laptop"))  # merges the phone's file
    assert phone is not None
    phone_file = device_file(db_path).with_name(f"followup.{phone.id}.json")
    cut = truncated(phone_file)
    for command in (["list"], ["add", "Beta"], ["list"], ["export"]):
        done = run(*command)
        assert done.exit_code == 0, done.output
        (line,) = done.stderr.splitlines()
        assert line.startswith(f"Warning: The file of device {phone.name} ({phone.id}), {phone_file.name},")
        assert "could not be read" in line and "left it untouched" in line and "followup doctor" in line
    assert "Beta" in run("list").stdout
    assert phone_file.read_bytes() == cut  # never written, never repaired behind the user's back


def test_this_devices_own_damaged_file_is_still_refused(db_path: Path, on_device: Switch) -> None:
    on_device("laptop")
    Repository(db_path).add(Interview(company="Acme"))
    cut = truncated(device_file(db_path))
    done = run("add", "Beta")
    assert done.exit_code == 1 and done.stderr.startswith("Error: ") and len(done.stderr.splitlines()) == 1
    assert device_file(db_path).read_bytes() == cut


def test_a_cloned_device_says_once_that_it_writes_as_a_new_device(
    db_path: Path, on_device: Switch, tmp_path: Path
) -> None:
    original = on_device("laptop")
    Repository(db_path).add(Interview(company="Acme"))
    shutil.copytree(original, tmp_path / "devices" / "copy")  # the state folder copied to a new machine
    Repository(db_path).add(Interview(company="Beta"))  # the original writes on
    was = load_device()
    on_device("copy")
    done = run("add", "Written on the copy")
    now = load_device()
    assert was is not None and now is not None and now.id != was.id
    (line,) = done.stderr.splitlines()
    assert line == (
        f"Warning: This device's identity was found to be a copy (another device writes as {was.id}): "
        f"it now writes as a new device, {now.name} ({now.id}). Nothing is lost."
    )
    assert run("add", "Again").stderr == ""  # said once
    doctor = run("doctor").stdout
    assert f"it now writes as a new device, {now.name} ({now.id})" in doctor
    assert sorted(i.company for i in Repository(db_path).interviews()) == [
        "Acme",
        "Again",
        "Beta",
        "Written on the copy",
    ]
