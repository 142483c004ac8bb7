"""Stacked titles in a greeting: the highest only, as a reader of the card's language expects."""

from __future__ import annotations

import pytest

from followup_tui.domain.card.names import greeting
from followup_tui.domain.card.wordings import frame_for


@pytest.mark.parametrize(
    ("lang", "address", "first_line"),
    [
        ("de", "Herr Prof. Dr. Meier", "Lieber Herr Professor Meier,"),
        ("de", "Frau Prof. Dr. Dr. Meier", "Liebe Frau Professorin Meier,"),
        ("de", "Frau Prof. Meier", "Liebe Frau Professorin Meier,"),
        ("de", "Herr Dr. Meier", "Lieber Herr Dr. Meier,"),
        ("de", "Herr Dipl.-Ing. Dr. Huber", "Lieber Herr Dr. Huber,"),
        ("de", "Prof. Dr. Meier", "Guten Tag Prof. Meier,"),
        ("en", "Prof. Dr. Okafor", "Dear Prof. Okafor,"),
        ("es", "Sr. Dr. García", "Estimado Dr. García:"),
        ("es", "Sra. Dra. Marín", "Estimada Dra. Marín:"),
        ("fr", "M. Pr Dr Martin", "Cher Monsieur le Professeur Martin,"),
        ("fr", "Mme Dr Martin", "Chère Madame la Docteure Martin,"),
    ],
)
def test_a_greeting_keeps_the_highest_title_only(lang: str, address: str, first_line: str) -> None:
    frame = frame_for(lang)
    assert first_line in {greeting(wording, frame, address, "") for wording in frame.wordings}


def test_the_second_german_wording_says_sehr_geehrter_herr_professor() -> None:
    frame = frame_for("de")
    assert (
        greeting(frame.wordings[1], frame, "Herr Prof. Dr. Meier", "")
        == "Sehr geehrter Herr Professor Meier,"
    )
