"""An interview named on the command line is found as among every interview, building few."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from followup_tui.cli.lookup import find
from followup_tui.domain.matching import find_interview
from followup_tui.domain.models import Interview, ValidationError
from followup_tui.store.repository import NotFoundError, Repository
from tests.helpers.odd import ODD, write_tables

COMPANIES: list[Any] = [
    "Acme",
    "Acme Labs",
    "ACME labs ",
    "Beta  Co",
    "Café Ñandú",
    "   ",
    "",
    None,
    5,
    "x" * 300,
    "Bell\x1b[31m Labs",
    *ODD,
]
"""Stored companies: plain ones, ones the record reads another way, and every odd value."""

KEYS = ["acme", "Acme", "acme labs", "beta co", "cafe", "(no", "5", "x", "", "  ", "bell", "zzz", "i1"]
"""What a person might type after ``--interview``."""


@pytest.fixture
def repo(db_path: Path) -> Repository:
    rows = {
        str(k + 1): {"id": f"i{k}", "company": company, "when": f"2026-0{1 + k % 9}-01 10:00"}
        for k, company in enumerate(COMPANIES)
    }
    rows[str(len(rows) + 1)] = {"id": "i0", "company": "A second record with the id of the first"}
    write_tables(db_path, {"meta": {"1": {"schema": 2}}, "interviews": rows})
    return Repository(db_path)


def _outcome(search: Any) -> str:
    try:
        found = search()
    except (NotFoundError, ValidationError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return "none" if found is None else found.id


@pytest.mark.parametrize("key", KEYS)
def test_a_name_finds_what_a_search_of_every_interview_finds(repo: Repository, key: str) -> None:
    every = _outcome(lambda: find_interview(repo.interviews(), key))
    expected = every if every != "none" else "NotFoundError: No interview with id"
    assert _outcome(lambda: find(repo, key)).startswith(expected)


def test_a_company_is_found_without_building_every_interview(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = {str(k + 1): {"id": f"i{k}", "company": f"Company {k}"} for k in range(100)}
    write_tables(db_path, {"meta": {"1": {"schema": 2}}, "interviews": rows})
    repo = Repository(db_path)
    built: list[dict[str, Any]] = []
    real = Interview.from_record.__func__  # type: ignore[attr-defined]

    def counted(cls: type[Interview], row: dict[str, Any]) -> Interview:
        built.append(row)
        return real(cls, row)

    monkeypatch.setattr(Interview, "from_record", classmethod(counted))
    assert find(repo, "company 42").id == "i42"
    assert len(built) == 1
