"""CPU of the Insights count, first and again, in a fresh process: ``python -m
benchmarks.insights_count DB [--reps N]``.

The interviews are built first (as the home screen may have built them); the first count then
reads everything else it needs from a file just read, as the first opening of Insights does.
Each repetition is a fresh process run from the data's folder, so the copy measured is the one
installed for the interpreter that runs this (``VENV/bin/python -m benchmarks.insights_count``).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from datetime import datetime
from pathlib import Path

_ONE = """
import sys, time
from datetime import datetime
from pathlib import Path
from followup_tui.domain.models import Interview
from followup_tui.services.insights import count_insights
from followup_tui.store.repository import Repository
repo = Repository(Path(sys.argv[1]))
repo.shared(Interview)
now = datetime.fromisoformat(sys.argv[2])
start = time.process_time()
count_insights(repo, now)
first = time.process_time()
count_insights(repo, now)
print(first - start, time.process_time() - first)
"""


def main() -> None:
    """Print the median CPU of the first and the second count, with every run."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("db", type=Path)
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    now = datetime.now().replace(microsecond=0).isoformat()
    runs = []
    for _ in range(args.reps):
        out = subprocess.run(
            [sys.executable, "-c", _ONE, str(args.db), now],
            capture_output=True,
            text=True,
            check=True,
            cwd=args.db.parent,  # the interpreter's own followup, not a source tree in the current folder
        )
        runs.append(tuple(1000 * float(x) for x in out.stdout.split()))
    for name, column in (("first", 0), ("again", 1)):
        values = [run[column] for run in runs]
        shown = ", ".join(f"{v:.1f}" for v in values)
        print(f"{name}: median {statistics.median(values):.1f} ms ({shown})")


if __name__ == "__main__":
    main()
