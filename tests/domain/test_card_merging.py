"""Keep both: two windows' words for one card in one text, the greeting and sign-off once."""

from __future__ import annotations

from followup_tui.domain.card.merging import keep_both
from followup_tui.domain.card.shaping import names_recipient

DRAFT = (
    "Dear Sarah,\n\n"
    "Thank you for meeting me on Tuesday to talk about the Data Engineer role at Acme.\n\n"
    "There is one thing I would like to add. I led the Postgres upgrade.\n\n"
    "I would love to build the pipelines your analysts rely on.\n\n"
    "Kind regards,\nJo Rivera\n"
)


def edited(old: str, new: str) -> str:
    assert old in DRAFT
    return DRAFT.replace(old, new)


def test_keeping_both_keeps_every_word_and_the_frame_once() -> None:
    mine = edited("I led the Postgres upgrade.", "I led the Postgres 16 upgrade.")
    theirs = edited("to build the pipelines", "to build the streaming pipelines")
    kept = keep_both(mine, theirs)
    assert kept.count("Dear Sarah,") == 1 and kept.count("Kind regards,") == 1
    assert kept.count("Thank you for meeting me") == 1
    assert "I led the Postgres 16 upgrade." in kept and "the streaming pipelines" in kept
    assert kept.endswith(
        "I would love to build the streaming pipelines your analysts rely on.\n\nKind regards,\nJo Rivera\n"
    )
    assert kept.startswith(mine.rstrip().rsplit("\n\n", 1)[0])  # mine whole, theirs before my sign-off


def test_a_second_greeting_does_not_make_the_card_speak_about_its_recipient() -> None:
    mine = edited("I led the Postgres upgrade.", "I led the Postgres 16 upgrade.")
    theirs = edited("I led the Postgres upgrade.", "I ran the on-call rota.")
    kept = keep_both(mine, theirs)
    assert "I ran the on-call rota." in kept and "I led the Postgres 16 upgrade." in kept
    assert not names_recipient(kept, "Sarah Klein")
    assert names_recipient(f"{mine.rstrip()}\n\n{theirs.strip()}\n", "Sarah Klein")  # as it was doubled


def test_texts_without_a_frame_are_both_kept_whole() -> None:
    assert keep_both("Sam, my words.", "Sam, their words.") == "Sam, my words.\n\nSam, their words.\n"
    assert keep_both("Sam, my words.", "Sam, my words.") == "Sam, my words.\n"
    assert keep_both("", "Their words.") == "Their words.\n"
    assert keep_both(DRAFT, DRAFT) == DRAFT


def test_their_greeting_and_sign_off_are_kept_when_mine_has_none() -> None:
    mine = "Thank you for Tuesday. I led the Postgres 16 upgrade."
    theirs = "Dear Sarah,\n\nThank you for Tuesday. I ran the on-call rota.\n\nKind regards,\nJo Rivera"
    assert keep_both(mine, theirs) == (
        "Dear Sarah,\n\nThank you for Tuesday. I led the Postgres 16 upgrade.\n\n"
        "I ran the on-call rota.\n\nKind regards,\nJo Rivera\n"
    )
