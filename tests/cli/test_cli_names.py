"""Naming an interview by its company and an interviewer by the first name; ``outcome --help``."""

from __future__ import annotations

from pathlib import Path

from followup_tui.domain.models import OUTCOMES, Interview
from followup_tui.domain.text import cell_width
from followup_tui.store.repository import Repository
from tests.cli.test_cli import PAST, fails, ok, run


def test_outcome_card_and_ics_take_a_company_prefix_without_accents(db_path: Path) -> None:
    interview_id = ok("add", "Ça Ira Studio", "--when", PAST, "--interviewer", "Zoë Ångström").strip()
    ok("add", "Globex", "--when", PAST)
    assert ok("outcome", "ca ira", "advanced").strip() == "Ça Ira Studio: advanced"
    assert Repository(db_path).get(Interview, interview_id).outcome == "advanced"
    assert ok("card", "ÇA") == ok("card", interview_id)
    assert ok("ics", "ca i") == ok("ics", interview_id)
    assert ok("export", "--interview", "glob") != ok("export", "--interview", "ca")


def test_a_company_that_fits_several_interviews_is_refused_with_their_ids(db_path: Path) -> None:
    first = ok("add", "Acme", "--when", PAST).strip()
    second = ok("add", "Acme Robotics", "--when", PAST).strip()
    line = fails("outcome", "ac", "offer")
    assert "fits 2 interviews" in line and first in line and second in line
    assert ok("outcome", "acme", "offer").strip() == "Acme: offer"  # the whole name is unique
    assert "No interview with id 'nobody'" in fails("card", "nobody")
    assert {i.outcome for i in Repository(db_path).all(Interview)} == {"offer", "pending"}


def test_card_interviewer_takes_a_first_name_without_accents(db_path: Path) -> None:
    interview_id = ok(
        "add", "Acme", "--when", PAST, "--interviewer", "Ana Ruiz", "--interviewer", "Zoë Ångström"
    ).strip()
    zoe = run("card", interview_id, "--interviewer", "Zoe")
    assert zoe.exit_code == 0, zoe.stderr
    assert zoe.stdout == ok("card", interview_id, "--interviewer", "Zoë Ångström")
    assert "Zoë" in zoe.stdout and zoe.stdout != ok("card", interview_id)
    assert "No interviewer named 'Bob'" in fails("card", interview_id, "--interviewer", "Bob")


def test_two_interviewers_with_one_first_name_need_the_full_name(db_path: Path) -> None:
    interview_id = ok(
        "add", "Acme", "--when", PAST, "--interviewer", "Ana Ruiz", "--interviewer", "Ana Lopez"
    ).strip()
    assert "fits several interviewers" in fails("card", interview_id, "--interviewer", "ana")
    assert ok("card", interview_id, "--interviewer", "ana lopez")


def test_outcome_help_lists_the_outcomes() -> None:
    text = ok("outcome", "--help")
    for value in OUTCOMES:
        assert value in text.split("Outcomes:", 1)[1]


def test_names_are_cut_by_terminal_cells_not_characters(db_path: Path) -> None:
    wide = "東京データプラットフォーム株式会社インフラストラクチャ部門"  # 29 characters, 58 cells
    interview_id = ok("add", wide, "--when", PAST).strip()
    said = run("note", "forgot the on-call question", "--interview", interview_id).stderr
    company = said.split("Noted for ", 1)[1].split(" as ", 1)[0]
    assert company.endswith("…") and wide.startswith(company[:-1])
    assert cell_width(company) <= 40
    outcome_line = ok("outcome", interview_id, "offer").strip()
    assert cell_width(outcome_line.rsplit(":", 1)[0]) <= 40
