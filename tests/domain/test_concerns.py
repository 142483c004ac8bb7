"""A concern's stored row made without the model (``followup note``) is the model's row."""

from __future__ import annotations

from typing import Any

import pytest

from followup_tui.domain.concerns import CONCERN_KINDS, new_concern_row
from followup_tui.domain.models import Concern, ValidationError
from followup_tui.domain.vocabulary import CONCERN_TEXT_LIMIT

TEXTS = [
    "I never asked about the on-call rota",
    "  spaced out  ",
    "two\nlines",
    "[/] [@click=app.quit]x[/]",
    "\x1b[31mred\x1b[0m",
    "lone \ud800 surrogate",
    "é" * CONCERN_TEXT_LIMIT,
]


@pytest.mark.parametrize("kind", CONCERN_KINDS)
@pytest.mark.parametrize("text", TEXTS)
def test_the_row_is_the_models_row(text: str, kind: str) -> None:
    assert new_concern_row(text, kind) == Concern(text=text, kind=kind).to_record()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("", "unsorted"),
        (" \n\t", "worry"),
        ("x" * (CONCERN_TEXT_LIMIT + 1), "error"),
        ("fine", "bogus"),
        ("fine", ""),
        (42, "unsorted"),
        (None, "unsorted"),
    ],
)
def test_a_value_the_model_refuses_is_refused_with_its_words(text: Any, kind: Any) -> None:
    with pytest.raises(ValidationError) as by_model:
        Concern(text=text, kind=kind)
    with pytest.raises(ValidationError) as by_row:
        new_concern_row(text, kind)
    assert str(by_row.value) == str(by_model.value)
