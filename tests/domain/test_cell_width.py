"""Terminal cell widths of user text: wide (CJK) characters take two cells, marks none."""

from __future__ import annotations

from followup_tui.domain.text import cell_width, fit_cells, pad_cells


def test_wide_characters_count_two_cells() -> None:
    assert cell_width("Acme") == 4
    assert cell_width("株式会社") == 8
    assert cell_width("e\u0301") == 1  # e with a combining acute accent


def test_fit_cells_keeps_text_that_fits() -> None:
    assert fit_cells("株式会社", 8) == "株式会社"


def test_fit_cells_cuts_by_cells_with_an_ellipsis() -> None:
    cut = fit_cells("株式会社ソニー", 8)
    assert cut == "株式会…"
    assert cell_width(cut) <= 8


def test_fit_cells_never_splits_a_wide_character_over_the_edge() -> None:
    cut = fit_cells("a株式会社", 5)
    assert cut == "a株…"
    assert cell_width(cut) == 4


def test_pad_cells_gives_exactly_the_width() -> None:
    assert cell_width(pad_cells("株式", 10)) == 10
    assert cell_width(pad_cells("株式会社ソニー株式会社", 10)) == 10
