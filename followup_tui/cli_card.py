"""The ``card`` and ``ics`` commands (built with the card issue)."""

from __future__ import annotations

import click


@click.command()
@click.argument("interview_id")
@click.option("--interviewer", help="Which interviewer's card, when there are several.")
@click.pass_obj
def card(path: object, interview_id: str, interviewer: str | None) -> None:
    """Print the thank-you card for an interview."""
    raise click.ClickException("The card command is not built yet.")


@click.command()
@click.argument("interview_id")
@click.option("-o", "output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.pass_obj
def ics(path: object, interview_id: str, output: str | None) -> None:
    """Write the interview and its follow-up reminders as an iCalendar file."""
    raise click.ClickException("The ics command is not built yet.")
