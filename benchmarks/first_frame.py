"""CPU time until the first frame with the home rows, of two installed copies, paired in one run.

Usage: ``python -m benchmarks.first_frame DB BEFORE_VENV AFTER_VENV [--reps 11]``
(``bare`` for DB times the bare Textual app of ``benchmarks/bare_app.py`` with AFTER_VENV).

Each copy's ``followup --db DB`` starts in a 100x30 pseudo-terminal, as ``benchmarks.run``
starts it, alternately; a hook on Textual's ``App._display`` writes the process's CPU time
(``time.process_time()``, user + system) the moment the first frame that shows the home rows
goes to the terminal. Wall time on a machine shared with other work moves with the load;
the process's own CPU time until that frame moves much less, which is what a change to the
screens' own code is measured by here. Prints each copy's median and the median ratio
after/before of the pairs, with the lowest and highest.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks import run

HOOK = """
import os, runpy, sys, time
sys.path[:] = [p for p in sys.path if p not in ("", os.getcwd())]  # the copy installed, not the checkout
db, out_path, bare_script = sys.argv[1:4]
import textual.app as textual_app
written = []
shown = textual_app.App._display
def _display(self, screen, renderable):
    home = type(self.screen).__name__ == "HomeScreen" and self.screen.table.row_count
    if not written and (db == "bare" or home):
        written.append(True)
        with open(out_path, "w") as out:
            out.write(str(time.process_time()))
    shown(self, screen, renderable)
textual_app.App._display = _display
if db == "bare":
    runpy.run_path(bare_script, run_name="__main__")
else:
    from followup_tui.cli.launch import main
    sys.argv = ["followup", "--db", db]
    main()
"""
"""Run as ``python -c HOOK DB OUT BARE_SCRIPT`` by each copy's Python."""

BARE_SCRIPT = Path(__file__).with_name("bare_app.py")


def first_frame_cpu(venv: Path, db: str, out: Path) -> float:
    """Start one copy in a pseudo-terminal; return its CPU seconds until the home rows were drawn."""
    out.unlink(missing_ok=True)
    marker = b"ready-marker" if db == "bare" else b"Northwind"
    run._pty_start([str(venv / "bin" / "python"), "-c", HOOK, db, str(out), str(BARE_SCRIPT)], marker)
    deadline = time.perf_counter() + 5
    while not (out.exists() and out.read_text()) and time.perf_counter() < deadline:
        time.sleep(0.02)
    return float(out.read_text())


def main() -> None:
    """Time the copies alternately and print the medians and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db")
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--reps", type=int, default=11)
    args = parser.parse_args()
    copies = [args.after] if args.db == "bare" else [args.before, args.after]
    cpu: dict[Path, list[float]] = {venv: [] for venv in copies}
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "cpu"
        for _ in range(args.reps):
            for venv in copies:
                cpu[venv].append(1000 * first_frame_cpu(venv, args.db, out))
    for venv, times in cpu.items():
        print(f"{venv}: CPU until the first frame, median {statistics.median(times):.1f} ms")
    if len(copies) == 2:
        ratios = sorted(a / b for a, b in zip(cpu[args.after], cpu[args.before], strict=True))
        print(f"after/before {statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f}x)")
    print("load average", " ".join(f"{n:.2f}" for n in os.getloadavg()), f"{args.reps} pairs")


if __name__ == "__main__":
    main()
