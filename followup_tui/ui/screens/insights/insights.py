"""Insights across every interview: did a bad feeling mean a bad result, what do I keep forgetting.

The numbers come from ``followup_tui.domain.insights.report`` (pure functions); this screen draws them as
short sentences and small bar charts, and lets the user carry a question they keep leaving
unasked into the prep of the next upcoming interview with one key.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.table import Table
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Static
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from followup_tui.domain.insights.report import (
    Insights,
    UnaskedQuestion,
    normalise_question,
    plural,
    share_of,
)
from followup_tui.domain.models import Interview, Question
from followup_tui.domain.status import moment_label
from followup_tui.domain.text import one_line
from followup_tui.domain.vocabulary import PREDICTION_LABELS
from followup_tui.services import actions
from followup_tui.services.autosave import save_key
from followup_tui.services.insights import count_insights
from followup_tui.ui.display import safe, safe_text
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.insights.bars import Bar, InsightsBars
from followup_tui.ui.screens.insights.forget import ForgetList
from followup_tui.ui.widgets.key_footer import KeyFooter

SECTION_TITLES: dict[str, str] = {
    "gut": "Gut feeling vs. what happened",
    "forget": "What I keep forgetting to ask",
    "worries": "Worries vs. reality",
    "traps": "Thinking traps",
    "errors": "Actual errors by kind",
    "cards": "Cards",
    "outcomes": "Outcomes",
}
"""Each section's id and title."""

WORKER_FROM = 1500
"""Histories of at least this many interviews are counted on a worker thread.

Below it the count takes under about a tenth of a second (67 ms at 1,000 interviews on the
project's 2-core machine, since the count reads only the fields it counts), less than a wait
anyone notices: the screen opens once, with its numbers, instead of opening empty, laid out,
and laid out again when the numbers come in later than they would have."""

COLUMNS: tuple[tuple[str, ...], ...] = (
    ("gut", "forget"),
    ("worries", "traps", "errors", "cards", "outcomes"),
)
"""The sections of each column; the two key questions come first (and first when stacked)."""


