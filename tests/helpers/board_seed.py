"""Fixed data for the debrief and board tests and snapshots (seeded ids, no clock)."""

from __future__ import annotations

from followup_tui.domain.models import Clarification, Concern, Interview, Interviewer, Question
from followup_tui.store.repository import Repository

HOSTILE = "[/] [@click=app.quit]quit[/] \x1b[31mred\x1b[0m [b]bold?"
"""Text that would break or act if it were parsed as markup or sent to the terminal raw."""


def seed_interview(repo: Repository, with_concerns: bool = True) -> Interview:
    """Store one past interview with prepared questions and (optionally) sorted concerns.

    Args:
        repo: A repository with seeded ids.
        with_concerns: Also store five concerns: unsorted, worries and actual errors.

    Returns:
        The interview.
    """
    interview = repo.add(
        Interview(
            company="Lumen Freight",
            role="Backend engineer",
            when="2026-11-25 15:00",
            format="video",
            interviewers=[Interviewer(name="Priya Raman", title="Engineering manager")],
        )
    )
    iid = interview.id
    for text, must in (
        ("How does the team decide what to build next?", True),
        ("What would my first ninety days look like?", True),
        ("How is on-call shared?", False),
    ):
        repo.add(Question(interview_id=iid, text=text, must_ask=must))
    if with_concerns:
        for concern in (
            Concern(interview_id=iid, text="The long pause after the salary question"),
            Concern(
                interview_id=iid,
                text="She frowned when I described the migration",
                kind="worry",
                traps=["mind-reading"],
                balanced_thought="She may have been thinking about her own migration.",
            ),
            Concern(
                interview_id=iid, text="They will pick someone with more Go", kind="worry", prediction=True
            ),
            Concern(
                interview_id=iid,
                text="Never mentioned the on-call rota I ran for two years",
                kind="error",
                error_kind="not-learned",
                action="clarify-in-card",
            ),
            Concern(
                interview_id=iid,
                text="Gave the wrong figure for the queue throughput",
                kind="error",
                error_kind="answer",
                action="send-email",
                resolved=True,
            ),
        ):
            repo.add(concern)
    return interview


def seed_debrief(repo: Repository, interview_id: str) -> None:
    """Fill a debrief with a rating, prompts and a clarification."""
    repo.update_debrief(
        interview_id,
        gut=2,
        forgot_to_ask="- the team's release cadence\n- who I would pair with",
        not_learned="My open-source scheduler work",
        felt_off="The second interviewer joined late",
        clarifications=[
            Clarification(
                question="How would you shard the orders table?",
                said="By customer id",
                should_have="By region first, then customer id, to keep hot partitions small",
            )
        ],
        notes="Call Sam about the referral.",
    )
