"""The Markdown question parser of ``followup import-questions``."""

from __future__ import annotations

from pathlib import Path

from followup_tui.domain.models import BankQuestion
from followup_tui.services.question_import import (
    LINK,
    NOTE,
    ParsedQuestion,
    dedup_key,
    import_questions,
    parse_list,
    parse_questions,
)
from followup_tui.store.repository import Repository


def _pairs(markdown: str) -> list[tuple[str, str]]:
    return [(q.category, q.text) for q in parse_questions(markdown)]


def test_headings_become_categories_and_items_questions() -> None:
    markdown = """Intro prose that is not a question.

# Culture #

- How do teams disagree?
* What do you celebrate?
+ Who decides priorities?

Culture paragraph, ignored.
And its second line.

Growth
======

1. How are promotions decided?
2) Is there a learning budget?
- [ ] What would my first project be?
- [x] Do people move between teams?

Setext level two
----------------

   - Indented item?
"""
    assert _pairs(markdown) == [
        ("Culture", "How do teams disagree?"),
        ("Culture", "What do you celebrate?"),
        ("Culture", "Who decides priorities?"),
        ("Growth", "How are promotions decided?"),
        ("Growth", "Is there a learning budget?"),
        ("Growth", "What would my first project be?"),
        ("Growth", "Do people move between teams?"),
        ("Setext level two", "Indented item?"),
    ]


def test_items_before_any_heading_have_no_category() -> None:
    assert _pairs("- First?\n# Later\n- Second?\n") == [("", "First?"), ("Later", "Second?")]


def test_continuation_lines_join_their_item() -> None:
    markdown = (
        "- What does a typical week\n  look like for the team?\n- Next?\n\n  Indented prose after a gap.\n"
    )
    assert _pairs(markdown) == [("", "What does a typical week look like for the team?"), ("", "Next?")]


def test_code_rules_quotes_and_empty_items_are_ignored() -> None:
    markdown = (
        "```\n- not a question\n# not a heading\n```\n"
        "---\n***\n- - -\n> - quoted item\n\n"
        "-\n- [ ]\n- Real one?\n"
    )
    assert _pairs(markdown) == [("", "Real one?")]


def test_inline_markdown_is_removed_and_controls_stripped() -> None:
    markdown = (
        "## **Bold** `heading`\n"
        "- Ask about [the roadmap](http://x.y) and **budget**\x1b[31m\n"
        "- Is the price \\*fixed\\*?\n"
    )
    assert _pairs(markdown) == [
        ("Bold heading", "Ask about the roadmap and budget"),
        ("Bold heading", "Is the price *fixed*?"),
    ]


def test_windows_line_endings() -> None:
    assert _pairs("# A\r\n- One?\r\n- Two?\r\n") == [("A", "One?"), ("A", "Two?")]


def test_dedup_key_ignores_case_and_spacing() -> None:
    assert dedup_key("  What  IS\tit? ") == dedup_key("what is it?")
    assert dedup_key("Straße") == dedup_key("STRASSE")


def test_import_skips_existing_and_repeated_questions(repo: Repository) -> None:
    repo.add(BankQuestion(text="Why is the role open?", category="Role"))
    result = import_questions(
        repo, "# Role\n- why is  the ROLE open?\n- Who was here before?\n- who was here before?\n"
    )
    assert (result.added, result.duplicates, result.too_long) == (1, 2, 0)
    assert [(q.category, q.text) for q in repo.all(BankQuestion)] == [
        ("Role", "Why is the role open?"),
        ("Role", "Who was here before?"),
    ]


def test_too_long_items_are_skipped(repo: Repository) -> None:
    result = import_questions(repo, "- " + "Why " * 600 + "?\n- Fine?\n")
    assert (result.added, result.too_long) == (1, 1)


def test_import_is_one_save(repo: Repository) -> None:
    repo.add(BankQuestion(text="seed"))
    saves = repo.storage.saves
    import_questions(repo, "\n".join(f"- Question {n}?" for n in range(50)))
    assert repo.storage.saves == saves + 1
    assert len(repo.all(BankQuestion)) == 51