class InsightsScreen(FollowupScreen):
    """Insights across all interviews.

    Args:
        interview_id: The interview selected where the screen was opened from, if any; when it
            is still ahead, questions are added to its prep rather than the next one's.
    """

    SCREEN_TITLE = "Insights"
    AUTO_FOCUS = ""  # focused once, in on_mount: moving focus restyles and relays the screen
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_to_prep", "Add to next prep"),
    ]
    DEFAULT_CSS = """
    InsightsScreen #insights { padding: 0 1; }
    InsightsScreen #insights-columns { height: auto; }
    InsightsScreen .insights-column { width: 1fr; height: auto; }
    InsightsScreen.-wide .insights-column.-first { margin-right: 2; }
    InsightsScreen.-narrow #insights-columns { layout: vertical; }
    InsightsScreen.-narrow .insights-column { width: 100%; }
    InsightsScreen .insights-section { height: auto; margin-bottom: 1; }
    InsightsScreen .insights-title { text-style: bold; color: $accent; }
    InsightsScreen .insights-summary { height: auto; }
    InsightsScreen #forget-list { height: auto; max-height: 10; margin: 0; }
    InsightsScreen .insights-hint { color: $text-muted; }
    """

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__(interview_id)
        self.insights: Insights | None = None
        """What the screen shows, as last computed."""
        self._target: Interview | None = None
        self._added: set[tuple[str, str]] = set()
        self._summaries: dict[str, Static] = {}
        self._bars: dict[str, InsightsBars] = {}
        self._forget = ForgetList(id="forget-list")
        self._hint = Static(id="forget-hint", classes="insights-hint")

    def palette_interview_id(self) -> None:
        """Insights is about every interview: the palette acts on the one selected at home."""
        return None

    def compose(self) -> ComposeResult:
        """Header, the sections in two columns (one below 80 columns), footer.

        The numbers of a short history are counted and put in the widgets here, before the
        first styling and layout, so the screen opens in one layout with its numbers shown.
        """
        self.preset_breakpoints()
        yield Header()
        with VerticalScroll(id="insights"), Horizontal(id="insights-columns"):
            for n, column in enumerate(COLUMNS):
                # a class, not :first-of-type: an order rule has Textual style each column and
                # everything in it a second time once mounted
                with Vertical(classes="insights-column -first" if n == 0 else "insights-column"):
                    for key in column:
                        yield from self._section(key)
        yield KeyFooter()
        self.refresh_data()

    def _section(self, key: str) -> ComposeResult:
        with Vertical(id=key, classes="insights-section"):
            yield Static(SECTION_TITLES[key], classes="insights-title")
            yield self._summaries.setdefault(key, Static(id=f"{key}-summary", classes="insights-summary"))
            if key == "forget":
                yield self._forget
                yield self._hint
            yield self._bars.setdefault(key, InsightsBars(id=f"{key}-bars"))

    def on_mount(self) -> None:
        """The forgotten questions take the keys; while a long history is counted, or with no
        forgotten question, the scrolling sections take them."""
        self._focus_first()

    def on_screen_resume(self) -> None:
        """Recompute when coming back (an outcome or a prep may have changed meanwhile)."""
        if self.coming_back():
            self.refresh_data()

    def refresh_data(self) -> None:
        """Recompute every insight from the stored records and show it.

        A long history is counted on a worker thread, so the screen opens at once and keeps
        answering keys; it says what it is doing until the numbers are in.
        """
        repo, now = self.repo, self.app.clock()
        count = len(repo.shared(Interview))
        if count < WORKER_FROM:
            self._show_all(*count_insights(repo, now))
            return
        if self.insights is None:
            self._summaries["gut"].update(f"Counting across {count:,} interviews…")
        self._count_in_background(now)

    @work(thread=True, exclusive=True, group="insights")
    def _count_in_background(self, now: datetime) -> tuple[Insights, list[Interview]]:
        return count_insights(self.repo, now)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Show the numbers counted on the worker thread."""
        counted = event.worker.result
        if event.worker.group == "insights" and event.state == WorkerState.SUCCESS and counted is not None:
            first = self.insights is None
            self._show_all(*counted)
            if first:
                self._focus_first()

    def _focus_first(self) -> None:
        """The forgotten questions take the keys; with none, the scrolling sections do."""
        if not self._forget.option_count:
            self.set_focus(self.query_one("#insights", VerticalScroll), scroll_visible=False)
        elif self.focused is not self._forget:
            self.set_focus(self._forget, scroll_visible=False)

    def _show_all(self, result: Insights, interviews: list[Interview]) -> None:
        self.insights = result
        self._target = self._prep_target(interviews)
        self._show("gut", result.gut_verdict() or result.gut_summary(), gut_bars(result), "Went forward:")
        self._show("forget", result.unasked_summary(), forget_bars(result), "Left unasked, by category:")
        self._show("worries", result.worry_summary(), worry_bars(result), "Predictions:")
        self._show("traps", result.traps_summary(), traps_bars(result))
        self._show("errors", result.errors_summary(), errors_bars(result))
        self._show("cards", result.cards_summary(), cards_bars(result))
        self._show("outcomes", result.outcomes_summary(), outcome_bars(result))
        self._fill_forgotten(result)
        self.refresh_bindings()

    def _show(self, key: str, summary: str, bars: list[Bar], caption: str = "") -> None:
        self._summaries[key].update(safe(summary))
        self._bars[key].set_bars(bars, caption)

    def _fill_forgotten(self, result: Insights) -> None:
        forget = self._forget
        highlighted = forget.highlighted
        forget.clear_options()
        forget.add_options(self._option(n, item) for n, item in enumerate(result.unasked))
        forget.display = bool(result.unasked)
        if result.unasked:
            forget.highlighted = min(highlighted or 0, len(result.unasked) - 1)
        hint = self._hint
        if not result.unasked:
            hint.update("")
        elif self._target is None:
            hint.update("No upcoming interview to add a question to.")
        else:
            hint.update(
                Content.assemble(("a", "bold"), " adds it to the prep for ", interview_label(self._target))
            )
        hint.display = bool(result.unasked)

    def _option(self, index: int, item: UnaskedQuestion) -> Option:
        """One unasked question: its count, then its text, which wraps under itself (not under
        the count)."""
        added = self._target is not None and (self._target.id, normalise_question(item.text)) in self._added
        text = safe_text(item.text)
        text.no_wrap = False
        if item.category:
            text.append("  · ", style="dim")
            text.append_text(safe_text(item.category, style="dim"))
        if added:
            text.append("  ✓ added", style="green")
        grid = Table.grid(padding=(0, 1))
        grid.add_column(justify="right", no_wrap=True, style="bold")
        grid.add_column(ratio=1)
        grid.add_row(f"{item.count}×", text)
        return Option(grid, id=f"unasked-{index}")

    def _prep_target(self, interviews: list[Interview]) -> Interview | None:
        """The interview whose prep gets a question: this screen's one if still ahead, else the next."""
        now = self.app.clock()
        ahead = [i for i in interviews if i.local_moment is not None and i.local_moment > now]
        for interview in ahead:
            if interview.id == self.interview_id:
                return interview
        return min(ahead, key=lambda i: (i.local_moment, i.created)) if ahead else None

    def _highlighted_question(self) -> UnaskedQuestion | None:
        forget = self._forget
        if self.insights is None or forget.highlighted is None or not self.insights.unasked:
            return None
        return self.insights.unasked[forget.highlighted]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Adding to the next prep needs an upcoming interview and a forgotten question."""
        if action == "add_to_prep" and (
            self._target is None or not self.insights or not self.insights.unasked
        ):
            return None
        return True

    def action_add_to_prep(self) -> None:
        """Add the highlighted forgotten question to the next upcoming interview's prep, as a must-ask."""
        item, target = self._highlighted_question(), self._target
        if item is None or target is None:
            return
        key = (target.id, normalise_question(item.text))
        existing = {normalise_question(q.text) for q in self.repo.children(Question, target.id)}
        where = f"{one_line(target.company)} ({moment_label(target.moment)})"
        if key in self._added or key[1] in existing:
            self.notify(f"Already in the prep for {where}.", severity="warning", markup=False)
            return
        self._added.add(key)
        question = Question(interview_id=target.id, text=item.text, category=item.category, must_ask=True)
        repo = self.repo  # the save may run after this screen is closed
        self.save(
            save_key("insights", "add", target.id, key[1]), lambda: actions.add_question(repo, question)
        )
        self.notify(f"Added to the prep for {where} as a must-ask.", title="Next prep", markup=False)
        if self.insights is not None:
            self._fill_forgotten(self.insights)


