"""Drafting a card's text in one call, for the tests that read only the text."""

from __future__ import annotations

from typing import Any

from followup_tui.domain.card.draft import draft_card


def build_draft(*args: Any, **kwargs: Any) -> str:
    """The text of ``draft_card`` with the same arguments."""
    return draft_card(*args, **kwargs).text
