"""The merge of device files, proved on generated histories (hypothesis).

A history is made the way devices make it: each device starts from what it last read, edits
records (stamped by its own clock, which may run ahead or behind), deletes some, and now and
then reads another device's file and merges it. The properties then hold for any such files:
merging is commutative, associative and idempotent, duplicated files change nothing, and no
text typed anywhere is lost unless a device that had seen it replaced it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from followup_tui.domain.conflicts import find_conflicts, settled_text
from followup_tui.domain.sync.replicas import is_data_table, merge_replicas, stamps_of
from tests.helpers.sync_histories import Device, Tables, drop, play, put, skews, steps


def _content(tables: Tables) -> dict[str, Any]:
    """What a user sees: every data table's records by id, and the texts waiting beside them."""
    shown = {
        name: {doc["id"]: doc for doc in table.values()}
        for name, table in tables.items()
        if is_data_table(name)
    }
    return {"records": shown, "conflicts": sorted(c.id for c in find_conflicts(tables))}


@settings(max_examples=150, deadline=None)
@given(steps, skews)
def test_merging_is_commutative_associative_and_idempotent(history: list[Any], skew: tuple[int, ...]) -> None:
    devices, _typed = play(history, skew)
    a, b, c = (d.tables for d in devices)
    ab = merge_replicas([a, b])
    assert _content(ab) == _content(merge_replicas([b, a]))
    left = merge_replicas([ab, c])
    right = merge_replicas([a, merge_replicas([b, c])])
    assert _content(left) == _content(right) == _content(merge_replicas([c, b, a]))
    assert _content(merge_replicas([ab, ab])) == _content(ab)
    assert _content(merge_replicas([a, a, b, a])) == _content(ab)  # a file seen twice counts once
    assert _content(merge_replicas([left, a])) == _content(left)


@settings(max_examples=150, deadline=None)
@given(steps, skews)
def test_no_text_is_lost_and_deleted_records_stay_deleted(history: list[Any], skew: tuple[int, ...]) -> None:
    devices, _typed = play(history, skew)
    merged = merge_replicas([d.tables for d in devices])
    shown = {doc["id"]: doc for doc in merged.get("interviews", {}).values()}
    waiting = {(c.record_id, c.other_text) for c in find_conflicts(merged)}
    for device in devices:
        for doc in device.tables.get("interviews", {}).values():
            record_id, text = doc["id"], doc["notes"]
            if record_id not in shown:
                continue  # deleted by a device that had seen this version (checked below)
            # the text is shown, waiting to be settled, or replaced (or deleted) by someone who
            # had seen it
            kept = shown[record_id]["notes"] == text or (record_id, text) in waiting
            replaced = _replaced_knowingly(merged, record_id, device.tables)
            assert kept or replaced, (record_id, text)
    for device in devices:
        tombs = stamps_of(device.tables, "interviews").get("gone", {})
        for record_id in tombs:
            in_own = any(doc["id"] == record_id for doc in device.tables.get("interviews", {}).values())
            if record_id in shown and not in_own:
                # back only through an edit the deleting device had not seen
                assert _edited_after(merged, record_id, tombs[record_id])


def _replaced_knowingly(merged: Tables, record_id: str, tables: Tables) -> bool:
    """A live version of the merged notes had seen this file's version of the record's notes."""
    from followup_tui.domain.sync.fields import DEFAULT, record_heads
    from followup_tui.domain.sync.stamps import covers

    mine = next(d for d in tables["interviews"].values() if d["id"] == record_id)
    own_heads = record_heads(mine, stamps_of(tables, "interviews")["records"].get(record_id), DEFAULT)
    doc = next(d for d in merged["interviews"].values() if d["id"] == record_id)
    heads = record_heads(doc, stamps_of(merged, "interviews")["records"].get(record_id), DEFAULT)
    mine_now = own_heads["notes"][0][:2]
    tomb = stamps_of(merged, "interviews")["gone"].get(record_id)
    deleted = tomb is not None and covers(tomb[1], mine_now)  # a delete that had seen it
    return deleted or any(covers(head[1], mine_now) for head in heads["notes"])


def _edited_after(merged: Tables, record_id: str, tomb: list[Any]) -> bool:
    from followup_tui.domain.sync.fields import DEFAULT, record_heads
    from followup_tui.domain.sync.stamps import covers

    doc = next(d for d in merged["interviews"].values() if d["id"] == record_id)
    heads = record_heads(doc, stamps_of(merged, "interviews")["records"].get(record_id), DEFAULT)
    return any(not covers(tomb[1], (h[0], h[1])) for hs in heads.values() for h in hs)


def _two_devices_typing_at_once() -> tuple[Device, Device]:
    laptop, phone = Device("aaaaaaaa", 0), Device("bbbbbbbb", 0)
    laptop.save(1000, put("r2222", "start", "pending"))
    phone.read(laptop.tables)
    laptop.save(2000, put("r2222", "typed on the laptop", "pending"))
    phone.save(3000, put("r2222", "typed on the phone", "offer"))
    return laptop, phone


def test_the_later_text_is_shown_and_the_other_is_offered_once() -> None:
    laptop, phone = _two_devices_typing_at_once()
    merged = merge_replicas([laptop.tables, phone.tables])
    (doc,) = merged["interviews"].values()
    assert doc["notes"] == "typed on the phone" and doc["outcome"] == "offer"
    (conflict,) = find_conflicts(merged)
    assert conflict.shown_text == "typed on the phone" and conflict.other_text == "typed on the laptop"
    assert conflict.other_device == "aaaaaaaa" and conflict.interview_id == "r2222"
    combined = settled_text(conflict, "combine")
    assert combined == "typed on the phone\n\ntyped on the laptop"
    laptop.read(phone.tables)
    laptop.save(4000, put("r2222", combined, "offer"), settle=("r2222", "notes"))
    everywhere = merge_replicas([laptop.tables, phone.tables])
    assert find_conflicts(everywhere) == []
    assert next(iter(everywhere["interviews"].values()))["notes"] == combined


def test_editing_the_shown_text_keeps_the_other_one_waiting() -> None:
    laptop, phone = _two_devices_typing_at_once()
    phone.read(laptop.tables)
    phone.save(5000, put("r2222", "typed on the phone, and more", "offer"))
    merged = merge_replicas([laptop.tables, phone.tables])
    assert [c.other_text for c in find_conflicts(merged)] == ["typed on the laptop"]


def test_a_clock_a_day_ahead_wins_only_until_the_other_device_has_seen_its_edit() -> None:
    laptop, phone = Device("aaaaaaaa", 0), Device("bbbbbbbb", 86_400_000)
    phone.save(1000, put("r2222", "phone", "pending"))
    laptop.read(phone.tables)
    laptop.save(2000, put("r2222", "laptop, later", "offer"))
    merged = merge_replicas([laptop.tables, phone.tables])
    assert next(iter(merged["interviews"].values()))["outcome"] == "offer"
    assert find_conflicts(merged) == []


def test_a_delete_wins_over_the_copy_it_had_seen_and_loses_to_a_new_edit() -> None:
    laptop, phone = Device("aaaaaaaa", 0), Device("bbbbbbbb", 0)
    laptop.save(1000, put("r2222", "kept", "pending"))
    phone.read(laptop.tables)
    laptop.save(2000, drop("r2222"))
    assert merge_replicas([laptop.tables, phone.tables]).get("interviews") == {}
    phone.save(3000, put("r2222", "edited offline", "pending"))
    back = merge_replicas([laptop.tables, phone.tables])
    assert [d["notes"] for d in back["interviews"].values()] == ["edited offline"]
