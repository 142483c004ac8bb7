"""Every debrief of the card fixtures, in the order of their languages."""

from __future__ import annotations

from tests.domain.fixtures_cards.cases import Case
from tests.domain.fixtures_cards.english import ENGLISH
from tests.domain.fixtures_cards.french import FRENCH
from tests.domain.fixtures_cards.german import GERMAN
from tests.domain.fixtures_cards.spanish import SPANISH

CASES: tuple[Case, ...] = (*ENGLISH, *GERMAN, *SPANISH, *FRENCH)
"""Every debrief of the fixtures."""
