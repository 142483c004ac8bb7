"""The board's words for a concern say what it is."""

from __future__ import annotations

from followup_tui.domain.models import Concern
from followup_tui.ui.screens.board.column import concern_details


def test_an_error_in_an_answer_says_it_was_my_answer() -> None:
    details = concern_details(Concern(text="I said 40 people", kind="error", error_kind="answer"))
    assert details.split(" · ")[-1] == "my answer"


def test_every_kind_of_error_but_other_has_a_tag_of_more_than_one_word() -> None:
    for kind in ("forgot-to-ask", "not-learned", "felt-off", "answer"):
        tag = concern_details(Concern(text="x", kind="error", error_kind=kind)).split(" · ")[-1]
        assert len(tag.split()) >= 2, kind
    assert concern_details(Concern(text="x", kind="error", error_kind="other")) == ""
