"""Reading a Markdown list of questions into the question bank (``followup import-questions``).

Headings (``# Culture`` or a line underlined with ``===``/``---``) name the category of the
questions under them. List items (``-``, ``*``, ``+``, ``1.``, ``1)``, with or without a task
box ``[ ]``/``[x]``) become questions; a line that continues an item (no blank line between)
joins it. Prose paragraphs, code blocks, block quotes and rules are ignored. A question already
in the bank, or twice in the file, is added once (compared ignoring case and spacing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from followup_tui.domain.models import SHORT_LIMIT, BankQuestion
from followup_tui.domain.text import one_line
from followup_tui.store.repository import Repository

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]+(.*))?$")
_TASK_BOX = re.compile(r"^\[[ xX]\](?:[ \t]+|$)")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|`)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")

QUESTION_LIMIT = 2000
"""Longest question the bank stores; longer items are skipped and counted."""


@dataclass(frozen=True)
class ParsedQuestion:
    """A question found in the Markdown, with the heading it was under."""

    text: str
    category: str


@dataclass(frozen=True)
class ImportResult:
    """What ``import_questions`` did."""

    added: int
    """Questions added to the bank."""
    duplicates: int
    """Questions skipped because the bank (or the file, earlier) already had them."""
    too_long: int
    """Items skipped because they were longer than ``QUESTION_LIMIT``."""


def dedup_key(text: str) -> str:
    """Return the form two questions are compared in: case-folded, spacing collapsed."""
    return " ".join(text.split()).casefold()


def _clean(text: str) -> str:
    text = _LINK.sub(r"\1", text)
    text = _EMPHASIS.sub("", text)
    text = _ESCAPED.sub(r"\1", text)
    return " ".join(one_line(text).split())


def parse_questions(markdown: str) -> list[ParsedQuestion]:
    """Find the questions in a Markdown text, in order, with their categories.

    Args:
        markdown: The file's text.

    Returns:
        Every list item under its heading; duplicates are not removed here.
    """
    found: list[tuple[list[str], str]] = []
    category = ""
    current: list[str] | None = None
    previous_prose: str | None = None
    in_fence: str | None = None
    for line in markdown.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        fence = _FENCE.match(line)
        if in_fence is not None:
            if fence and fence.group(1) == in_fence:
                in_fence = None
            continue
        if fence:
            in_fence, current, previous_prose = fence.group(1), None, None
            continue
        if not line.strip():
            current, previous_prose = None, None
            continue
        if previous_prose is not None and _SETEXT.match(line):
            category, previous_prose = _clean(previous_prose), None
            continue
        heading = _HEADING.match(line)
        if heading:
            category, current, previous_prose = _clean(heading.group(2) or ""), None, None
            continue
        if _RULE.match(line):
            current, previous_prose = None, None
            continue
        item = _ITEM.match(line)
        if item:
            text = _TASK_BOX.sub("", (item.group(1) or "").strip())
            current = [text]
            found.append((current, category))
            previous_prose = None
            continue
        if current is not None:
            current.append(line.strip())
            continue
        previous_prose = None if line.lstrip().startswith(">") else line
    questions = []
    for parts, heading_text in found:
        text = _clean(" ".join(parts))
        if text:
            questions.append(ParsedQuestion(text=text, category=heading_text[:SHORT_LIMIT].strip()))
    return questions


def import_questions(repo: Repository, markdown: str) -> ImportResult:
    """Add the questions of a Markdown text to the bank, skipping ones already there.

    All the new questions are written in one save.

    Returns:
        How many were added and how many were skipped.
    """
    added = duplicates = too_long = 0
    found = parse_questions(markdown)
    if not found:
        return ImportResult(added=0, duplicates=0, too_long=0)
    with repo.transaction():
        seen = {dedup_key(q.text) for q in repo.all(BankQuestion)}
        for question in found:
            if len(question.text) > QUESTION_LIMIT:
                too_long += 1
                continue
            key = dedup_key(question.text)
            if key in seen:
                duplicates += 1
                continue
            seen.add(key)
            repo.add(BankQuestion(text=question.text, category=question.category))
            added += 1
    return ImportResult(added=added, duplicates=duplicates, too_long=too_long)
