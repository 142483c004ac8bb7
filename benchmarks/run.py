"""followup's benchmarks: every figure is a ratio against a baseline measured in the same run.

Usage: ``python -m benchmarks.run [--quick] [--sizes 0,200,5000] [--json PATH] [--installed VENV]
[--devices 2 [--fresh [--after-first | --fresh-by-note]]]``

With ``--installed VENV`` the whole-process rows (start-up, memory, the command line) run the
package as ``pip install .`` installs it in that venv; without it, this source tree (an editable
install), byte-compiled first. The output and the JSON say which was measured, and the load.
``--devices 2 --fresh``: another device (the phone) wrote since this device's last save, and
each repetition of the whole-process rows starts from that folder and state folder again (put
back before it, outside the timing), so every start-up merges, as the first one after the
other device wrote does. The phone's write is its app's: the app then kept its home index,
handing its rows over in the data folder, so this device's first frame is drawn from them
while the merge waits (``store.handed_index``). With ``--fresh-by-note`` the phone's write
kept no index (a ``followup note``, or any write outside the app): no hand-over, the start-up
merges before its first frame. With ``--after-first`` the app starts once on that folder
first, untimed, and the repetitions start from the folder as that start left it (its home
index kept): the start-ups after the first one after the other device wrote.

Prints a table and writes JSON (default ``benchmarks/results/latest.json``). Each measurement is
repeated; the table shows the median ratio and the spread (lowest to highest ratio of the
paired repetitions). Targets come from issue 8 and PRODUCT.md ("Fast").
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import pty
import select
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.report import TARGETS, print_table
from benchmarks.stats import ratio_stats

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
"""The interpreter of the followup measured (``--installed`` points it at a venv of its own)."""
FOLLOWUP = str(Path(PY).parent / "followup")
PROBE = str(ROOT / "benchmarks" / "probe.py")
"""Run as a script, so the installed package is imported, not the source tree beside it."""


def _timed_process(args: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Run a process to completion; return (seconds, its peak memory in KiB if it reports it)."""
    start = time.perf_counter()
    proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        err = proc.stderr.decode(errors="replace")
        raise RuntimeError(f"{args} failed ({proc.returncode}): {err[-400:]}")
    report = [line for line in proc.stdout.decode().splitlines() if line.startswith("peak_kib=")]
    return elapsed, int(report[-1].split("=")[1]) if report else 0


