"""The one-page prep sheet: what to glance at before walking in. No Textual here.

``build_sheet`` turns an interview and its prep into a list of ``SheetLine`` (the Prep
screen shows them with its own styles), and ``sheet_markdown`` writes the same lines as
Markdown for printing or a phone. Must-ask questions always come first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from followup_tui.domain.models import Interview, LikelyQuestion, Question, when_datetime
from followup_tui.domain.text import one_line, strip_controls
from followup_tui.domain.vocabulary import FORMAT_LABELS


@dataclass(frozen=True)
class SheetLine:
    """One line of the sheet.

    Attributes:
        kind: What the line is: ``title``, ``meta``, ``heading``, ``must`` (a must-ask
            question), ``question``, ``likely`` (a question they may ask), ``point`` (a
            line of talking points), ``person`` or ``empty`` (a placeholder for an empty
            section).
        text: The text, as the user wrote it (cleaned of control characters).
    """

    kind: str
    text: str


def when_label(when: str | None) -> str:
    """Return an interview time in words ("Friday 27 November 2026, 10:00")."""
    moment = when_datetime(when)
    if moment is None:
        return "Time not set"
    return f"{moment:%A} {moment.day} {moment:%B %Y, %H:%M}"


def build_sheet(
    interview: Interview, questions: Iterable[Question], likely: Iterable[LikelyQuestion]
) -> list[SheetLine]:
    """Build the one-page sheet of an interview.

    Args:
        interview: The interview.
        questions: The questions to ask, in their order.
        likely: The questions they may ask, with talking points, in their order.

    Returns:
        The sheet's lines: title, when and where, must-asks, other questions, talking
        points, then the interviewers.
    """
    title = one_line(interview.company) + (f" · {one_line(interview.role)}" if interview.role.strip() else "")
    lines = [SheetLine("title", title), SheetLine("meta", when_label(interview.when))]
    where = FORMAT_LABELS.get(interview.format, interview.format)
    if interview.location.strip():
        where += f": {one_line(interview.location)}"
    lines.append(SheetLine("meta", where))

    ordered = list(questions)
    must = [q for q in ordered if q.must_ask]
    other = [q for q in ordered if not q.must_ask]
    lines.append(SheetLine("heading", "Must ask"))
    lines += [SheetLine("must", one_line(q.text)) for q in must] or [
        SheetLine("empty", "No must-asks marked.")
    ]
    lines.append(SheetLine("heading", "Also ask"))
    lines += [SheetLine("question", one_line(q.text)) for q in other] or [
        SheetLine("empty", "No other questions.")
    ]

    lines.append(SheetLine("heading", "My talking points"))
    items = [item for item in likely if item.question.strip() or item.talking_points.strip()]
    for item in items:
        lines.append(SheetLine("likely", one_line(item.question) or "(no question)"))
        for point in strip_controls(item.talking_points).splitlines():
            point = _BULLET.sub("", point).strip()
            if point:
                lines.append(SheetLine("point", point))
    if not items:
        lines.append(SheetLine("empty", "No likely questions yet."))

    lines.append(SheetLine("heading", "Interviewers"))
    people = [p for p in interview.interviewers if p.name.strip()]
    for person in people:
        text = one_line(person.name) + (f", {one_line(person.title)}" if person.title.strip() else "")
        lines.append(SheetLine("person", text))
    if not people:
        lines.append(SheetLine("empty", "No interviewers named yet."))
    return lines


_BULLET = re.compile(r"^\s*(?:[-*+•–]\s+)?")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def markdown_escape(text: str) -> str:
    """Escape the characters Markdown would treat as formatting, so user text shows as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def sheet_markdown(lines: list[SheetLine]) -> str:
    """Write the sheet as Markdown.

    Args:
        lines: The sheet from ``build_sheet``.

    Returns:
        The Markdown text, ending with a newline.
    """
    out: list[str] = []
    for line in lines:
        text = markdown_escape(line.text)
        if line.kind == "title":
            out += [f"# {text}", ""]
        elif line.kind == "meta":
            out.append(f"{text}  ")
        elif line.kind == "heading":
            out += ["", f"## {text}", ""]
        elif line.kind == "must":
            out.append(f"- [ ] **{text}**")
        elif line.kind == "question":
            out.append(f"- [ ] {text}")
        elif line.kind == "likely":
            out.append(f"- *{text}*")
        elif line.kind == "point":
            out.append(f"    - {text}")
        elif line.kind == "person":
            out.append(f"- {text}")
        else:
            out.append(f"_{text}_")
    return "\n".join(out).rstrip() + "\n"
