"""Exports (JSON, Markdown, CSV). Pure functions over a repository; no Textual.

The JSON import, which reads these exports back, is ``followup_tui.services.json_import``.

The JSON export is complete and lossless: every record of every table, the question bank and
the settings. Its keys are:

- ``format``: always ``"followup-export"`` (how ``followup import`` recognises the file);
- ``version``: the export format version, ``EXPORT_VERSION`` (an import refuses newer ones);
- ``schema``: the data file schema the records follow (``migrations.CURRENT_SCHEMA``);
- ``exported``: when the export was made (UTC, ISO 8601);
- ``settings``: the stored settings, such as the theme and the name cards are signed with
  (informational: import keeps local ones);
- one list per table, named as in the data file: ``interviews``, ``questions``,
  ``likely_questions``, ``checklist``, ``debriefs``, ``concerns``, ``cards`` and ``bank``.
  Each item is the record exactly as ``Record.to_record`` writes it (ids included).

An export of one interview (``--interview ID``) holds that interview and its records only; its
``bank`` list is empty. The Markdown export is for reading: user text is stripped of control
characters and escaped so it cannot change the document's structure. The CSV export has one row
per interview (see ``CSV_COLUMNS``).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from followup_tui.domain.card.draft import SIGNER_SETTING
from followup_tui.domain.ids import shown_id
from followup_tui.domain.models import (
    Card,
    Concern,
    Debrief,
    Interview,
    Record,
    now_stamp,
)
from followup_tui.domain.status import follow_up_state
from followup_tui.domain.text import BIDI_CONTROLS, one_line, strip_controls
from followup_tui.domain.vocabulary import (
    ACTIONS,
    COLUMN_TITLES,
    ERROR_KIND_LABELS,
    FORMAT_LABELS,
    OUTCOME_LABELS,
    PREDICTION_LABELS,
    THINKING_TRAPS,
)
from followup_tui.domain.zones import local_now
from followup_tui.store.migrations import CURRENT_SCHEMA
from followup_tui.store.repository import Repository
from followup_tui.store.tables import TABLES

EXPORT_FORMAT = "followup-export"
"""The value of the ``format`` key of every JSON export."""

EXPORT_VERSION = 1
"""The version of the JSON export layout."""

CSV_COLUMNS: tuple[str, ...] = (
    "id",
    "company",
    "role",
    "when",
    "format",
    "outcome",
    "gut",
    "worries",
    "actual_errors",
    "unsorted",
    "card",
    "card_sent",
    "tz",
)
"""The columns of the CSV export, one row per interview (``when`` is the wall-clock time in the
zone ``tz``; ``gut`` is a whole number from 1 to 5, or empty)."""

BYTE_ORDER_MARK = "\ufeff"
"""Put in front of a CSV export for Excel on Windows (``--bom``), which otherwise reads it in
the machine's legacy code page and garbles accents."""

FORMATS: tuple[str, ...] = ("json", "markdown", "csv")
"""The export formats ``followup export --format`` accepts."""


def _selection(repo: Repository, interview_id: str | None) -> dict[str, list[Record]]:
    """Return the records to export, table by table (one interview and its records, or all)."""
    if interview_id is None:
        return {name: list(repo.all(cls)) for cls, name in TABLES.items()}
    interview = repo.get(Interview, interview_id)
    chosen: dict[str, list[Record]] = {}
    for cls, name in TABLES.items():
        if cls is Interview:
            chosen[name] = [interview]
        elif "interview_id" in cls.__dataclass_fields__:
            chosen[name] = list(repo.children(cls, interview_id))
        else:
            chosen[name] = []
    return chosen


# -- JSON -----------------------------------------------------------------------------------------

_UNSAFE_IN_JSON = re.compile(f"[\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}\ud800-\udfff]")
"""What the JSON export writes as ``\\u`` escapes: kept losslessly, but never raw where a terminal
or an editor reads the file (the bidi controls are the text policy's, ``domain/text.py``)."""


