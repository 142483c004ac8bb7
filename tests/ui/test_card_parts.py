"""The card's own sentences on the card screen: listed when missing, written with one key, copied."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import Input, Static, TextArea

from followup_tui.domain.card.draft import SIGNER_SETTING, CardPart
from followup_tui.domain.card.guard import topic_hint
from followup_tui.domain.models import Concern, Interview
from followup_tui.services.actions import keep_part, part_words, signer
from followup_tui.store.repository import Repository
from followup_tui.ui.app import FollowupApp
from followup_tui.ui.screens.card.card import CardScreen
from followup_tui.ui.screens.card.sentence import SentenceDialog
from tests.conftest import FIXED_NOW
from tests.helpers.card_fixtures import fill_card_data
from tests.helpers.wait import settle, until


def shown(app: FollowupApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).content)


def card_text(app: FollowupApp) -> str:
    return app.screen.query_one(TextArea).text


async def open_card(app: FollowupApp, pilot: object, interview: Interview) -> None:
    app.open_screen("card", interview.id)
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, CardScreen)


def test_parts_are_kept_where_they_belong(repo: Repository) -> None:
    interview = fill_card_data(repo, written=False)
    kafka = next(c for c in repo.children(Concern, interview.id) if "Kafka" in c.text)
    for part, words in (
        (CardPart("error", "Kafka", kafka.id), "I ran Kafka for two years."),
        (CardPart("moment", "moment"), "the tour of the office"),
        (CardPart("drive", "drive"), "I want to build billing right."),
        (CardPart("name", "name"), "Jo Rivera"),
    ):
        keep_part(repo, interview.id, part, words)
        assert part_words(repo, repo.get(Interview, interview.id), part) == words
    assert repo.get(Concern, kafka.id).to_know == "I ran Kafka for two years."
    assert repo.debrief(interview.id).worth_mentioning == "the tour of the office"
    assert repo.get(Interview, interview.id).why_this_job == "I want to build billing right."
    assert signer(repo) == repo.setting(SIGNER_SETTING) == "Jo Rivera"


async def test_missing_sentences_are_listed_and_written_one_key_each(repo: Repository) -> None:
    interview = fill_card_data(repo, written=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        missing = shown(app, "#card-missing")
        assert missing.startswith("1 error has nothing to say yet: I said I had no Kafka experience")
        assert "a moment worth mentioning (debrief)" in missing and "your name to sign with" in missing
        assert "Kafka" not in card_text(app) and "I said I had" not in card_text(app)

        answers = [
            "I ran a Kafka cluster for two years.",
            "hearing about the billing roadmap",
            "I want to build systems people trust.",
            "Jo Rivera",
        ]
        for words in answers:
            await pilot.press("m")
            assert await until(pilot, lambda: isinstance(app.screen, SentenceDialog))
            app.screen.query_one(Input).value = words
            await pilot.press("enter")
            await settle(app, pilot)
            assert await until(pilot, lambda: isinstance(app.screen, CardScreen))
        assert await until(pilot, lambda: "Jo Rivera" in card_text(app))
        text = card_text(app)
        assert "I ran a Kafka cluster for two years." in text
        assert "enjoyed hearing about the billing roadmap." in text
        ending = text.rstrip().split("\n\n")[-2:]  # the drive then a closing line, then the sign-off
        assert ending[0].startswith("I want to build systems people trust. ")
        assert ending[1].endswith("\nJo Rivera")
        assert not app.screen.query_one("#card-missing").display
        assert repo.setting(SIGNER_SETTING) == "Jo Rivera"


async def test_a_sentence_about_pay_is_left_out_and_said_so(repo: Repository) -> None:
    interview = fill_card_data(repo)
    repo.update(Interview, interview.id, why_this_job="I want the better salary.")
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        assert "salary" not in card_text(app)
        assert "Left out, it mentions pay: why I want this job (Prep)" in shown(app, "#card-missing")


async def test_no_card_before_the_interview(repo: Repository) -> None:
    interview = repo.add(Interview(company="Later Ltd", when="2027-02-03 10:00"))
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_card(app, pilot, interview)
        note = shown(app, "#card-not-yet")
        assert note.startswith("No card yet.") and "Wed 03 Feb 2027" in note
        assert not app.screen.query_one(TextArea).display
        await pilot.press("m", "y", "e")
        assert isinstance(app.screen, CardScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, CardScreen)


async def test_late_card_says_the_rule(repo: Repository) -> None:
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: datetime(2026, 11, 26, 0, 5), watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        assert "late: a card is on time by the end of the day after the interview" in shown(
            app, "#card-state"
        )


async def test_y_copies_the_card_to_the_clipboard(repo: Repository) -> None:
    interview = fill_card_data(repo)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == card_text(app).strip()
        assert app.clipboard.startswith("Dear Sam,") and app.clipboard.endswith("Jo Rivera")


async def test_prep_asks_why_i_want_this_job_once(repo: Repository) -> None:
    interview = fill_card_data(repo, written=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("prep", interview.id)
        await pilot.pause()
        field = app.screen.query_one("#why-this-job", Input)
        field.focus()
        await pilot.press(*"I like billing")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not field.has_focus
    assert repo.get(Interview, interview.id).why_this_job == "I like billing"


async def test_the_debrief_asks_for_a_moment_worth_mentioning(repo: Repository) -> None:
    interview = fill_card_data(repo, written=False)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        app.open_screen("debrief", interview.id)
        await pilot.pause()
        app.screen.query_one("#worth_mentioning", TextArea).focus()
        await pilot.press(*"the roadmap talk")
        await settle(app, pilot)
    assert repo.debrief(interview.id).worth_mentioning == "the roadmap talk"


async def test_a_sentence_being_written_is_kept_as_a_draft_and_escape_asks(repo: Repository) -> None:
    """ctrl+q or a hang-up in the middle of a sentence keeps it; escape asks before dropping it."""
    from followup_tui.services import actions
    from followup_tui.ui.screens.dialog import ConfirmDialog

    interview = fill_card_data(repo, written=False)
    kafka = next(c for c in repo.children(Concern, interview.id) if "Kafka" in c.text)
    key = actions.kept_input_key("card-part", interview.id, "error", kafka.id)
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_card(app, pilot, interview)
        await pilot.press("m")
        assert await until(pilot, lambda: isinstance(app.screen, SentenceDialog))
        await pilot.press(*"I ran Kafka")
        await settle(app, pilot)
        assert actions.kept_input(repo, key) == {"sentence": "I ran Kafka"}  # stored as typed
        await pilot.press("escape")
        assert await until(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        await pilot.press("n")  # keep editing
        assert await until(pilot, lambda: isinstance(app.screen, SentenceDialog))
        app.screen.dismiss(None)  # as if the app had been closed with the dialog open
        await settle(app, pilot)
        await pilot.press("m")  # the same part again: the words come back
        assert await until(pilot, lambda: isinstance(app.screen, SentenceDialog))
        assert await until(pilot, lambda: app.screen.query_one(Input).value == "I ran Kafka")
        await pilot.press(*" for two years.", "enter")
        await settle(app, pilot)
        assert actions.kept_input(repo, key) is None
    assert repo.get(Concern, kafka.id).to_know == "I ran Kafka for two years."


async def test_what_is_left_out_is_said_on_the_screen_in_the_cards_language(repo: Repository) -> None:
    interview = fill_card_data(repo, interviewers=1)
    repo.update(Interview, interview.id, language="de")
    repo.update_debrief(interview.id, worth_mentioning="Wegen meiner Migräne war ich sehr müde.")
    app = FollowupApp(repo, clock=lambda: FIXED_NOW, watch=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_card(app, pilot, interview)
        missing = shown(app, "#card-missing")
        assert "Left out, it mentions health: a moment worth mentioning (debrief)." in missing
        assert topic_hint("health", "de") in missing  # the screen's words English, the hint German
        assert "Migräne" not in card_text(app)
