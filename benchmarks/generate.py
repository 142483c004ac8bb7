"""Generate realistic followup databases of any size for benchmarks (and heavy tests).

Usage: python -m benchmarks.generate N PATH
"""

from __future__ import annotations

import random
import sys
from datetime import datetime, timedelta
from pathlib import Path

from followup_tui.domain.models import (
    Card,
    ChecklistItem,
    Clarification,
    Concern,
    Debrief,
    Interview,
    Interviewer,
    LikelyQuestion,
    Question,
    Record,
)
from followup_tui.store.repository import Repository, seeded_ids

COMPANIES = [
    "Northwind",
    "Bluefin Labs",
    "Quarry & Co",
    "Helio Health",
    "Tandem Freight",
    "Oakline",
    "Mosaic",
]
ROLES = ["Backend engineer", "Product designer", "Data analyst", "Support lead", "Site reliability engineer"]
QUESTIONS = [
    "What would a great first three months look like in this role?",
    "How does the team decide what to build next?",
    "What is the hardest problem the team is working on right now?",
    "How do you give feedback to each other?",
    "What happens after this interview, and when will I hear back?",
    "How is on-call shared across the team?",
    "What does growth look like for someone in this role?",
    "What made the last person in this role successful?",
]
WORRIES = [
    "They looked at the clock twice, so they must have been bored",
    "I talked too much about my last job",
    "The second interviewer seemed unimpressed",
    "I will never get an offer from a company this size",
]
ERRORS = [
    "Forgot to ask about the team's release process",
    "They never heard about the migration I led",
    "My answer on database indexing was incomplete",
    "I mixed up the product names",
]


def build_records(count: int, now: datetime, seed: int = 1) -> list[Record]:
    """Return ``count`` interviews with questions, prep, debriefs, concerns and cards."""
    rng = random.Random(seed)
    new_id = seeded_ids(seed)
    records: list[Record] = []
    for n in range(count):
        iid = f"{new_id()}{n}"
        when = now - timedelta(days=rng.randint(-30, 900), hours=rng.randint(0, 8))
        records.append(
            Interview(
                id=iid,
                company=f"{rng.choice(COMPANIES)} {n}",
                role=rng.choice(ROLES),
                when=when.strftime("%Y-%m-%d %H:%M"),
                format=rng.choice(["onsite", "video", "phone"]),
                location="Building 4, third floor",
                notes="Bring the portfolio. Ask for the whiteboard.",
                interviewers=[Interviewer(name="Sam Okafor", title="Engineering manager")],
                outcome=rng.choice(["pending", "advanced", "offer", "rejected", "no-response"]),
                created=now.isoformat(),
                updated=now.isoformat(),
            )
        )
        for k, text in enumerate(rng.sample(QUESTIONS, 6)):
            records.append(
                Question(
                    id=f"q{iid}{k}",
                    interview_id=iid,
                    text=text,
                    category="team",
                    must_ask=k < 2,
                    asked=rng.choice(["yes", "no", "unknown"]),
                    order=k + 1.0,
                )
            )
        for k in range(2):
            records.append(
                LikelyQuestion(
                    id=f"l{iid}{k}",
                    interview_id=iid,
                    question="Tell me about a hard bug you fixed.",
                    talking_points="The cache stampede; measured, fixed, wrote the postmortem.",
                    order=k + 1.0,
                )
            )
        for k, text in enumerate(["Clothes ready", "Two copies of the CV", "Rehearse the introduction"]):
            records.append(
                ChecklistItem(id=f"c{iid}{k}", interview_id=iid, text=text, done=True, order=k + 1.0)
            )
        records.append(
            Debrief(
                id=iid,
                interview_id=iid,
                gut=rng.randint(1, 5),
                forgot_to_ask="Release process",
                not_learned="The migration I led",
                felt_off="The second half felt rushed",
                clarifications=[
                    Clarification(question="Indexing", said="Half an answer", should_have="B-trees")
                ],
                notes="Good conversation about their roadmap.",
            )
        )
        for k in range(4):
            kind = rng.choice(["worry", "error", "unsorted"])
            text = rng.choice(WORRIES if kind == "worry" else ERRORS)
            records.append(
                Concern(
                    id=f"k{iid}{k}",
                    interview_id=iid,
                    text=text,
                    kind=kind,
                    traps=["mind-reading"] if kind == "worry" else [],
                    action="clarify-in-card" if kind == "error" else "",
                    order=k + 1.0,
                    created=now.isoformat(),
                    updated=now.isoformat(),
                )
            )
        records.append(Card(id=f"d{iid}", interview_id=iid, interviewer="Sam Okafor", text=""))
    return records


def generate(path: Path, count: int, now: datetime | None = None) -> Path:
    """Create (or extend) the database at ``path`` with ``count`` interviews."""
    repo = Repository(path)
    repo.merge(build_records(count, now or datetime(2026, 11, 25, 18, 30)))
    return path


if __name__ == "__main__":
    generate(Path(sys.argv[2]), int(sys.argv[1]))
