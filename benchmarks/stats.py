"""The summary every benchmark reports: the median ratio and its spread."""

from __future__ import annotations

import statistics
from typing import Any


def ratio_stats(ours: list[float], base: list[float]) -> dict[str, Any]:
    """Pair each measurement with its baseline; return the median ratio, its range and medians."""
    ratios = [o / b for o, b in zip(ours, base, strict=True)]
    return {
        "ratio": statistics.median(ratios),
        "low": min(ratios),
        "high": max(ratios),
        "ours_median": statistics.median(ours),
        "baseline_median": statistics.median(base),
    }
