"""Exports and the JSON import: lossless round trips, safe Markdown, CSV that reads back."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from followup_tui.domain.models import (
    BankQuestion,
    Card,
    Clarification,
    Concern,
    Debrief,
    Interview,
    Interviewer,
    Question,
)
from followup_tui.services.demo.build import fill_demo
from followup_tui.services.exporting import (
    CSV_COLUMNS,
    EXPORT_FORMAT,
    EXPORT_VERSION,
    export_csv,
    export_json,
    export_markdown,
)
from followup_tui.services.json_import import ImportFileError, import_json, parse_export
from followup_tui.store.repository import NotFoundError, Repository, seeded_ids
from followup_tui.store.tables import TABLES
from tests.conftest import FIXED_NOW
from tests.helpers.files import device_file

HOSTILE = "# Hacked\n- item\n1. one\n```\n<script>x</script>\n| a | b |\n---\n===\n> quote\n\x1b[31mred\x07"


def _without_stamp(text: str) -> dict[str, object]:
    document = json.loads(text)
    document.pop("exported")
    return document


@pytest.fixture
def demo_repo(repo: Repository) -> Repository:
    fill_demo(repo, FIXED_NOW)
    repo.set_setting("theme", "nord")
    return repo


def test_json_export_holds_every_record_of_every_table(demo_repo: Repository) -> None:
    document = json.loads(export_json(demo_repo))
    assert document["format"] == EXPORT_FORMAT and document["version"] == EXPORT_VERSION
    assert document["settings"] == {"theme": "nord", "your_name": "Alex Morgan"}
    for cls, name in TABLES.items():
        stored = [r.to_record() for r in demo_repo.all(cls)]
        assert document[name] == stored, name
    assert document["debriefs"] and document["bank"] and document["cards"]


def test_json_round_trip_into_an_empty_file_is_equal(demo_repo: Repository, tmp_path: Path) -> None:
    first = export_json(demo_repo)
    fresh = Repository(tmp_path / "fresh.json")
    total = sum(len(demo_repo.all(cls)) for cls in TABLES)
    assert import_json(fresh, first).added == total
    second = export_json(fresh)
    documents = [_without_stamp(first), _without_stamp(second)]
    documents[0]["settings"] = documents[1]["settings"] = {}
    assert documents[0] == documents[1]


def test_import_twice_adds_nothing(demo_repo: Repository, tmp_path: Path) -> None:
    text = export_json(demo_repo)
    fresh = Repository(tmp_path / "fresh.json")
    import_json(fresh, text)
    before = device_file(tmp_path / "fresh.json").read_bytes()
    assert import_json(fresh, text).added == 0
    assert json.loads(device_file(tmp_path / "fresh.json").read_bytes()) == json.loads(before)


def test_one_interview_export(demo_repo: Repository) -> None:
    interview = demo_repo.interviews()[-1]
    document = json.loads(export_json(demo_repo, interview.id))
    assert [i["id"] for i in document["interviews"]] == [interview.id]
    assert all(c["interview_id"] == interview.id for c in document["concerns"])
    assert document["bank"] == []
    with pytest.raises(NotFoundError):
        export_json(demo_repo, "zzzzz")


def test_json_export_is_safe_on_a_terminal_and_lossless(repo: Repository, tmp_path: Path) -> None:
    company = "Acme\x1b]0;owned\x07 \u202eevil \x9b31m ok"
    repo.add(Interview(company=company))
    text = export_json(repo)
    assert not any(ch in text for ch in "\x1b\x07\u202e\x9b")
    fresh = Repository(tmp_path / "fresh.json")
    import_json(fresh, text)
    assert fresh.interviews()[0].company == company


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object"),
        ('{"hello": 1}', "not a followup export"),
        ('{"interviews": {"1": {"id": "a"}}, "meta": {}}', "followup data file, not an export"),
        (json.dumps({"format": EXPORT_FORMAT}), "version is missing"),
        (json.dumps({"format": EXPORT_FORMAT, "version": EXPORT_VERSION + 1}), "newer followup"),
        (json.dumps({"format": EXPORT_FORMAT, "version": 1, "interviews": {"a": 1}}), "'interviews' entry"),
        (json.dumps({"format": EXPORT_FORMAT, "version": 1, "concerns": [1]}), "'concerns' entry"),
    ],
)
def test_bad_import_files_are_refused_without_writing(
    repo: Repository, db_path: Path, text: str, message: str
) -> None:
    with pytest.raises(ImportFileError, match=message):
        import_json(repo, text)
    assert not db_path.exists()


def test_import_skips_children_of_missing_interviews(repo: Repository) -> None:
    text = json.dumps(
        {
            "format": EXPORT_FORMAT,
            "version": 1,
            "concerns": [{"id": "orph1", "interview_id": "gone1", "text": "lost"}],
            "bank": [{"id": "bank1", "text": "What is the team like?"}],
        }
    )
    assert import_json(repo, text).added == 1
    assert [b.text for b in repo.all(BankQuestion)] == ["What is the team like?"]


texts = st.text(max_size=60)
names = st.text(min_size=1, max_size=60).filter(lambda s: s.strip() != "")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(company=names, notes=texts, concern=names, clarify=texts, bank=names)
def test_random_text_survives_save_load_and_export_import(
    tmp_path_factory: pytest.TempPathFactory, company: str, notes: str, concern: str, clarify: str, bank: str
) -> None:
    folder = tmp_path_factory.mktemp("rt")
    repo = Repository(folder / "a.json", id_factory=seeded_ids(3))
    interview = repo.add(Interview(company=company, notes=notes, interviewers=[Interviewer(name=company)]))
    stored_concern = repo.add(Concern(interview_id=interview.id, text=concern, balanced_thought=notes))
    debrief = repo.update_debrief(
        interview.id, felt_off=notes, clarifications=[Clarification(question=clarify, said=notes)]
    )
    repo.add(BankQuestion(text=bank, category=clarify))
    reopened = Repository(folder / "a.json")
    assert reopened.get(Interview, interview.id) == interview
    assert reopened.get(Concern, stored_concern.id) == stored_concern
    assert reopened.debrief(interview.id) == debrief
    other = Repository(folder / "b.json")
    import_json(other, export_json(reopened))
    assert other.get(Interview, interview.id).company == company
    assert other.get(Interview, interview.id).notes == notes
    assert other.get(Concern, stored_concern.id) == stored_concern
    assert other.debrief(interview.id) == debrief
    assert [b.text for b in other.all(BankQuestion)] == [bank]


# -- Markdown -------------------------------------------------------------------------------------


def _tokens(markdown: str) -> list:  # type: ignore[type-arg]
    return MarkdownIt("commonmark", {"html": True}).enable("table").parse(markdown)


def _inline_text(token) -> str:  # type: ignore[no-untyped-def]
    return "".join(child.content for child in token.children or [] if child.type in ("text", "softbreak"))


def test_markdown_tells_the_story(demo_repo: Repository) -> None:
    text = export_markdown(demo_repo)
    tokens = _tokens(text)
    headings = [_inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    for interview in demo_repo.interviews():
        title = interview.company + (f" — {interview.role}" if interview.role else "")
        assert title in headings
    for heading in ("### Questions to ask", "### Debrief", "### Worries", "### Actual errors"):
        assert heading in text
    assert "Thank-you card to" in text
    assert "[x] asked" in text
    assert "Outcome: Offer" in text or "Outcome: Advanced" in text
    assert (
        "Prediction (70% sure): They will choose someone who has worked in health care. — not settled yet"
        in text
    )
    assert "What I want them to know: I led the audit-log redesign at my last job" in text


def test_markdown_names_values_as_the_screens_do(repo: Repository) -> None:
    interview = repo.add(Interview(company="Acme", format="video", outcome="no-response"))
    repo.add(
        Concern(
            interview_id=interview.id, text="late", kind="worry", prediction=True, prediction_result="did-not"
        )
    )
    repo.add(Concern(interview_id=interview.id, text="slip", kind="error", error_kind="not-learned"))
    repo.add(Concern(interview_id=interview.id, text="hm", kind="unsorted"))
    text = export_markdown(repo)
    for expected in (
        "(Video call)",
        "- Outcome: No response",
        "  - Prediction: did not happen",
        "  - Kind: They did not learn",
        "### Unsorted",
    ):
        assert expected in text, expected


def test_user_text_cannot_break_the_markdown_structure(repo: Repository) -> None:
    interview = repo.add(Interview(company=HOSTILE, role="*bold* _x_ [link](http://e.x)", notes=HOSTILE))
    repo.add(Question(interview_id=interview.id, text=HOSTILE, asked="yes", must_ask=True))
    repo.add(Concern(interview_id=interview.id, text=HOSTILE, kind="worry", balanced_thought=HOSTILE))
    repo.add(Concern(interview_id=interview.id, text="- " + HOSTILE, kind="error", action="send-email"))
    repo.update_debrief(interview.id, gut=2, felt_off=HOSTILE, notes="1) numbered\n+ plus\n    code")
    repo.add(Card(interview_id=interview.id, interviewer=HOSTILE, text=HOSTILE, sent="2026-11-26"))
    markdown = export_markdown(repo)
    assert "\x1b" not in markdown and "\x07" not in markdown
    tokens = _tokens(markdown)
    kinds = {t.type for t in tokens}
    assert not kinds & {"html_block", "fence", "code_block", "table_open", "hr"}
    inline = [c.type for t in tokens for c in t.children or []]
    assert not set(inline) & {"html_inline", "link_open", "code_inline", "image"}
    assert inline.count("strong_open") == 2  # our "Felt off:" and "Notes:" labels
    assert inline.count("em_open") == 1  # our "(must ask)" note
    headings = [_inline_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    company_line = " ".join(HOSTILE.replace("\x1b[31m", "").replace("\x07", "").split())
    assert headings[0] == "followup: interviews"
    assert headings[1] == f"{company_line} — *bold* _x_ [link](http://e.x)"
    expected = ["Notes", "Questions to ask", "Debrief", "Worries", "Actual errors"]
    assert headings[2:7] == expected
    assert headings[7] == f"Thank-you card to {company_line}"
    assert len(headings) == 8
    # Every bullet at the top level is one of ours: metadata lines, questions, concerns.
    top_items = [
        _inline_text(tokens[i + 2])
        for i, t in enumerate(tokens)
        if t.type == "list_item_open" and t.level == 1 and tokens[i + 1].type == "paragraph_open"
    ]
    assert all(
        item.split(":")[0] in {"When", "Outcome", "Id", "[x] asked", "Written"}
        or item.startswith(company_line)
        or item.startswith("- " + company_line)
        for item in top_items
    ), top_items


# -- CSV ------------------------------------------------------------------------------------------


def test_csv_has_one_row_per_interview_with_counts(demo_repo: Repository) -> None:
    rows = list(csv.DictReader(io.StringIO(export_csv(demo_repo, now=FIXED_NOW))))
    interviews = demo_repo.interviews()
    assert [r["id"] for r in rows] == [i.id for i in interviews]
    assert tuple(rows[0].keys()) == CSV_COLUMNS
    for row, interview in zip(rows, interviews, strict=True):
        concerns = demo_repo.children(Concern, interview.id)
        assert int(row["worries"]) == sum(c.kind == "worry" for c in concerns)
        assert int(row["actual_errors"]) == sum(c.kind == "error" for c in concerns)
        assert int(row["unsorted"]) == sum(c.kind == "unsorted" for c in concerns)
        gut = demo_repo.debrief(interview.id).gut
        assert row["gut"] == ("" if gut is None else str(gut))
        assert row["outcome"] == interview.outcome
    assert any(r["card"] == "sent" and r["card_sent"] for r in rows)


@pytest.mark.parametrize(
    ("company", "expected"),
    [
        ('Acme, "Quoted" Ltd', 'Acme, "Quoted" Ltd'),
        ("Line\nbreak\r\nand\ttab", "Line break and tab"),
        ("\x1b[2JCleared", "Cleared"),
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Zürich 東京 🚀", "Zürich 東京 🚀"),
    ],
)
def test_csv_round_trips_hostile_text(repo: Repository, company: str, expected: str) -> None:
    interview = repo.add(Interview(company=company, role=company, when="2026-11-20 10:00"))
    repo.update_debrief(interview.id, gut=3)
    text = export_csv(repo, now=FIXED_NOW)
    rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 2
    assert rows[1][:4] == [interview.id, expected, expected, "2026-11-20 10:00"]
    assert rows[1][6] == "3"
    one = export_csv(repo, interview.id, now=FIXED_NOW)
    assert one == text


def test_parse_export_orders_interviews_first(demo_repo: Repository) -> None:
    records = parse_export(export_json(demo_repo), demo_repo.id_minter()).records
    first_child = next(i for i, r in enumerate(records) if not isinstance(r, Interview))
    assert all(isinstance(r, Interview) for r in records[:first_child])
    assert any(isinstance(r, Debrief) for r in records)
