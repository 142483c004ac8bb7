"""A gut rating read from a file (3.0 in JSON) shows as a whole number everywhere."""

from __future__ import annotations

import json
from pathlib import Path

from followup_tui.domain.models import Debrief, Interview
from followup_tui.services.exporting import export_json, export_markdown
from followup_tui.services.json_import import import_json
from followup_tui.store.repository import Repository
from tests.helpers.app import make_app
from tests.helpers.screen import screen_text
from tests.helpers.wait import until


async def test_a_gut_rating_read_from_a_file_shows_as_a_whole_number(repo: Repository, db_path: Path) -> None:
    interview = repo.add(Interview(company="Acme", when="2026-11-20 10:00"))
    repo.update_debrief(interview.id, gut=3)
    exported = json.loads(export_json(repo))
    for row in exported["debriefs"]:
        row["gut"] = 3.0  # as another tool writes a JSON number
    other = Repository(db_path.parent / "other.json")
    import_json(other, json.dumps(exported))
    assert other.get(Debrief, interview.id).gut == 3
    assert type(other.get(Debrief, interview.id).gut) is int
    assert "Gut feeling: 3/5" in export_markdown(other)
    app = make_app(other)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("enter")  # the hub
        assert await until(pilot, lambda: "Gut feeling: 3 of 5 (so-so)" in screen_text(app))  # type: ignore[arg-type]
