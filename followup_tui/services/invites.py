"""Calendar invitations in: an ``.ics`` file becomes an interview, or updates the one it made.

The invitation's UID is kept on the interview (``invite_uid``). The same invitation read again
updates that interview instead of adding a second: a moved interview comes as the same UID with
a higher SEQUENCE and a new time. An older copy (a lower SEQUENCE) changes nothing. A cancelled
invitation (``METHOD:CANCEL`` or ``STATUS:CANCELLED``) changes nothing either: the caller says
so and offers to mark the interview withdrawn. The user's own address, kept in the settings as
``my_email``, is left out of the interviewers. No Textual.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from followup_tui.domain.invitation import INVITATION_LIMIT, Invitation, parse_invitation
from followup_tui.domain.models import Interview, Interviewer, ValidationError
from followup_tui.domain.zones import local_zone_name
from followup_tui.store.repository import Repository
from followup_tui.store.safe_read import read_user_file

MY_EMAIL = "my_email"
"""The setting with the user's own email address (left out of an invitation's interviewers)."""

ADDED, UPDATED, UNCHANGED, OLDER, CANCELLED = "added", "updated", "unchanged", "older", "cancelled"
"""What reading an invitation did."""


@dataclass(frozen=True)
class InviteResult:
    """What ``apply_invitation`` did, and the interview it concerns (None: a cancelled
    invitation for an interview that is not here)."""

    action: str
    interview: Interview | None
    invitation: Invitation


def read_invitation(repo: Repository, source: str | Path, my_email: str | None = None) -> Invitation:
    """Read an invitation file the user named (a regular file of at most 1 MB).

    The user's own addresses (the setting, and ``my_email`` when given) are left out of the
    interviewers.

    Raises:
        InvitationError: If it is not an invitation followup can use.
        OSError, ValueError: If the file cannot be read as asked.
    """
    return invitation_from(repo, read_user_file(source, INVITATION_LIMIT), my_email)


def invitation_from(repo: Repository, data: bytes, my_email: str | None = None) -> Invitation:
    """Read an invitation already in hand (``followup add --from-ics -`` reads standard input).

    The user's own addresses (the setting, and ``my_email`` when given) are left out of the
    interviewers.

    Raises:
        InvitationError: If it is not an invitation followup can use.
    """
    own = (*own_emails(repo), *([my_email] if my_email else []))
    return parse_invitation(data, local_zone_name(), own)


def own_emails(repo: Repository) -> tuple[str, ...]:
    """The user's own addresses from the settings (one, or several separated by commas)."""
    value = repo.setting(MY_EMAIL, "")
    return tuple(e.strip() for e in value.split(",") if e.strip()) if isinstance(value, str) else ()


def check_email(email: str) -> str:
    """Return the address cleaned of spaces.

    Raises:
        ValidationError: If it does not look like an email address.
    """
    return Interviewer(name="me", email=email.strip()).email


def remember_email(repo: Repository, email: str) -> None:
    """Keep the user's own address in the settings (left out of invitations' interviewers).

    Raises:
        ValidationError: If it does not look like an email address.
    """
    repo.set_setting(MY_EMAIL, check_email(email))


def find_by_uid(repo: Repository, uid: str) -> Interview | None:
    """The interview an invitation with this UID made, if any."""
    if not uid:
        return None
    return next((i for i in repo.shared(Interview) if i.invite_uid == uid), None)


def not_to_apply(repo: Repository, invitation: Invitation) -> InviteResult | None:
    """Why an invitation changes nothing (cancelled, or older than the one read), or None.

    Args:
        repo: Where the interviews are.
        invitation: The invitation read.
    """
    existing = find_by_uid(repo, invitation.uid)
    if invitation.cancelled:
        return InviteResult(CANCELLED, existing, invitation)
    if existing is not None and invitation.sequence < existing.invite_sequence:
        return InviteResult(OLDER, existing, invitation)
    return None


