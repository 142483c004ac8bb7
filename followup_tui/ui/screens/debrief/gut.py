"""The gut rating of the debrief: five dots and a word, set with one key."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from followup_tui.domain.vocabulary import GUT_WORDS


def gut_content(gut: int | None) -> Content:
    """Return the rating as dots and a word, e.g. ``●●●○○ so-so``.

    Args:
        gut: The rating from 1 to 5, or None when not rated.
    """
    if gut is None:
        return Content.assemble(("○○○○○", "dim"), ("  not rated (keys 1-5)", "dim italic"))
    return Content.assemble(("●" * gut, "bold $accent"), ("○" * (5 - gut), "dim"), f"  {GUT_WORDS[gut]}")


class GutRating(Widget, can_focus=True):
    """How the interview felt, 1 (rough) to 5 (great); keys 1-5, left/right, 0 clears."""

    DEFAULT_CSS = """
    GutRating { height: 1; width: 1fr; padding: 0 1; }
    GutRating:focus { background: $boost; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"rate({n})", f"Gut {n}", show=False) for n in range(1, 6)),
        Binding("0", "rate(0)", "Clear the gut rating", show=False),
        Binding("left,minus", "step(-1)", "Lower", show=False),
        Binding("right,plus", "step(1)", "Higher", show=False),
    ]

    value: reactive[int | None] = reactive(None)
    """The rating shown, or None."""

    @dataclass
    class Changed(Message):
        """The user set the rating."""

        rating: GutRating
        """The widget that was rated."""
        gut: int | None
        """The new rating, or None when cleared."""

        @property
        def control(self) -> GutRating:
            """The widget, so ``@on(GutRating.Changed, "#id")`` can pick one."""
            return self.rating

    def render(self) -> Content:
        """The label, the dots and the word."""
        return Content.assemble(("Gut  ", "bold"), gut_content(self.value))

    def action_rate(self, gut: int) -> None:
        """Set the rating (0 clears it) and tell the screen."""
        self.value = gut or None
        self.post_message(self.Changed(self, self.value))

    def action_step(self, delta: int) -> None:
        """Move the rating one step down or up."""
        self.action_rate(3 if self.value is None else min(5, max(1, self.value + delta)))
