"""One column of the board: the concerns of one kind, each with its tags, action or state."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingsMap, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from followup_tui.domain.models import Concern
from followup_tui.domain.vocabulary import (
    ACTIONS,
    COLUMN_TITLES,
    ERROR_KIND_LABELS,
    MOVE_LABELS,
    PREDICTION_LABELS,
    THINKING_TRAPS,
)
from followup_tui.ui.display import safe

MOVES: dict[tuple[str, str], str] = {
    ("unsorted", "left"): "worry",
    ("unsorted", "right"): "error",
    ("worry", "left"): "unsorted",
    ("worry", "right"): "error",
    ("error", "left"): "worry",
}
"""Where left and right take a concern from each column."""

EMPTY_TEXT: dict[str, str] = {
    "unsorted": "Nothing waiting to be sorted.",
    "worry": "No worries here. ⇧← moves a concern in.",
    "error": "No actual errors here. ⇧→ moves a concern in.",
}
"""What an empty column says."""


def column_title(kind: str, count: int) -> str:
    """Return a column's title with its count, e.g. "Worries (3)"."""
    return f"{COLUMN_TITLES[kind]} ({count})"


def concern_details(concern: Concern) -> str:
    """Return the second line of a concern: its traps and prediction, or its action and state."""
    parts: list[str] = []
    if concern.kind == "worry":
        parts.extend(THINKING_TRAPS[t][0].lower() for t in concern.traps if t in THINKING_TRAPS)
        if concern.balanced_thought.strip():
            parts.append("balanced thought")
        if concern.prediction:
            result = concern.prediction_result
            parts.append(PREDICTION_LABELS.get(result, "prediction") if result else "prediction")
    elif concern.kind == "error":
        if concern.action:
            parts.append("→ " + ACTIONS.get(concern.action, concern.action))
        parts.extend(_error_tag(concern.error_kind))
        if concern.resolved:
            parts.append("✓ resolved")
    else:
        parts.extend(_error_tag(concern.error_kind))
    return " · ".join(parts)


def _error_tag(error_kind: str) -> list[str]:
    """The sort of actual error as a tag, lower case; none for "other" (it says nothing)."""
    if error_kind == "other" or error_kind not in ERROR_KIND_LABELS:
        return []
    return [ERROR_KIND_LABELS[error_kind].lower()]


def concern_prompt(concern: Concern) -> Content:
    """Return how a concern is shown on the board: its text, then its details dimmed."""
    style = "strike $text-muted" if concern.kind == "error" and concern.resolved else ""
    text = safe(concern.text, single_line=True, style=style)
    details = concern_details(concern)
    if not details:
        return text
    return Content.assemble(text, "\n", ("  " + details, "dim italic"))


MOVE_KEYS: dict[str, str] = {"left": "shift+left,H", "right": "shift+right,L"}
"""The keys that move a concern to the column on its left or right."""


def _move_bindings(kind: str) -> list[Binding]:
    """Moving left and right for one column, labelled with where they take a concern (hidden
    when they take it nowhere)."""
    bindings = []
    for direction, arrow in (("left", "⇧←"), ("right", "⇧→")):
        target = MOVES.get((kind, direction))
        label = MOVE_LABELS[target] if target else ""
        bindings.append(
            Binding(
                MOVE_KEYS[direction],
                f"screen.move('{direction}')",
                label,
                show=target is not None,
                key_display=arrow,
                tooltip=f"Move it to {label}" if target else "",
            )
        )
    return bindings


class ConcernList(OptionList):
    """The concerns of one kind; the screen handles every key except moving the cursor up and
    down (left and right take the cursor to the next column, shift with them moves the concern).

    Args:
        kind: The concern kind this column holds ("unsorted", "worry" or "error").
        active: Whether it starts as the current column (class ``-active``).
    """

    DEFAULT_CSS = """
    ConcernList {
        height: 1fr; border: round $border-blurred; padding: 0 1;
        background: $surface; max-height: 100%;
    }
    ConcernList:focus { border: round $border; }
    """
    ALLOW_MAXIMIZE: ClassVar[bool] = False

    BINDINGS: ClassVar[list[BindingType]] = [
        # Moving the concern: each column relabels these for the footer in __init__.
        Binding(
            MOVE_KEYS["left"],
            "screen.move('left')",
            MOVE_LABELS["worry"],
            key_display="⇧←",
            tooltip="Move left",
        ),
        Binding(
            MOVE_KEYS["right"],
            "screen.move('right')",
            MOVE_LABELS["error"],
            key_display="⇧→",
            tooltip="Move right",
        ),
        # The list's own left/right would scroll; here they take the cursor to the next column.
        Binding("left,h", "screen.cursor(-1)", "Column left", show=False),
        Binding("right,l", "screen.cursor(1)", "Column right", show=False),
        Binding("enter", "select", "Open", tooltip="Open the concern: traps, thought, action"),
    ]

    def __init__(self, kind: str, *, active: bool = False) -> None:
        super().__init__(id=f"col-{kind}", classes="-active" if active else None)
        self.kind = kind
        """Which concerns this column holds."""
        self.border_title = column_title(kind, 0)
        # the footer names where left and right go from this column ("← Unsorted" from Worries)
        own = BindingsMap([*_move_bindings(kind), *self.BINDINGS[2:]])
        for key, bindings in self._bindings.key_to_bindings.items():
            own.key_to_bindings.setdefault(key, bindings)  # the list's own keys, after ours
        self._bindings = own

    def show(self, concerns: list[Concern], select_id: str | None = None) -> None:
        """Show these concerns, keeping the highlight on ``select_id`` or near where it was.

        Args:
            concerns: The column's concerns, in order.
            select_id: The concern to highlight, if it is in this column.
        """
        keep = select_id or self.selected_id()
        old_index = self.highlighted
        self.border_title = column_title(self.kind, len(concerns))
        if self.kind == "unsorted":
            self.border_subtitle = "⇧← worry · ⇧→ actual error · t ask two questions" if concerns else ""
        if not concerns:
            self.set_options([Option(Content.styled(EMPTY_TEXT[self.kind], "dim italic"), disabled=True)])
            return
        self.set_options([Option(concern_prompt(c), id=c.id) for c in concerns])
        ids = [c.id for c in concerns]
        if keep in ids:
            self.highlighted = ids.index(keep)
        else:
            self.highlighted = min(old_index or 0, len(ids) - 1)

    def selected_id(self) -> str | None:
        """The id of the highlighted concern, if any."""
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None
