"""The language new interviews take: the setting, first taken from the locale.

Kept apart from the card's other services so that ``followup add`` and the interview form read
it without loading the card's draft and guard. No Textual here.
"""

from __future__ import annotations

from collections.abc import Mapping

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.language import LANGUAGE_SETTING, locale_language, normalise_language
from followup_tui.store.repository import Repository


def default_language(repo: Repository, environ: Mapping[str, str]) -> str:
    """The language new interviews take: the setting, else the locale's (English otherwise)."""
    stored = repo.setting(LANGUAGE_SETTING, "")
    if isinstance(stored, str) and stored:
        try:
            return normalise_language(stored)
        except ValidationError:
            pass  # a hand-edited setting: the locale decides, as before it was set
    return locale_language(environ)
