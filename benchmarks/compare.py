"""Two installed copies of followup, before and after a change, paired in one run.

Usage: ``python -m benchmarks.compare BEFORE_VENV AFTER_VENV [--sizes 200,1000] [--devices 2] [--fresh
[--fresh-by-note]] [--reps 7] [--only 'startup pty,peak memory,cli note']``

Each venv holds ``pip install .`` of one version (``python -m venv V && V/bin/pip install .``
in a checkout of it). For each size, a generated data folder (with ``--devices`` device files,
the others already merged at this device's last save; with ``--fresh``, another device wrote
since from its app, handing its home index over, or with ``--fresh-by-note`` by a note that
hands nothing over; the folder is put back before every measurement) is measured with both copies
alternately: start-up in a 100x30 pseudo-terminal until the first interview is drawn, peak
memory of the app (``benchmarks.probe``), and ``followup note`` as a whole process. Each line is
the median ratio after/before of the pairs, with the lowest and highest, for wall time and
for the child's CPU time (user + system, which a loaded machine disturbs less).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks import run
from benchmarks.devices import Snapshot, spread
from benchmarks.launcher import _both
from benchmarks.stats import ratio_stats

MEASURED = ("startup pty", "peak memory", "cli note")


def _measures(
    venv: Path, db: Path, restore: Callable[[], None] | None = None
) -> dict[str, Callable[[], tuple[float, float]]]:
    python, followup = str(venv / "bin" / "python"), str(venv / "bin" / "followup")
    note = [followup, "--db", str(db), "note", "A note"]
    measures: dict[str, Callable[[], tuple[float, float]]] = {
        "startup pty": lambda: _both(lambda: run._pty_start([followup, "--db", str(db)], b"Northwind")),
        "peak memory": lambda: (float(run._timed_process([python, run.PROBE, "app", str(db)])[1]), 0.0),
        "cli note": lambda: _both(lambda: run._timed_process(note)[0]),
    }
    if restore is None:
        return measures
    return {name: _after(restore, measure) for name, measure in measures.items()}


def _after(
    restore: Callable[[], None], measure: Callable[[], tuple[float, float]]
) -> Callable[[], tuple[float, float]]:
    """``measure``, each time from the folder as the snapshot has it (put back untimed)."""

    def measured() -> tuple[float, float]:
        restore()
        return measure()

    return measured


def main() -> None:
    """Measure and print one line per size and measurement."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--devices", type=int, default=2, choices=(1, 2, 3))
    parser.add_argument("--fresh", action="store_true", help="another device wrote since our last save")
    parser.add_argument("--fresh-by-note", action="store_true", help="that write kept no home index")
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--only", default=",".join(MEASURED), help="comma-separated measurements")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            db = Path(tmp) / f"data-{size}" / "followup.json"
            state = Path(tmp) / f"state-{size}"
            os.environ["XDG_STATE_HOME"] = str(state / "laptop")
            subprocess.run([sys.executable, "-m", "benchmarks.generate", str(size), str(db)], check=True)
            if args.devices > 1:
                spread(db, state, args.devices, fresh=args.fresh, by_note=args.fresh_by_note)
            restore = Snapshot(db.parent, state).restore if args.fresh and args.devices > 1 else None
            before, after = _measures(args.before, db, restore), _measures(args.after, db, restore)
            for name in (n for n in before if n in args.only.split(",")):
                pairs = [(before[name](), after[name]()) for _ in range(args.reps)]
                for index, kind in ((0, "wall"), (1, "cpu")):
                    if name == "peak memory" and kind == "cpu":
                        continue
                    stats = ratio_stats([a[index] for _b, a in pairs], [b[index] for b, _a in pairs])
                    print(
                        f"{name} @{size}, {args.devices} device file(s){' fresh' if restore else ''}, "
                        f"{'peak' if name == 'peak memory' else kind:<4} after/before "
                        f"{stats['ratio']:.2f}x ({stats['low']:.2f}-{stats['high']:.2f}x), "
                        f"{stats['ours_median'] * (1 if name == 'peak memory' else 1000):.1f} vs "
                        f"{stats['baseline_median'] * (1 if name == 'peak memory' else 1000):.1f} "
                        f"{'KiB' if name == 'peak memory' else 'ms'}"
                    )
    print(f"load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}, {args.reps} pairs")


if __name__ == "__main__":
    main()
