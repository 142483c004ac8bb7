"""The language new interviews take: the setting, first the locale's, then the last one chosen."""

from __future__ import annotations

from followup_tui.domain.language import LANGUAGE_SETTING
from followup_tui.domain.models import Interview
from followup_tui.services import actions
from followup_tui.services.language_setting import default_language
from followup_tui.store.repository import Repository

GERMAN_LOCALE = {"LANG": "de_DE.UTF-8"}


def test_the_locale_gives_the_first_default(repo: Repository) -> None:
    assert default_language(repo, GERMAN_LOCALE) == "de-DE"
    assert default_language(repo, {}) == "en"


def test_the_language_a_new_interview_is_given_is_the_next_ones_default(repo: Repository) -> None:
    added = actions.save_interview(repo, None, {"company": "Atelier Lumière", "language": "fr"})
    assert repo.setting(LANGUAGE_SETTING) == "fr"
    assert default_language(repo, GERMAN_LOCALE) == "fr"
    actions.save_interview(repo, added.id, {"language": "es"})  # an edit does not change the default
    assert repo.get(Interview, added.id).language == "es" and repo.setting(LANGUAGE_SETTING) == "fr"


def test_a_hand_edited_setting_that_is_no_language_falls_back_to_the_locale(repo: Repository) -> None:
    repo.set_setting(LANGUAGE_SETTING, "klingon")
    assert default_language(repo, GERMAN_LOCALE) == "de-DE"