def _pty_start(
    args: list[str], marker: bytes, timeout: float = 60.0, at_marker: Callable[[int], object] | None = None
) -> float:
    """Start a program in a 100x30 pseudo-terminal; return seconds until ``marker`` is drawn.

    ``at_marker`` is called with the program's process id the moment the marker is read.
    """
    import fcntl
    import struct
    import termios

    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # child
        os.environ["TERM"] = "xterm-256color"
        os.execv(args[0], args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    seen = b""
    elapsed = None
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                seen += chunk
                if marker in seen:
                    elapsed = time.perf_counter() - start
                    if at_marker is not None:
                        at_marker(pid)
                    break
    finally:
        os.kill(pid, 15)
        deadline = time.perf_counter() + 5
        while time.perf_counter() < deadline:
            try:
                ready, _, _ = select.select([fd], [], [], 0.05)
                if ready:
                    os.read(fd, 65536)
            except OSError:
                pass
            done, _ = os.waitpid(pid, os.WNOHANG)
            if done:
                break
        else:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
        os.close(fd)
    if elapsed is None:
        raise RuntimeError(f"{args} never drew {marker!r}")
    return elapsed


def _paired(reps: int, ours: Callable[[], float], base: Callable[[], float]) -> dict[str, Any]:
    """Alternate baseline and ours so load on the machine hits both alike."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(reps):
        b.append(base())
        a.append(ours())
    return ratio_stats(a, b)


# -- the measurements -----------------------------------------------------------------------------


def _nothing() -> None:
    """What runs before each of our repetitions when the folder needs no putting back."""


def _then(before: Callable[[], None], measure: Callable[[], float]) -> float:
    """Run ``before`` (not timed), then ``measure``: what it measured."""
    before()
    return measure()


def startup_headless(
    db: Path, reps: int, before: Callable[[], None] = _nothing
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Whole-process start-up to an interactive home screen, and peak memory, vs a bare app
    (``before`` runs ahead of each of ours, outside the timed part)."""
    ours_t: list[float] = []
    ours_m: list[float] = []
    base_t: list[float] = []
    base_m: list[float] = []
    for _ in range(reps):
        t, m = _timed_process([PY, PROBE, "bare"])
        base_t.append(t)
        base_m.append(m)
        before()
        t, m = _timed_process([PY, PROBE, "app", str(db)])
        ours_t.append(t)
        ours_m.append(m)
    return ratio_stats(ours_t, base_t), ratio_stats(ours_m, base_m)


def startup_pty(db: Path, reps: int, marker: bytes, before: Callable[[], None] = _nothing) -> dict[str, Any]:
    """Start-up in a real pseudo-terminal until the first data is drawn, vs a bare app."""
    bare_script = ROOT / "benchmarks" / "bare_app.py"
    return _paired(
        reps,
        lambda: _then(before, lambda: _pty_start([FOLLOWUP, "--db", str(db)], marker)),
        lambda: _pty_start([PY, str(bare_script)], b"ready-marker"),
    )


def save_vs_floor(db: Path, reps: int) -> dict[str, Any]:
    """One durable save of one edit vs writing the same bytes with fsync + replace."""
    from followup_tui.domain.models import Interview
    from followup_tui.store.repository import Repository

    repo = Repository(db)
    target = repo.interviews()[0].id
    floor_path = db.parent / "floor.json"
    counter = iter(range(1_000_000))

    def ours() -> float:
        start = time.perf_counter()
        repo.update(Interview, target, notes=f"Edit number {next(counter)}")
        return time.perf_counter() - start

    def floor() -> float:
        payload = (repo.storage.own_path or db).read_bytes()  # this device's file
        start = time.perf_counter()
        tmp = db.parent / "floor.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, payload)
        os.fsync(fd)
        os.close(fd)
        os.replace(tmp, floor_path)
        return time.perf_counter() - start

    return _paired(reps, ours, floor)


def cli_vs_import(
    db: Path, reps: int, command: list[str], before: Callable[[], None] = _nothing
) -> dict[str, Any]:
    """A CLI command as a whole process vs ``python -c "import tinydb"``."""
    return _paired(
        reps,
        lambda: _then(before, lambda: _timed_process([FOLLOWUP, "--db", str(db), *command])[0]),
        lambda: _timed_process([PY, "-c", "import tinydb"])[0],
    )


def screens(db: Path, reps: int) -> dict[str, dict[str, Any]]:
    """Opening each screen from home vs pushing a bare screen of the same widgets."""
    from benchmarks import screens as screen_benchmarks

    return asyncio.run(screen_benchmarks.measure(db, reps))


def in_app(db: Path, reps: int) -> dict[str, dict[str, Any]]:
    """Typing, filtering and opening screens inside the app, each vs a bare Textual equivalent."""
    from benchmarks import inapp

    return asyncio.run(inapp.measure(db, reps))


# -- the groups, and which copy they run (targets and table: benchmarks.report) ---------------

SCREENS_SIZE = 200
"""The history the screen openings are measured with (issue 14)."""

GROUPS = ("startup", "pty", "cli", "save", "inapp", "screens")

IN_PROCESS = {"save", "inapp", "screens"}
"""The groups measured inside this process, on the source tree beside this script."""


def _compile_like_pip() -> None:
    """Byte-compile the package first, as ``pip install .`` does.

    An editable install under ``PYTHONDONTWRITEBYTECODE=1`` (set on some machines) would
    otherwise compile every module from source at every start, which no installed copy does;
    the baselines import libraries that pip compiled at install time.
    """
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(ROOT / "followup_tui"), str(ROOT / "benchmarks")], check=True
    )


FIND_PACKAGE = (
    "import importlib.util, followup_tui\n"
    "fast = importlib.util.find_spec('orjson') is not None\n"
    "print(followup_tui.__file__, 'orjson' if fast else 'stdlib-json')"
)
"""Prints where followup is imported from, and whether orjson (the [fast] extra) reads the file."""


def install_kind() -> str:
    """Say which copy of followup the whole-process rows run: an installed package or the source tree.

    The figures of an editable install (the README's test environment) are not a user's: say so.
    The in-process groups (save, inapp, screens) always run the source tree.
    """
    with tempfile.TemporaryDirectory() as elsewhere:  # not the source tree's folder
        found = subprocess.run(
            [PY, "-c", FIND_PACKAGE],
            cwd=elsewhere,
            capture_output=True,
            text=True,
            check=True,
        )
    where, reader = found.stdout.strip().rsplit(" ", 1)
    package = Path(where).resolve().parent
    if package.is_relative_to(ROOT):
        return f"editable install (the source tree {package}), byte-compiled first as pip does; {reader}"
    return f"installed package ({package}, pip install); {reader}"


def make_installed(folder: Path) -> None:
    """Point the whole-process rows at ``followup`` installed with ``pip install .`` in ``folder``.

    A venv is made there first when ``folder`` holds none.
    """
    global PY, FOLLOWUP
    python = folder / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(folder)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", str(ROOT)], check=True)
    PY = str(python)
    FOLLOWUP = str(folder / "bin" / "followup")


