"""The app as Textual's conventions expect: a blurred start (``--web``) shows its keys, the
palette's Screenshot saves privately, ``TEXTUAL_THEME`` wins for the run, ``textual run`` works."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest
from textual import events
from textual.widgets._footer import FooterKey

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.prep.prep import PrepScreen
from followup_tui.ui.widgets.key_footer import KeyFooter
from tests.conftest import FIXED_NOW
from tests.helpers.wait import until


def shown_keys(app: FollowupApp) -> list[str]:
    """The keys the footer of the screen on top shows (none while it is being built)."""
    return [key.key for footer in app.screen.query(KeyFooter) for key in footer.query(FooterKey)]


async def test_a_blurred_app_shows_its_keys_at_once(repo: Repository) -> None:
    """The browser's driver starts the app blurred (AppBlur before the first screen)."""
    repo.add(Interview(company="Acme"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.post_message(events.AppBlur())
        await pilot.pause()
        assert not app.app_focus
        app.open_screen("prep", repo.interviews()[0].id)
        assert await until(pilot, lambda: isinstance(app.screen, PrepScreen) and bool(shown_keys(app)))
        assert "question_mark" in shown_keys(app)
        assert "escape" in shown_keys(app)


async def test_screenshot_goes_to_the_documents_folder_privately(repo: Repository, tmp_path: Path) -> None:
    documents = tmp_path / "home" / "Documents"
    assert not documents.exists()  # as over SSH: no such folder yet
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        app.deliver_screenshot()  # what the palette's Screenshot runs
        assert await until(pilot, lambda: documents.is_dir() and any(documents.glob("*.svg")))
        (picture,) = documents.glob("*.svg")
        assert await until(pilot, lambda: picture.stat().st_size > 0 and app._notifications)
        notices = [n.message for n in app._notifications]
    assert stat.S_IMODE(documents.stat().st_mode) == 0o700
    assert stat.S_IMODE(picture.stat().st_mode) == 0o600
    assert picture.read_text(encoding="utf-8").startswith("<svg")
    assert any(f"Screenshot saved to {picture}" in m for m in notices), notices


@pytest.mark.parametrize(
    ("variable", "expected"), [(None, "nord"), ("dracula", "dracula"), ("no-such", "nord")]
)
async def test_textual_theme_wins_over_the_stored_theme_for_the_run(
    repo: Repository, monkeypatch: pytest.MonkeyPatch, variable: str | None, expected: str
) -> None:
    repo.set_setting("theme", "nord")
    if variable is None:
        monkeypatch.delenv("TEXTUAL_THEME", raising=False)
    else:
        monkeypatch.setenv("TEXTUAL_THEME", variable)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert app.theme == expected
    assert Repository(repo.path).setting("theme") == "nord"  # the stored choice is kept


def test_textual_run_can_build_the_app_by_name(db_path: Path) -> None:
    """What ``textual run followup_tui.ui.app:FollowupApp`` does: import, then call the class."""
    script = (
        "from pathlib import Path\n"
        "import os\n"
        "from textual._import_app import import_app\n"
        "app = import_app('followup_tui.ui.app:FollowupApp')\n"
        "assert not Path(os.environ['FOLLOWUP_DB']).exists()\n"
        "print(type(app).__name__, app.repo.path)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["FollowupApp", str(db_path)]
    assert not db_path.exists()