def _escape_unsafe(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def export_json(repo: Repository, interview_id: str | None = None) -> str:
    """Return the complete export as JSON text (see the module docstring for its keys).

    Control characters and bidi overrides are written as ``\\uXXXX`` escapes, so the text is
    safe to print on a terminal and still lossless.

    Raises:
        NotFoundError: If ``interview_id`` names no interview.
    """
    document: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "schema": CURRENT_SCHEMA,
        "exported": now_stamp(),
        "settings": _settings(repo) if interview_id is None else {},
    }
    for name, records in _selection(repo, interview_id).items():
        document[name] = [record.to_record() for record in records]
    text = json.dumps(document, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(_escape_unsafe, text) + "\n"


def _settings(repo: Repository) -> dict[str, Any]:
    settings: dict[str, Any] = {}
    for key in ("theme", SIGNER_SETTING):
        value = repo.setting(key)
        if value is not None:
            settings[key] = value
    return settings


# -- CSV ------------------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    """One line of clean text; a leading formula character gets an apostrophe (spreadsheet safety).

    The raw value is checked too: a tab or carriage return in front, which cleaning removes,
    still counts (a spreadsheet may strip it and find a formula behind it).
    """
    text = one_line(value)
    if text.startswith(_FORMULA_START) or value.lstrip().startswith(_FORMULA_START):
        return "'" + text
    return text


def export_csv(repo: Repository, interview_id: str | None = None, now: datetime | None = None) -> str:
    """Return one CSV row per interview (columns ``CSV_COLUMNS``), newest first.

    Every cell, ids and dates included, is one line without control characters; a cell that
    starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return gets a leading apostrophe
    so a spreadsheet does not run it.

    Raises:
        NotFoundError: If ``interview_id`` names no interview.
    """
    now = now or local_now()
    interviews = [repo.get(Interview, interview_id)] if interview_id else repo.interviews()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for interview in interviews:
        concerns = repo.children(Concern, interview.id)
        cards = repo.children(Card, interview.id)
        state = follow_up_state(interview, cards, concerns, now)
        gut = repo.debrief(interview.id).gut
        sent = max((c.sent for c in cards if c.sent), default="")
        row = [
            interview.id,
            interview.company,
            interview.role,
            interview.when or "",
            interview.format,
            interview.outcome,
            "" if gut is None else gut,
            sum(c.kind == "worry" for c in concerns),
            sum(c.kind == "error" for c in concerns),
            sum(c.kind == "unsorted" for c in concerns),
            state.card,
            sent,
            interview.tz,
        ]
        writer.writerow([_csv_cell(str(value)) for value in row])  # every column, ids included
    return buffer.getvalue()


# -- Markdown -------------------------------------------------------------------------------------

_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&])")
_LINE_START = re.compile(r"^(?:([-+=])|(\d+)([.)]))")


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group(1):
        return "\\" + match.group(1)
    return match.group(2) + "\\" + match.group(3)


def md_inline(value: str) -> str:
    """Return user text as one Markdown line that shows literally (no markup, no structure)."""
    return _LINE_START.sub(_escape_line_start, _INLINE_SPECIAL.sub(r"\\\1", one_line(value)))


def md_block(value: str, prefix: str = "> ") -> list[str]:
    """Return multi-line user text as quoted Markdown lines, each escaped so it stays text.

    Args:
        value: The user's text.
        prefix: Put before every line (a block quote keeps the text apart from the structure).
    """
    lines = []
    for raw in strip_controls(value).split("\n"):
        line = _INLINE_SPECIAL.sub(r"\\\1", raw.strip())
        line = _LINE_START.sub(_escape_line_start, line)
        lines.append((prefix + line).rstrip())
    while lines and lines[-1] == prefix.rstrip():
        lines.pop()
    return lines


def export_markdown(repo: Repository, interview_id: str | None = None) -> str:
    """Return each interview's story as Markdown: prep, debrief, board, card and outcome.

    Raises:
        NotFoundError: If ``interview_id`` names no interview.
    """
    interviews = [repo.get(Interview, interview_id)] if interview_id else repo.interviews()
    out = ["# followup: interviews", ""]
    if not interviews:
        out += ["No interviews yet.", ""]
    for interview in interviews:
        out += _interview_markdown(repo, interview)
    return "\n".join(out).rstrip("\n") + "\n"


def _interview_markdown(repo: Repository, interview: Interview) -> list[str]:
    from followup_tui.domain.models import ChecklistItem, LikelyQuestion, Question

    title = md_inline(interview.company) + (f" — {md_inline(interview.role)}" if interview.role else "")
    out = [f"## {title}", ""]
    zone = f" {interview.tz}" if interview.when and interview.tz else ""
    how = FORMAT_LABELS.get(interview.format, interview.format)
    out.append(f"- When: {interview.when or 'not set'}{zone} ({how})")
    if interview.location:
        out.append(f"- Where: {md_inline(interview.location)}")
    for person in interview.interviewers:
        extra = ", ".join(md_inline(x) for x in (person.title, person.email) if x)
        out.append(f"- Interviewer: {md_inline(person.name)}" + (f" ({extra})" if extra else ""))
    if interview.job_link:
        out.append(f"- Job: {md_inline(interview.job_link)}")
    out.append(f"- Outcome: {OUTCOME_LABELS.get(interview.outcome, interview.outcome)}")
    out.append(f"- Id: {md_inline(shown_id(interview.id))}")
    out.append("")
    if interview.notes.strip():
        out += ["### Notes", "", *md_block(interview.notes), ""]
    questions = repo.children(Question, interview.id)
    if questions:
        out += ["### Questions to ask", ""]
        marks = {"yes": "[x] asked", "no": "[ ] not asked", "unknown": "[?]"}
        for q in questions:
            tags = [t for t in ("must ask" if q.must_ask else "", md_inline(q.category)) if t]
            suffix = f" _({', '.join(tags)})_" if tags else ""
            out.append(f"- {marks.get(q.asked, '[?]')}: {md_inline(q.text)}{suffix}")
        out.append("")
    likely = repo.children(LikelyQuestion, interview.id)
    if likely:
        out += ["### Questions they may ask", ""]
        for item in likely:
            out.append(f"- {md_inline(item.question)}")
            out += md_block(item.talking_points, prefix="  > ") if item.talking_points.strip() else []
        out.append("")
    checklist = repo.children(ChecklistItem, interview.id)
    if checklist:
        out += ["### Checklist", ""]
        out += [f"- [{'x' if c.done else ' '}] {md_inline(c.text)}" for c in checklist]
        out.append("")
    out += _debrief_markdown(repo.debrief(interview.id))
    out += _board_markdown(repo.children(Concern, interview.id))
    for card in repo.children(Card, interview.id):
        out += [f"### Thank-you card to {md_inline(card.interviewer) or 'the interviewer'}", ""]
        out.append(f"- Written: {card.written or 'not yet'}; sent: {card.sent or 'not yet'}")
        out += ["", *md_block(card.text or "(the draft has not been edited)"), ""]
    return out


def _debrief_markdown(debrief: Debrief) -> list[str]:
    parts = [
        (ERROR_KIND_LABELS["forgot-to-ask"], debrief.forgot_to_ask),
        (ERROR_KIND_LABELS["not-learned"], debrief.not_learned),
        (ERROR_KIND_LABELS["felt-off"], debrief.felt_off),
        ("Notes", debrief.notes),
    ]
    if debrief.gut is None and not debrief.clarifications and not any(t.strip() for _, t in parts):
        return []
    out = ["### Debrief", ""]
    if debrief.gut is not None:
        out += [f"Gut feeling: {debrief.gut}/5", ""]
    for label, text in parts:
        if text.strip():
            out += [f"**{label}:**", "", *md_block(text), ""]
    for c in debrief.clarifications:
        out.append(f"- To clarify: {md_inline(c.question)}")
        if c.said.strip():
            out.append(f"  - I said: {md_inline(c.said)}")
        if c.should_have.strip():
            out.append(f"  - I meant: {md_inline(c.should_have)}")
    if debrief.clarifications:
        out.append("")
    return out


def _board_markdown(concerns: Iterable[Concern]) -> list[str]:
    columns = {kind: COLUMN_TITLES[kind] for kind in ("worry", "error", "unsorted")}
    grouped: dict[str, list[Concern]] = {kind: [] for kind in columns}
    for concern in concerns:
        grouped.setdefault(concern.kind, []).append(concern)
    out: list[str] = []
    for kind, heading in columns.items():
        if not grouped[kind]:
            continue
        out += [f"### {heading}", ""]
        for c in grouped[kind]:
            out.append(f"- {md_inline(c.text)}" + (" _(resolved)_" if c.resolved else ""))
            if kind == "worry":
                traps = [THINKING_TRAPS[t][0] for t in c.traps if t in THINKING_TRAPS]
                if traps:
                    out.append(f"  - Thinking traps: {', '.join(traps)}")
                if c.balanced_thought.strip():
                    out.append(f"  - Balanced thought: {md_inline(c.balanced_thought)}")
                if c.prediction:
                    words = f"{md_inline(c.prediction_text)} — " if c.prediction_text.strip() else ""
                    sure = f" ({c.confidence}% sure)" if c.confidence else ""
                    result = PREDICTION_LABELS.get(c.prediction_result, PREDICTION_LABELS[""])
                    out.append(f"  - Prediction{sure}: {words}{result}")
            elif kind == "error":
                out.append(f"  - Kind: {ERROR_KIND_LABELS.get(c.error_kind, c.error_kind)}")
                if c.action:
                    out.append(f"  - Action: {ACTIONS.get(c.action, c.action)}")
                if c.to_know.strip():
                    out.append(f"  - What I want them to know: {md_inline(c.to_know)}")
        out.append("")
    return out


def render(repo: Repository, fmt: str, interview_id: str | None = None) -> str:
    """Return the export in one of ``FORMATS``.

    Raises:
        NotFoundError: If ``interview_id`` names no interview.
        ValueError: If the format is unknown.
    """
    if fmt == "json":
        return export_json(repo, interview_id)
    if fmt == "markdown":
        return export_markdown(repo, interview_id)
    if fmt == "csv":
        return export_csv(repo, interview_id)
    raise ValueError(f"Unknown export format '{fmt}'.")
