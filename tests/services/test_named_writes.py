"""The named actions the screens queue instead of writing to the repository themselves."""

from __future__ import annotations

from followup_tui.domain.models import ChecklistItem, Concern, Interview, LikelyQuestion, Question
from followup_tui.services import actions
from followup_tui.services.autosave import save_key, unique_key
from followup_tui.store.repository import Repository


def test_a_record_shown_before_it_was_saved_keeps_its_id(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme"))
    item = ChecklistItem(id=actions.mint_id(set()), interview_id=interview.id, text="Print the CV")
    actions.put_record(repo, item)
    assert [i.id for i in repo.children(ChecklistItem, interview.id)] == [item.id]
    actions.change_prep_item(repo, ChecklistItem, item.id, done=True)
    assert repo.get(ChecklistItem, item.id).done
    deleted = actions.delete_prep_item(repo, ChecklistItem, item.id)
    assert repo.children(ChecklistItem, interview.id) == []
    actions.put_record(repo, deleted)  # undo
    assert repo.get(ChecklistItem, item.id).text == "Print the CV"


def test_captured_concerns_are_added_together_and_keep_their_order(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme"))
    added = actions.add_concerns(repo, [Concern(interview_id=interview.id, text=t) for t in ("one", "two")])
    assert [c.text for c in repo.children(Concern, interview.id)] == ["one", "two"] == [c.text for c in added]
    actions.set_order(repo, Concern, [added[1].id, added[0].id])
    assert [c.text for c in repo.children(Concern, interview.id)] == ["two", "one"]
    actions.change_concern(repo, added[0].id, kind="worry")
    assert repo.get(Concern, added[0].id).kind == "worry"


def test_words_typed_for_a_record_deleted_meanwhile_are_not_an_error(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme"))
    likely = repo.add(LikelyQuestion(interview_id=interview.id, question="Why us?"))
    actions.set_talking_points(repo, likely.id, "The team")
    assert repo.get(LikelyQuestion, likely.id).talking_points == "The team"
    actions.set_why_this_job(repo, interview.id, "Build things")
    assert repo.get(Interview, interview.id).why_this_job == "Build things"
    repo.delete(Interview, interview.id)
    actions.set_why_this_job(repo, interview.id, "later")  # nothing to write, nothing raised
    actions.set_talking_points(repo, likely.id, "later")
    assert repo.interviews() == []


def test_debrief_questions_and_settings(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme"))
    question = actions.add_question(repo, Question(interview_id=interview.id, text="Team size?"))
    actions.mark_asked(repo, question.id, "yes")
    assert repo.get(Question, question.id).asked == "yes"
    actions.change_debrief(repo, interview.id, notes="Went well")
    assert repo.debrief(interview.id).notes == "Went well"
    actions.set_theme(repo, "nord")
    actions.remember_folder(repo, "/tmp/out")
    actions.remember_email(repo, " me@example.net ")
    assert (repo.setting("theme"), repo.setting(actions.EXPORT_FOLDER), repo.setting("my_email")) == (
        "nord",
        "/tmp/out",
        "me@example.net",
    )


def test_a_save_key_names_one_thing_and_a_new_record_is_new() -> None:
    assert save_key("concern", "ab3k9", "text") == "concern:ab3k9:text"
    assert save_key("interview", None, "form") == "interview:new:form"
    assert actions.kept_input_key("interview", None) == "interview:new"
    first, second = unique_key("capture", "ab3k9"), unique_key("capture", "ab3k9")
    assert first != second and first.startswith("capture:ab3k9:#")
