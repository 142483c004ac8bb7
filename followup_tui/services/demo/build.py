"""Sample data for ``followup --demo``, the tests and the snapshots.

Seven invented interviews placed around ``now``: two coming up with their prep done, five in
the past with debriefs, concerns on the board, cards and outcomes. Every name and sentence
is made up for this project. Given the same ``now`` and a seeded repository, the data is the
same every time. No Textual here.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from followup_tui.domain.card.draft import SIGNER_SETTING
from followup_tui.domain.models import (
    WHEN_FORMAT,
    BankQuestion,
    ChecklistItem,
    Debrief,
    LikelyQuestion,
    Question,
)
from followup_tui.services.demo.stories import Story, past_stories, upcoming_stories
from followup_tui.store.folder import DataFolder
from followup_tui.store.repository import Repository, seeded_ids

DEMO_FILE_NAME = "followup-demo.json"
"""The name of the throwaway demo file."""

DEMO_SEED = 2026
"""The id seed of the demo file, so its ids repeat from run to run."""

DEMO_SIGNER = "Alex Morgan"
"""The invented candidate who signs the demo's cards."""

CHECKLIST = (
    "Clothes laid out the night before",
    "Two printed copies of the CV",
    "A 60-second introduction, said out loud once",
    "Route checked; leave 15 minutes early",
)


def _stamp(moment: datetime) -> str:
    return moment.replace(microsecond=0, tzinfo=timezone.utc).isoformat()


def _moment(now: datetime, days: float) -> datetime:
    base = (now + timedelta(days=days)).replace(second=0, microsecond=0)
    hour = 10 if days == 1 else 14 if days > 0 else 11
    return base.replace(hour=hour, minute=30 if days > 1 else 0)


def _add_story(repo: Repository, story: Story, now: datetime) -> None:
    moment = _moment(now, story.days)
    created = _stamp(min(moment, now) - timedelta(days=6))
    story.interview.when = moment.strftime(WHEN_FORMAT)
    story.interview.created = story.interview.updated = created
    iid = repo.add(story.interview).id
    for text, category, must, asked in story.questions:
        repo.add(Question(interview_id=iid, text=text, category=category, must_ask=must, asked=asked))
    for question, points in story.likely:
        repo.add(LikelyQuestion(interview_id=iid, question=question, talking_points=points))
    if story.checklist_done >= 0:
        for n, text in enumerate(CHECKLIST):
            repo.add(ChecklistItem(interview_id=iid, text=text, done=n < story.checklist_done))
    if moment > now:
        return
    after = _stamp(moment + timedelta(hours=2))
    forgot, not_learned, felt_off = story.prompts
    repo.add(
        Debrief(
            id=iid,
            interview_id=iid,
            gut=story.gut,
            forgot_to_ask=forgot,
            not_learned=not_learned,
            felt_off=felt_off,
            clarifications=story.clarifications,
            notes=story.notes,
            worth_mentioning=story.worth_mentioning,
            updated=after,
        )
    )
    for concern in story.concerns:
        concern.interview_id = iid
        concern.created = concern.updated = after
        repo.add(concern)
    for card in story.cards:
        card.interview_id = iid
        card.updated = after
        if story.interview.outcome != "pending":
            card.written = card.sent = (moment + timedelta(days=1)).strftime("%Y-%m-%d")
        repo.add(card)


def fill_demo(repo: Repository, now: datetime) -> None:
    """Write the sample interviews into ``repo`` in one transaction.

    Args:
        repo: The repository to fill (normally a fresh, throwaway file).
        now: The local time the sample is arranged around.
    """
    with repo.transaction():
        repo.set_setting(SIGNER_SETTING, DEMO_SIGNER)
        for story in [*upcoming_stories(), *past_stories()]:
            _add_story(repo, story, now)
        repo.add(BankQuestion(text="What would make someone leave this team within a year?", category="team"))
        repo.add(
            BankQuestion(text="Which decision from last year would you make differently?", category="culture")
        )


def create_demo_file(folder: Path, now: datetime) -> Path:
    """Create ``folder/followup-demo.json`` filled with the sample data.

    Args:
        folder: An existing folder (for ``followup --demo``, a temporary one).
        now: The local time the sample is arranged around.

    Returns:
        The path of the new demo file.

    Raises:
        FileExistsError: If the folder already holds a demo file (or a device's file of it).
    """
    path = folder / DEMO_FILE_NAME
    if path.exists() or DataFolder(path).sources():
        raise FileExistsError(f"{path} already exists.")
    fill_demo(Repository(path, id_factory=seeded_ids(DEMO_SEED)), now)
    return path
