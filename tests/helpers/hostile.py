"""A corpus of hostile text and a repository with it in every text field of every model."""

from __future__ import annotations

from collections.abc import Callable

from followup_tui.domain.models import (
    BankQuestion,
    Card,
    ChecklistItem,
    Clarification,
    Concern,
    Interview,
    Interviewer,
    LikelyQuestion,
    Question,
)
from followup_tui.store.repository import Repository

CORPUS: list[str] = [
    "[/]",
    "[bold red]x",
    "[@click=app.quit]x[/]",
    "[[nested [b]brackets[/b]]]",
    "[link=https://evil.example]click[/link]",
    "trailing backslash \\",
    "\\[escaped] \\\\[b]",
    "ctrl \x00\x01\x07\x08\x7f chars",
    "title \x1b]0;pwned\x07 set",
    "clipboard \x1b]52;c;cHduZWQ=\x07 copy",
    "clear \x1b[2Jcleared-by-user",
    "csi \x1b[31mred\x1b[0m and \x1b[?1049l",
    "c1 \x9b2J and \x9d0;c1-title\x9c",
    "bidi \u202eevil\u202c \u2066isolate\u2069",
    "lone \ufffd surrogate replaced",
    "tabs\tand\r\nnewlines\rcr",
    "line one\nline two\n# heading?\n- item?\n> quote?",
    "csv,\"quoted\",=cmd|' /C calc'!A0",
    "emoji 👩‍💻 wide 漢字 combining e\u0301",
    "",
    "   ",
    "x" * 190,
]
"""Every entry is tried in every text field (blank ones only where blank is allowed)."""

MARKUP_SHOWN = ["[/]", "[bold red]x", "[@click=app.quit]x[/]"]
"""Entries that must appear literally wherever the corpus is shown."""


def _nonblank(text: str, n: int) -> str:
    return text if text.strip() else f"blank {n}{text}"


def fill_hostile(repo: Repository, text: Callable[[int], str] | None = None, others: bool = True) -> str:
    """Fill ``repo`` with the corpus (or with ``text(n)``); return the main interview's id.

    The main interview holds every corpus entry in its questions, likely questions, checklist,
    concerns (all columns), clarifications and cards; one more interview per entry carries it
    in its one-line fields, so the home list shows them all.
    """
    pick = text or (lambda n: CORPUS[n % len(CORPUS)])
    main = repo.add(
        Interview(
            company=_nonblank(pick(0), 0)[:200],
            role=pick(1)[:200],
            when="2026-11-24 10:00",
            location=pick(2),
            job_link=pick(3),
            notes="\n".join(pick(n) for n in range(len(CORPUS))),
            interviewers=[Interviewer(name=pick(n), title=pick(n + 1)) for n in range(3)],
        )
    )
    for n in range(1, len(CORPUS) if others else 1):
        repo.add(
            Interview(
                company=_nonblank(pick(n), n)[:200],
                role=pick(n + 1)[:200],
                location=pick(n),
                job_link=pick(n),
                notes=pick(n),
                interviewers=[Interviewer(name=pick(n), title=pick(n))],
                when=f"2026-12-{(n % 28) + 1:02d} 09:00" if n % 2 else None,
            )
        )
    kinds = ("unsorted", "worry", "error")
    for n in range(len(CORPUS)):
        value = pick(n)
        iid = main.id
        repo.add(Question(interview_id=iid, text=_nonblank(value, n), category=value, must_ask=n % 2 == 0))
        repo.add(LikelyQuestion(interview_id=iid, question=value, talking_points=value))
        repo.add(ChecklistItem(interview_id=iid, text=value))
        repo.add(
            Concern(
                interview_id=iid,
                text=_nonblank(value, n),
                kind=kinds[n % 3],
                balanced_thought=value,
                source=value,
                action="clarify-in-card" if n % 3 == 2 else "",
            )
        )
        repo.add(BankQuestion(text=_nonblank(value, n), category=value))
    repo.update_debrief(
        main.id,
        gut=2,
        forgot_to_ask="\n".join(pick(n) for n in range(len(CORPUS))),
        not_learned=pick(4),
        felt_off=pick(5),
        notes="\n".join(pick(n) for n in range(len(CORPUS))),
        clarifications=[
            Clarification(question=pick(n), said=pick(n + 1), should_have=pick(n + 2)) for n in range(4)
        ],
    )
    for n in range(3):
        repo.add(Card(interview_id=main.id, interviewer=pick(n), text=pick(n + 3)))
    return main.id
