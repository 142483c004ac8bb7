"""How many words the card has room for in one error's "what I want them to know"."""

from __future__ import annotations

from followup_tui.domain.models import Concern
from followup_tui.services.card_inputs import room_to_know
from followup_tui.store.repository import Repository
from tests.conftest import FIXED_NOW
from tests.helpers.board_seed import seed_interview


def test_the_room_is_the_cards_limit_less_the_card_without_this_sentence(repo: Repository) -> None:
    interview = seed_interview(repo)
    error = next(c for c in repo.children(Concern, interview.id) if c.action == "clarify-in-card")
    empty = room_to_know(repo, error, FIXED_NOW)
    repo.update(Concern, error.id, to_know="I ran the on-call rota for two years.")
    assert room_to_know(repo, repo.get(Concern, error.id), FIXED_NOW) == empty  # its own words aside
    assert 0 < empty < 90
