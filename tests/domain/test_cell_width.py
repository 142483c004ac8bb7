"""Terminal cell widths of user text: wide (CJK) characters take two cells, marks none."""

from __future__ import annotations

from followup_tui.domain.text import cell_width, fit_cells, pad_cells, spread_letters, wrap_cells


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


def test_spread_letters_spaces_letters_and_words_and_keeps_wide_text_and_marks_together() -> None:
    assert spread_letters("Hi you.") == "H i   y o u ."
    assert spread_letters("面接の") == "面接の"  # two cells each already
    assert spread_letters("Zoe\u0308") == "Z o e\u0308"  # the mark stays on its letter
    assert spread_letters("👩\u200d💻") == "👩\u200d💻"  # a joined emoji stays one


def test_wrap_cells_spread_measures_lines_as_they_show() -> None:
    lines = wrap_cells("One two three four", 20, spread=True)
    assert lines == ["One two", "three four"]
    assert all(cell_width(spread_letters(line)) <= 20 for line in lines)
