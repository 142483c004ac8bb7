"""``followup import-questions --dry-run`` and ``followup bank list | rm | edit``."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.domain.models import BankQuestion
from followup_tui.services.bank import bank_entries, starter_entries
from followup_tui.store.repository import Repository
from tests.cli.test_cli import fails, ok, run

FIXTURE = Path(__file__).parents[1] / "fixtures" / "questions" / "asking-back.md"


def test_a_dry_run_lists_what_would_be_added_and_skipped(db_path: Path) -> None:
    out = ok("import-questions", str(FIXTURE), "--dry-run")
    lines = out.strip().splitlines()
    assert "add   [The role] Is there an on-call rota?" in lines
    assert "skip  (link) Deutsch" in lines
    assert "skip  (note) Remote work" in lines
    assert lines[-1] == "22 items: 16 would be added, 6 skipped as links or notes."
    assert not db_path.exists()


def test_import_says_how_many_items_were_skipped(db_path: Path) -> None:
    assert ok("import-questions", str(FIXTURE)).strip() == "22 items: 16 added, 6 skipped as links or notes."
    assert len(Repository(db_path).all(BankQuestion)) == 16


def test_bank_list_shows_ids_by_category(db_path: Path) -> None:
    Repository(db_path).add(BankQuestion(text="Who would I shadow?", category="Role"))
    out = ok("bank", "list")
    assert out.splitlines()[0] == "Role"
    assert "  s1      " + starter_entries()[0].text in out
    mine = ok("bank", "list", "--mine").splitlines()
    assert mine[0] == "Role" and mine[1].endswith("* Who would I shadow?") and len(mine) == 2
    assert ok("bank", "list", "--category", "GROWTH").splitlines()[0] == "Growth"


def test_bank_rm_removes_mine_and_hides_a_starter_question(db_path: Path) -> None:
    stored = Repository(db_path).add(BankQuestion(text="Who would I shadow?", category="Role"))
    assert ok("bank", "rm", stored.id).strip() == "Removed: Who would I shadow?"
    ok("bank", "rm", "s1")
    texts = [e.text for e in bank_entries(Repository(db_path))]
    assert "Who would I shadow?" not in texts and starter_entries()[0].text not in texts
    assert "No question in the bank with id 's1'" in fails("bank", "rm", "s1")


def test_bank_edit_with_options(db_path: Path) -> None:
    stored = Repository(db_path).add(BankQuestion(text="Who would I shadow?", category="Role"))
    out = ok("bank", "edit", stored.id, "--text", "Whom would I shadow first?", "--category", "first days")
    assert out.strip() == f"{stored.id}  First days: Whom would I shadow first?"
    assert [(q.text, q.category) for q in Repository(db_path).all(BankQuestion)] == [
        ("Whom would I shadow first?", "first days")
    ]
    assert "needs some text" in fails("bank", "edit", stored.id, "--text", "  ")


def test_bank_edit_opens_the_editor_without_options(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import click

    monkeypatch.setattr(click, "edit", lambda text, require_save: "What would my first project be?\n")
    out = ok("bank", "edit", "s1")
    new_id = out.split()[0]
    assert [(q.id, q.text) for q in Repository(db_path).all(BankQuestion)] == [
        (new_id, "What would my first project be?")
    ]
    monkeypatch.setattr(click, "edit", lambda text, require_save: None)
    result = run("bank", "edit", new_id)
    assert result.exit_code == 0 and "Nothing changed." in result.stderr
