"""CPU time until the first frame with the home rows, of two installed copies, paired in one run.

Usage: ``python -m benchmarks.first_frame DB BEFORE_VENV AFTER_VENV [--reps 11]``
(``bare`` for DB times the bare Textual app of ``benchmarks/bare_app.py`` with AFTER_VENV).

Each copy's ``followup --db DB`` starts in a 100x30 pseudo-terminal, as ``benchmarks.run``
starts it, alternately, untouched; the moment the frame that shows the home rows (the
``Northwind`` row) is read from the terminal, the process's CPU time so far (user + system,
every thread, from ``/proc/PID/task/*/schedstat``, Linux only) is taken. Wall time on a
machine shared with other work moves with the load; the process's own CPU time until that
frame moves much less. Prints each copy's median and the median ratio after/before of the
pairs, with the lowest and highest.

Until round four of issue 23 a hook imported Textual before followup's code to catch the
frame, so what followup does before and around Textual's import (the cycle collector paused
while it imports, for one) did not show; nothing is loaded into the process now.
"""

from __future__ import annotations

import argparse
import os
import statistics
from pathlib import Path

from benchmarks import run

BARE_SCRIPT = Path(__file__).with_name("bare_app.py")


def cpu_seconds(pid: int) -> float:
    """CPU seconds used so far by every thread of a running process (Linux's schedstat)."""
    total = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            total += int((task / "schedstat").read_text().split()[0])
        except (OSError, IndexError, ValueError):  # a thread that ended meanwhile
            continue
    return total / 1e9


def first_frame_cpu(venv: Path, db: str) -> float:
    """Start one copy in a pseudo-terminal; return its CPU seconds until the home rows were drawn."""
    taken: list[float] = []
    if db == "bare":
        args, marker = [str(venv / "bin" / "python"), str(BARE_SCRIPT)], b"ready-marker"
    else:
        args, marker = [str(venv / "bin" / "followup"), "--db", db], b"Northwind"
    run._pty_start(args, marker, at_marker=lambda pid: taken.append(cpu_seconds(pid)))
    return taken[0]


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
    for _ in range(args.reps):
        for venv in copies:
            cpu[venv].append(1000 * first_frame_cpu(venv, args.db))
    for venv, times in cpu.items():
        print(f"{venv}: CPU until the first frame, median {statistics.median(times):.1f} ms")
    if len(copies) == 2:
        ratios = sorted(a / b for a, b in zip(cpu[args.after], cpu[args.before], strict=True))
        print(f"after/before {statistics.median(ratios):.2f}x ({ratios[0]:.2f}-{ratios[-1]:.2f}x)")
    print("load average", " ".join(f"{n:.2f}" for n in os.getloadavg()), f"{args.reps} pairs")


if __name__ == "__main__":
    main()
