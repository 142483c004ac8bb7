"""What ``u`` on the board takes back: a move, a delete or a reorder, with what it was before."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from followup_tui.domain.models import Concern

UndoKind = Literal["move", "delete", "reorder"]
"""What ``u`` takes back."""


@dataclass
class Undo:
    """One change ``u`` can take back: a move, a delete or a reorder."""

    what: UndoKind
    """What was done."""
    concern: Concern
    """The concern moved, deleted or reordered."""
    before: dict[str, Any] = field(default_factory=dict)
    """A move: the fields it changed, as they were."""
    order: list[str] = field(default_factory=list)
    """A reorder: every concern id in the order before it."""


def order_before(undo: Undo, concerns: list[Concern]) -> list[Concern]:
    """The concerns in the order a reorder found them (any added since come last)."""
    by_id = {c.id: c for c in concerns}
    restored = [by_id[i] for i in undo.order if i in by_id]
    return [*restored, *(c for c in concerns if c.id not in undo.order)]
