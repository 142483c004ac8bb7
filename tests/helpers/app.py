"""The app as the tests open it."""

from __future__ import annotations

from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from tests.conftest import FIXED_NOW


def make_app(repo: Repository) -> FollowupApp:
    """The app on this test's repository, with the fixed clock and no file watching."""
    return FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
