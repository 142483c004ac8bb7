"""``followup add [COMPANY] --from-ics FILE``: an interview from a calendar invitation.

No Textual here. The same invitation again updates the interview it made; a cancelled one is
reported, with the command that marks the interview withdrawn.
"""

from __future__ import annotations

from pathlib import Path

import click

from followup_tui.cli.common import error_message, open_repo
from followup_tui.cli.streams import read_source, source_name
from followup_tui.domain.invitation import INVITATION_LIMIT, InvitationError
from followup_tui.domain.text import one_line
from followup_tui.services.invites import (
    CANCELLED,
    apply_invitation,
    check_email,
    describe,
    invitation_from,
    own_emails,
    remember_email,
)


def add_from_ics(
    path: Path, source: str, company: str | None, role: str | None, my_email: str | None = None
) -> None:
    """Read the invitation ``source`` into the data file ``path``; print the interview's id.

    Args:
        path: The data file.
        source: The invitation file ('-': standard input).
        company: The company, if the user gave one (else guessed from the invitation).
        role: The role, if the user gave one.
        my_email: The user's own address, remembered in the settings from now on.

    Raises:
        click.ClickException: If the file cannot be read or is not a usable invitation.
    """
    repo = open_repo(path)
    try:
        if my_email is not None:
            check_email(my_email)
        invitation = invitation_from(repo, read_source(source, INVITATION_LIMIT), my_email)
    except InvitationError as exc:
        raise click.ClickException(one_line(f"Cannot read {source_name(source)}: {exc}")) from None
    except (OSError, ValueError) as exc:
        raise click.ClickException(error_message(exc)) from None
    if my_email is not None:  # first: reading the same invitation again then leaves you out too
        remember_email(repo, my_email)
    result = apply_invitation(repo, invitation, company, role)
    if result.interview is not None and result.action != CANCELLED:
        click.echo(result.interview.id)
    click.echo(one_line(describe(result)), err=True)
    if invitation.interviewers and not own_emails(repo):
        click.echo("Tip: add --me YOUR@ADDRESS once to leave yourself out of the interviewers.", err=True)
    if invitation.remarks:
        click.echo(one_line(f"Note: {invitation.remarks}."), err=True)
    interview = result.interview
    if result.action == CANCELLED and interview is not None and interview.outcome != "withdrawn":
        click.echo(f"Mark it withdrawn with: followup outcome {interview.id} withdrawn", err=True)
