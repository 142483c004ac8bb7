"""Stored values for the fields Insights counts: good ones, near misses and the odd ones."""

from __future__ import annotations

from typing import Any

from followup_tui.domain.models import ASKED, CONCERN_KINDS, CONFIDENCE_STEPS, ERROR_KINDS, PREDICTION_RESULTS
from followup_tui.domain.vocabulary import THINKING_TRAPS
from tests.helpers.odd import ODD

TRAPS = list(THINKING_TRAPS)

GOOD: dict[str, list[Any]] = {
    "kind": list(CONCERN_KINDS),
    "error_kind": list(ERROR_KINDS),
    "traps": [[TRAPS[0]], [TRAPS[0], TRAPS[1], TRAPS[0]], [TRAPS[1], "no-such-trap"], TRAPS[2]],
    "prediction": [True, False, "yes", 1],
    "confidence": [*CONFIDENCE_STEPS, 50.0, "70", 40],
    "prediction_result": list(PREDICTION_RESULTS),
    "resolved": [True, False, "no", 0.0],
    "gut": [1, 2, 3, 4, 5, 3.0, "2", 0, 6, True],
    "asked": [*ASKED, "no", "NO", " no ", ["no"]],
    "text": ["", "   ", "What next?", "x" * 5_000],
}
"""Values a field of the right kind takes (and near misses), beside the odd values of any field."""

COUNTED: dict[str, tuple[str, ...]] = {
    "debriefs": ("gut",),
    "concerns": ("kind", "error_kind", "traps", "prediction", "confidence", "prediction_result", "resolved"),
    "questions": ("asked", "text"),
}
"""The fields Insights counts, by table."""


def mixed_tables(count: int) -> dict[str, dict[str, dict[str, Any]]]:
    """Tables of ``count`` interviews that happened, each with a debrief, two concerns and two
    questions whose counted fields take, row after row, every good value and every odd one
    (the first concern of each interview a kind that exists)."""
    outcomes = ["advanced", "offer", "rejected", "no-response", "pending", "withdrawn"]
    tables: dict[str, dict[str, dict[str, Any]]] = {
        "interviews": {},
        "debriefs": {},
        "concerns": {},
        "questions": {},
    }
    for n in range(count):
        iid = f"i{n:05d}"
        tables["interviews"][str(n + 1)] = {
            "id": iid,
            "company": f"Company {n}",
            "when": "2026-11-01 10:00",
            "outcome": outcomes[n % len(outcomes)],
            "created": f"2026-10-01T10:{n % 60:02d}:00",
        }
        for name, fields in COUNTED.items():
            per_interview = 1 if name == "debriefs" else 2
            for k in range(per_interview):
                row: dict[str, Any] = {
                    "id": iid if name == "debriefs" else f"{name[0]}{n}-{k}",
                    "interview_id": iid,
                }
                for offset, field in enumerate(fields):
                    choices = GOOD.get(field, []) + ODD
                    row[field] = choices[(n * per_interview + k + 7 * offset) % len(choices)]
                if name == "concerns":
                    row["text"] = "A thought"
                    if k == 0:  # worries and errors, so every other field is counted on them too
                        row["kind"] = CONCERN_KINDS[n % len(CONCERN_KINDS)]
                tables[name][str(len(tables[name]) + 1)] = row
    return tables
