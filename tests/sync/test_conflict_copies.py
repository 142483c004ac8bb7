"""A conflict copy that a sync engine made (here dropped in by hand) is merged: its note reaches
both devices; after the next save holds its content it is moved into ``followup.conflicts/``,
and ``followup doctor`` names it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.helpers.devices import Device
from tests.helpers.syncthing import Pair


def _data_files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.glob("followup*.json")}


def test_a_syncthing_conflict_copy_is_merged_and_moved_aside_on_both_devices(
    pair: Pair, laptop: Device, phone: Device, interview: str, tmp_path: Path
) -> None:
    # what the phone's file would hold with one more note: the phone's files in a scratch
    # folder, the note written there by the phone itself
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    before = _data_files(phone.folder)
    for name in before:
        shutil.copy2(phone.folder / name, scratch / name)
    elsewhere = Device("phone", phone.home, scratch)
    elsewhere.followup("note", "Only in the conflict copy", "--interview", interview)
    changed = [name for name, raw in _data_files(scratch).items() if before.get(name) != raw]
    assert len(changed) == 1, changed
    stem = Path(changed[0]).stem
    copy = laptop.folder / f"{stem}.sync-conflict-20261206-120000-ABCDEFG.json"
    shutil.copy2(scratch / changed[0], copy)

    pair.settle(
        lambda: (laptop.notes(), phone.notes()),
        (["Only in the conflict copy"], ["Only in the conflict copy"]),
        "the conflict copy's note on both devices",
    )
    laptop.followup("note", "Written on the laptop afterwards", "--interview", interview)  # a save
    pair.settle(
        lambda: [sorted(p.name for p in d.folder.glob("*sync-conflict*")) for d in (laptop, phone)],
        [[], []],
        "the conflict copy moved out of both folders",
    )
    assert (laptop.folder / "followup.conflicts" / copy.name).is_file()
    doctor = laptop.run("doctor", check=False)
    assert copy.name in doctor.stdout + doctor.stderr
    notes = ["Only in the conflict copy", "Written on the laptop afterwards"]
    pair.settle(lambda: (laptop.notes(), phone.notes()), (notes, notes), "both notes on both devices")
