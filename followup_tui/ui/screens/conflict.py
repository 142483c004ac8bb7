"""A text typed on another device at the same time: offered once, to keep, use or combine.

When two devices edited one text before either saw the other's change, the later text is shown
and the other is kept with it (``services.actions.field_conflicts``). A screen that holds such a
text (the interview's hub holds them all) offers each one once per session as it opens
(``FollowupScreen.offer_conflicts``):
"Also edited on <device>:" with the other text, and *keep* (the text shown), *use that* (the
other) or *combine* (both). Escape leaves it for later: it is offered again next session.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Static

from followup_tui.domain.conflicts import Choice, FieldConflict
from followup_tui.ui.display import safe, template
from followup_tui.ui.screens.dialog import FollowupDialog

WHERE: dict[tuple[str, str], str] = {
    ("interviews", "company"): "The company's name",
    ("interviews", "role"): "The role",
    ("interviews", "location"): "The place or the meeting link",
    ("interviews", "job_link"): "The job advert's link",
    ("interviews", "notes"): "The interview's notes",
    ("interviews", "why_this_job"): "Why you want this job",
    ("questions", "text"): "A question to ask",
    ("likely_questions", "question"): "A question they may ask",
    ("likely_questions", "talking_points"): "Your talking points",
    ("checklist", "text"): "A checklist item",
    ("debriefs", "forgot_to_ask"): "What you forgot to ask",
    ("debriefs", "not_learned"): "What they did not learn about you",
    ("debriefs", "felt_off"): "What felt off",
    ("debriefs", "notes"): "The debrief's notes",
    ("debriefs", "worth_mentioning"): "A moment worth mentioning",
    ("concerns", "text"): "A concern",
    ("concerns", "balanced_thought"): "A concern's balanced thought",
    ("concerns", "action"): "A concern's action",
    ("concerns", "to_know"): "What you want them to know",
    ("concerns", "prediction_text"): "A concern's prediction",
    ("cards", "text"): "The card",
    ("cards", "interviewer"): "The card's interviewer",
    ("bank", "text"): "A question of your bank",
    ("bank", "category"): "A category of your bank",
}
"""What each text is, said above the two versions (other fields say their table and name)."""


def where_it_is(conflict: FieldConflict) -> str:
    """What the conflicting text is, in words: "The interview's notes"."""
    words = WHERE.get((conflict.table, conflict.field))
    return words or f"{conflict.table.replace('_', ' ')}: {conflict.field.replace('_', ' ')}".capitalize()


class ConflictDialog(FollowupDialog[Choice | None]):
    """Show the other device's text beside the one shown; dismiss with the choice, or None.

    Args:
        conflict: The text typed on two devices.
    """

    DEFAULT_CSS = """
    ConflictDialog > .dialog-frame { width: 72; border: round $warning; }
    ConflictDialog .conflict-text { margin: 0 0 1 2; }
    ConflictDialog Horizontal { height: auto; align-horizontal: right; }
    ConflictDialog Button { margin-left: 1; min-width: 10; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("k", "choose('keep')", "Keep"),
        Binding("u", "choose('other')", "Use that"),
        Binding("c", "choose('combine')", "Combine"),
        Binding("escape", "close", "Later"),
        Binding("left", "step(-1)", "Previous button", show=False),
        Binding("right", "step(1)", "Next button", show=False),
    ]

    def __init__(self, conflict: FieldConflict) -> None:
        super().__init__()
        self.conflict = conflict
        """The text this dialog asks about."""

    def compose(self) -> ComposeResult:
        """What the text is, the other device's version, the one shown, three buttons."""
        conflict = self.conflict
        with VerticalScroll(classes="dialog-frame"):
            yield Static(safe(where_it_is(conflict)), classes="dialog-hint")
            yield Static(
                template("[b]Also edited on $device:[/b]", device=conflict.other_device),
                classes="dialog-title",
            )
            yield Static(safe(conflict.other_text), classes="conflict-text", id="other-text")
            yield Static(template("[b]Shown here now:[/b]"), classes="dialog-title")
            yield Static(safe(conflict.shown_text), classes="conflict-text", id="shown-text")
            with Horizontal():
                yield Button("Keep", id="keep")
                yield Button("Use that", id="other")
                yield Button("Combine", id="combine", variant="primary")

    def on_mount(self) -> None:
        """Keeping what is shown changes nothing: the cursor starts there."""
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button chooses."""
        self.action_choose(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        """Keep the text shown, use the other device's, or combine both."""
        if choice in ("keep", "other", "combine"):
            self.dismiss(choice)  # type: ignore[arg-type]  # one of the three, checked above
