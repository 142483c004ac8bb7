"""A delete on one device and an edit on the other: both devices agree, and nothing comes back
from the dead."""

from __future__ import annotations

from tests.helpers.devices import Device
from tests.helpers.syncthing import Pair


def _own_question(pair: Pair, laptop: Device, phone: Device, text: str) -> str:
    """A question of the bank added on the laptop that both hold; its id."""
    questions = pair.laptop.folder.parent / "questions.md"
    questions.write_text(f"# Team\n\n- {text}\n")
    laptop.followup("import-questions", str(questions))
    question = laptop.followup("bank", "list", "--mine").splitlines()[1].split()[0]  # "  ID * text"
    pair.settle(lambda: _mine(phone), [question], "the question on the phone")
    return question


def _mine(device: Device) -> list[str]:
    """The ids of the device's own questions."""
    lines = device.followup("bank", "list", "--mine").splitlines()
    return [line.split()[0] for line in lines if line.startswith("  ")]


def test_a_delete_reaches_the_other_device_and_its_later_writes_do_not_bring_it_back(
    pair: Pair, laptop: Device, phone: Device, interview: str
) -> None:
    question = _own_question(pair, laptop, phone, "How does the team review code?")
    laptop.followup("bank", "rm", question)
    pair.settle(lambda: (_mine(laptop), _mine(phone)), ([], []), "the question gone on both")

    phone.followup("note", "Written after the delete arrived", "--interview", interview)
    pair.settle(
        lambda: laptop.notes(), ["Written after the delete arrived"], "the phone's note on the laptop"
    )
    assert (_mine(laptop), _mine(phone)) == ([], [])


def test_an_edit_made_after_a_delete_on_the_other_offline_device_is_not_lost(
    pair: Pair, laptop: Device, phone: Device
) -> None:
    question = _own_question(pair, laptop, phone, "How does the team review code?")
    pair.offline(pair.phone)
    laptop.followup("bank", "rm", question)
    phone.followup("bank", "edit", question, "--text", "Who reviews code, and how fast?")  # later
    pair.online(pair.phone)

    pair.settle(
        lambda: (laptop.followup("bank", "list", "--mine"), phone.followup("bank", "list", "--mine")),
        (f"Team\n  {question} * Who reviews code, and how fast?",) * 2,
        "the edited question on both devices",
    )


def test_a_delete_keeps_an_edit_it_had_not_seen_on_both_devices(
    pair: Pair, laptop: Device, phone: Device
) -> None:
    # a deletion removes only the versions it had seen (docs/data-format.md): the phone's edit,
    # made offline before the delete, was never seen by it, so nothing typed is dropped
    question = _own_question(pair, laptop, phone, "How does the team review code?")
    pair.offline(pair.phone)
    phone.followup("bank", "edit", question, "--text", "Who reviews code, and how fast?")
    laptop.followup("bank", "rm", question)  # later, without the phone's edit
    pair.online(pair.phone)

    pair.settle(
        lambda: (laptop.followup("bank", "list", "--mine"), phone.followup("bank", "list", "--mine")),
        (f"Team\n  {question} * Who reviews code, and how fast?",) * 2,
        "the phone's edit kept on both devices",
    )
    laptop.followup("bank", "rm", question)  # deleted again, now having seen the edit: gone for good
    pair.settle(lambda: (_mine(laptop), _mine(phone)), ([], []), "the question deleted on both")
