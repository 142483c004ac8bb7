"""Reading a table's stored rows whole, for counts that need a few fields of each."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from followup_tui.domain.models import Concern, Question
from followup_tui.store.repository import Repository
from tests.helpers.odd import write_tables


def test_every_stored_row_is_read_in_stored_order_repeats_included(db_path: Path) -> None:
    rows = [
        {"id": "k1", "interview_id": "aaaaaa", "text": "first", "kind": "worry"},
        {"id": "k1", "interview_id": "aaaaaa", "text": "repeat", "kind": 5},
        {"id": "k2", "interview_id": 7, "text": "odd parent"},
    ]
    write_tables(db_path, {"concerns": {str(n + 1): row for n, row in enumerate(rows)}})
    seen: list[list[dict[str, Any]]] = []
    repo = Repository(db_path)
    assert repo.read_rows(Concern, lambda found: seen.append(found) or len(found)) == 3
    assert [[(row["id"], row["text"], row["kind"]) for row in found] for found in seen] == [
        [("k1", "first", "worry"), ("k1", "repeat", 5), ("k2", "odd parent", "unsorted")]
    ]  # as stored (a migration gives the last its kind), nothing read as a record would be
    assert repo.read_rows(Question, len) == 0
