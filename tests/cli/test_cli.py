"""The command line: every command, and every way of giving it bad input."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from followup_tui.cli import main as cli
from followup_tui.domain.models import BankQuestion, Concern, Interview
from followup_tui.domain.zones import is_zone
from followup_tui.store.repository import Repository
from followup_tui.store.storage import DamagedFileError
from tests.helpers.files import device_file

PAST = "2000-01-02 10:00"
FUTURE = "2999-01-02 10:00"


def run(*args: str, **kwargs: Any) -> Result:
    return CliRunner().invoke(cli.main, list(args), **kwargs)


def ok(*args: str) -> str:
    result = run(*args)
    assert result.exit_code == 0, (args, result.stdout, result.stderr)
    return result.stdout


def fails(*args: str, code: int = 1) -> str:
    """Run a command that must fail; return its single line of stderr."""
    result = run(*args)
    assert result.exit_code == code, (args, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
    if code == 1:
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        return lines[0]
    return result.stderr


def test_version_and_help_list_every_command() -> None:
    assert ok("--version").startswith("followup, version ")
    text = ok("--help")
    commands = ["add", "list", "note", "outcome", "export", "import", "import-questions", "doctor", "path"]
    for name in [*commands, "card", "ics", "bank"]:
        assert f"  {name} " in text
    for name in commands:
        assert "Example: followup" in ok(name, "--help"), name


def test_path_uses_db_option_then_environment(db_path: Path, tmp_path: Path) -> None:
    assert ok("path").strip() == str(db_path)
    other = tmp_path / "elsewhere.json"
    assert ok("--db", str(other), "path").strip() == str(other)
    ok("--db", str(other), "add", "Acme")
    assert device_file(other).exists() and not db_path.parent.exists()


def test_demo_with_a_command_is_a_usage_error() -> None:
    assert "--demo and --web only apply" in fails("--demo", "list", code=2)


def test_add_prints_the_id_and_stores_every_option(db_path: Path) -> None:
    new_id = ok(
        "add",
        "Acme",
        "--role",
        "Engineer",
        "--when",
        "2026-12-01 14:00",
        "--format",
        "video",
        "--interviewer",
        "Ana Ruiz",
        "--interviewer",
        "Ben Okafor",
    ).strip()
    stored = Repository(db_path).get(Interview, new_id)
    assert (stored.company, stored.role, stored.when, stored.format) == (
        "Acme",
        "Engineer",
        "2026-12-01 14:00",
        "video",
    )
    assert [p.name for p in stored.interviewers] == ["Ana Ruiz", "Ben Okafor"]
    assert stored.outcome == "pending"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["add", "Acme", "--when", "next tuesday"], 1, "is not a date and time"),
        (["add", "   "], 1, "Company is required."),
        (["add", "x" * 300], 1, "Company is too long"),
        (["add", "Acme", "--format", "fax"], 2, "Invalid value for '--format'"),
        (["add"], 2, "Missing argument 'COMPANY'"),
        (["add", "Acme", "--interviewer", "x" * 201], 1, "Name is too long"),
    ],
)
def test_add_bad_input_writes_nothing(db_path: Path, args: list[str], code: int, message: str) -> None:
    assert message in fails(*args, code=code)
    assert not db_path.exists()


def test_list_table_is_newest_first_and_sanitised() -> None:
    assert ok("list") == ""
    assert "No interviews yet" in run("list").stderr
    ok("add", "Old\x1b[31m Firm\x07", "--when", PAST)
    ok("add", "New [b]Firm[/b]", "--role", "Lead\nDev", "--when", FUTURE)
    lines = ok("list").splitlines()
    assert len(lines) == 2
    assert "New [b]Firm[/b] · Lead Dev" in lines[0]
    assert "Old Firm" in lines[1] and "card late" in lines[1]
    assert all(not any(ord(ch) < 32 for ch in line) for line in lines)


def test_list_json_has_the_documented_keys(db_path: Path) -> None:
    old = ok("add", "Old", "--when", PAST, "--interviewer", "Ana").strip()
    new = ok("add", "New\x1b", "--when", FUTURE, "--format", "phone").strip()
    ok("note", "hmm", "--interview", old)
    items = json.loads(ok("list", "--json"))
    assert [i["id"] for i in items] == [new, old]
    assert items[0]["company"] == "New\x1b" and items[0]["format"] == "phone"
    assert items[1] == {
        "id": old,
        "company": "Old",
        "role": "",
        "when": PAST,
        "when_iso": items[1]["when_iso"],
        "tz": items[1]["tz"],
        "format": "onsite",
        "outcome": "pending",
        "interviewers": ["Ana"],
        "follow_up": {"card": "none", "card_overdue": True, "open_concerns": 1, "cards_sent": 0, "cards": 1},
    }
    assert json.loads(ok("list", "--json")) == items
    assert is_zone(items[1]["tz"])  # this machine's zone


def test_note_goes_to_the_latest_started_interview(db_path: Path) -> None:
    old = ok("add", "Old", "--when", "2001-01-01 10:00").strip()
    recent = ok("add", "Recent", "--when", PAST.replace("2000", "2020")).strip()
    ok("add", "Future", "--when", FUTURE)
    result = run("note", "I rambled about the migration")
    assert result.exit_code == 0
    concern_id = result.stdout.strip()
    assert "Recent" in result.stderr
    repo = Repository(db_path)
    stored = repo.get(Concern, concern_id)
    assert (stored.interview_id, stored.kind, stored.text) == (
        recent,
        "unsorted",
        "I rambled about the migration",
    )
    worry = ok("note", "They hated me", "--worry", "--interview", old).strip()
    error = ok("note", "Never asked about on-call", "--error", "--interview", old).strip()
    assert repo.get(Concern, worry).kind == "worry"
    assert repo.get(Concern, error).kind == "error"
    assert [c.id for c in repo.children(Concern, old)] == [worry, error]


@pytest.mark.parametrize(
    ("flag", "said"),
    [([], "as an unsorted concern."), (["--worry"], "as a worry."), (["--error"], "as an actual error.")],
)
def test_note_names_the_column_as_the_board_does(db_path: Path, flag: list[str], said: str) -> None:
    ok("add", "Acme", "--when", PAST)
    result = run("note", "hmm", *flag)
    assert result.exit_code == 0
    assert result.stderr.strip() == f"Noted for Acme {said}"


def test_note_without_started_interviews_uses_the_newest(db_path: Path) -> None:
    only = ok("add", "Future", "--when", FUTURE).strip()
    concern_id = ok("note", "prep nerves").strip()
    assert Repository(db_path).get(Concern, concern_id).interview_id == only


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["note", "x", "--worry", "--error"], 2, "Choose --worry or --error, not both."),
        (["note", "   "], 1, "A concern needs some text."),
        (["note", "x", "--interview", "zzzzz"], 1, "No interview with id 'zzzzz' or at a company"),
        (["note"], 2, "Missing argument 'TEXT'"),
    ],
)
def test_note_bad_input_writes_nothing(db_path: Path, args: list[str], code: int, message: str) -> None:
    ok("add", "Acme", "--when", PAST)
    before = device_file(db_path).read_bytes()
    assert message in fails(*args, code=code)
    assert device_file(db_path).read_bytes() == before


def test_note_with_no_interviews(db_path: Path) -> None:
    assert "no interviews yet" in fails("note", "hello").lower()
    assert not db_path.exists()


def test_outcome(db_path: Path) -> None:
    interview_id = ok("add", "Acme").strip()
    assert ok("outcome", interview_id, "no-response").strip() == "Acme: no-response"
    assert Repository(db_path).get(Interview, interview_id).outcome == "no-response"
    before = device_file(db_path).read_bytes()
    assert "Invalid value for 'OUTCOME'" in fails("outcome", interview_id, "ghosted", code=2)
    assert "No interview with id 'qqqqq' or at a company of that name." in fails("outcome", "qqqqq", "offer")
    assert device_file(db_path).read_bytes() == before


def test_export_to_stdout_and_to_a_new_file(db_path: Path, tmp_path: Path) -> None:
    interview_id = ok("add", "Acme", "--when", PAST).strip()
    ok("note", "forgot to ask", "--error")
    document = json.loads(ok("export"))
    assert [i["id"] for i in document["interviews"]] == [interview_id]
    assert "## Acme" in ok("export", "--format", "markdown")
    assert ok("export", "--format", "csv").splitlines()[1].startswith(f"{interview_id},Acme,")
    assert json.loads(ok("export", "--interview", interview_id))["concerns"][0]["text"] == "forgot to ask"
    target = tmp_path / "out.md"
    written = run("export", "--format", "markdown", "-o", str(target))
    assert (written.exit_code, written.stdout, written.stderr) == (0, "", f"Wrote {target}\n")
    assert target.read_text().startswith("# followup: interviews")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_refuses_to_overwrite_unless_forced(tmp_path: Path) -> None:
    ok("add", "Acme")
    target = tmp_path / "out.json"
    target.write_text("keep me")
    assert "already exists" in fails("export", "-o", str(target))
    assert target.read_text() == "keep me"
    ok("export", "-o", str(target), "--force")
    assert json.loads(target.read_text())["interviews"][0]["company"] == "Acme"


def test_export_bad_input(tmp_path: Path) -> None:
    ok("add", "Acme")
    assert "No interview with id 'zzzzz' or at a company" in fails("export", "--interview", "zzzzz")
    assert "Invalid value for '--format'" in fails("export", "--format", "pdf", code=2)
    missing = tmp_path / "no" / "such" / "out.json"
    fails("export", "-o", str(missing))
    assert not missing.parent.exists()
    real = tmp_path / "real.txt"
    real.write_text("secret")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert "symbolic link" in fails("export", "-o", str(link), "--force")
    assert real.read_text() == "secret"


def test_import_merges_and_is_idempotent(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "source.json"
    ok("--db", str(source), "add", "Acme", "--when", PAST)
    ok("--db", str(source), "note", "hmm", "--worry")
    export = tmp_path / "export.json"
    ok("--db", str(source), "export", "-o", str(export))
    assert ok("import", str(export)).strip() == "Added 2 records."
    assert ok("import", str(export)).strip() == "Added 0 records."
    assert [i.company for i in Repository(db_path).interviews()] == ["Acme"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00garbage", "is not a UTF-8 text file"),
        (b'{"format": "followup-export", "version": 99}', "newer followup"),
        (b'{"interviews": {}}', "followup data file, not an export"),
    ],
)
def test_import_bad_files_write_nothing(tmp_path: Path, db_path: Path, content: bytes, message: str) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    assert message in fails("import", str(bad))
    assert not db_path.exists()


def test_import_missing_file_or_folder(tmp_path: Path, db_path: Path) -> None:
    assert "No such file or directory" in fails("import", str(tmp_path / "missing.json"))
    assert "is a folder" in fails("import", str(tmp_path))
    assert not db_path.exists()


def test_import_questions(tmp_path: Path, db_path: Path) -> None:
    source = tmp_path / "questions.md"
    source.write_text(
        "# My questions\n\nSome prose about asking good questions.\n\n## Team\n\n"
        "- What does a good first month look like?\n* How is work shared?\n\n## Growth\n\n"
        "1. How do people grow here?\n2) what does a GOOD   first month look like?\n"
        "- [ ] Is there a budget?\n"
    )
    assert ok("import-questions", str(source)).strip() == "5 items: 4 added, 1 already in the bank."
    bank = Repository(db_path).all(BankQuestion)
    assert [(q.category, q.text) for q in bank] == [
        ("Team", "What does a good first month look like?"),
        ("Team", "How is work shared?"),
        ("Growth", "How do people grow here?"),
        ("Growth", "Is there a budget?"),
    ]
    assert ok("import-questions", str(source)).strip() == "5 items: 0 added, 5 already in the bank."


def test_import_questions_bad_input(tmp_path: Path, db_path: Path) -> None:
    assert "No such file or directory" in fails("import-questions", str(tmp_path / "none.md"))
    binary = tmp_path / "q.md"
    binary.write_bytes(b"\xff\xfe\xfa")
    assert "not a UTF-8 text file" in fails("import-questions", str(binary))
    empty = tmp_path / "empty.md"
    empty.write_text("Only prose here.\n")
    assert ok("import-questions", str(empty)).strip() == "0 items: 0 added."
    assert not db_path.exists()


def test_damaged_data_file_is_reported_and_never_overwritten(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b'{"interviews": {"1": {"id": "abcde", "company": "Acme"}')
    before = db_path.read_bytes()
    for args in (["list"], ["add", "Beta"], ["note", "x"], ["export"], ["outcome", "abcde", "offer"]):
        line = fails(*args)
        assert str(db_path) in line and "damaged" in line
    assert db_path.read_bytes() == before


def test_unexpected_errors_print_no_user_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_args: object, **_kwargs: object) -> str:
        raise KeyError("Secret Company Name")

    monkeypatch.setattr("followup_tui.cli.data.render", explode)
    result = run("export")
    assert result.exit_code == 1
    assert "Secret" not in result.stderr and "Traceback" not in result.stderr
    assert "KeyError" in result.stderr


class FakeApp:
    seen: dict[str, Any] = {}
    data_open = True
    open_error = None

    def __init__(self, repository: Repository, **_options: Any) -> None:
        self.repo = repository
        self.saver = self
        self.cleanups: list[Any] = []
        self.return_code: int | None = None

    def run(self) -> None:
        folder = self.repo.path.parent
        FakeApp.seen.update(
            path=self.repo.path,
            folder_mode=stat.S_IMODE(folder.stat().st_mode) if folder.exists() else None,
            interviews=len(self.repo.interviews()),
        )

    def close(self) -> bool:
        return True


def test_app_opens_on_the_data_file(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    monkeypatch.setattr("followup_tui.ui.app.FollowupApp", FakeApp)
    FakeApp.seen.clear()
    ok()
    assert FakeApp.seen["path"] == db_path


def test_demo_uses_a_private_throwaway_file(monkeypatch: pytest.MonkeyPatch, db_path: Path) -> None:
    monkeypatch.setattr("followup_tui.ui.app.FollowupApp", FakeApp)
    FakeApp.seen.clear()
    ok("--demo")
    demo_path: Path = FakeApp.seen["path"]
    assert demo_path != db_path and FakeApp.seen["interviews"] > 3
    assert FakeApp.seen["folder_mode"] == 0o700
    assert not demo_path.parent.exists()
    assert not db_path.exists()


def test_app_on_a_damaged_file_says_so(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_text("[]")
    assert "damaged" in fails()


def test_environment_variable_is_used_everywhere(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ok("add", "Acme")
    assert device_file(db_path).exists()
    assert stat.S_IMODE(device_file(db_path).stat().st_mode) == 0o600
    assert stat.S_IMODE(db_path.parent.stat().st_mode) == 0o700
    monkeypatch.delenv("FOLLOWUP_DB")
    default = Path(os.environ["XDG_DATA_HOME"]) / "followup" / "followup.json"
    assert ok("path").strip() == str(default)


def test_build_app_opens_the_file_before_the_app_and_hands_it_the_repository(db_path: Path) -> None:
    from followup_tui.cli.app_start import build_app
    from followup_tui.ui.app import FollowupApp

    Repository(db_path).add(Interview(company="Acme"))
    app = build_app(db_path)
    assert isinstance(app, FollowupApp)
    assert app.repo.path == db_path
    assert [i.company for i in app.repo.interviews()] == ["Acme"]
    device_file(db_path).write_bytes(b"[1, 2]")
    with pytest.raises(DamagedFileError, match="not an object"):
        build_app(db_path)  # refused before Textual's app is built (run_app turns it into one line)
    assert device_file(db_path).read_bytes() == b"[1, 2]"


def test_list_aligns_wide_names_by_cells_and_cuts_them_with_an_ellipsis() -> None:
    from followup_tui.domain.text import cell_width

    ok("add", "株式会社ソニー株式会社ソニー株式会社ソニー", "--when", PAST)
    ok("add", "Acme", "--when", FUTURE)
    lines = ok("list").splitlines()
    outcome_cells = [cell_width(line[: line.index("pending")]) for line in lines]
    assert outcome_cells[0] == outcome_cells[1], lines
    assert "…" in lines[1]


def test_list_shows_this_machines_time_with_the_interviews_own_beside_it() -> None:
    from tests.helpers.machine_zone import machine_tz

    with machine_tz("Europe/Berlin"):
        ok("add", "Harborlight", "--when", "2026-12-03 10:00", "--tz", "America/New_York")
        ok("add", "Acme", "--when", "2026-12-04 09:00", "--tz", "Europe/Berlin")
        lines = ok("list").splitlines()
    assert "2026-12-03 16:00 · 10:00 New York" in lines[1]
    assert "2026-12-04 09:00  " in lines[0] and "·" not in lines[0].split("Acme")[0]
    assert lines[0].index("Acme") == lines[1].index("Harborlight")  # the columns still line up
