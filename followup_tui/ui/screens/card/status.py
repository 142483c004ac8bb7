"""The card screen's status line: written, sent, errors to clarify, and when it is on time."""

from __future__ import annotations

from datetime import datetime

from followup_tui.domain.card.draft import unclarified
from followup_tui.domain.language import LANGUAGES, base_language
from followup_tui.domain.models import Card, Concern, Interview
from followup_tui.domain.status import ON_TIME_RULE, day_label, follow_up_state, send_by
from followup_tui.domain.text import one_line
from followup_tui.domain.zones import two_zones


def status_line(
    interview: Interview, card: Card, cards: list[Card], concerns: list[Concern], now: datetime, text: str
) -> tuple[str, bool]:
    """Return the status of one card as one line, and whether it is late.

    Args:
        interview: The interview.
        card: The card open now (as shown, maybe not stored yet).
        cards: Every card of the interview, the open one included.
        concerns: The interview's concerns.
        now: This machine's time.
        text: The card's text as the editor shows it: an error whose clarification is in it
            is no longer "to clarify".
    """
    state = follow_up_state(interview, cards, concerns, now)
    parts = [
        f"Written {day_label(card.written)}" if card.written else "Not marked written",
        f"sent {day_label(card.sent)}" if card.sent else "not sent",
    ]
    errors = len(unclarified(concerns, text, card.interviewer, base_language(interview.language)))
    if errors:
        parts.append(f"{errors} error{'s' if errors != 1 else ''} to clarify")
    if state.card_overdue:
        parts.append(f"late: a card is on time {ON_TIME_RULE}")
    elif not card.sent and interview.moment is not None and interview.outcome == "pending":
        parts.append(f"send by {day_label(send_by(interview.moment).isoformat())} to be on time")
    return " · ".join(parts), state.card_overdue


def marked_written(card: Card, today: str) -> tuple[dict[str, str | None], str]:
    """The change that marks a card written today, or undoes that, and what to tell the user."""
    if card.written:
        return {"written": None}, "No longer marked written."
    return {"written": today}, f"Marked written on {day_label(today)}. Press w again to undo."


def marked_sent(card: Card, today: str) -> tuple[dict[str, str | None], str]:
    """The change that marks a card sent today (and written, if it was not), or undoes that."""
    if card.sent:
        return {"sent": None}, "No longer marked sent."
    changes: dict[str, str | None] = {"sent": today, "written": card.written or today}
    return changes, f"Marked sent on {day_label(today)}. Press s again to undo."


def recipient_line(interview: Interview, recipient: str) -> str:
    """Whom the card is for, the company, when and the card's language, as one line."""
    names = [p.name for p in interview.interviewers if p.name.strip()]
    who = one_line(recipient) or "the hiring team"
    if len(names) > 1:
        # the interviewer may have been renamed or removed in another window meanwhile
        place = f"{names.index(recipient) + 1} of {len(names)}, " if recipient in names else ""
        who = f"{who} ({place}t to change)"
    when = two_zones(interview.moment, interview.tz, "%a %d %b %H:%M") if interview.moment else "no date"
    language = LANGUAGES[base_language(interview.language)]
    return f"To {who} · {one_line(interview.company)} · {when} · {language}"


def not_ready_note(reason: str) -> str:
    """What the card screen says before the interview, instead of a draft."""
    return (
        f"No card yet. {reason} A thank-you card thanks them for a conversation that happened. "
        "If it has happened, correct its date: escape, then e (Edit interview)."
    )
