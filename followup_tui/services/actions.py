"""What the screens do to the data, as named actions: no Textual, one repository handed in.

A screen shows a change at once and hands the matching action to the app's save queue
(``app.save(key, lambda: actions.x(repo, ...))``), so every write runs off the UI thread, in
the order it was made. Each action is one transaction where it touches more than one record.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Callable, Collection, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any, TypeVar

from followup_tui.domain.conflicts import Choice, FieldConflict, settled_text
from followup_tui.domain.language import LANGUAGE_SETTING
from followup_tui.domain.models import Card, ChecklistItem, Concern, Debrief, Interview
from followup_tui.domain.models.prep import LikelyQuestion, Question
from followup_tui.domain.models.record import Record
from followup_tui.domain.zones import local_zone_name
from followup_tui.services.autosave import join_key
from followup_tui.store.repository import ID_ALPHABET, ID_LENGTH, META, Repository
from followup_tui.store.tables import NotFoundError

if TYPE_CHECKING:
    from followup_tui.domain.card.draft import CardPart

R = TypeVar("R", bound=Record)

THEME = "theme"
"""The setting with the name of the theme chosen last."""

EXPORT_FOLDER = "export_folder"
"""The setting with the folder an export was saved to last."""

KEPT_INPUT = "drafts"
"""The setting that keeps dialogs' typed text not yet used, keyed by form and record (its stored
name predates the word "kept input")."""


def mint_id(taken: Collection[str]) -> str:
    """A fresh record id in the repository's alphabet that none of ``taken`` uses.

    Prep shows a new record before it is saved, so it names the record itself.
    """
    while True:
        candidate = "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if candidate not in taken and not candidate.isdigit():
            return candidate


# -- interviews -------------------------------------------------------------------------------


def save_interview(repo: Repository, interview_id: str | None, fields: dict[str, Any]) -> Interview:
    """Add a new interview (``interview_id`` None) or change the given fields of one.

    An empty time zone (``tz``) means this machine's zone, stored by its name. The language a
    new interview is given becomes the one the next new interview starts with (the setting
    ``LANGUAGE_SETTING``, first taken from the locale), in the same write.

    Raises:
        ValidationError: If a value is not valid; nothing is written.
        NotFoundError: If the interview to change is gone.
    """
    if "tz" in fields and not fields["tz"]:  # the form's "this machine's zone"
        fields = {**fields, "tz": local_zone_name()}  # found here, off the UI thread: it takes a moment
    if interview_id is not None:
        return repo.update(Interview, interview_id, **fields)
    with repo.transaction():
        added = repo.add(Interview(**fields))
        if "language" in fields and repo.setting(LANGUAGE_SETTING, "") != added.language:
            repo.set_setting(LANGUAGE_SETTING, added.language)
        return added


def delete_interview(repo: Repository, interview_id: str) -> Interview:
    """Delete an interview with everything that belongs to it, in one write; return it.

    Its records go, and so do the settings kept for it: the typed text its dialogs kept and
    the mark that its checklist was seeded.
    """
    with repo.transaction() as tables:
        removed = repo.delete(Interview, interview_id)
        settings = tables.get(META, {}).get("1", {}).get("settings")
        if isinstance(settings, dict):
            drop_belongings(settings, lambda owner: owner == interview_id)
    return removed


def drop_belongings(settings: dict[str, Any], gone: Callable[[str], bool]) -> list[str]:
    """Remove from the settings what they keep for interviews that ``gone`` says are gone.

    That is a dialog's kept input (keyed by ``kept_input_key``, whose second part is the
    interview) and the mark that an interview's checklist was seeded.

    Returns:
        What was removed, named without user text ("kept input concern:ab3k9:worry").
    """
    removed: list[str] = []
    kept = settings.get(KEPT_INPUT)
    if isinstance(kept, dict):
        for key in [k for k in kept if _owner(k) is not None and gone(_owner(k) or "")]:
            del kept[key]
            removed.append(f"kept input {key[:80]}")
    for key in [k for k in settings if k.startswith(SEEDED_PREFIX) and gone(k[len(SEEDED_PREFIX) :])]:
        del settings[key]
        removed.append(key[:80])
    return removed


def _owner(key: str) -> str | None:
    """The interview a kept input belongs to (None for the form of a new interview)."""
    parts = key.split(":")
    return parts[1] if len(parts) > 1 and parts[1] != "new" else None


def record_outcome(repo: Repository, interview_id: str, outcome: str) -> tuple[Interview, list[Concern]]:
    """Store an interview's outcome (that field only).

    Returns:
        The interview as stored, and its open predictions to settle now that the news is in
        (none while the outcome is still pending).
    """
    interview = repo.update(Interview, interview_id, outcome=outcome)
    if outcome == "pending":
        return interview, []
    return interview, open_predictions(repo.children(Concern, interview_id))


def open_predictions(concerns: Iterable[Concern]) -> list[Concern]:
    """The concerns written down as predictions that have not been settled yet."""
    return [c for c in concerns if c.prediction and not c.prediction_result]


def settle_prediction(repo: Repository, concern_id: str, result: str) -> Concern:
    """Store whether a prediction came true ("came-true" or "did-not")."""
    return repo.update(Concern, concern_id, prediction_result=result)


# -- prep -------------------------------------------------------------------------------------


SEEDED_PREFIX = "checklist-seeded:"
"""The settings that mark an interview's checklist as seeded begin so, then the interview's id."""


def _seeded_key(interview_id: str) -> str:
    return f"{SEEDED_PREFIX}{interview_id}"


def checklist_to_seed(
    repo: Repository, interview_id: str, texts: Iterable[str], taken: Collection[str]
) -> list[ChecklistItem]:
    """The starter checklist for an interview, or none if it was seeded once already.

    The items get their ids here (see ``mint_id``), so the screen can show them before
    ``seed_checklist`` stores them. An interview whose starter items were all deleted does not
    get them again.
    """
    if repo.setting(_seeded_key(interview_id)):
        return []
    items: list[ChecklistItem] = []
    for order, text in enumerate(texts, start=1):
        item_id = mint_id({*taken, *(i.id for i in items)})
        items.append(ChecklistItem(id=item_id, interview_id=interview_id, text=text, order=float(order)))
    return items


def seed_checklist(repo: Repository, interview_id: str, items: Iterable[ChecklistItem]) -> None:
    """Store the starter checklist and remember that this interview has had it, in one write."""
    with repo.transaction():
        for item in items:
            repo.restore(item)
        repo.set_setting(_seeded_key(interview_id), True)


# -- debrief and board ------------------------------------------------------------------------


def accept_suggestions(repo: Repository, concerns: Iterable[Concern]) -> list[Concern]:
    """Add the concerns made from accepted suggestions, all or none."""
    with repo.transaction():
        return [repo.add(concern) for concern in concerns]


def delete_concern(repo: Repository, interview_id: str, concern_id: str) -> Concern:
    """Delete a concern; if it came from a suggestion, that suggestion is not offered again.

    Returns:
        The removed concern, which ``repo.restore`` puts back.
    """
    with repo.transaction():
        removed = repo.delete(Concern, concern_id)
        dismissed = repo.debrief(interview_id).dismissed
        if removed.source and removed.source not in dismissed:
            repo.update_debrief(interview_id, dismissed=[*dismissed, removed.source])
    return removed


# -- card -------------------------------------------------------------------------------------


def card_for(repo: Repository, interview_id: str, interviewer: str) -> Card:
    """The stored card to one interviewer, added first if there is none yet."""
    from followup_tui.domain.card.draft import find_card  # the card's rules (50 ms): only here

    with repo.transaction():
        return find_card(repo.children(Card, interview_id), interviewer) or repo.add(
            Card(interview_id=interview_id, interviewer=interviewer)
        )


def set_address(repo: Repository, interview_id: str, interviewer: str, address: str) -> Interview:
    """Store how one interviewer is addressed on every card ("" makes it from the name again).

    Raises:
        ValidationError: If the address is too long; nothing is written.
    """
    with repo.transaction():
        interview = repo.get(Interview, interview_id)
        people = [
            replace(p, address=address.strip()) if p.name == interviewer else p
            for p in interview.interviewers
        ]
        return repo.update(Interview, interview_id, interviewers=people)


def reopen_written_cards(repo: Repository, interview_id: str) -> int:
    """A new actual error to clarify on the card: the cards marked written but not sent are
    not written any more (they lack it); return how many were.

    Called when an error becomes one to clarify in the card (the board), so "written" never
    stands for a card that leaves out a clarification it should carry.
    """
    with repo.transaction():
        written = [c for c in repo.children(Card, interview_id) if c.written and not c.sent]
        for card in written:
            repo.update(Card, card.id, written=None)
    return len(written)


REOPENED_NOTICE = "The card was marked written: it is a draft again, to take this error in (c opens it)."
"""Said when a new error to clarify made a written card a draft again."""


def update_card(repo: Repository, interview_id: str, interviewer: str, **changes: Any) -> Card:
    """Change fields of the card to one interviewer, adding the card first if needed."""
    with repo.transaction():
        return repo.update(Card, card_for(repo, interview_id, interviewer).id, **changes)


# -- kept input (what a dialog holds until it is used; stored as the "drafts" setting) -------


def kept_input_key(form: str, *record: str | None) -> str:
    """The key of a dialog's kept input: the form's name and what it edits (None: a new one).

    ``kept_input_key("interview", None)`` is "interview:new"; ``kept_input_key("clarification", "ab3k9",
    "2")`` names the third clarification of one interview.
    """
    return join_key(form, *record)


def kept_input(repo: Repository, key: str) -> dict[str, Any] | None:
    """The typed values kept for a form, or None."""
    stored = repo.setting(KEPT_INPUT)
    kept = stored.get(key) if isinstance(stored, dict) else None
    return kept if isinstance(kept, dict) else None


def keep_input(repo: Repository, key: str, values: dict[str, Any] | None) -> None:
    """Keep what was typed in a form (``values`` None forgets it: saved, or discarded)."""
    if values is None and kept_input(repo, key) is None:
        return  # nothing kept: nothing to write
    with repo.transaction():
        stored = repo.setting(KEPT_INPUT)
        kept = dict(stored) if isinstance(stored, dict) else {}
        if values is None:
            kept.pop(key, None)
        else:
            kept[key] = values
        repo.set_setting(KEPT_INPUT, kept)


def signer(repo: Repository) -> str:
    """Return the user's name for signing cards ("" until it is given)."""
    from followup_tui.domain.card.draft import SIGNER_SETTING

    name = repo.setting(SIGNER_SETTING, "")
    return name if isinstance(name, str) else ""


