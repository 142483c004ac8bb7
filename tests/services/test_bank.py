"""The question bank: the starter set, merging with the user's bank, search, saving."""

from __future__ import annotations

import pytest

from followup_tui.domain.models import BankQuestion, ValidationError
from followup_tui.services.bank import (
    CATEGORIES,
    DEFAULT_CHECKLIST,
    STARTER_BANK,
    bank_entries,
    category_label,
    delete_entry,
    edit_entry,
    find_entry,
    in_bank,
    normalize,
    save_to_bank,
    search,
    starter_entries,
    undo_delete,
)
from followup_tui.store.repository import NotFoundError, Repository


def test_starter_bank_has_enough_unique_questions_in_every_category() -> None:
    entries = starter_entries()
    texts = [normalize(e.text) for e in entries]
    assert len(set(texts)) == len(texts) >= 48
    assert set(CATEGORIES) >= {
        "role",
        "team",
        "manager",
        "growth",
        "culture",
        "product",
        "process",
        "next steps",
    }
    for category in CATEGORIES:
        assert len(STARTER_BANK[category]) >= 6, category
    assert all(e.text.endswith("?") or "?" in e.text for e in entries)
    assert all(len(e.text.split()) >= 7 for e in entries), "questions are specific, not one-word filler"


def test_default_checklist_covers_the_basics() -> None:
    joined = " ".join(DEFAULT_CHECKLIST).lower()
    for word in ("clothes", "cv", "introduction", "early", "names", "job ad", "questions"):
        assert word in joined
    assert len(set(DEFAULT_CHECKLIST)) == len(DEFAULT_CHECKLIST)


def test_the_checklist_follows_the_interview_format() -> None:
    from followup_tui.services.bank import starter_checklist

    onsite, video, phone = (" ".join(starter_checklist(f)).lower() for f in ("onsite", "video", "phone"))
    assert "video" not in onsite and "route" in onsite
    assert "camera" in video and "route" not in video and "printed copies" not in video
    assert "signal" in phone and "camera" not in phone and "route" not in phone
    assert starter_checklist("unknown") == DEFAULT_CHECKLIST


def test_bank_entries_merge_mine_grouped_without_duplicates(repo: Repository) -> None:
    repo.add(
        BankQuestion(
            text="  what is the HARDEST problem the person in this seat will face in the first year? "
        )
    )
    repo.add(BankQuestion(text="Do you sponsor visas?", category="Logistics"))
    repo.add(BankQuestion(text="Who owns the budget?", category="team"))
    repo.add(BankQuestion(text="do you   sponsor visas?", category="other"))
    entries = bank_entries(repo)
    texts = [normalize(e.text) for e in entries]
    assert len(texts) == len(set(texts)) == len(starter_entries()) + 2
    mine = [e for e in entries if e.mine]
    assert [(e.text, e.category) for e in mine] == [
        ("Who owns the budget?", "team"),
        ("Do you sponsor visas?", "logistics"),
    ]
    # grouped: every category's entries are contiguous, starter categories first
    order = list(dict.fromkeys(e.category for e in entries))
    assert order == [*CATEGORIES, "logistics"]
    team = [e.text for e in entries if e.category == "team"]
    assert team[-1] == "Who owns the budget?"


def test_search_narrows_by_every_word_in_text_or_category() -> None:
    entries = starter_entries()
    assert search(entries, "") == entries
    found = search(entries, "  PROMOTIONS ")
    assert [e.text for e in found] == ["How are promotions decided, and who takes part in that decision?"]
    managers = search(entries, "manager")
    assert len(managers) >= 6 and all("manager" in (e.text + e.category).lower() for e in managers)
    assert search(entries, "next steps hear") and all(
        e.category == "next steps" for e in search(entries, "steps hear")
    )
    assert search(entries, "zzzz nothing") == []


def test_save_to_bank_never_duplicates(repo: Repository) -> None:
    first = save_to_bank(repo, "Who  will I shadow in week one?", "Role ")
    assert first is not None and first.text == "Who will I shadow in week one?" and first.category == "role"
    assert save_to_bank(repo, "who will i shadow in WEEK one?", "team") is None
    starter = STARTER_BANK["growth"][0]
    assert save_to_bank(repo, starter.upper(), "") is None
    assert [q.text for q in repo.all(BankQuestion)] == ["Who will I shadow in week one?"]
    assert in_bank(bank_entries(repo), "WHO WILL I SHADOW IN WEEK ONE?")
    blank = save_to_bank(repo, "Any parking on site?", "")
    assert blank is not None and blank.category == "other"
    with pytest.raises(ValidationError):
        save_to_bank(repo, "   ", "role")


def test_category_label() -> None:
    assert category_label("next steps") == "Next steps"
    assert category_label("") == "Other"


def test_entries_carry_ids_for_the_shell(repo: Repository) -> None:
    mine = save_to_bank(repo, "Who would I shadow in week one?", "role")
    assert mine is not None
    entries = bank_entries(repo)
    assert entries[0].id == "s1" and not entries[0].mine
    assert find_entry(repo, mine.id).text == "Who would I shadow in week one?"
    with pytest.raises(NotFoundError):
        find_entry(repo, "nope")


def test_deleting_my_question_and_undoing_it(repo: Repository) -> None:
    mine = save_to_bank(repo, "Who would I shadow in week one?", "role")
    assert mine is not None
    removed = delete_entry(repo, find_entry(repo, mine.id))
    assert not in_bank(bank_entries(repo), mine.text)
    undo_delete(repo, removed)
    assert find_entry(repo, mine.id).text == mine.text


def test_deleting_a_starter_question_hides_it_until_undone(repo: Repository) -> None:
    starter = find_entry(repo, "s2")
    removed = delete_entry(repo, starter)
    assert not in_bank(bank_entries(repo), starter.text)
    assert len(bank_entries(repo)) == len(starter_entries()) - 1
    undo_delete(repo, removed)
    assert in_bank(bank_entries(repo), starter.text)


def test_editing_my_question_changes_text_and_category(repo: Repository) -> None:
    mine = save_to_bank(repo, "Who would I shadow?", "role")
    assert mine is not None
    edited = edit_entry(repo, find_entry(repo, mine.id), "  Whom would I shadow  first? ", "Team")
    assert (edited.text, edited.category, edited.id) == ("Whom would I shadow first?", "team", mine.id)
    assert [(q.text, q.category) for q in repo.all(BankQuestion)] == [("Whom would I shadow first?", "team")]


def test_editing_a_starter_question_makes_it_mine(repo: Repository) -> None:
    starter = find_entry(repo, "s1")
    edited = edit_entry(repo, starter, starter.text, "first days")
    assert edited.mine and edited.category == "first days"
    texts = [e.text for e in bank_entries(repo)]
    assert texts.count(starter.text) == 1
    assert find_entry(repo, edited.id).category == "first days"


def test_an_edit_cannot_duplicate_or_empty_a_question(repo: Repository) -> None:
    mine = save_to_bank(repo, "Who would I shadow?", "role")
    assert mine is not None
    with pytest.raises(ValidationError, match="already holds"):
        edit_entry(repo, find_entry(repo, mine.id), find_entry(repo, "s3").text.upper(), "role")
    with pytest.raises(ValidationError, match="needs some text"):
        edit_entry(repo, find_entry(repo, mine.id), "   ", "role")
