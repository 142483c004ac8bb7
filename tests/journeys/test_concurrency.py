"""Two writers at once: processes hammering the file, and the app open while the CLI writes."""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.domain.models import Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW
from tests.helpers.screen import screen_text
from tests.helpers.wait import until

WRITES_EACH = 200


def _hammer(path: str, interview_id: str, tag: str, count: int) -> None:
    repo = Repository(path)
    for n in range(count):
        if n % 2:
            repo.update(Interview, interview_id, notes=f"{tag} {n}")
        else:
            repo.add(Concern(interview_id=interview_id, text=f"{tag} concern {n}"))


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(db_path: Path) -> None:
    repo = Repository(db_path)
    first = repo.add(Interview(company="First"))
    second = repo.add(Interview(company="Second"))
    shared = repo.add(Interview(company="Shared"))
    ctx = multiprocessing.get_context("spawn")
    workers = [
        ctx.Process(target=_hammer, args=(str(db_path), first.id, "one", WRITES_EACH)),
        ctx.Process(target=_hammer, args=(str(db_path), second.id, "two", WRITES_EACH)),
    ]
    for worker in workers:
        worker.start()
    # meanwhile this process edits two different fields of a third interview, one each turn
    for n in range(40):
        field = "role" if n % 2 else "location"
        repo.update(Interview, shared.id, **{field: f"{field} {n}"})
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    reopened = Repository(db_path)
    for interview, tag in ((first, "one"), (second, "two")):
        texts = {c.text for c in reopened.children(Concern, interview.id)}
        assert texts == {f"{tag} concern {n}" for n in range(0, WRITES_EACH, 2)}
        assert reopened.get(Interview, interview.id).notes == f"{tag} {WRITES_EACH - 1}"
    final = reopened.get(Interview, shared.id)
    assert (final.role, final.location) == ("role 39", "location 38")
    assert len({c.id for c in reopened.all(Concern)}) == WRITES_EACH  # ids never reused


def _cli(db: Path, *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.slow
async def test_the_app_shows_another_process_writes_and_keeps_them_when_it_saves(db_path: Path) -> None:
    repo = Repository(db_path)
    interview = repo.add(Interview(company="Acme", when="2026-11-24 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        _cli(db_path, "outcome", interview.id, "offer")
        _cli(db_path, "note", "They never asked about the gap year", "--interview", interview.id)
        _cli(db_path, "add", "Globex Outside", "--when", "2026-12-01 09:00")
        assert await until(pilot, lambda: "Globex Outside" in screen_text(app)), screen_text(app)
        assert "offer" in screen_text(app).lower()
        # the app's own edit, saved after the other process wrote
        app.save("interview:notes", lambda: repo.update(Interview, interview.id, notes="from the app"))
        assert await until(pilot, lambda: app.saver.pending == 0)
        app.saver.flush()
    stored = Repository(db_path)
    acme = stored.get(Interview, interview.id)
    assert (acme.outcome, acme.notes) == ("offer", "from the app")
    assert [c.text for c in stored.children(Concern, interview.id)] == ["They never asked about the gap year"]
    assert sorted(i.company for i in stored.interviews()) == ["Acme", "Globex Outside"]


async def test_two_app_windows_editing_different_interviews_both_survive(db_path: Path) -> None:
    Repository(db_path).add(Interview(company="One"))
    Repository(db_path).add(Interview(company="Two"))
    left, right = Repository(db_path), Repository(db_path)
    one = next(i for i in left.interviews() if i.company == "One")
    two = next(i for i in right.interviews() if i.company == "Two")
    app_left = FollowupApp(left, clock=lambda: FIXED_NOW, watch=True)
    app_right = FollowupApp(right, clock=lambda: FIXED_NOW, watch=True)
    async with app_left.run_test(size=(100, 30)) as pl, app_right.run_test(size=(60, 20)) as pr:
        for n in range(15):
            app_left.save(f"k{n}", lambda n=n: left.update(Interview, one.id, notes=f"left {n}"), delay=0)
            app_right.save(f"k{n}", lambda n=n: right.update(Interview, two.id, notes=f"right {n}"), delay=0)
            app_right.save(
                f"c{n}", lambda n=n: right.add(Concern(interview_id=one.id, text=f"c{n}")), delay=0
            )
            await pl.pause(0.01)
            await pr.pause(0.01)
        assert await until(pl, lambda: app_left.saver.pending == 0 and app_right.saver.pending == 0)
    stored = Repository(db_path)
    assert stored.get(Interview, one.id).notes == "left 14"
    assert stored.get(Interview, two.id).notes == "right 14"
    assert len(stored.children(Concern, one.id)) == 15
