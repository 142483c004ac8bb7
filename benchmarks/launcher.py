"""The console script's launcher against the click group opening the app, paired in one run.

Usage: ``python -m benchmarks.launcher DB [--reps 7] [--installed VENV]``

Times, alternately, whole processes of (a) the ``followup`` console script (``cli/launch.py``,
which opens the app without click) and (b) the click group opening it itself, as the console
script did before: once to a damaged file's error line (everything before Textual is
imported), and once in a 100x30 pseudo-terminal until the first interview of ``DB`` is drawn.
Each figure is the median ratio (a)/(b) of the pairs, the lowest and highest, for wall time
and for the child's CPU time (user + system, which a loaded machine disturbs less).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import run
from benchmarks.stats import ratio_stats

VIA_CLICK = "import sys; sys.argv[0] = 'followup'; from followup_tui.cli.main import main; main()"


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _both(measure: Callable[[], float]) -> tuple[float, float]:
    """Wall time as ``measure`` reports it, and the CPU time of the children it ran."""
    before = _child_cpu()
    wall = measure()
    return wall, _child_cpu() - before


def _to_exit(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(args, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    """Measure and print the two pairs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", help="a data file holding the generator's interviews")
    parser.add_argument("--reps", type=int, default=7)
    parser.add_argument("--installed", metavar="VENV", help="as benchmarks.run --installed")
    args = parser.parse_args()
    if args.installed:
        run.make_installed(Path(args.installed))
    print(f"measured: {run.install_kind()}")
    db = str(Path(args.db).resolve())
    launcher = [run.FOLLOWUP]
    group = [run.PY, "-c", VIA_CLICK]
    samples: dict[str, list[tuple[float, float]]] = {key: [] for key in ("a-err", "b-err", "a-pty", "b-pty")}
    with tempfile.TemporaryDirectory() as tmp:
        damaged = Path(tmp) / "damaged.json"
        damaged.write_text("[1, 2]")
        os.chdir(tmp)  # -c puts the current folder first on the path: not the source tree
        for _ in range(args.reps):
            samples["b-err"].append(_both(lambda: _to_exit([*group, "--db", str(damaged)])))
            samples["a-err"].append(_both(lambda: _to_exit([*launcher, "--db", str(damaged)])))
            samples["b-pty"].append(_both(lambda: run._pty_start([*group, "--db", db], b"Northwind")))
            samples["a-pty"].append(_both(lambda: run._pty_start([*launcher, "--db", db], b"Northwind")))
    print(f"load average {os.getloadavg()[0]:.2f}, {args.reps} pairs")
    labels = (("err", "to a damaged file's error line"), ("pty", "pty, until the first row is drawn"))
    for key, label in labels:
        for index, kind in ((0, "wall"), (1, "cpu")):
            stats = ratio_stats(
                [pair[index] for pair in samples[f"a-{key}"]], [pair[index] for pair in samples[f"b-{key}"]]
            )
            print(
                f"launcher / click group, {label:<34} {kind:<4} {stats['ratio']:.2f}x "
                f"({stats['low']:.2f}-{stats['high']:.2f}x), "
                f"{stats['ours_median'] * 1000:.0f} vs {stats['baseline_median'] * 1000:.0f} ms"
            )


if __name__ == "__main__":
    main()