def interview_label(interview: Interview) -> Content:
    """The company and time of an interview, shown literally."""
    return Content.assemble(
        safe(interview.company, width=40), (f" ({moment_label(interview.moment)})", "dim")
    )


def gut_bars(result: Insights) -> list[Bar]:
    """How often each gut group went forward."""
    if result.happened < 2 or not result.decided:
        return []
    rows = (
        ("Felt bad (gut 1-2)", result.bad, "$warning"),
        ("Felt fine or unrated", result.others, "$primary"),
    )
    return [
        Bar(label, g.went_forward, g.decided, share_of(g) if g.decided else "no outcome yet", style)
        for label, g, style in rows
    ]


def forget_bars(result: Insights) -> list[Bar]:
    """Unasked questions by category."""
    most = max((t.count for t in result.unasked_by_category), default=0)
    return [Bar(t.label, t.count, most, plural(t.count, "time")) for t in result.unasked_by_category]


def worry_bars(result: Insights) -> list[Bar]:
    """Predictions that came true, did not, or are still open."""
    p = result.predictions
    if not p.predictions:
        return []
    rows = (
        (PREDICTION_LABELS["came-true"].capitalize(), p.came_true, "$error"),
        (PREDICTION_LABELS["did-not"].capitalize(), p.did_not, "$success"),
        ("Still open", p.open, "$foreground 50%"),
    )
    return [Bar(label, n, p.predictions, f"{n} of {p.predictions}", style) for label, n, style in rows]


def traps_bars(result: Insights) -> list[Bar]:
    """Thinking traps, most common first."""
    most = max((t.count for t in result.traps), default=0)
    return [Bar(t.label, t.count, most, str(t.count)) for t in result.traps[:6]]


def errors_bars(result: Insights) -> list[Bar]:
    """Actual errors by kind, with how many are resolved."""
    most = max((e.count for e in result.errors), default=0)
    return [
        Bar(e.label, e.count, most, f"{e.count} ({e.resolved} resolved)", "$error") for e in result.errors
    ]


def cards_bars(result: Insights) -> list[Bar]:
    """Cards (one per interviewer) by when they went out."""
    c = result.cards
    total = c.judged + c.still_time
    if not total:
        return []
    rows = [("On time", c.on_time, "$success"), ("Late", c.late, "$warning"), ("Never", c.never, "$error")]
    if c.still_time:
        rows.append(("Still time", c.still_time, "$primary"))
    return [Bar(label, n, total, str(n), style) for label, n, style in rows]


def outcome_bars(result: Insights) -> list[Bar]:
    """Outcomes of the interviews that happened (only outcomes that occur)."""
    if not any(t.count for t in result.outcomes if t.key != "pending"):
        return []
    return [Bar(t.label, t.count, result.happened, str(t.count)) for t in result.outcomes if t.count]