def test_parsed_question_is_a_value() -> None:
    assert parse_questions("- A?") == [ParsedQuestion(text="A?", category="")]


FIXTURE = Path(__file__).parents[1] / "fixtures" / "questions" / "asking-back.md"


def test_a_web_page_list_reads_as_a_viewer_shows_it() -> None:
    found = parse_list(FIXTURE.read_text(encoding="utf-8"))
    texts = [q.text for q in found.questions]
    # the BOM does not hide the first heading, nor front matter become a question
    assert not any("title" in t or "layout" in t for t in texts)
    # entities decoded, emphasis marks removed, HTML comments dropped, code spans kept as typed
    assert "Which part of the job didn’t make it into the advert?" in texts
    assert "How is success measured after the first three months?" in texts
    assert "Is there an on-call rota?" in texts
    assert "Do you run git rebase -i or git   merge --no-ff on shared branches?" in texts
    # link text kept; nested items their own questions; task boxes dropped
    assert "Which ticket tracker do you use, and who grooms it?" in texts
    assert "How many days a week does the team meet in person?" in texts
    assert "Who reviews my work before it ships?" in texts
    # code blocks, quotes, tables, prose are not questions
    assert not any("code block" in t or "fenced" in t or "quoted" in t or "not an item" in t for t in texts)
    assert {q.category for q in found.questions} == {
        "The role",
        "The team",
        "Tooling",
        "Money & time off",
        "Setext heading for the end",
    }
    assert len(found.questions) == 16


def test_links_and_short_notes_are_skipped_and_counted() -> None:
    found = parse_list(FIXTURE.read_text(encoding="utf-8"))
    assert [(s.reason, s.text) for s in found.skipped] == [
        (LINK, "Deutsch"),
        (LINK, "Español · Português"),
        (LINK, "https://example.org/asking-back/fr"),
        (NOTE, "Remote work"),
        (NOTE, "Notes"),
        (LINK, "See also: a longer list"),
    ]
    assert found.items == 22


def test_a_short_item_with_a_verb_or_a_question_mark_is_kept() -> None:
    assert _pairs("- Ask why\n- Remote?\n- Salary\n") == [("", "Ask why"), ("", "Remote?")]


def test_the_summary_counts_items_added_and_skipped(repo: Repository) -> None:
    result = import_questions(repo, FIXTURE.read_text(encoding="utf-8"))
    assert result.summary() == "22 items: 16 added, 6 skipped as links or notes"
    again = import_questions(repo, FIXTURE.read_text(encoding="utf-8"))
    assert again.summary() == "22 items: 0 added, 6 skipped as links or notes, 16 already in the bank"


def test_a_dry_run_writes_nothing(repo: Repository) -> None:
    result = import_questions(repo, FIXTURE.read_text(encoding="utf-8"), dry_run=True)
    assert result.added == 16 and len(result.new) == 16
    assert not repo.path.exists()
    assert result.summary(dry_run=True).startswith("22 items: 16 would be added")


def test_a_section_that_asks_nothing_is_notes_but_requests_are_kept() -> None:
    markdown = (
        "## How to use this list\n\n- Pick the ones that matter to you\n- Skip the rest\n\n"
        "## The team\n\n- How big is the team?\n- The way reviews work\n\n"
        "## Asking without a question mark\n\n"
        "- Tell me about the on-call rota\n- Walk me through a sprint\n\n"
        "## Reading\n\n- [A long talk](https://example.org/talk) by Ana Ruiz\n"
    )
    found = parse_list(markdown)
    assert [q.text for q in found.questions] == [
        "How big is the team?",
        "The way reviews work",
        "Tell me about the on-call rota",
        "Walk me through a sprint",
    ]
    assert [(s.reason, s.text) for s in found.skipped] == [
        (NOTE, "Pick the ones that matter to you"),
        (NOTE, "Skip the rest"),
        (LINK, "A long talk by Ana Ruiz"),
    ]
