"""``followup card`` and ``followup ics``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import icalendar
from click.testing import CliRunner

from followup_tui.cli.card import card, ics
from followup_tui.cli.main import main
from followup_tui.domain.card.draft import card_parts, meter
from followup_tui.domain.card.warnings import card_warnings, phrase_warning
from followup_tui.domain.models import Card, Concern, Debrief, Interview
from followup_tui.store.repository import Repository
from tests.helpers.card_fixtures import fill_card_data


def run(command: object, path: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(command, list(args), obj=path)  # type: ignore[arg-type]
    return result.exit_code, result.stdout, result.stderr


def test_card_prints_the_draft_for_the_first_interviewer(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    code, out, err = run(card, db_path, interview.id)
    assert code == 0
    assert out.startswith("Dear Sam,") or out.startswith("Hello Sam,")
    assert "I led the Postgres upgrade at my last job" in out
    assert "I ran a Kafka cluster for two years at Fabrikam" in out
    assert "--interviewer" in err and "Dr. Lena Brandt" in err
    assert repo.children(Card, interview.id) == []


def test_card_for_a_named_interviewer_prints_the_edited_text(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    repo.add(Card(interview_id=interview.id, interviewer="Dr. Lena Brandt", text="Dear Lena,\nMy own words."))
    code, out, err = run(card, db_path, interview.id, "--interviewer", "dr. lena brandt")
    assert code == 0
    assert out == "Dear Lena,\nMy own words.\n"
    assert err == "(" + meter("Dear Lena,\nMy own words.") + ")\n"  # the size, as the card screen shows it


def test_card_without_interviewers_addresses_the_team(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo, interviewers=0)
    code, out, _ = run(card, db_path, interview.id)
    assert code == 0
    assert "Northwind Labs team," in out.splitlines()[0]


def test_card_errors_are_one_line(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    code, out, err = run(card, db_path, "nope1")
    assert (code, out) == (1, "")
    assert err.startswith("Error: ") and err.count("\n") == 1 and "nope1" in err
    code, out, err = run(card, db_path, interview.id, "--interviewer", "Nobody")
    assert (code, out) == (1, "")
    assert "Nobody" in err and "Sam Okafor" in err and err.count("\n") == 1


def test_ics_to_stdout_parses(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    code, out, _ = run(ics, db_path, interview.id)
    assert code == 0
    cal = icalendar.Calendar.from_ical(out)
    summaries = sorted(str(e["SUMMARY"]) for e in cal.walk("VEVENT"))
    assert summaries == [
        "Follow up if no news: Northwind Labs",
        "Interview: Backend engineer at Northwind Labs",
        "Send the thank-you card: Northwind Labs",
    ]
    assert all(e.walk("VALARM") for e in cal.walk("VEVENT"))


def test_ics_to_a_file_refuses_to_overwrite(repo: Repository, db_path: Path, tmp_path: Path) -> None:
    interview = fill_card_data(repo)
    target = tmp_path / "north.ics"
    code, out, _ = run(ics, db_path, interview.id, "-o", str(target))
    assert (code, out) == (0, "")
    assert icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert os.stat(target).st_mode & 0o777 == 0o600
    before = target.read_bytes()
    code, out, err = run(ics, db_path, interview.id, "-o", str(target))
    assert code == 1 and "already exists" in err and err.count("\n") == 1
    assert target.read_bytes() == before


def test_ics_unknown_interview(db_path: Path, repo: Repository) -> None:
    fill_card_data(repo)
    code, out, err = run(ics, db_path, "zzzzz")
    assert (code, out) == (1, "")
    assert "zzzzz" in err


def test_registered_in_the_main_command(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    repo.add(
        Concern(
            interview_id=interview.id,
            text="Never mentioned my German",
            kind="error",
            action="clarify-in-card",
            to_know="I speak German at work every day.",
        )
    )
    result = CliRunner().invoke(
        main, ["--db", str(db_path), "card", interview.id, "--interviewer", "Sam Okafor"]
    )
    assert result.exit_code == 0
    assert "I speak German at work every day." in result.stdout and "Never mentioned" not in result.stdout


def test_card_command_does_not_import_textual(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    code = (
        "import sys\n"
        "from followup_tui.cli.main import main\n"
        "try:\n"
        f"    main(['--db', {str(db_path)!r}, 'card', {interview.id!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "assert 'textual' not in sys.modules, 'textual imported'\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Postgres" in done.stdout


def test_card_before_the_interview_exits_1_with_one_line(repo: Repository, db_path: Path) -> None:
    from followup_tui.domain.models import Interview

    future = repo.add(Interview(company="Later Ltd", when="2999-01-04 10:00"))
    code, out, err = run(card, db_path, future.id)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "No card yet" in err and "after it" in err


def test_card_says_what_is_not_written_yet_on_stderr(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo, written=False, interviewers=1)
    code, out, err = run(card, db_path, interview.id)
    assert code == 0 and "Kafka" not in out
    assert err.splitlines()[1].startswith("(1 error has nothing to say yet: I said I had no Kafka experience")
    assert "your name to sign with" in err and "then m)" in err


def test_card_ends_with_the_sign_off_and_the_users_name(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    code, out, _ = run(card, db_path, interview.id)
    assert code == 0
    assert out.rstrip("\n").splitlines()[-1] == "Jo Rivera"
    assert out.rstrip("\n").splitlines()[-2].endswith(",")


def test_card_prints_every_warning_of_the_card_screen_on_stderr_and_the_card_alone_on_stdout(
    repo: Repository, db_path: Path
) -> None:
    interview = fill_card_data(repo, interviewers=1)
    repo.update_debrief(interview.id, worth_mentioning="I was off for six months with depression last year.")
    text = (
        "Hello Sam,\n\nSorry I was on the bus. I should've said that Sam's demo was great. I forgot to say "
        + "that I ran the on-call rota for two years and wrote the runbooks every engineer on the team used. "
        * 4
        + "\n\nBest,\nJo"
    )
    repo.add(Card(interview_id=interview.id, interviewer="Sam Okafor", text=text))
    code, out, err = run(card, db_path, interview.id)
    assert code == 0 and out == text + "\n"
    stored = repo.get(Interview, interview.id)
    parts = card_parts(
        stored,
        repo.get(Debrief, interview.id),
        repo.children(Concern, interview.id),
        "Jo Rivera",
        recipient="Sam Okafor",
    )
    expected = card_warnings(text, parts, recipient="Sam Okafor")
    lines = err.splitlines()
    assert lines[: len(expected)] == [f"({line})" for line in expected]
    assert "too long for a card" in lines[0]
    assert phrase_warning(text, recipient="Sam Okafor") in err  # the line the screen shows, word for word
    assert "“sorry”" in err and "“should've”" in err and "“forgot to say”" in err
    assert "The card speaks about Sam: write to them as “you”." in err
    assert "Left out, it mentions health: a moment worth mentioning (debrief). Your health" in err
