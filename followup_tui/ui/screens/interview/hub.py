"""The interview hub: one interview's whole story on one screen, and the keys to each part."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import Header, Static

from followup_tui.domain.models import Card, ChecklistItem, Concern, LikelyQuestion, Question
from followup_tui.domain.sync.fields import TEXT_FIELDS
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.interview.hub_sections import (
    board_section,
    card_section,
    debrief_section,
    details_section,
    outcome_section,
    prep_section,
)
from followup_tui.ui.widgets.hanging import HangingLines
from followup_tui.ui.widgets.key_footer import KeyFooter

WIDE_FROM = 90
"""Widths from which the sections sit in two columns."""


class HubScreen(FollowupScreen):
    """Everything about one interview: details, prep, debrief, board, card and outcome."""

    SCREEN_TITLE = "Interview"
    CONFLICT_TABLES = frozenset(TEXT_FIELDS) - {"bank"}  # everything about the interview
    DEFAULT_CSS = """
    HubScreen #hub-body { height: 1fr; }
    HubScreen #hub-grid { grid-size: 1; grid-gutter: 0 1; height: auto; padding: 0 1; grid-rows: auto; }
    HubScreen #hub-grid.-wide { grid-size: 2; }
    HubScreen .hub-section {
        height: auto; border: round $primary 50%; border-title-color: $text-accent;
        border-title-style: bold; padding: 0 1;
    }
    HubScreen #hub-details { column-span: 1; }
    HubScreen #hub-gone { padding: 1 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("p", "screen('prep')", "Prep"),
        Binding("d", "screen('debrief')", "Debrief"),
        Binding("b", "screen('board')", "Board"),
        Binding("c", "screen('card')", "Card"),
        Binding("o", "outcome", "Outcome"),
        Binding("e", "edit", "Edit"),
    ]

    def compose(self) -> ComposeResult:
        """Header, the sections, footer."""
        yield Header()
        with VerticalScroll(id="hub-body"), Grid(id="hub-grid"):
            for name, title in (
                ("details", "Interview"),
                ("prep", "Prep  p"),
                ("debrief", "Debrief  d"),
                ("board", "Board  b"),
                ("card", "Thank-you card  c"),
                ("outcome", "Outcome  o"),
            ):
                section = HangingLines(id=f"hub-{name}", classes="hub-section")
                section.border_title = title
                yield section
        yield KeyFooter()

    def on_mount(self) -> None:
        """Show the interview."""
        self.query_one("#hub-grid").set_class(self.app.size.width >= WIDE_FROM, "-wide")
        self.refresh_data()

    def on_screen_resume(self) -> None:
        """Back from a part of the story: show what changed (its saves may still be on the way)."""
        if self.coming_back():
            self.refresh_data()
            self.set_timer(0.6, self.refresh_data)

    def on_resize(self, event: Resize) -> None:
        """Two columns when there is room."""
        self.query_one("#hub-grid").set_class(event.size.width >= WIDE_FROM, "-wide")

    def refresh_data(self) -> None:
        """Reload the interview and everything in it."""
        interview = self.interview()
        if interview is None:
            self.query_one("#hub-details", HangingLines).show([Content("This interview was deleted.")])
            for name in ("prep", "debrief", "board", "card", "outcome"):
                self.query_one(f"#hub-{name}", Static).display = False
            return
        iid = interview.id
        now = self.app.clock()
        questions = self.repo.children(Question, iid)
        concerns = self.repo.children(Concern, iid)
        cards = self.repo.children(Card, iid)
        parts = {
            "details": details_section(interview, now),
            "prep": prep_section(
                questions, self.repo.children(LikelyQuestion, iid), self.repo.children(ChecklistItem, iid)
            ),
            "debrief": debrief_section(self.repo.debrief(iid), questions, interview.has_started(now)),
            "board": board_section(concerns),
            "card": card_section(interview, cards, concerns, now),
            "outcome": outcome_section(interview, concerns),
        }
        for name, content in parts.items():
            self.query_one(f"#hub-{name}", HangingLines).show(content)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys are off once the interview is gone."""
        if action in {"screen", "outcome", "edit"} and self.is_mounted and self.interview() is None:
            return None
        return True

    def action_screen(self, name: str) -> None:
        """Open a part of this interview's story."""
        self.app.open_screen(name, self.interview_id)

    def action_edit(self) -> None:
        """Edit this interview's details."""
        from followup_tui.ui.screens.interview.form import InterviewFormDialog

        interview = self.interview()
        if interview is not None:
            self.app.push_screen(InterviewFormDialog(interview), lambda _: self.refresh_data())

    def action_outcome(self) -> None:
        """Record what happened after this interview."""
        from followup_tui.ui.screens.insights.outcome import OutcomeDialog

        if self.interview_id:
            self.app.push_screen(OutcomeDialog(self.interview_id), lambda _: self.refresh_data())