def part_words(repo: Repository, interview: Interview, part: CardPart) -> str:
    """Return what is written now for one part of the card the user writes ("" when nothing)."""
    if part.kind == "error":
        return next((c.to_know for c in repo.children(Concern, interview.id) if c.id == part.concern_id), "")
    if part.kind == "moment":
        return repo.debrief(interview.id).worth_mentioning
    if part.kind == "address":
        return next((p.address for p in interview.interviewers if p.name == part.label), "")
    return interview.why_this_job if part.kind == "drive" else signer(repo)


def keep_part(repo: Repository, interview_id: str, part: CardPart, words: str) -> None:
    """Store the words written for one part of the card where that part belongs.

    What I want them to know lives on its actual error, the moment worth mentioning on the
    debrief, why I want this job and how an interviewer is addressed (``part.label`` names
    them) on the interview, and my name in the settings.
    """
    if part.kind == "error":
        repo.update(Concern, part.concern_id, to_know=words)
    elif part.kind == "moment":
        repo.update_debrief(interview_id, worth_mentioning=words)
    elif part.kind == "drive":
        repo.update(Interview, interview_id, why_this_job=words)
    elif part.kind == "address":
        set_address(repo, interview_id, part.label, words)
    else:
        from followup_tui.domain.card.draft import SIGNER_SETTING

        repo.set_setting(SIGNER_SETTING, words)


