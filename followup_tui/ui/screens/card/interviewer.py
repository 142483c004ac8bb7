"""Choosing which interviewer a card is for (one card each)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from followup_tui.domain.models import Card
from followup_tui.ui.display import template
from followup_tui.ui.screens.dialog import FollowupDialog


class InterviewerDialog(FollowupDialog[str | None]):
    """A list of the interview's interviewers with the state of each card.

    Args:
        people: (name, card state such as "sent 2026-11-25" or "no card yet") per interviewer.
        current: The name whose card is open now (highlighted first).
    """

    DEFAULT_CSS = """
    InterviewerDialog > .dialog-frame { width: 60; }
    InterviewerDialog OptionList { height: auto; max-height: 12; margin-top: 1; }
    """

    def __init__(self, people: list[tuple[str, str]], current: str) -> None:
        super().__init__()
        self._people = people
        self._current = current

    def compose(self) -> ComposeResult:
        """The question and one option per interviewer."""
        with Vertical(classes="dialog-frame"):
            yield Static("Who is this card for? One card each.")
            yield OptionList(
                *(
                    Option(template("$name  [dim]$state[/dim]", name=name, state=state), id=str(index))
                    for index, (name, state) in enumerate(self._people)
                )
            )

    def on_mount(self) -> None:
        """Highlight the card open now."""
        options = self.query_one(OptionList)
        names = [name for name, _ in self._people]
        options.highlighted = names.index(self._current) if self._current in names else 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """A choice closes the dialog."""
        self.dismiss(self._people[int(event.option.id or 0)][0])


def card_state(card: Card | None) -> str:
    """How one interviewer's card stands, as the list shows it ("sent 2026-11-25", "draft")."""
    if card is None:
        return "no card yet"
    if card.sent:
        return f"sent {card.sent}"
    if card.written:
        return f"written {card.written}"
    return "edited" if card.text.strip() else "draft"
