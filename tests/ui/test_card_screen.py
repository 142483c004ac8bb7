"""The card screen driven with the Pilot: editing, rebuilding, marking, choosing, exporting."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from textual.widgets import OptionList, Static, TextArea

from followup_tui.domain.card.draft import meter
from followup_tui.domain.card.warnings import phrase_warning
from followup_tui.domain.models import Card, Concern, Interview
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from followup_tui.ui.screens.card.interviewer import InterviewerDialog
from followup_tui.ui.screens.card.large import LargePrintDialog, spaced_lines
from followup_tui.ui.screens.dialog import ConfirmDialog
from followup_tui.ui.screens.save_where import SaveWhereDialog
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import until


def shown(app: FollowupApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def editor(app: FollowupApp) -> TextArea:
    return app.screen.query_one(TextArea)


def cards(repo: Repository, interview: Interview) -> dict[str, Card]:
    return {c.interviewer: c for c in repo.children(Card, interview.id)}


async def open_card(app: FollowupApp, pilot: object, interview: Interview) -> None:
    app.open_screen("card", interview.id)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, CardScreen)


@pytest.fixture
def interview(repo: Repository) -> Interview:
    return fill_card_data(repo)


async def test_opens_with_the_draft_and_creates_the_card(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        assert app.screen.title == "Thank-you card"
        text = editor(app).text
        assert "Sam," in text.splitlines()[0]
        assert "I led the Postgres upgrade at my last job" in text
        assert "I ran a Kafka cluster for two years at Fabrikam" in text
        assert shown(app, "#card-to").startswith("To Sam Okafor (1 of 2, t to change) · Northwind Labs")
        assert "to clarify" not in shown(app, "#card-state")  # both clarifications are in the draft
        assert "send by Wed 25 Nov to be on time" in shown(app, "#card-state")
        assert "fits a card" in shown(app, "#card-meter")
        assert not editor(app).has_focus
        app.saver.flush()
        stored = cards(repo, interview)
        assert list(stored) == ["Sam Okafor"]
        assert stored["Sam Okafor"].text == ""


async def test_edits_are_saved_and_measured(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("e")
        assert editor(app).has_focus
        editor(app).load_text("")
        await pilot.pause()
        await pilot.press(*"Sorry Sam")
        await pilot.pause()
        assert editor(app).text == "Sorry Sam"
        assert shown(app, "#card-meter").startswith("2 words")
        assert "short for a card" in shown(app, "#card-meter")
        assert "“sorry”" in shown(app, "#card-flags")
        assert shown(app, "#card-flags") == phrase_warning("Sorry Sam", recipient="Sam Okafor")
        assert shown(app, "#card-meter") == meter("Sorry Sam")  # what followup card prints on stderr
        app.saver.flush()
        assert cards(repo, interview)["Sam Okafor"].text == "Sorry Sam"
        await pilot.press("escape")
        assert not editor(app).has_focus
        assert isinstance(app.screen, CardScreen)


async def test_rebuild_with_edits_asks_and_cancel_keeps_them(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("e", "end", *" Thanks again!")
        await pilot.pause()
        edited = editor(app).text
        assert edited.endswith("Thanks again!") or "Thanks again!" in edited
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert editor(app).text == edited
        app.saver.flush()
        assert cards(repo, interview)["Sam Okafor"].text == edited

        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await pilot.pause()
        assert "Thanks again!" not in editor(app).text
        assert "I led the Postgres upgrade" in editor(app).text
        app.saver.flush()
        assert cards(repo, interview)["Sam Okafor"].text == ""


async def test_rebuild_without_edits_follows_the_board(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        repo.add(
            Concern(
                interview_id=interview.id,
                text="Never mentioned my German",
                kind="error",
                action="clarify-in-card",
                to_know="I speak German at work every day.",
            )
        )
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert "I speak German at work every day." in editor(app).text
        assert "Never mentioned" not in editor(app).text
        assert "to clarify" not in shown(app, "#card-state")  # the new one is in the draft too


async def test_changes_elsewhere_refresh_an_unedited_draft(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        for concern in repo.children(Concern, interview.id):
            if "Postgres" in concern.text:
                repo.update(Concern, concern.id, resolved=True)
        app.refresh_screens()  # it waits for pending saves (the card's own creation) first
        assert await until(pilot, lambda: "Postgres" not in editor(app).text)
        assert "to clarify" not in shown(app, "#card-state")  # Kafka's is in the draft


async def test_mark_written_and_sent_with_undo(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("w")
        await pilot.pause()
        assert shown(app, "#card-state").startswith("Written Wed 25 Nov · not sent")
        assert "Marked written on Wed 25 Nov. Press w again to undo." in [
            n.message for n in app._notifications
        ]
        app.saver.flush()
        assert cards(repo, interview)["Sam Okafor"].written == "2026-11-25"

        await pilot.press("s")
        await pilot.pause()
        state = shown(app, "#card-state")
        assert "sent Wed 25 Nov" in state and "send by" not in state
        app.saver.flush()
        stored = cards(repo, interview)["Sam Okafor"]
        assert (stored.written, stored.sent) == ("2026-11-25", "2026-11-25")

        await pilot.press("s")
        await pilot.pause()
        assert "not sent" in shown(app, "#card-state")
        assert "send by Wed 25 Nov" in shown(app, "#card-state")
        app.saver.flush()
        stored = cards(repo, interview)["Sam Okafor"]
        assert (stored.written, stored.sent) == ("2026-11-25", None)


async def test_sent_directly_also_marks_written(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("s")
        app.saver.flush()
        stored = cards(repo, interview)["Sam Okafor"]
        assert (stored.written, stored.sent) == ("2026-11-25", "2026-11-25")


async def test_choose_another_interviewer_keeps_each_card(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("e")
        editor(app).load_text("Dear Sam, my own card.")
        await pilot.pause()
        await pilot.press("escape", "t")
        await pilot.pause()
        assert isinstance(app.screen, InterviewerDialog)
        options = app.screen.query_one(OptionList)
        assert "Sam Okafor" in str(options.get_option_at_index(0).prompt)
        assert "edited" in str(options.get_option_at_index(0).prompt)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)
        assert editor(app).text.startswith(("Dear Dr. Brandt,", "Hello Dr. Brandt,"))
        assert shown(app, "#card-to").startswith("To Dr. Lena Brandt (2 of 2")
        app.saver.flush()
        stored = cards(repo, interview)
        assert stored["Sam Okafor"].text == "Dear Sam, my own card."
        assert stored["Dr. Lena Brandt"].text == ""

        await pilot.press("t")
        await pilot.pause()
        await pilot.press("up", "enter")
        await pilot.pause()
        assert editor(app).text == "Dear Sam, my own card."


async def test_the_next_open_starts_with_an_unsent_card(repo: Repository, interview: Interview) -> None:
    repo.add(
        Card(interview_id=interview.id, interviewer="Sam Okafor", sent="2026-11-25", written="2026-11-25")
    )
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        assert shown(app, "#card-to").startswith("To Dr. Lena Brandt")


async def test_another_wording_is_remembered(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        first = editor(app).text
        await pilot.press("a")
        await pilot.pause()
        second = editor(app).text
        assert second != first and "Postgres" in second
        app.saver.flush()
        assert cards(repo, interview)["Sam Okafor"].text == second
        await pilot.press("escape")
        await pilot.pause()
        await open_card(app, pilot, interview)
        assert editor(app).text == second
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen), "an unedited wording rebuilds without asking"
        assert editor(app).text == second


async def test_large_print_shows_the_text(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, LargePrintDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CardScreen)


def test_spaced_lines() -> None:
    """Wrapped as they show once spread: "t h r e e   f o u r" is 19 cells."""
    lines = spaced_lines("Dear Sam,\n\nOne two three four five six.\nSeven", 24)
    assert lines == ["Dear Sam,", "", "", "One two", "", "three four", "", "five six.", "", "Seven"]
    tight = spaced_lines("Dear Sam,\n\nOne two three four five six.\nSeven", 24, spaced=False)
    assert tight == ["Dear Sam,", "", "One two", "three four", "five six.", "Seven"]


@pytest.mark.parametrize("size", [(100, 30), (60, 20)])
async def test_large_print_steps_line_by_line_to_the_last(
    repo: Repository, interview: Interview, size: tuple[int, int]
) -> None:
    from textual.containers import VerticalScroll

    from followup_tui.domain.text import spread_letters
    from followup_tui.ui.screens.card.large import MARK, LargePrint

    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=size) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("v")
        await pilot.pause()
        card = app.screen.query_one(LargePrint)
        rows = card.word_rows()
        assert shown(app, "#large-title").endswith(f"line 1 of {len(rows)}")
        assert str(card.render()).startswith(MARK + spread_letters("Dear Sam,"))
        await pilot.press("down", "j")
        await pilot.pause()
        assert card.cursor == 2 and shown(app, "#large-title").endswith(f"line 3 of {len(rows)}")
        await pilot.press("k")
        assert card.cursor == 1
        for _ in rows:
            await pilot.press("space")
        await pilot.pause()
        scroll = app.screen.query_one(VerticalScroll)
        last = rows[-1]
        assert card.lines()[last] == "Jo Rivera"
        assert await until(
            pilot, lambda: scroll.scroll_y <= last < scroll.scroll_y + scroll.scrollable_content_region.height
        )
        assert MARK + spread_letters("Jo Rivera") in str(card.render())
        await pilot.press("y")
        assert app.clipboard.endswith("Jo Rivera")


async def test_exports_text_and_calendar_to_home(repo: Repository, interview: Interview) -> None:
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("E")  # asks where: the home folder at first; enter saves there
        assert await until(pilot, lambda: isinstance(app.screen, SaveWhereDialog))
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.press("C", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        home = Path.home()
        card_file = home / "northwind-labs-card-sam-okafor.txt"
        assert card_file.read_text() == editor(app).text + "\n"
        ics_file = home / "northwind-labs-calendar.ics"
        cal = icalendar.Calendar.from_ical(ics_file.read_bytes())
        assert len(cal.walk("VEVENT")) == 3
        messages = [n.message for n in app._notifications]
        assert f"Card saved to {card_file}" in messages
        assert f"Calendar saved to {ics_file}" in messages
        await pilot.press("E", "enter")
        await app.workers.wait_for_complete()
        assert (home / "northwind-labs-card-sam-okafor-2.txt").exists()


async def test_export_asks_where_and_remembers_the_folder(
    repo: Repository, interview: Interview, tmp_path: Path
) -> None:
    from textual.widgets import Input

    elsewhere = tmp_path / "cards"
    elsewhere.mkdir()
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("E")
        assert await until(pilot, lambda: isinstance(app.screen, SaveWhereDialog))
        where = app.screen.query_one("#where", Input)
        assert where.value == str(Path.home())
        await pilot.press("ctrl+u", *str(tmp_path / "missing"), "enter")  # no such folder: says so
        assert "There is no folder" in str(app.screen.query_one("#where-error", Static).render())
        await pilot.press("ctrl+u", *str(elsewhere), "enter")
        await app.workers.wait_for_complete()
        assert await until(pilot, lambda: len(list(elsewhere.iterdir())) == 1)
        (saved,) = elsewhere.iterdir()
        assert f"Card saved to {saved}" in [n.message for n in app._notifications]
        await pilot.press("C")  # the next file is offered the same folder
        assert await until(pilot, lambda: isinstance(app.screen, SaveWhereDialog))
        assert app.screen.query_one("#where", Input).value == str(elsewhere)
        await pilot.press("escape")  # cancelled: nothing written
        await app.workers.wait_for_complete()
        assert len(list(elsewhere.iterdir())) == 1