def main() -> None:
    """Run every benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    parser.add_argument("--sizes", default="0,200,5000")
    parser.add_argument("--json", default=str(ROOT / "benchmarks" / "results" / "latest.json"))
    parser.add_argument(
        "--only", default=",".join(GROUPS), help=f"comma-separated groups of {', '.join(GROUPS)}"
    )
    parser.add_argument(
        "--screens-at",
        type=int,
        default=SCREENS_SIZE,
        help="the history size (one of --sizes) the screen openings are measured at",
    )
    parser.add_argument(
        "--devices",
        type=int,
        default=1,
        choices=(1, 2, 3),
        help="device files in the data folder (the others already merged at this device's last save)",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="with --devices 2 or 3: another device wrote since this device's last save; every "
        "repetition starts from that folder, with no merged copy kept (put back outside the timing)",
    )
    parser.add_argument(
        "--after-first",
        action="store_true",
        help="with --fresh: the app starts once on that folder first (untimed), and the repetitions "
        "start from the folder as it left it",
    )
    parser.add_argument(
        "--fresh-by-note",
        action="store_true",
        help="with --fresh: the other device's write kept no home index (a followup note): nothing "
        "handed over",
    )
    parser.add_argument(
        "--installed",
        metavar="VENV",
        help="measure followup installed by pip in this venv (made and installed into when missing)",
    )
    args = parser.parse_args()
    if args.installed:
        make_installed(Path(args.installed))
    else:
        _compile_like_pip()
    reps = 3 if args.quick else 7
    sizes = [int(s) for s in args.sizes.split(",")]
    only = set(args.only.split(","))
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        saved_state = os.environ.get("XDG_STATE_HOME")
        for size in sizes:
            db = Path(tmp) / f"data-{size}" / "followup.json"
            state = Path(tmp) / f"state-{size}"
            os.environ["XDG_STATE_HOME"] = str(state / "laptop")  # never this machine's own
            before = _nothing
            if size:  # in a child process, so this one stays small
                subprocess.run(
                    [sys.executable, "-m", "benchmarks.generate", str(size), str(db)], cwd=ROOT, check=True
                )
            if size and args.devices > 1:
                from benchmarks.devices import Snapshot, spread

                spread(db, state, args.devices, fresh=args.fresh, by_note=args.fresh_by_note)
                if args.fresh and args.after_first:
                    _pty_start([FOLLOWUP, "--db", str(db)], b"Northwind")  # the first start after it
                elif args.fresh:
                    before = Snapshot(db.parent, state).restore
            if "startup" in only:
                headless, memory = startup_headless(db, reps, before)
                results[f"startup headless @{size}"] = headless
                results[f"peak memory @{size}"] = memory
            marker = b"Northwind" if size else b"Welcome"
            if size and "pty" in only:
                results[f"startup pty @{size}"] = startup_pty(db, reps, marker, before)
            if size and "cli" in only:
                results[f"cli list @{size}"] = cli_vs_import(db, reps, ["list"], before)
                results[f"cli note @{size}"] = cli_vs_import(db, reps, ["note", "Benchmark note"], before)
            if size == args.screens_at and "screens" in only:
                for name, stats in screens(db, reps).items():
                    results[f"{name} @{size}"] = stats
            if size == max(sizes) and size and "save" in only:
                results[f"save vs floor @{size}"] = save_vs_floor(db, max(reps, 9))
            if size == max(sizes) and size and "inapp" in only:
                for name, stats in in_app(db, reps).items():
                    results[f"{name} @{size}"] = stats
            print(f"done: {size} interviews", file=sys.stderr)
        if saved_state is None:
            os.environ.pop("XDG_STATE_HOME", None)
        else:
            os.environ["XDG_STATE_HOME"] = saved_state
    measured = install_kind()
    if only & IN_PROCESS:  # these import followup where this script runs, whatever --installed says
        measured += f"; in-process groups ({', '.join(sorted(only & IN_PROCESS))}): the source tree {ROOT}"
    fresh = ", another device wrote since this device's last save" if args.fresh and args.devices > 1 else ""
    fresh += (
        (" (a note: no index handed over)" if args.fresh_by_note else " (its app: index handed over)")
        if fresh
        else ""
    )
    fresh += ", then the app started once" if fresh and args.after_first else ""
    print(f"measured: {measured}; {args.devices} device file(s){fresh}", file=sys.stderr)
    print_table(results)
    machine = {
        "measured": measured,
        "load_average": [round(load, 2) for load in os.getloadavg()],
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "repetitions": reps,
        "device_files": args.devices,
        "fresh": bool(args.fresh and args.devices > 1),
        "after_first": bool(args.fresh and args.after_first and args.devices > 1),
        "fresh_by_note": bool(args.fresh and args.fresh_by_note and args.devices > 1),
    }
    out = Path(args.json)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine, "results": results, "targets": TARGETS}, indent=2))
    print(f"\nmachine: {machine}\nJSON: {out}")


if __name__ == "__main__":
    main()
