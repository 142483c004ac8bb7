"""The card's language on the command line: ``add --language``, ``card --language``, the locale."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_tui.cli.card import card
from followup_tui.cli.main import main
from followup_tui.domain.language import LANGUAGE_SETTING
from followup_tui.domain.models import Card, Interview
from followup_tui.store.repository import Repository
from tests.helpers.card_fixtures import fill_card_data


def _main(db_path: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(db_path), *args], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_add_keeps_the_language_it_is_given(db_path: Path) -> None:
    code, out, _ = _main(db_path, "add", "Bäckerei Schmidt", "--language", "de_at")
    assert code == 0
    assert Repository(db_path).get(Interview, out.strip()).language == "de-AT"


def test_add_takes_the_locales_language_else_english(db_path: Path) -> None:
    env = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_ES.UTF-8"}
    code, out, _ = _main(db_path, "add", "Clínica Triana", env=env)
    assert code == 0 and Repository(db_path).get(Interview, out.strip()).language == "es-ES"
    code, out, _ = _main(db_path, "add", "Acme", env={"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C"})
    assert Repository(db_path).get(Interview, out.strip()).language == "en"


def test_the_setting_comes_before_the_locale(db_path: Path) -> None:
    Repository(db_path).set_setting(LANGUAGE_SETTING, "fr")
    code, out, _ = _main(db_path, "add", "Atelier", env={"LC_ALL": "", "LANG": "de_DE.UTF-8"})
    assert code == 0 and Repository(db_path).get(Interview, out.strip()).language == "fr"


@pytest.mark.parametrize("tag", ["xx", "german"])
def test_an_unknown_language_is_one_line_and_nothing_is_written(db_path: Path, tag: str) -> None:
    code, out, err = _main(db_path, "add", "Acme", "--language", tag)
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "the languages there are: de (Deutsch), en (English)" in err
    assert not db_path.exists() or Repository(db_path).interviews() == []


def test_card_prints_in_the_interviews_language_and_once_in_another(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    repo.update(Interview, interview.id, language="de")
    result = CliRunner().invoke(card, [interview.id], obj=db_path)
    assert result.exit_code == 0
    assert result.stdout.startswith("Guten Tag Sam Okafor,") or result.stdout.startswith("Hallo Sam Okafor,")
    once = CliRunner().invoke(card, [interview.id, "--language", "fr"], obj=db_path)
    assert once.exit_code == 0 and once.stdout.startswith("Bonjour Sam Okafor,")
    assert "I ran a Kafka cluster for two years at Fabrikam." in once.stdout  # the user's words, as written
    assert repo.get(Interview, interview.id).language == "de"  # the interview is unchanged
    bad = CliRunner().invoke(card, [interview.id, "--language", "zz"], obj=db_path)
    assert bad.exit_code == 1 and bad.stdout == "" and "Unknown language 'zz'" in bad.stderr


def test_card_says_on_stderr_what_was_left_out_to_fit(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    long = " ".join(["I kept the release train running for three years across four product teams."] * 6)
    from followup_tui.domain.models import Concern

    error = next(c for c in repo.children(Concern, interview.id) if c.to_know)
    repo.update(Concern, error.id, to_know=long)
    result = CliRunner().invoke(card, [interview.id], obj=db_path)
    assert result.exit_code == 0
    assert "(Left out to fit the card: our closing line" in result.stderr
    assert "(Still too long for a card: shorten “I kept the release train" in result.stderr


def test_export_and_import_keep_the_language_and_the_address(
    repo: Repository, db_path: Path, tmp_path: Path
) -> None:
    interview = fill_card_data(repo)
    people = [p.__class__(p.name, p.title, p.email, address="Frau Okafor") for p in interview.interviewers]
    repo.update(Interview, interview.id, language="de", interviewers=people)
    code, out, _ = _main(db_path, "export", "--format", "json")
    assert code == 0
    exported = json.loads(out)
    record = next(i for i in exported["interviews"] if i["id"] == interview.id)
    assert record["language"] == "de" and record["interviewers"][0]["address"] == "Frau Okafor"
    other = tmp_path / "other" / "followup.json"
    export = tmp_path / "export.json"
    export.write_text(out, encoding="utf-8")
    code, _, _ = _main(other, "import", str(export))
    assert code == 0
    again = Repository(other).get(Interview, interview.id)
    assert again.language == "de" and again.interviewers[0].address == "Frau Okafor"


def test_card_in_another_language_says_the_edited_card_stays(repo: Repository, db_path: Path) -> None:
    interview = fill_card_data(repo)
    repo.add(Card(interview_id=interview.id, interviewer="Sam Okafor", text="Dear Sam,\nMy own words."))
    result = CliRunner().invoke(card, [interview.id, "--language", "de"], obj=db_path)
    assert result.exit_code == 0 and "My own words" not in result.stdout
    assert "(a fresh draft in Deutsch; your edited card stays as it is)" in result.stderr
    again = CliRunner().invoke(card, [interview.id], obj=db_path)
    assert again.stdout == "Dear Sam,\nMy own words.\n"
