"""One text policy: control characters and bidi overrides go, joiners (ZWJ, ZWNJ) stay, on
every path (cleaning, typing in the app, the JSON export)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult
from textual.keys import _character_to_key

from followup_tui.domain.models import (
    Interview,
)
from followup_tui.domain.text import JOINERS, one_line, strip_controls
from followup_tui.store.repository import Repository
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput

ZWJ, ZWNJ = "\u200d", "\u200c"


TECHNOLOGIST = f"👩{ZWJ}💻"


BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


REMOVED = frozenset([*CONTROLS, *BIDI])
"""Control characters (line breaks and tabs become spaces on one line) and bidi controls."""


INTRODUCERS = frozenset("\x1b\x9b\x9d")
"""Characters that start an escape sequence: the text after them, up to its end, goes too."""


_KEPT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI))


@given(st.lists(st.one_of(_KEPT, st.sampled_from(sorted(REMOVED - INTRODUCERS - {"\r"})))))
def test_controls_and_bidi_overrides_go_and_everything_else_stays(pieces: list[str]) -> None:
    text = "".join(pieces)
    cleaned = strip_controls(text, keep_newlines=False)
    kept = "".join(p for p in pieces if p not in REMOVED)
    assert cleaned == " ".join(kept.split())
    assert strip_controls(cleaned, keep_newlines=False) == cleaned


@given(st.text())
def test_no_control_or_bidi_character_survives_any_text(text: str) -> None:
    for keep_newlines in (True, False):
        cleaned = strip_controls(text, keep_newlines=keep_newlines)
        assert not (REMOVED - {"\t"}) & set(cleaned.replace("\n", ""))
        assert "\t" not in cleaned
    assert "\n" not in one_line(text)


@given(_KEPT, st.sampled_from([TECHNOLOGIST, f"می{ZWNJ}خواهم", f"क्{ZWJ}ष", "👨‍👩‍👧"]))
def test_joiners_survive_on_both_paths(prefix: str, joined: str) -> None:
    text = prefix.replace("\x1b", "") + joined
    assert joined in strip_controls(text)
    assert joined in one_line(text)
    assert set(joined) & JOINERS <= set(strip_controls(text))


@pytest.mark.parametrize("text", ["one\rtwo\rthree", "one\r\ntwo\nthree", "one\r\x07two\r\x1b[1mthree"])
def test_a_carriage_return_is_a_line_break_never_glue(text: str) -> None:
    """Many terminals paste each line ending in a carriage return: the lines stay apart."""
    assert strip_controls(text) == "one\ntwo\nthree"
    assert one_line(text) == "one two three"


def test_every_printable_character_is_kept_where_the_patterns_run() -> None:
    """Printable text skips the patterns: no printable character is one they remove (an escape
    after it sends the text through them)."""
    printable = [chr(c) for c in (*range(0x10000), *range(0x10000, 0x110000, 7)) if chr(c).isprintable()]
    removed = [char for char in printable if strip_controls(char + "\x1b") != char]
    assert len(printable) > 50_000
    assert removed == []


class _Fields(App[None]):
    def compose(self) -> ComposeResult:
        yield TextInput(id="line")
        yield TextBox(id="box")


@pytest.mark.parametrize("selector", ["#line", "#box"])
async def test_a_joiner_typed_in_the_app_is_kept(selector: str) -> None:
    app = _Fields()
    async with app.run_test() as pilot:
        app.query_one(selector).focus()
        for character in f"{TECHNOLOGIST} a{ZWNJ}b":
            # as the terminal driver sends them (Pilot.press has no character for a joiner)
            app.post_message(events.Key(_character_to_key(character), character))
            await pilot.pause()
        widget = app.query_one(selector)
        value = widget.value if isinstance(widget, TextInput) else widget.text  # type: ignore[attr-defined]
        assert value == f"{TECHNOLOGIST} a{ZWNJ}b"


def test_the_json_export_escapes_every_bidi_control_of_the_text_policy(
    repo: Repository, tmp_path: Path
) -> None:
    from followup_tui.services.exporting import export_json
    from followup_tui.services.json_import import import_json

    company = "Acme" + BIDI + TECHNOLOGIST
    repo.add(Interview(company=company))
    text = export_json(repo)
    assert not set(BIDI) & set(text), "a bidi control was written raw"
    assert TECHNOLOGIST in text, "the joiner was escaped or dropped"
    elsewhere = Repository(tmp_path / "elsewhere.json")
    import_json(elsewhere, text)
    assert [i.company for i in elsewhere.interviews()] == [company]
