"""Small edges: a closed pipe, dates far from today, ``ics -o`` over a file, one text policy."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from textual import events
from textual.app import App, ComposeResult
from textual.keys import _character_to_key

from followup_tui.domain.calendar import build_calendar
from followup_tui.domain.models import (
    EARLIEST_YEAR,
    LATEST_YEAR,
    WHEN_FORMAT,
    Interview,
    ValidationError,
    parse_when,
)
from followup_tui.domain.text import JOINERS, one_line, strip_controls
from followup_tui.store.repository import Repository
from followup_tui.ui.widgets.text_box import TextBox
from followup_tui.ui.widgets.text_input import TextInput
from tests.conftest import FIXED_NOW
from tests.helpers.wait import settle, until

ZWJ, ZWNJ = "\u200d", "\u200c"
TECHNOLOGIST = f"👩{ZWJ}💻"


def _cli(db: Path, *args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "followup_tui", "--db", str(db), *args],
        capture_output="stdout" not in kwargs,
        text=True,
        timeout=60,
        **kwargs,  # type: ignore[call-overload]
    )


# -- a closed pipe ---------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["export"], ["path"]], ids=" ".join)
def test_a_reader_that_went_away_ends_the_command_quietly(db_path: Path, args: list[str]) -> None:
    Repository(db_path).add(Interview(company="Acme", when="2026-01-05 10:00"))
    read_end, write_end = os.pipe()
    os.close(read_end)  # like `| head -n 1` once head has its line
    try:
        result = subprocess.run(
            [sys.executable, "-m", "followup_tui", "--db", str(db_path), *args],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode in (0, 141), result.stderr
    assert result.stderr == "", result.stderr


# -- dates within a documented range ---------------------------------------------------------------


@pytest.mark.parametrize("when", ["0001-01-01 00:00", "9999-12-31 23:59", "1969-12-31 23:00", "3000-01-01"])
def test_dates_far_from_today_are_refused_where_they_are_typed(db_path: Path, when: str) -> None:
    with pytest.raises(ValidationError, match="out of range"):
        parse_when(when)
    with pytest.raises(ValidationError):
        Interview(company="Acme", when=when)
    result = _cli(db_path, "add", "Acme", "--when", when)
    assert result.returncode == 1 and "out of range" in result.stderr and result.stderr.count("\n") == 1
    assert not db_path.exists()


@pytest.mark.parametrize("when", ["0001-01-01 00:00", "9999-12-31 23:59"])
def test_a_stored_date_out_of_range_reads_as_no_date_and_ics_works(db_path: Path, when: str) -> None:
    from tinydb import TinyDB

    db_path.parent.mkdir()
    with TinyDB(db_path) as plain:  # edited by hand or by another program
        plain.table("interviews").insert({"id": "abcde", "company": "Acme", "when": when})
    assert Repository(db_path).get(Interview, "abcde").when is None
    result = _cli(db_path, "ics", "abcde")
    assert result.returncode == 0, result.stderr
    assert "BEGIN:VCALENDAR" in result.stdout


@settings(max_examples=60, deadline=None)
@given(st.datetimes(min_value=datetime(EARLIEST_YEAR, 1, 1), max_value=datetime(LATEST_YEAR, 12, 31, 23, 59)))
def test_every_date_in_range_is_accepted_and_makes_a_calendar(moment: datetime) -> None:
    when = moment.strftime(WHEN_FORMAT)
    assert parse_when(when) == when
    interview = Interview(id="abcde", company="Acme", when=when)
    assert build_calendar(interview, FIXED_NOW).startswith(b"BEGIN:VCALENDAR")


# -- ics -o and --force ----------------------------------------------------------------------------


def test_ics_refuses_an_existing_file_unless_forced(db_path: Path, tmp_path: Path) -> None:
    interview = Repository(db_path).add(Interview(company="Acme", when="2026-01-05 10:00"))
    target = tmp_path / "reminders.ics"
    target.write_text("mine")
    refused = _cli(db_path, "ics", interview.id, "-o", str(target))
    assert refused.returncode == 1 and "--force" in refused.stderr
    assert target.read_text() == "mine"
    forced = _cli(db_path, "ics", interview.id, "-o", str(target), "--force")
    assert forced.returncode == 0, forced.stderr
    assert target.read_text().startswith("BEGIN:VCALENDAR")


# -- one text policy -------------------------------------------------------------------------------

BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
CONTROLS = [chr(c) for c in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]
REMOVED = frozenset([*CONTROLS, *BIDI])
"""Control characters (line breaks and tabs become spaces on one line) and bidi controls."""

INTRODUCERS = frozenset("\x1b\x9b\x9d")
"""Characters that start an escape sequence: the text after them, up to its end, goes too."""

_KEPT = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=BIDI))


@given(st.lists(st.one_of(_KEPT, st.sampled_from(sorted(REMOVED - INTRODUCERS)))))
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


@pytest.mark.parametrize("when", ["0001-01-01", "9999-12-31 23:59"])
async def test_the_app_form_refuses_a_date_out_of_range(repo: Repository, when: str) -> None:
    from textual.widgets import Static

    from followup_tui.ui.app import FollowupApp
    from followup_tui.ui.screens.interview.form import InterviewFormDialog

    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n", *"Acme", "tab", "tab", *when, "ctrl+s")
        error = app.screen.query_one("#when-error", Static)
        assert await until(pilot, lambda: error.has_class("-shown"))
        assert isinstance(app.screen, InterviewFormDialog)
        assert f"dates go from {EARLIEST_YEAR} to {LATEST_YEAR}" in str(error.render())
        await settle(app, pilot)
    assert repo.interviews() == []


def test_an_imported_date_out_of_range_is_not_stored(db_path: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(
        '{"format": "followup-export", "version": 1, '
        '"interviews": [{"id": "abcde", "company": "Acme", "when": "9999-12-31 23:59"}]}'
    )
    result = _cli(db_path, "import", str(export))
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    tables = json.loads(db_path.read_text()) if db_path.exists() else {}
    stored = [row.get("when") for row in tables.get("interviews", {}).values()]
    assert "9999-12-31 23:59" not in stored
    if stored:
        assert _cli(db_path, "ics", "abcde").returncode == 0


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