# -- prep -------------------------------------------------------------------------------------


def put_record(repo: Repository, record: R) -> R:
    """Store a record under its own id: one shown before it was saved (Prep names its new
    records), or one deleted and brought back by undo."""
    repo.restore(record)
    return record


def change_prep_item(repo: Repository, cls: type[Record], record_id: str, **changes: Any) -> Record:
    """Change fields of a prepared question, a likely question or a checklist item."""
    return repo.update(cls, record_id, **changes)


def delete_prep_item(repo: Repository, cls: type[Record], record_id: str) -> Record:
    """Delete a prepared question, a likely question or a checklist item (undo puts it back)."""
    return repo.delete(cls, record_id)


def set_order(repo: Repository, cls: type[Record], record_ids: list[str]) -> None:
    """Put the records of one list (concerns of a board, items of a Prep list) in this order."""
    repo.reorder(cls, record_ids)


def set_why_this_job(repo: Repository, interview_id: str, words: str) -> None:
    """Keep why I want this job (nothing when the interview was deleted meanwhile)."""
    with contextlib.suppress(NotFoundError):
        repo.update(Interview, interview_id, why_this_job=words)


def set_talking_points(repo: Repository, record_id: str, text: str) -> None:
    """Keep the talking points of a likely question (nothing when it was deleted meanwhile:
    undo brings it back with these points from the screen's memory)."""
    with contextlib.suppress(NotFoundError):
        repo.update(LikelyQuestion, record_id, talking_points=text)


