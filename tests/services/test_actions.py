"""The screens' use-cases as plain functions over a repository: no Textual here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from followup_tui.domain.models import Card, ChecklistItem, Concern, Interview, ValidationError
from followup_tui.services import actions
from followup_tui.store.repository import ID_ALPHABET, ID_LENGTH, NotFoundError, Repository

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def interview(repo: Repository) -> Interview:
    return repo.add(Interview(company="Acme", when="2026-11-20 10:00"))


def test_the_actions_load_no_textual() -> None:
    code = (
        "import sys, followup_tui.services.actions\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "[]", result.stderr


def test_a_minted_id_uses_the_repository_alphabet_and_avoids_taken_ones() -> None:
    taken = {actions.mint_id(()) for _ in range(50)}
    for _ in range(200):
        new = actions.mint_id(taken)
        assert new not in taken and len(new) == ID_LENGTH
        assert set(new) <= set(ID_ALPHABET) and not new.isdigit()
        taken.add(new)


def test_save_interview_adds_then_changes_only_the_given_fields(repo: Repository) -> None:
    added = actions.save_interview(repo, None, {"company": "Acme", "role": "Engineer"})
    assert repo.get(Interview, added.id).role == "Engineer"
    changed = actions.save_interview(repo, added.id, {"role": "Lead"})
    assert changed.company == "Acme" and repo.get(Interview, added.id).role == "Lead"
    with pytest.raises(ValidationError):
        actions.save_interview(repo, None, {"company": ""})
    assert len(repo.all(Interview)) == 1


def test_delete_interview_removes_its_records(repo: Repository, interview: Interview) -> None:
    repo.add(Concern(interview_id=interview.id, text="rambled"))
    assert actions.delete_interview(repo, interview.id).id == interview.id
    assert repo.all(Interview) == [] and repo.all(Concern) == []


def test_deleting_an_interview_deletes_the_input_its_dialogs_kept_and_its_checklist_mark(
    repo: Repository, interview: Interview
) -> None:
    other = repo.add(Interview(company="Other"))
    for key in (
        actions.kept_input_key("concern", interview.id, "worry"),
        actions.kept_input_key("clarification", interview.id, "2"),
        actions.kept_input_key("concern", other.id, "worry"),
        actions.kept_input_key("interview", None),
    ):
        actions.keep_input(repo, key, {"text": "typed, not used yet"})
    actions.seed_checklist(repo, interview.id, [])
    actions.seed_checklist(repo, other.id, [])
    actions.delete_interview(repo, interview.id)
    kept = repo.setting(actions.KEPT_INPUT)
    assert sorted(kept) == [f"concern:{other.id}:worry", "interview:new"]
    assert repo.setting(f"checklist-seeded:{interview.id}") is None
    assert repo.setting(f"checklist-seeded:{other.id}") is True
    assert interview.id not in json.dumps(repo.storage.read()["meta"]["1"]["settings"])


def test_record_outcome_returns_the_open_predictions_once_the_news_is_in(
    repo: Repository, interview: Interview
) -> None:
    open_one = repo.add(Concern(interview_id=interview.id, text="they will say no", prediction=True))
    repo.add(Concern(interview_id=interview.id, text="settled", prediction=True, prediction_result="did-not"))
    repo.add(Concern(interview_id=interview.id, text="not a prediction"))
    stored, pending = actions.record_outcome(repo, interview.id, "pending")
    assert stored.outcome == "pending" and pending == []
    stored, pending = actions.record_outcome(repo, interview.id, "rejected")
    assert repo.get(Interview, interview.id).outcome == "rejected"
    assert [c.id for c in pending] == [open_one.id]
    actions.settle_prediction(repo, open_one.id, "came-true")
    assert repo.get(Concern, open_one.id).prediction_result == "came-true"
    with pytest.raises(NotFoundError):
        actions.record_outcome(repo, "gone", "offer")


def test_the_starter_checklist_is_seeded_once(repo: Repository, interview: Interview) -> None:
    items = actions.checklist_to_seed(repo, interview.id, ["Charge the laptop", "Print the CV"], {"taken"})
    assert [i.text for i in items] == ["Charge the laptop", "Print the CV"]
    assert len({i.id for i in items}) == 2 and "taken" not in {i.id for i in items}
    actions.seed_checklist(repo, interview.id, items)
    assert [i.id for i in repo.children(ChecklistItem, interview.id)] == [i.id for i in items]
    for item in items:
        repo.delete(ChecklistItem, item.id)
    # every starter item deleted: they are not offered again
    assert actions.checklist_to_seed(repo, interview.id, ["Charge the laptop"], set()) == []


def test_seeding_writes_the_items_and_the_flag_together(repo: Repository, interview: Interview) -> None:
    item = ChecklistItem(id="abc234", interview_id=interview.id, text="Water", order=1.0)
    repo.restore(item)
    with pytest.raises(ValidationError):  # the item is there already: nothing is written
        actions.seed_checklist(repo, interview.id, [item])
    assert actions.checklist_to_seed(repo, interview.id, ["Water"], set()) != []


def test_accepting_suggestions_adds_all_or_none(repo: Repository, interview: Interview) -> None:
    good = Concern(interview_id=interview.id, text="forgot the salary range", source="s1")
    added = actions.accept_suggestions(
        repo, [good, Concern(interview_id=interview.id, text="x", source="s2")]
    )
    assert [c.source for c in added] == ["s1", "s2"]
    with pytest.raises(NotFoundError):
        actions.accept_suggestions(repo, [good, Concern(interview_id="gone", text="y")])
    assert len(repo.children(Concern, interview.id)) == 2


def test_deleting_a_suggested_concern_dismisses_its_suggestion(
    repo: Repository, interview: Interview
) -> None:
    suggested = repo.add(Concern(interview_id=interview.id, text="talked fast", source="pace"))
    typed = repo.add(Concern(interview_id=interview.id, text="my own words"))
    removed = actions.delete_concern(repo, interview.id, suggested.id)
    assert removed.id == suggested.id
    assert repo.debrief(interview.id).dismissed == ["pace"]
    actions.delete_concern(repo, interview.id, typed.id)
    assert repo.debrief(interview.id).dismissed == ["pace"]
    assert repo.children(Concern, interview.id) == []


def test_the_card_to_an_interviewer_is_made_once(repo: Repository, interview: Interview) -> None:
    first = actions.card_for(repo, interview.id, "Ana")
    assert actions.card_for(repo, interview.id, "ana").id == first.id  # names compared without case
    changed = actions.update_card(repo, interview.id, "Ana", text="Thank you")
    assert changed.id == first.id and repo.get(Card, first.id).text == "Thank you"
    other = actions.update_card(repo, interview.id, "Bo", sent="2026-11-21")
    assert other.id != first.id and len(repo.children(Card, interview.id)) == 2


def test_input_is_kept_per_form_and_record_until_forgotten(repo: Repository) -> None:
    new_key = actions.kept_input_key("interview", None)
    edit_key = actions.kept_input_key("interview", "abc234")
    assert new_key != edit_key
    assert actions.kept_input(repo, new_key) is None
    actions.keep_input(repo, new_key, {"role": "Engineer"})
    actions.keep_input(repo, edit_key, {"notes": "ask about on-call"})
    assert actions.kept_input(repo, new_key) == {"role": "Engineer"}
    assert Repository(repo.path).setting(actions.KEPT_INPUT) == {
        new_key: {"role": "Engineer"},
        edit_key: {"notes": "ask about on-call"},
    }
    actions.keep_input(repo, new_key, None)
    assert actions.kept_input(repo, new_key) is None
    assert actions.kept_input(repo, edit_key) == {"notes": "ask about on-call"}
