"""The text of each section of the interview hub, built as Content (user text never parsed)."""

from __future__ import annotations

from datetime import datetime

from textual.content import Content

from followup_tui.domain.models import (
    Card,
    ChecklistItem,
    Concern,
    Debrief,
    Interview,
    LikelyQuestion,
    Question,
)
from followup_tui.domain.status import ON_TIME_RULE, follow_up_state
from followup_tui.domain.vocabulary import (
    ACTIONS,
    CONCERN_KIND_NAMES,
    ERROR_KIND_LABELS,
    FORMAT_LABELS,
    GUT_WORDS,
    OUTCOME_HINTS,
    OUTCOME_LABELS,
)
from followup_tui.domain.zones import two_zones
from followup_tui.ui.display import safe, template
from followup_tui.ui.widgets.hanging import Line


def relative_day(moment: datetime, now: datetime) -> str:
    """Say how far a moment is from now in days or weeks: "tomorrow", "2 weeks ago"."""
    days = (moment.date() - now.date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    count, unit = (abs(days), "days") if abs(days) < 14 else (abs(days) // 7, "weeks")
    return f"in {count} {unit}" if days > 0 else f"{count} {unit} ago"


def _count(n: int, singular: str, plural: str = "") -> str:
    """ "1 worry", "2 worries"."""
    return f"{n} {singular if n == 1 else plural or singular + 's'}"


def _muted(text: str) -> Content:
    return Content.from_markup("[$text-muted]$text[/]", text=text)


def _label(label: str) -> Content:
    """A muted label and the two spaces before its text (the text hangs beside it)."""
    return template("[$text-muted]$label[/]  ", label=label)


def details_section(interview: Interview, now: datetime) -> list[Line]:
    """Company, role, time, place, link, interviewers and the first line of the notes."""
    lines: list[Line] = [template("[b]$company[/b]", company=interview.company)]
    if interview.role:
        lines.append(safe(interview.role, single_line=True))
    moment, local = interview.moment, interview.local_moment
    when = (
        f"{two_zones(moment, interview.tz, '%a %d %b %Y, %H:%M')} · {relative_day(local, now)}"
        if moment and local
        else "No date yet"
    )
    lines.append(Content(when))
    how = FORMAT_LABELS.get(interview.format, interview.format)
    where = f"{how} · {interview.location}" if interview.location else how
    lines.append((_label("Where"), safe(where, single_line=True)))
    if interview.job_link:
        lines.append((_label("Job"), safe(interview.job_link, single_line=True)))
    for person in interview.interviewers:
        extra = ", ".join(p for p in (person.title, person.email) if p)
        lines.append(
            (
                _label("With"),
                safe(person.name, single_line=True)
                + (template("[$text-muted], $extra[/]", extra=extra) if extra else Content("")),
            )
        )
    if interview.notes.strip():
        lines.append((_label("Notes"), safe(interview.notes.strip().splitlines()[0], single_line=True)))
    return lines


def prep_section(
    questions: list[Question], likely: list[LikelyQuestion], checklist: list[ChecklistItem]
) -> list[Line]:
    """How many questions, which must-asks were asked, talking points and the checklist."""
    if not (questions or likely or checklist):
        return [_muted("Nothing prepared yet. Press p to write the questions you want to ask.")]
    must = [q for q in questions if q.must_ask]
    lines: list[Line] = [Content(f"{_count(len(questions), 'question')} to ask, {len(must)} must-ask")]
    if must:
        asked = sum(1 for q in must if q.asked == "yes")
        missed = sum(1 for q in must if q.asked == "no")
        if asked or missed:
            lines.append(Content(f"Must-asks: {asked} asked, {missed} not asked"))
        for question in must[:3]:
            mark = {"yes": "✓", "no": "✗"}.get(question.asked, "•")
            lines.append((Content(f" {mark} "), safe(question.text, width=100)))
    if likely:
        lines.append(Content(f"{_count(len(likely), 'likely question')} with talking points"))
    if checklist:
        done = sum(1 for item in checklist if item.done)
        lines.append(Content(f"Checklist: {done} of {len(checklist)} done"))
    return lines


def debrief_section(debrief: Debrief, questions: list[Question], started: bool) -> list[Line]:
    """The gut rating, the three prompts and the clarifications."""
    prompts = (
        (ERROR_KIND_LABELS["forgot-to-ask"], debrief.forgot_to_ask),
        (ERROR_KIND_LABELS["not-learned"], debrief.not_learned),
        (ERROR_KIND_LABELS["felt-off"], debrief.felt_off),
    )
    if debrief.gut is None and not any(text.strip() for _, text in prompts) and not debrief.notes.strip():
        if not started:
            return [_muted("After the interview: press d to note how it went.")]
        return [_muted("No debrief yet. Press d to dump your thoughts while they are fresh.")]
    gut = f"{debrief.gut} of 5 ({GUT_WORDS[debrief.gut]})" if debrief.gut else "not rated"
    lines: list[Line] = [Content(f"Gut feeling: {gut}")]
    for label, text in prompts:
        if text.strip():
            lines.append((_label(label), safe(text.strip().splitlines()[0], single_line=True)))
    if debrief.clarifications:
        lines.append(Content(f"{_count(len(debrief.clarifications), 'answer')} to clarify"))
    unknown = sum(1 for q in questions if q.asked == "unknown")
    if unknown and questions:
        lines.append(_muted(f"{_count(unknown, 'prepared question')} not yet marked asked or not"))
    return lines


def board_section(concerns: list[Concern]) -> list[Line]:
    """Worries, actual errors and unsorted items, and what is still open."""
    if not concerns:
        return [_muted("No concerns on the board.")]
    worries = [c for c in concerns if c.kind == "worry"]
    errors = [c for c in concerns if c.kind == "error"]
    unsorted = [c for c in concerns if c.kind == "unsorted"]
    counts = [
        _count(len(worries), "worry", "worries"),
        _count(len(errors), CONCERN_KIND_NAMES["error"].lower()),
        f"{len(unsorted)} unsorted",
    ]
    lines: list[Line] = [Content(" · ".join(counts))]
    open_errors = [c for c in errors if not c.resolved]
    if open_errors:
        lines.append(Content(f"{_count(len(open_errors), 'error')} still open:"))
        for concern in open_errors[:3]:
            action = ACTIONS.get(concern.action, "no action yet")
            lines.append((Content(" • "), safe(concern.text, width=100) + _muted(f"  ({action.lower()})")))
    predictions = [c for c in worries if c.prediction]
    if predictions:
        settled = [c for c in predictions if c.prediction_result]
        came_true = sum(1 for c in settled if c.prediction_result == "came-true")
        lines.append(
            Content(
                f"{_count(len(predictions), 'prediction')}, {len(settled)} settled, {came_true} came true"
            )
        )
    return lines


def card_section(
    interview: Interview, cards: list[Card], concerns: list[Concern], now: datetime
) -> list[Line]:
    """Whether the card is drafted, written or sent, and to whom."""
    state = follow_up_state(interview, cards, concerns, now)
    clarify = sum(1 for c in concerns if c.kind == "error" and c.action == "clarify-in-card")
    lines: list[Line]
    if not cards:
        started = interview.moment is None or interview.has_started(now)
        line = "No card yet. Press c to draft one." if started else "The card comes after the interview."
        lines = [_muted(line)]
    else:
        lines = []
        for card in cards:
            status = (
                f"sent {card.sent}"
                if card.sent
                else f"written {card.written}"
                if card.written
                else "drafted"
                if card.text.strip()
                else "not started"
            )
            lines.append(template("To $name: ", name=card.interviewer or "the interviewer") + Content(status))
    if state.card_overdue:
        lines.append(
            Content.from_markup("[$text-warning]Late: a card is on time $rule[/]", rule=ON_TIME_RULE)
        )
    if clarify:
        lines.append(Content(f"{_count(clarify, 'error')} to clarify in the card"))
    return lines


def outcome_words(outcome: str) -> str:
    """Name an outcome with what it means, e.g. "Pending: no news yet"."""
    if outcome not in OUTCOME_LABELS:
        return outcome
    return f"{OUTCOME_LABELS[outcome]}: {OUTCOME_HINTS[outcome]}"


def outcome_section(interview: Interview, concerns: list[Concern]) -> list[Line]:
    """What happened next, and predictions still waiting to be settled."""
    lines: list[Line] = [Content(outcome_words(interview.outcome))]
    waiting = sum(1 for c in concerns if c.prediction and not c.prediction_result)
    if waiting and interview.outcome not in ("pending",):
        lines.append(Content(f"{_count(waiting, 'prediction')} to settle: press o"))
    elif waiting:
        lines.append(_muted(f"{_count(waiting, 'prediction')} waiting for the outcome"))
    return lines
