"""Edits on both devices while the phone is offline: none is lost when it comes back.

Before issue 21, one note of the two vanished on both devices, with no conflict copy.
"""

from __future__ import annotations

from tests.helpers.devices import Device
from tests.helpers.syncthing import Pair
from tests.sync.conftest import PAST

CONFLICTS = """
import json
from followup_tui.services.actions import field_conflicts
from followup_tui.store.locations import resolve_data_file
from followup_tui.store.repository import Repository
rows = field_conflicts(Repository(resolve_data_file()))
print(json.dumps(sorted([c.field, c.shown_text, c.other_text] for c in rows)))
"""
"""Prints the field conflicts this device holds: field, text shown, the other text."""


def test_a_note_on_each_side_while_offline_both_reach_both(
    pair: Pair, laptop: Device, phone: Device, interview: str
) -> None:
    pair.offline(pair.phone)
    laptop.followup("note", "Laptop: forgot to ask about the team", "--interview", interview)
    phone.followup("note", "Phone: the salary question felt off", "--interview", interview)
    pair.online(pair.phone)

    both = ["Laptop: forgot to ask about the team", "Phone: the salary question felt off"]
    pair.settle(lambda: (laptop.notes(), phone.notes()), (both, both), "both notes on both devices")


def test_an_outcome_on_each_side_while_offline_both_are_kept(
    pair: Pair, laptop: Device, phone: Device, interview: str
) -> None:
    other = laptop.followup("add", "Globex", "--when", PAST)
    pair.settle(lambda: len(phone.outcomes()), 2, "the second interview on the phone")
    pair.offline(pair.phone)
    laptop.followup("outcome", interview, "offer")
    phone.followup("outcome", other, "rejected")
    pair.online(pair.phone)

    expected = {"Acme": "offer", "Globex": "rejected"}
    pair.settle(lambda: (laptop.outcomes(), phone.outcomes()), (expected, expected), "both outcomes on both")


def test_the_same_text_edited_on_both_sides_keeps_the_other_text_as_a_conflict(
    pair: Pair, laptop: Device, phone: Device
) -> None:
    questions = pair.laptop.folder.parent / "questions.md"
    questions.write_text("# Team\n\n- How does the team review code?\n")
    laptop.followup("import-questions", str(questions))
    mine = laptop.followup("bank", "list", "--mine").splitlines()[1].split()[0]  # "  ID * text"
    pair.settle(lambda: phone.followup("bank", "list", "--mine").count(mine), 1, "the question on the phone")

    pair.offline(pair.phone)
    laptop.followup("bank", "edit", mine, "--text", "How does the team review code, and how fast?")
    phone.followup("bank", "edit", mine, "--text", "Who reviews code on the team?")  # the later edit
    pair.online(pair.phone)

    expected = [["text", "Who reviews code on the team?", "How does the team review code, and how fast?"]]
    pair.settle(
        lambda: (laptop.python(CONFLICTS), phone.python(CONFLICTS)),
        (expected, expected),
        "the later text shown and the other kept, on both devices",
    )
    for device in (laptop, phone):
        assert "Who reviews code on the team?" in device.followup("bank", "list", "--mine")
