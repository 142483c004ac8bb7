"""``followup note`` of two installed copies, each on a data folder of its own, alternately.

Usage: ``python -m benchmarks.note_pairs BEFORE_VENV AFTER_VENV [--sizes 200,1000] [--reps 7]``

``benchmarks.compare`` times both copies on one folder, so every note of one copy rewrites the
file the other reads next; a copy that trusts only the bytes it wrote itself then never sees
its own file. Here each copy generates its own folder and state (with its own code), and its
notes are timed on that folder only: the child's user + system time, median of the pairs.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for var, sub in (("XDG_STATE_HOME", "state"), ("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config")):
        env[var] = str(home / sub)
    env.update(
        HOME=str(home), XDG_CACHE_HOME=str(home / "cache"), FOLLOWUP_DB=str(home / "db" / "followup.json")
    )
    return env


def _generate(venv: Path, env: dict[str, str], size: int) -> None:
    """Generate ``size`` interviews with the copy's own code (its Python, this checkout's generator)."""
    code = (
        f"import sys; sys.path.append({str(ROOT)!r}); from pathlib import Path; "
        f"from benchmarks.generate import generate; generate(Path({env['FOLLOWUP_DB']!r}), {size})"
    )
    subprocess.run([str(venv / "bin" / "python"), "-c", code], env=env, cwd=tempfile.gettempdir(), check=True)


def _note(venv: Path, env: dict[str, str]) -> tuple[float, float]:
    """One ``followup note``: wall and CPU seconds of the child."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [str(venv / "bin" / "followup"), "note", "A note"],
        env=env,
        cwd=tempfile.gettempdir(),
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main() -> None:
    """Print, per size, the median CPU of each copy and the median ratio after/before."""
    parser = argparse.ArgumentParser()
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--reps", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            envs = [_env(Path(tmp) / f"{name}-{size}") for name in ("before", "after")]
            for venv, env in zip((args.before, args.after), envs, strict=True):
                _generate(venv, env, size)
            cpu: list[list[float]] = [[], []]
            for _ in range(args.reps):
                for i, (venv, env) in enumerate(zip((args.before, args.after), envs, strict=True)):
                    cpu[i].append(_note(venv, env)[1])
            ratios = sorted(a / b for a, b in zip(cpu[1], cpu[0], strict=True))
            print(
                f"cli note @{size}, CPU after/before {statistics.median(ratios):.2f}x "
                f"({ratios[0]:.2f}-{ratios[-1]:.2f}x), {1000 * statistics.median(cpu[1]):.0f} vs "
                f"{1000 * statistics.median(cpu[0]):.0f} ms; load {os.getloadavg()[0]:.1f}, {args.reps} pairs"
            )


if __name__ == "__main__":
    main()