def add_question(repo: Repository, question: Question) -> Question:
    """Add a question to an interview's prep."""
    return repo.add(question)


# -- debrief and board ------------------------------------------------------------------------


def add_concerns(repo: Repository, concerns: Iterable[Concern]) -> list[Concern]:
    """Add concerns, all in one transaction; return them as stored."""
    with repo.transaction():
        return [repo.add(concern) for concern in concerns]


def change_concern(repo: Repository, concern_id: str, **changes: Any) -> Concern:
    """Change fields of a concern."""
    return repo.update(Concern, concern_id, **changes)


def change_debrief(repo: Repository, interview_id: str, **changes: Any) -> Debrief:
    """Change fields of an interview's debrief (added the first time)."""
    return repo.update_debrief(interview_id, **changes)


def mark_asked(repo: Repository, question_id: str, asked: str) -> Question:
    """Record whether a prepared question was asked ("yes", "no" or "unknown")."""
    return repo.update(Question, question_id, asked=asked)


# -- settings ---------------------------------------------------------------------------------


def set_theme(repo: Repository, name: str) -> None:
    """Keep the theme chosen, for the next start."""
    repo.set_setting(THEME, name)


def remember_folder(repo: Repository, folder: str) -> None:
    """Keep the folder an export went to, offered first the next time."""
    repo.set_setting(EXPORT_FOLDER, folder)


def remember_email(repo: Repository, email: str) -> None:
    """Keep the user's own address, left out of invitations' interviewers from now on.

    Raises:
        ValidationError: If it does not look like an email address.
    """
    from followup_tui.services.invites import remember_email as keep  # only the form's invitations need it

    keep(repo, email)


# -- texts typed on two devices at once ---------------------------------------------------------


def field_conflicts(repo: Repository) -> list[FieldConflict]:
    """Every text typed on another device at the same time as the one shown, not settled yet."""
    return repo.conflicts()


def settle_conflict(repo: Repository, conflict_id: str, choice: Choice) -> str:
    """Settle a conflict: keep the shown text, use the other one, or combine both.

    The field gets the chosen text as a version that has seen both, so the conflict is gone
    on every device once they read this device's file.

    Returns:
        The text the field holds now.

    Raises:
        NotFoundError: If there is no such conflict (settled already, here or elsewhere).
    """
    with repo.transaction():  # looked up again under the lock: another process may have settled it
        conflict = next((c for c in repo.conflicts() if c.id == conflict_id), None)
        if conflict is None:
            raise NotFoundError("That text was settled already.")
        text = settled_text(conflict, choice)
        repo.settle_field(conflict.table, conflict.record_id, conflict.field, text)
    return text
