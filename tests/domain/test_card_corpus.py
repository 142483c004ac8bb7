"""A corpus of debriefs, each drafted in every wording and read as a stranger would read the card.

The debriefs are the demo's and ones written for this test: short and long answers, several
interviewers, none, no errors, five errors, phrases and whole sentences, lower case typing,
topics a card never raises, and errors with nothing to say yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pytest

from followup_tui.domain.card.draft import (
    CARD_MAX,
    CARD_MIN,
    SIGNER_SETTING,
    WORDINGS,
    meter,
    not_ready,
)
from followup_tui.domain.card.guard import sensitive_topic
from followup_tui.domain.card.names import address_for
from followup_tui.domain.models import Concern, Debrief, Interview, Interviewer
from followup_tui.domain.text import one_line, word_count
from followup_tui.services.demo.build import create_demo_file
from followup_tui.store.repository import Repository
from tests.helpers.cards import build_draft

NOW = datetime(2026, 11, 25, 12, 0)

_PREPOSITIONS = "about|at|by|for|from|in|into|of|on|onto|to|with"
_DOUBLED = re.compile(rf"\b({_PREPOSITIONS})\s+({_PREPOSITIONS})\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
_ENDS = re.compile(r"[.!?][\"”’)]*$")


@dataclass
class Case:
    """One debrief as a user might have written it."""

    name: str
    people: tuple[str, ...] = ("Dana Okafor",)
    role: str = "Backend Engineer"
    company: str = "Copperleaf Health"
    moment: str = ""
    why: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)
    """(the concern's text, what I want them to know)."""
    worries: tuple[str, ...] = ()
    signer: str = "Alex Morgan"
    when: str | None = "2026-11-24 10:00"
    fits: bool | None = True
    """Whether the card should come out 40-90 words (None: either; the meter must say which)."""


CASES = [
    Case(
        "everything",
        moment="hearing how the team shares on-call",
        why="I want to help clinics run smoothly.",
        errors=[
            ("Rambled on the caching question", "I would cache per clinic and clear it on each booking.")
        ],
    ),
    Case(
        "no errors",
        moment="The tour of the release dashboard was a highlight.",
        why="because I want to ship software that nurses can rely on",
    ),
    Case(
        "five errors",
        moment="how you run design reviews",
        why="to build calm, reliable systems",
        errors=[
            (f"Error {n}", text)
            for n, text in enumerate(
                [
                    "I led the audit redesign.",
                    "I know Terraform well.",
                    "I mentor two juniors.",
                    "I wrote our on-call guide.",
                    "I have shipped Go in production for three years.",
                ]
            )
        ],
        fits=True,
    ),
    Case(
        "three long errors",
        moment="talking about your migration to event streams",
        why="I like hard data problems.",
        errors=[
            ("Blanked on SQL", "A window function with a running total solves the question you asked."),
            ("Forgot the metering project", "At my last job I built ingestion for two million smart meters."),
            ("Under-sold leadership", "I led a team of four through a year-long platform rewrite."),
        ],
        fits=True,
    ),
    Case("nothing written", fits=False),
    Case("nothing written, no interviewer", people=(), fits=False, signer=""),
    Case(
        "only a drive",
        why="I want to make tools designers enjoy using.",
        errors=[("Nothing to say yet", "")],
        fits=None,
    ),
    Case(
        "lower case typing",
        moment="i loved the story about your first outage",
        why="i want to grow into a lead role here",
        errors=[("Weak answer", "that i have run incidents for two years")],
    ),
    Case(
        "trailing dots and quotes",
        moment="“the whiteboard session...”",
        why="'I want to learn from this team...'",
        errors=[("Missed point", "I can start the mentoring scheme again...")],
    ),
    Case(
        "two interviewers",
        people=("Olu Adeyemi", "Hanna Berg"),
        moment="how your analysts use meter data",
        why="I want my pipelines to help people save energy.",
        errors=[("Forgot project", "I built the smart-meter ingestion at my last job.")],
    ),
    Case(
        "titled interviewer",
        people=("Dr. Lena Brandt",),
        moment="your question about failure modes",
        why="I want to work on systems where correctness matters.",
        errors=[("Vague on testing", "I write property-based tests for every parser I build.")],
    ),
    Case(
        "salary asked",
        moment="talking about the salary band and bonus",
        why="I want this job for the pay.",
        errors=[
            ("Salary answer", "My salary expectation is flexible."),
            ("Notice answer", "My notice period is one month."),
        ],
        worries=("Maya frowned when I mentioned salary",),
        fits=False,
    ),
    Case(
        "holidays and benefits",
        moment="Hearing about the holiday policy was great.",
        why="I love the team's approach to testing.",
        errors=[
            ("Benefits", "The pension scheme matters to me."),
            ("Real one", "I have led two cloud migrations end to end."),
        ],
    ),
    Case(
        "worries only",
        moment="the demo of your tracing tool",
        why="I want to build observability tools.",
        worries=("They thought I was too quiet", "I will never hear back"),
    ),
    Case(
        "long role",
        role="Senior Staff Site Reliability Engineer II (Platform and Developer Experience)",
        moment="how you plan capacity",
        why="I want to keep big systems steady.",
        errors=[("Missed detail", "I cut our cloud bill by a third last year.")],
    ),
    Case(
        "role ends with role",
        role="Platform role",
        moment="your on-call handbook",
        why="I want to help a small team grow.",
        errors=[("Left out a detail about my work", "I have written three internal handbooks.")],
    ),
    Case(
        "no role",
        role="",
        moment="the walk around the studio",
        why="I want to make games that last.",
        errors=[("Left out a detail about my work", "I shipped two titles on console.")],
    ),
    Case(
        "long company",
        company="The Greater Northern Regional Health and Social Care Partnership Trust",
        people=(),
        moment="hearing about the new booking app",
        why="I want patients to wait less.",
        errors=[("Left out a detail about my work", "I built a booking system used by forty clinics.")],
    ),
    Case(
        "company with full stop",
        company="Acme Widgets Inc.",
        people=("Sam Whitlock",),
        moment="the architecture whiteboard",
        why="I want to build products people use daily.",
        errors=[("Left out a detail about my work", "I have led teams of up to six engineers.")],
    ),
    Case(
        "a question in the moment",
        moment="Did you ever ship the new editor? I loved that story.",
        why="I want to build tools for creative people.",
        errors=[("Left out a detail about my work", "I maintain an open-source level editor.")],
    ),
    Case(
        "interview long ago",
        when="2026-10-01 10:00",
        moment="your story about the first release",
        why="I still want to join this team.",
        errors=[("Left out a detail about my work", "I have since finished my cloud certificate.")],
    ),
    Case(
        "no date",
        when=None,
        moment="hearing how support and engineering work together",
        why="I want to build software that support teams love.",
        errors=[("Left out a detail about my work", "I ran the support rota for a year.")],
    ),
    Case(
        "should have said",
        moment="the pairing exercise",
        why="because I enjoy teaching as much as building",
        errors=[
            ("Wrong answer", "I should have said that I prefer small pull requests reviewed the same day.")
        ],
    ),
    Case(
        "about phrase",
        moment="about the on-call rota",
        why="I want to share the load fairly.",
        errors=[("Left out a detail about my work", "I set up alert routing at my last job.")],
    ),
    Case(
        "gerund with verb",
        moment="Meeting the whole team was the best part.",
        why="I want to join them.",
        errors=[("Left out a detail about my work", "I have worked with distributed teams for six years.")],
    ),
    Case(
        "short answers",
        moment="the demo",
        why="I want it.",
        errors=[("Left out a detail about my work", "I know Rust.")],
    ),
    Case(
        "long answers",
        moment="hearing how your team moved from weekly releases to many deploys a day "
        "without losing sleep over it",
        why="I want to help a team that cares this much about its craft.",
        errors=[
            (
                "Left out a detail about my work",
                "I led the move to continuous delivery at my last company, including the tests.",
            )
        ],
        fits=True,
    ),
    Case(
        "four errors some empty",
        moment="your questions about my side project",
        why="I want to grow here.",
        errors=[
            ("Empty 1", ""),
            ("Real", "I have three years of Kotlin."),
            ("Empty 2", " "),
            ("Real 2", "I wrote the style guide my team still uses."),
        ],
    ),
    Case(
        "unsigned",
        signer="",
        moment="how the roadmap is planned",
        why="I want to help shape the roadmap.",
        errors=[("Left out a detail about my work", "I have run quarterly planning for two teams.")],
    ),
    Case(
        "markup in words",
        company="[b]Acme[/b]",
        moment="the [red]incident[/red] review",
        why="I want to learn from your incident culture.",
        errors=[("Left out a detail about my work", "I wrote [i]postmortems[/i] weekly.")],
    ),
    Case(
        "multiple sentences",
        moment="I enjoyed the system design part. It felt like real work.",
        why="I want to do work like that every day. This team feels right.",
        errors=[
            (
                "Left out a detail about my work",
                "I have designed queues before. One handled a million jobs a day.",
            )
        ],
    ),
    Case(
        "notes without I",
        moment="loved the demo of your robot arm",
        why="want to build machines that work safely next to people",
        errors=[("Undersold", "led the migration to ROS 2 myself"), ("Shy", "keen to mentor new starters")],
    ),
    Case("future interview", when="2029-05-01 10:00", moment="x", why="y", fits=False),
]


def _concerns(case: Case) -> list[Concern]:
    concerns = [
        Concern(
            id=f"e{n}", interview_id="iv001", text=text, kind="error", action="clarify-in-card", to_know=know
        )
        for n, (text, know) in enumerate(case.errors)
    ]
    concerns += [
        Concern(id=f"w{n}", interview_id="iv001", text=t, kind="worry") for n, t in enumerate(case.worries)
    ]
    return concerns


def _interview(case: Case) -> Interview:
    return Interview(
        id="iv001",
        company=case.company,
        role=case.role,
        when=case.when,
        interviewers=[Interviewer(name=p) for p in case.people],
        why_this_job=case.why,
    )


def _demo_cards(tmp_path: Path) -> list[tuple[str, str, Interview, list[Concern], str]]:
    repo = Repository(create_demo_file(tmp_path, NOW))
    drafts = []
    for interview in repo.interviews():
        if not_ready(interview, NOW):
            continue
        concerns = repo.children(Concern, interview.id)
        for person in [p.name for p in interview.interviewers] or [""]:
            for variant in range(len(WORDINGS)):
                text = build_draft(
                    interview,
                    repo.debrief(interview.id),
                    concerns,
                    person,
                    variant,
                    signer=repo.setting(SIGNER_SETTING, ""),
                    now=NOW,
                )
                drafts.append((interview.company, text, interview, concerns, person))
    return drafts


def check_card(text: str, interview: Interview, concerns: list[Concern], person: str, signer: str) -> None:
    """Read a draft as its recipient would: whole sentences, nothing that should not be sent."""
    lines = text.splitlines()
    greeting = address_for(person, "en") or ("team" if not person else "")
    assert lines[0].endswith(",") and greeting and greeting in lines[0], lines[0]
    paragraphs = text.split("\n\n")
    sign_off = paragraphs[-1].splitlines()
    assert sign_off[0].endswith(",") and sign_off[0] in {w.sign_off for w in WORDINGS}
    assert sign_off[1:] == ([one_line(signer)] if one_line(signer) else [])
    for paragraph in paragraphs[1:-1]:
        for sentence in _SENTENCE.split(paragraph):
            assert sentence[:1].isupper() or sentence[:1] in "“\"'[", (sentence, text)
            assert _ENDS.search(sentence), (sentence, text)
    assert not _DOUBLED.search(text) and ".." not in text, text
    assert sensitive_topic(text) == "", text
    for concern in concerns:
        assert one_line(concern.text) not in text, (concern.text, text)
    assert ":" not in " ".join(paragraphs[1:-1]).replace("[", "").replace("]", ""), text


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
@pytest.mark.parametrize("variant", range(len(WORDINGS)))
def test_corpus_card_reads_as_a_card(case: Case, variant: int) -> None:
    interview = _interview(case)
    concerns = _concerns(case)
    if not_ready(interview, NOW):
        assert case.name == "future interview"
        return
    debrief = Debrief(id="iv001", interview_id="iv001", worth_mentioning=case.moment)
    people = list(case.people) or [""]
    for person in people:
        text = build_draft(interview, debrief, concerns, person, variant, signer=case.signer, now=NOW)
        check_card(text, interview, concerns, person, case.signer)
        count = word_count(text)
        inside = CARD_MIN <= count <= CARD_MAX
        assert case.fits is None or inside is case.fits, (count, text)
        assert ("fits a card" in meter(text)) is inside
        if case.when and case.when.startswith("2026-11-24"):
            assert "Tuesday" in text
        else:
            assert "day " not in text.split("\n\n")[1].split(".")[0] + " "


def test_corpus_is_big_and_varied() -> None:
    assert len(CASES) >= 30
    assert any(not c.people for c in CASES) and any(len(c.people) > 1 for c in CASES)
    assert any(len(c.errors) == 5 for c in CASES) and any(not c.errors for c in CASES)


def test_demo_cards_read_as_cards(tmp_path: Path) -> None:
    drafts = _demo_cards(tmp_path)
    assert {company for company, *_ in drafts} >= {"Copperleaf Health", "Saltmarsh Energy"}
    for _, text, interview, concerns, person in drafts:
        check_card(text, interview, concerns, person, "Alex Morgan")
    copperleaf = [text for company, text, *_ in drafts if company == "Copperleaf Health"]
    assert all(CARD_MIN <= word_count(text) <= CARD_MAX for text in copperleaf)
