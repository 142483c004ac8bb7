"""Fixed data for the card tests and snapshots: one interview with two errors for the card."""

from __future__ import annotations

from followup_tui.domain.card.draft import SIGNER_SETTING
from followup_tui.domain.models import Concern, Interview, Interviewer
from followup_tui.store.repository import Repository

POSTGRES_TO_KNOW = "I led the Postgres upgrade at my last job, from planning to the night of the switch."
KAFKA_TO_KNOW = "I ran a Kafka cluster for two years at Fabrikam."


def fill_card_data(repo: Repository, *, interviewers: int = 2, written: bool = True) -> Interview:
    """Add an interview from the day before FIXED_NOW with a debrief and four concerns.

    Args:
        repo: A repository with seeded ids.
        interviewers: How many interviewers the interview has (0, 1 or 2).
        written: The user wrote every sentence of the card and their name; False leaves the
            Kafka error, the moment, the line of drive and the name to write.

    Returns:
        The interview as stored.
    """
    people = [
        Interviewer(name="Sam Okafor", title="Engineering manager"),
        Interviewer(name="Dr. Lena Brandt", title="Principal engineer"),
    ][:interviewers]
    interview = repo.add(
        Interview(
            company="Northwind Labs",
            role="Backend engineer",
            when="2026-11-24 14:00",
            location="12 Quay Street, Leeds",
            interviewers=people,
            why_this_job="I want to build the systems people trust with their bills." if written else "",
        )
    )
    repo.update_debrief(
        interview.id,
        gut=2,
        notes=(
            "Sam walked me through the plan to move billing onto event streams next spring. Pay came up late."
        ),
        worth_mentioning="hearing how billing will move onto event streams next spring" if written else "",
    )
    for text, kind, action, to_know in (
        (
            "Forgot to mention that I led the Postgres upgrade at my last job",
            "error",
            "clarify-in-card",
            POSTGRES_TO_KNOW,
        ),
        (
            "I said I had no Kafka experience, but I ran a Kafka cluster for two years at Fabrikam",
            "error",
            "clarify-in-card",
            KAFKA_TO_KNOW if written else "",
        ),
        ("They probably thought I was too quiet", "worry", "", ""),
        ("Did not ask about the salary band", "error", "ask-next-round", ""),
    ):
        repo.add(Concern(interview_id=interview.id, text=text, kind=kind, action=action, to_know=to_know))
    if written:
        repo.set_setting(SIGNER_SETTING, "Jo Rivera")
    return interview
