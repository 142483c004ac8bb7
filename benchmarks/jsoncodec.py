"""Reading and writing a data file with orjson and with the standard library (issue 21).

Usage: ``python -m benchmarks.jsoncodec [--sizes 200,1000] [--repeat 7]``

A phone has no orjson (no wheel, no Rust compiler), so followup's ``store/jsoncodec.py`` writes
the same bytes with ``json``. This measures what that costs: CPU time of one parse and one
whole-file write of a realistic data file, the best of ``--repeat`` runs, for both paths, and
the ratio of the standard library to orjson. The bytes written are checked to be the same.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from benchmarks.generate import generate
from followup_tui.store import jsoncodec


def _best(work: Callable[[], object], repeat: int) -> float:
    """The least CPU time of ``repeat`` runs of ``work``, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        work()
        times.append(time.process_time() - start)
    return min(times) * 1000


def main() -> None:
    """Print one line per size and operation."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    if not jsoncodec.FAST:
        raise SystemExit("orjson is not installed: nothing to compare with (pip install '.[fast]').")
    print(f"{'interviews':>10} {'bytes':>10} {'op':>6} {'orjson ms':>10} {'json ms':>8} {'ratio':>6}")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            raw = generate(Path(folder) / f"{size}.json", size).read_bytes()
            data = jsoncodec.loads(raw)
            assert jsoncodec.stdlib_dumps(data) == jsoncodec.dumps(data), "the paths wrote different bytes"
            for op, fast, plain, value in (
                ("read", jsoncodec.loads, jsoncodec.stdlib_loads, raw),
                ("write", jsoncodec.dumps, jsoncodec.stdlib_dumps, data),
            ):
                ours = _best(partial(plain, value), args.repeat)
                base = _best(partial(fast, value), args.repeat)
                print(f"{size:>10} {len(raw):>10} {op:>6} {base:>10.1f} {ours:>8.1f} {ours / base:>6.1f}")


if __name__ == "__main__":
    main()
