"""Privacy: private file modes, no user text in crash output, export names that cannot escape."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup_tui.domain.models import Interview
from followup_tui.store import storage
from followup_tui.store.files import export_path, write_new_file
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.home.home import HomeScreen
from tests.conftest import FIXED_NOW
from tests.helpers.files import backups_of, device_file, lock_file

MARKER = "MARKER-secret-7f3a"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


@pytest.mark.usefixtures("umask_022")
def test_data_backups_and_lock_are_private(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "BACKUP_EVERY", 0)
    repo = Repository(db_path)
    repo.add(Interview(company="Acme"))
    repo.add(Interview(company="Beta"))
    assert _mode(db_path.parent) == 0o700
    assert _mode(device_file(db_path)) == 0o600
    assert _mode(lock_file(db_path)) == 0o600 and _mode(lock_file(db_path).parent) == 0o700
    backups = backups_of(db_path)
    assert backups and all(_mode(b) == 0o600 for b in backups)
    assert _mode(backups[0].parent) == 0o700
    assert [p.name for p in db_path.parent.iterdir() if _mode(p) & 0o077] == []


@pytest.mark.usefixtures("umask_022")
def test_the_cli_creates_private_files(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db_path), "add", "Acme"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert _mode(device_file(db_path)) == 0o600 and _mode(db_path.parent) == 0o700


# -- crash output -------------------------------------------------------------------------------


def _assert_clean_report(report: str) -> None:
    assert "followup stopped after an internal error" in report
    assert "KeyError" in report
    assert MARKER not in report
    assert "Acme-" not in report  # the company name held by a local variable
    assert "locals" not in report.lower() and "company" not in report


async def test_a_crash_inside_the_app_prints_no_user_text(
    repo: Repository, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    interview = repo.add(Interview(company=f"Acme-{MARKER}"))

    def explode(self: HomeScreen) -> None:
        company = repo.get(Interview, interview.id).company
        raise KeyError(f"{MARKER} {company}")

    monkeypatch.setattr(HomeScreen, "action_new", explode)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    reports: list[str] = []
    with pytest.raises(KeyError):  # run_test re-raises it for the test; a real run does not
        async with app.run_test(size=(100, 30)) as pilot:
            app.set_focus(None)  # keys go to the screen's bindings, not the filter
            await pilot.press("n")
            await pilot.pause()
            reports.extend(str(r) for r in app._exit_renderables)
    _assert_clean_report("\n".join(reports))
    printed = capsys.readouterr()
    _assert_clean_report(printed.err)
    assert MARKER not in printed.out


CRASHING_APP = textwrap.dedent(
    """
    import sys
    from followup_tui.ui.app import FollowupApp
    from followup_tui.domain.models import Interview
    from followup_tui.store.repository import Repository
    from followup_tui.ui.screens.home.home import HomeScreen

    repo = Repository(sys.argv[1])
    interview = repo.add(Interview(company="Acme-" + sys.argv[2]))

    def explode(self):
        company = repo.get(Interview, interview.id).company
        raise KeyError(sys.argv[2] + " " + company)

    HomeScreen.on_mount = explode
    FollowupApp(repo, watch=False).run(headless=True)
    """
)


def test_a_crash_in_a_real_run_prints_no_user_text_on_stderr(db_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_APP, str(db_path), MARKER],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "TEXTUAL": ""},
    )
    _assert_clean_report(result.stderr)
    assert MARKER not in result.stdout


def test_a_crash_in_a_command_prints_no_user_text(db_path: Path) -> None:
    Repository(db_path).add(Interview(company=f"Acme-{MARKER}"))
    script = textwrap.dedent(
        """
        import sys
        from followup_tui.domain.models import Interview
        from followup_tui.store import repository
        from followup_tui.cli.main import main

        def explode(self):
            company = self.all(Interview)[0].company
            raise KeyError(company)

        repository.Repository.interviews = explode
        main(["--db", sys.argv[1], "list"])
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script, str(db_path)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 1
    _assert_clean_report(result.stderr)


# -- exported file names ------------------------------------------------------------------------

HOSTILE_STEMS = [
    "../../etc/passwd",
    "/etc/passwd",
    "..",
    ".",
    "",
    "   ",
    "a/b\\c",
    "name\x00with nul",
    "\x1b]0;pwned\x07",
    "~root",
    "CON",
    "-rf",
    ".hidden",
    "\u202eexe.md",
    "x" * 5000,
    "Ünïcödé Çompany",
]


@pytest.mark.parametrize("stem", HOSTILE_STEMS)
def test_export_names_from_user_text_stay_in_the_folder(tmp_path: Path, stem: str) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    path = export_path(folder, stem, ".md")
    assert path.parent == folder
    assert not path.name.startswith((".", "-")) and path.name.endswith(".md")
    assert len(path.name) <= 80 and path.name.isascii() and path.name.isprintable()
    write_new_file(path, "content")
    assert sorted(folder.iterdir()) == [path]


def test_an_export_never_follows_a_symlink_nor_overwrites(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    outside = tmp_path / "precious.txt"
    outside.write_text("keep me")
    (folder / "acme.md").symlink_to(outside)
    (folder / "acme-2.md").write_text("an older export")
    path = export_path(folder, "Acme", ".md")
    assert path == folder / "acme-3.md"
    with pytest.raises(FileExistsError):
        write_new_file(folder / "acme.md", "overwritten?")
    with pytest.raises(FileExistsError):
        write_new_file(folder / "acme.md", "overwritten?", overwrite=True)
    with pytest.raises(FileExistsError):
        write_new_file(folder / "acme-2.md", "overwritten?")
    assert outside.read_text() == "keep me"
    assert (folder / "acme-2.md").read_text() == "an older export"
    assert (folder / "acme.md").is_symlink()


@pytest.mark.usefixtures("umask_022")
def test_an_export_is_private(tmp_path: Path) -> None:
    path = export_path(tmp_path, "Acme", ".csv")
    write_new_file(path, "a,b\n")
    assert _mode(path) == 0o600


@pytest.mark.usefixtures("umask_022")
def test_a_shared_folder_chosen_with_db_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o755)
    (shared / "notes.txt").write_text("someone else's file")
    repo = Repository(shared / "followup.json")
    repo.add(Interview(company="Acme"))
    assert _mode(shared) == 0o755
    assert _mode(device_file(shared / "followup.json")) == 0o600
