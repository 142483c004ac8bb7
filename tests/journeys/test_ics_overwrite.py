"""``followup ics -o`` never writes over an existing file unless ``--force`` says so."""

from __future__ import annotations

from pathlib import Path

from followup_tui.domain.models import (
    Interview,
)
from followup_tui.store.repository import Repository
from tests.helpers.cli import run_followup


def test_ics_refuses_an_existing_file_unless_forced(db_path: Path, tmp_path: Path) -> None:
    interview = Repository(db_path).add(Interview(company="Acme", when="2026-01-05 10:00"))
    target = tmp_path / "reminders.ics"
    target.write_text("mine")
    refused = run_followup(db_path, "ics", interview.id, "-o", str(target))
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert target.read_text() == "mine"
    forced = run_followup(db_path, "ics", interview.id, "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text().startswith("BEGIN:VCALENDAR")
