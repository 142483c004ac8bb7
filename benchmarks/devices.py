"""Start-up and save with 1, 2 and 3 device files in one data folder (issue 21).

Usage: ``python -m benchmarks.devices [--sizes 200,1000] [--reps 7]``

For each size, one data folder per case is made from the same generated history: one device
file; two or three device files that this device already merged at its last save (the usual
start-up); and two or three files where another device wrote since (a start-up that has to
merge, then the start-ups after the app kept the merged copy in the state folder). Start-up
is opening the repository and reading every interview, as the home screen does, in this
process (a fresh repository each time, files in the page cache); a save is one field-level
edit. Every figure is the median over ``--reps`` runs, as a ratio against the
single file measured alternately in the same run. Devices are played by pointing
``XDG_STATE_HOME`` at a folder of their own. ``Snapshot`` puts a folder back before each
repetition (``benchmarks.run --fresh``, ``benchmarks.compare --fresh``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import generate
from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository

DEVICES = ("laptop", "phone", "tablet")


def _as(state: Path, name: str) -> None:
    os.environ["XDG_STATE_HOME"] = str(state / name)


def spread(db: Path, state: Path, files: int, fresh: bool, by_note: bool = False) -> None:
    """Add other devices' files to the data folder of ``db`` (written as the first device).

    Each other device saves one edit, then the first device saves once, recording the merge;
    ``fresh``: the second device then writes again, so the first device's start-ups merge.
    That write is the phone's app's: it then keeps its home index as the app does after an
    edit (``IndexKeeper``, the same services code), which hands the rows over in the data
    folder (``store.handed_index``). ``by_note``: the write keeps no index, as a ``followup
    note`` or a bare repository write does (no hand-over). The process goes on as the first
    device (``XDG_STATE_HOME`` under ``state``).
    """
    _as(state, DEVICES[0])
    first = Repository(db).interviews()[0].id
    for name in DEVICES[1:files]:
        _as(state, name)
        Repository(db).update(Interview, first, notes=f"written on the {name}")
    _as(state, DEVICES[0])
    Repository(db).update(Interview, first, role="merged by the laptop")  # records what it merged
    if fresh and files > 1:
        _as(state, DEVICES[1])
        phone = Repository(db)
        phone.update(Interview, first, location="a new edit on the phone")
        if not by_note:
            _keep_index_as_the_app(phone)
    _as(state, DEVICES[0])


def _keep_index_as_the_app(repo: Repository) -> None:
    """Keep the home index of ``repo``'s rows as the app does when it quits after an edit."""
    from followup_tui.domain.zones import local_now
    from followup_tui.services.home_index import IndexKeeper, list_rows

    writing = IndexKeeper(None).keep(repo, list_rows(repo, local_now()))
    if writing is None:
        raise RuntimeError("the phone's app would have kept its home index")
    writing.join()


class Snapshot:
    """Folders as they are now, put back as they were before each repetition (``restore``).

    For the first start-up after another device wrote: each start-up merges and then keeps
    the merged copy (and the home index) in the state folder, and hands its rows over in the
    data folder, so the next one would not merge. The copies keep every file's modification
    time, which is what this device's file records of the other devices' files it merged.

    Args:
        folders: The data folder and the device state folders.
    """

    def __init__(self, *folders: Path) -> None:
        self._saved = [(folder, folder.with_name(folder.name + ".snapshot")) for folder in folders]
        for folder, saved in self._saved:
            shutil.copytree(folder, saved, symlinks=True)

    def restore(self) -> None:
        """Put every folder back as it was when the snapshot was taken."""
        for folder, saved in self._saved:
            shutil.rmtree(folder)
            shutil.copytree(saved, folder, symlinks=True)


def _folder(root: Path, size: int, files: int, fresh: bool) -> Path:
    """A data folder with ``files`` device files; ``fresh``: another device wrote since our save."""
    db = root / f"n{size}-d{files}-{'fresh' if fresh else 'merged'}" / "followup.json"
    state = root / "state" / db.parent.name
    _as(state, DEVICES[0])
    generate(db, size)
    spread(db, state, files, fresh)
    return db


def _kept(db: Path, state: Path) -> None:
    """Start once as the app does, keeping the merged copy (``store.merged_copy``)."""
    _as(state, DEVICES[0])
    Repository(db).keep_merged_copy()


def _startup(db: Path, state: Path) -> Callable[[], float]:
    def run() -> float:
        _as(state, DEVICES[0])
        start = time.perf_counter()
        Repository(db).interviews()
        return time.perf_counter() - start

    return run


def _save(db: Path, state: Path) -> Callable[[], float]:
    _as(state, DEVICES[0])
    repo = Repository(db)
    target = repo.interviews()[-1].id
    count = [0]

    def run() -> float:
        count[0] += 1
        start = time.perf_counter()
        repo.update(Interview, target, notes=f"edit {count[0]}")
        return time.perf_counter() - start

    return run


def _median_pair(reps: int, ours: Callable[[], float], base: Callable[[], float]) -> tuple[float, float]:
    mine, theirs = [], []
    for _ in range(reps):
        theirs.append(base())
        mine.append(ours())
    return statistics.median(mine), statistics.median(theirs)


def main() -> None:
    """Build the folders, measure, print one line per case."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="followup-devices-"))
    saved_state = os.environ.get("XDG_STATE_HOME")
    try:
        print(f"{'case':<34} {'ms':>8} {'1 file ms':>10} {'ratio':>6}")
        for size in (int(s) for s in args.sizes.split(",")):
            single = _folder(root, size, 1, False)
            single_state = root / "state" / single.parent.name
            for files, fresh in ((2, False), (3, False), (2, True), (3, True)):
                db = _folder(root, size, files, fresh)
                state = root / "state" / db.parent.name
                what = "another wrote since" if fresh else "already merged"
                for kind, make in (("start-up", _startup), ("save", _save)):
                    if kind == "save" and fresh:
                        continue  # the first save merges once; later saves are the merged case
                    # a start-up saves nothing: with another device's newer file, every one merges
                    mine, base = _median_pair(args.reps, make(db, state), make(single, single_state))
                    label = f"{kind} @{size}, {files} files, {what}"
                    print(f"{label:<34} {mine * 1000:8.1f} {base * 1000:10.1f} {mine / base:6.2f}")
                if fresh:  # the next start-ups, once the app kept what it merged
                    _kept(db, state)
                    mine, base = _median_pair(args.reps, _startup(db, state), _startup(single, single_state))
                    label = f"start-up @{size}, {files} files, copy kept"
                    print(f"{label:<34} {mine * 1000:8.1f} {base * 1000:10.1f} {mine / base:6.2f}")
    finally:
        if saved_state is None:
            os.environ.pop("XDG_STATE_HOME", None)
        else:
            os.environ["XDG_STATE_HOME"] = saved_state
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
