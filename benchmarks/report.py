"""The report of ``benchmarks.run``: the targets of the issues, and the table of the results."""

from __future__ import annotations

from typing import Any

TARGETS: dict[str, float] = {
    "startup headless @200": 1.5,
    "startup pty @200": 1.3,
    **{
        f"open {name} @{size}": 1.3
        for name in ("form", "prep", "debrief", "board", "card", "insights", "outcome")
        for size in (200, 1000)
    },
    "startup pty @1000": 1.4,
    "peak memory @1000": 1.3,
    "startup headless @5000": 2.0,
    "startup pty @5000": 2.0,
    "peak memory @200": 1.5,
    "save vs floor @5000": 1.5,
    "typing 500 chars @5000": 1.3,
    "cli list @200": 2.0,
    "cli note @200": 2.0,
}


def print_table(results: dict[str, dict[str, Any]]) -> None:
    """Print one line per measurement: its ratio, spread, medians and target (ok or MISSED)."""
    print(f"{'measurement':<32} {'ratio':>7} {'spread':>15} {'ours':>10} {'baseline':>10} {'target':>8}")
    for name, stats in results.items():
        target = TARGETS.get(name)
        verdict = "" if target is None else ("ok" if stats["ratio"] <= target else "MISSED")
        unit = "K" if name.startswith("peak") else "s"
        spread = f"{stats['low']:.2f}-{stats['high']:.2f}x"
        goal = f"<= {target:.1f}x" if target else ""
        print(
            f"{name:<32} {stats['ratio']:>6.2f}x {spread:>15} "
            f"{stats['ours_median']:>9.3f}{unit} {stats['baseline_median']:>9.3f}{unit} {goal:>8} {verdict}"
        )
