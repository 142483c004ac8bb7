"""Sanitising user text before it is shown or written where a terminal may read it.

The one policy, for the app and the command line alike: escape sequences, control characters
(C0 but line breaks and tabs, DEL, C1), bidirectional overrides, embeddings, isolates and marks,
and lone surrogates are removed; every other character is kept as typed, including the
zero-width joiner and non-joiner that emoji sequences (👩‍💻) and scripts such as Persian or
Devanagari need. Pure string functions with no Textual import: the CLI and exports use them
too. The UI wraps the result in ``Content`` (see ``followup_tui.ui.display``) so it is never
parsed as markup, and its text fields accept typed joiners (``followup_tui.ui.widgets``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

_ESCAPE_SEQUENCE = r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI ... final byte
    | \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL or ST
    | \x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?       # DCS, SOS, PM, APC ... ST
    | \x9b[0-?]*[ -/]*[@-~]            # 8-bit CSI
    | \x9d[^\x07\x9c]*(?:\x07|\x9c)?   # 8-bit OSC
    | \x1b[ -/]*[0-~]?                 # any other escape
    """
JOINERS = frozenset("\u200c\u200d")
"""The zero-width non-joiner and joiner: kept, typed or pasted, everywhere."""

BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
"""Bidirectional marks, embeddings, overrides and isolates (as a regex class body): removed,
since they can make text read in a different order than it is stored."""

_CONTROL = f"[\x00-\x08\x0b-\x1f\x7f-\x9f{BIDI_CONTROLS}\ud800-\udfff]"


@functools.cache
def _removed() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The escape sequences and the control characters to remove, compiled on first use (a
    short process such as ``followup note`` often shows only printable text)."""
    return re.compile(_ESCAPE_SEQUENCE, re.VERBOSE), re.compile(_CONTROL)


def strip_controls(value: str, keep_newlines: bool = True) -> str:
    """Remove escape sequences, control characters and bidi overrides from user text.

    Args:
        value: Text the user typed or pasted.
        keep_newlines: Keep line breaks and tabs; otherwise they become single spaces.

    Returns:
        Text that is safe to put in front of a terminal.
    """
    if value.isprintable():  # every character either pattern removes is one it is not
        text = value
    else:
        escapes, controls = _removed()
        # a carriage return is a line break (many terminals paste each line ending in one), so
        # it becomes one before the control characters go: lines are never glued together
        lines = value.replace("\r\n", "\n").replace("\r", "\n")
        text = controls.sub("", escapes.sub("", lines))
    return text.replace("\t", "    ") if keep_newlines else " ".join(text.split())


def one_line(value: str, width: int | None = None) -> str:
    """Return user text as one clean line, shortened with an ellipsis to ``width`` terminal cells
    if given (a wide CJK character or emoji takes two)."""
    text = strip_controls(value, keep_newlines=False)
    return text if width is None else fit_cells(text, width)


def word_count(value: str) -> int:
    """Count the words in a text as a person would (runs of letters, digits or marks)."""
    return len(re.findall(r"\w[\w'’-]*", value))


@functools.lru_cache(maxsize=4096)
def _char_cells(char: str) -> int:
    """Return how many terminal cells one character takes (0, 1 or 2)."""
    import unicodedata  # loaded for the first text outside ASCII (a command never needs it)

    if unicodedata.combining(char) or char in JOINERS or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def cell_width(text: str) -> int:
    """Return how many terminal cells ``text`` takes: wide (CJK) characters count two."""
    if text.isascii():  # every ASCII character takes one cell (the home list asks for hundreds)
        return len(text)
    return sum(_char_cells(char) for char in text)


def fit_cells(text: str, width: int) -> str:
    """Return ``text`` cut to at most ``width`` terminal cells, ending in "…" when cut.

    Args:
        text: One line of text (see ``one_line``).
        width: The cells available.

    Returns:
        The text unchanged when it fits, else its longest start that fits with "…" after it.
    """
    if cell_width(text) <= width:
        return text
    if width <= 0:
        return ""
    return (text[: width - 1] if text.isascii() else _head_cells(text, width - 1)) + "…"


def _head_cells(text: str, room: int) -> str:
    """The longest start of ``text`` that takes at most ``room`` cells."""
    used = 0
    for index, char in enumerate(text):
        used += _char_cells(char)
        if used > room:
            return text[:index]
    return text


def pad_cells(text: str, width: int) -> str:
    """Return ``text`` fitted to ``width`` cells and padded with spaces to exactly that width."""
    fitted = fit_cells(text, width)
    return fitted + " " * (width - cell_width(fitted))


def spread_letters(text: str) -> str:
    """Return one line with a space between its letters and three between its words, to read
    from afar ("T h a n k   y o u"). Wide (CJK) characters, already two cells each, stay
    together; marks and joiners stay with the letter they belong to."""
    out: list[str] = []
    previous = 0
    for char in text:
        cells = _char_cells(char)
        if out and cells and previous and not (cells == 2 and previous == 2):
            out.append(" ")
        out.append(char)
        previous = cells
    return "".join(out)


def _spread_cells(word: str) -> int:
    return cell_width(spread_letters(word))


def wrap_cells(text: str, width: int, *, spread: bool = False) -> list[str]:
    """Wrap one paragraph into lines of at most ``width`` terminal cells.

    Lines break at spaces; a word wider than a line (a URL, or Chinese or Japanese written
    without spaces) is cut where the line is full. Runs of spaces become one.

    Args:
        text: One paragraph (no line breaks).
        width: The cells a line may take (at least one is used).
        spread: Measure each line as ``spread_letters`` will show it (the lines returned
            are not spread).

    Returns:
        The lines, none for a blank paragraph.
    """
    width = max(width, 1)
    measure = _spread_cells if spread else cell_width
    gap = 3 if spread else 1
    lines: list[str] = []
    line, used = "", 0
    for word in text.split():
        size = measure(word)
        if line and used + gap + size <= width:
            line, used = f"{line} {word}", used + gap + size
            continue
        if line:
            lines.append(line)
        while size > width:
            head = _head_measured(word, width, measure)
            lines.append(head)
            word = word[len(head) :]
            size = measure(word)
        line, used = word, size
    if line:
        lines.append(line)
    return lines


def _head_measured(word: str, room: int, measure: Callable[[str], int]) -> str:
    """The longest start of ``word`` that ``measure`` puts in ``room`` cells (one character at
    least)."""
    if measure is cell_width:
        return _head_cells(word, room) or word[0]
    end = 1
    while end < len(word) and measure(word[: end + 1]) <= room:
        end += 1
    return word[:end]


def cut_between_words(text: str, width: int) -> str:
    """Return ``text`` in at most ``width`` cells, cut after a whole word with "…" (never in the
    middle of one, unless its first word alone is too long)."""
    if cell_width(text) <= width:
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        while len(words) > 1 and words[-1].isdigit():  # "12" alone, without what it counts
            words.pop()
        kept = " ".join(words).rstrip(" ·")
        if cell_width(kept) + 1 <= width:
            return kept + "…"
    return fit_cells(text, width)
