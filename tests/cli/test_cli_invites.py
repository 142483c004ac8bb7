"""``followup add --tz`` and ``followup add [COMPANY] --from-ics FILE``."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.domain import zones
from followup_tui.domain.models import Interview
from followup_tui.services.invites import MY_EMAIL
from followup_tui.store.repository import Repository
from tests.cli.test_cli import fails, ok, run

FIXTURES = Path(__file__).parents[1] / "fixtures" / "invitations"


@pytest.fixture(autouse=True)
def machine_in_berlin(monkeypatch: pytest.MonkeyPatch) -> None:
    """This machine's zone, as tzlocal would find it."""
    monkeypatch.setattr(zones, "local_zone_name", lambda: "Europe/Berlin")


def only(db_path: Path) -> Interview:
    interviews = Repository(db_path).all(Interview)
    assert len(interviews) == 1
    return interviews[0]


def test_add_keeps_this_machines_zone_or_the_one_given(db_path: Path) -> None:
    first = ok("add", "Acme", "--when", "2026-12-01 10:00").strip()
    second = ok("add", "Globex", "--when", "2026-12-01 10:00", "--tz", "new york").strip()
    repo = Repository(db_path)
    assert repo.get(Interview, first).tz == "Europe/Berlin"
    assert repo.get(Interview, second).tz == "America/New_York"
    assert "not a time zone" in fails("add", "Initech", "--tz", "Mars/Olympus")
    assert '"tz": "America/New_York"' in ok("list", "--json")


def test_add_needs_a_company_or_an_invitation(db_path: Path) -> None:
    assert "Missing argument 'COMPANY'" in fails("add", code=2)


def test_an_invitation_becomes_an_interview(db_path: Path) -> None:
    result = run(
        "add", "--from-ics", str(FIXTURES / "google-calendar.ics"), "--me", "robin.candidate@example.net"
    )
    assert result.exit_code == 0, result.stderr
    stored = only(db_path)
    assert result.stdout.strip() == stored.id
    assert "Added from the invitation: Harborlight, 2026-12-03 10:00 America/New_York." in result.stderr
    assert (stored.company, stored.role, stored.when, stored.ends, stored.tz) == (
        "Harborlight",
        "Senior Platform Engineer",
        "2026-12-03 10:00",
        "2026-12-03 10:45",
        "America/New_York",
    )
    assert [p.email for p in stored.interviewers] == [
        "priya.natarajan@harborlight.io",
        "marcus.oyelaran@harborlight.io",
    ]
    assert (stored.format, stored.location) == ("video", "https://meet.google.com/qpr-tsvw-xyz")
    assert Repository(db_path).setting(MY_EMAIL) == "robin.candidate@example.net"


def test_the_company_given_wins_over_the_guess(db_path: Path) -> None:
    ok(
        "add",
        "Harbor Light Inc",
        "--role",
        "Platform engineer",
        "--from-ics",
        str(FIXTURES / "google-calendar.ics"),
    )
    assert (only(db_path).company, only(db_path).role) == ("Harbor Light Inc", "Platform engineer")


def test_the_same_invitation_again_updates_it_and_an_older_one_changes_nothing(db_path: Path) -> None:
    first = ok("add", "--from-ics", str(FIXTURES / "google-calendar.ics")).strip()
    Repository(db_path).update(Interview, first, notes="My own notes", role="Platform engineer")
    moved = run("add", "--from-ics", str(FIXTURES / "google-calendar-moved.ics"))
    assert moved.stdout.strip() == first and "Updated from the invitation" in moved.stderr
    stored = only(db_path)
    assert (stored.when, stored.invite_sequence) == ("2026-12-04 14:00", 1)
    assert (stored.notes, stored.role) == ("My own notes", "Platform engineer")  # the user's edits kept
    older = run("add", "--from-ics", str(FIXTURES / "google-calendar.ics"))
    assert older.exit_code == 0 and "is older (sequence 0)" in older.stderr
    assert only(db_path).when == "2026-12-04 14:00"


def test_a_cancelled_invitation_says_so_and_offers_withdrawn(db_path: Path) -> None:
    first = ok("add", "--from-ics", str(FIXTURES / "google-calendar.ics")).strip()
    result = run("add", "--from-ics", str(FIXTURES / "google-calendar-cancelled.ics"))
    assert result.exit_code == 0
    assert "The invitation for Harborlight (2026-12-03 10:00) is cancelled." in result.stderr
    assert f"Mark it withdrawn with: followup outcome {first} withdrawn" in result.stderr
    assert only(db_path).outcome == "pending"


def test_a_cancelled_invitation_for_nothing_adds_nothing(db_path: Path) -> None:
    result = run("add", "--from-ics", str(FIXTURES / "google-calendar-cancelled.ics"))
    assert result.exit_code == 0 and "nothing added" in result.stderr
    assert not Repository(db_path).all(Interview)


def test_bad_invitations_get_one_line(tmp_path: Path, db_path: Path) -> None:
    line = fails("add", "--from-ics", str(FIXTURES / "all-day.ics"))
    assert "all-day event (2026-12-14); an interview needs a start time" in line
    assert "No such file or directory" in fails("add", "--from-ics", str(tmp_path / "none.ics"))
    assert "is a folder" in fails("add", "--from-ics", str(tmp_path))
    junk = tmp_path / "junk.ics"
    junk.write_bytes(b"\x00" * 10)
    assert "not a calendar file" in fails("add", "--from-ics", str(junk))
    big = tmp_path / "big.ics"
    big.write_bytes(b"X" * (1024 * 1024 + 1))
    assert "too large" in fails("add", "--from-ics", str(big))
    assert not db_path.exists()


def test_no_company_in_the_invitation_asks_for_one(tmp_path: Path, db_path: Path) -> None:
    plain = tmp_path / "plain.ics"
    data = (
        (FIXTURES / "zoom.ics")
        .read_bytes()
        .replace(b"Tidewater Robotics | Firmware Engineer Interview", b"Call")
    )
    plain.write_bytes(data)
    assert "give it: followup add COMPANY --from-ics FILE" in fails("add", "--from-ics", str(plain))
    assert ok("add", "Tidewater", "--from-ics", str(plain)).strip()


def test_me_given_later_takes_you_off_the_interviewers(db_path: Path) -> None:
    invitation = str(FIXTURES / "google-calendar.ics")
    ok("add", "--from-ics", invitation)
    assert "robin.candidate@example.net" in [p.email for p in only(db_path).interviewers]
    result = run("add", "--from-ics", invitation, "--me", "robin.candidate@example.net")
    assert result.exit_code == 0, result.stderr
    assert "Already up to date" not in result.stderr and "Updated from the invitation" in result.stderr
    assert "robin.candidate@example.net" not in [p.email for p in only(db_path).interviewers]
