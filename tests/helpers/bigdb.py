"""Build a large data file fast by writing TinyDB's JSON layout directly."""

from __future__ import annotations

from pathlib import Path

from followup_tui.domain.models import Concern, Interview
from followup_tui.store import jsoncodec
from followup_tui.store.migrations import CURRENT_SCHEMA


def write_big_database(path: Path, interviews: int = 3000, concerns_each: int = 1) -> list[str]:
    """Write ``interviews`` interviews (and some concerns) straight into ``path``.

    Returns:
        The ids of the interviews written.
    """
    ids = [f"b{n:04d}" for n in range(interviews)]
    stamp = "2026-01-01T09:00:00+00:00"
    table: dict[str, dict[str, object]] = {}
    concerns: dict[str, dict[str, object]] = {}
    for n, iid in enumerate(ids, start=1):
        record = Interview(
            id=iid,
            company=f"Company {n}",
            role="Engineer",
            when=f"2026-{(n % 12) + 1:02d}-{(n % 28) + 1:02d} 10:00",
            notes="Talked about the team, the product and the next steps. " * 3,
            created=stamp,
            updated=stamp,
        ).to_record()
        table[str(n)] = record
        for k in range(concerns_each):
            key = str(len(concerns) + 1)
            concerns[key] = Concern(
                id=f"c{n:04d}{k}", interview_id=iid, text=f"Worry {k} about {n}", order=float(k + 1)
            ).to_record()
    data = {"meta": {"1": {"schema": CURRENT_SCHEMA}}, "interviews": table, "concerns": concerns}
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    path.write_bytes(jsoncodec.dumps(data))
    path.chmod(0o600)
    return ids
