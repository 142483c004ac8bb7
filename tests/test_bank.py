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
    in_bank,
    normalize,
    save_to_bank,
    search,
    starter_entries,
)
from followup_tui.store.repository import Repository


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
    for word in ("clothes", "cv", "introduction", "early", "video", "names", "job ad", "questions"):
        assert word in joined
    assert len(set(DEFAULT_CHECKLIST)) == len(DEFAULT_CHECKLIST)


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