def invitation_changes(
    current: Mapping[str, Any], invitation: Invitation, own: Iterable[str], *, first_reading: bool
) -> dict[str, Any]:
    """The one rule for what an invitation changes in an interview (the form and the CLI use it).

    The time, zone, end and the invitation's UID and SEQUENCE always come from it; its place
    (and the format that goes with it) when it names one; the company and role it suggests on
    the first reading, or when the interview has no company yet; its description when the
    interview has no notes. The interviewers already there stay as they are, but for the user's
    own addresses, and the invitation's new ones follow them.

    Args:
        current: The interview's fields as they are (stored, or as typed in the form):
            ``company``, ``role``, ``notes`` and ``interviewers`` are read.
        invitation: The invitation read.
        own: The user's own email addresses.
        first_reading: No interview was made from this invitation yet.

    Returns:
        The fields to change, by Interview field name.
    """
    changes: dict[str, Any] = {
        "when": invitation.when,
        "ends": invitation.ends,
        "tz": invitation.tz,
        "invite_uid": invitation.uid,
        "invite_sequence": invitation.sequence,
    }
    company, role = str(current.get("company") or ""), str(current.get("role") or "")
    if first_reading or not company.strip():
        changes["company"] = invitation.company or company
        changes["role"] = invitation.role or role
    if invitation.location:
        changes["location"], changes["format"] = invitation.location, invitation.format
    if not str(current.get("notes") or "").strip() and invitation.notes:
        changes["notes"] = invitation.notes
    changes["interviewers"] = _merged(list(current.get("interviewers") or ()), invitation.interviewers, own)
    return changes


def apply_invitation(
    repo: Repository, invitation: Invitation, company: str | None = None, role: str | None = None
) -> InviteResult:
    """Add the interview an invitation describes, or update the one it made before.

    What changes is ``invitation_changes``; a company or role the user gave wins over it.

    Args:
        repo: Where the interviews are.
        invitation: The invitation read.
        company: The company, when the user gave it (else the summary's guess).
        role: The role, when the user gave it (else the summary's guess).

    Returns:
        What was done.

    Raises:
        ValidationError: If a new interview would have no company.
    """
    refused = not_to_apply(repo, invitation)
    if refused is not None:
        return refused
    given = {
        name: value.strip()
        for name, value in (("company", company), ("role", role))
        if value is not None and (name == "role" or value.strip())
    }
    with repo.transaction():  # looked up again under the lock: another process may have added it
        existing = find_by_uid(repo, invitation.uid)
        current = vars(existing) if existing is not None else {}  # the record's fields by name
        changes = invitation_changes(current, invitation, own_emails(repo), first_reading=existing is None)
        changes.update(given)
        if existing is None:
            return InviteResult(ADDED, _add(repo, changes), invitation)
        updated = repo.update(Interview, existing.id, **changes)
    action = UNCHANGED if updated.to_record() == existing.to_record() else UPDATED
    return InviteResult(action, updated, invitation)


def _add(repo: Repository, fields: dict[str, Any]) -> Interview:
    if not str(fields.get("company") or "").strip():
        raise ValidationError(
            "The invitation does not say which company it is for; "
            "give it: followup add COMPANY --from-ics FILE"
        )
    return repo.add(Interview(**fields))


def _merged(mine: list[Interviewer], theirs: list[Interviewer], own: Iterable[str]) -> list[Interviewer]:
    """The interviewers already here (as the user edited them, without the user's own
    address), then the invitation's new ones: a person already here by email or by name is
    not added again."""
    me = {e.strip().casefold() for e in own if e.strip()}
    mine = [p for p in mine if not (p.email and p.email.casefold() in me)]
    emails = {p.email.casefold() for p in mine if p.email}
    names = {p.name.casefold() for p in mine if p.name}

    def known(person: Interviewer) -> bool:
        return person.email.casefold() in emails or person.name.casefold() in names

    return [*mine, *(p for p in theirs if not known(p))]


def describe(result: InviteResult) -> str:
    """One line for the user about what reading the invitation did."""
    invitation, interview = result.invitation, result.interview
    what = f"{interview.company}, {interview.when} {interview.tz}" if interview is not None else ""
    if result.action == ADDED:
        return f"Added from the invitation: {what}."
    if result.action == UPDATED:
        return f"Updated from the invitation (same UID, sequence {invitation.sequence}): {what}."
    if result.action == UNCHANGED:
        return f"Already up to date with this invitation: {what}."
    if result.action == OLDER:
        return (
            f"This invitation is older (sequence {invitation.sequence}) than the one already read "
            f"(sequence {interview.invite_sequence if interview else 0}); nothing changed."
        )
    if interview is None:
        return "This invitation is cancelled, and its interview is not in followup; nothing added."
    return f"The invitation for {interview.company} ({interview.when}) is cancelled."
