"""Histories of edits on two or three devices, made the way devices make them (hypothesis).

Each device starts from what it last read, edits records (stamped by its own clock, which may
run ahead or behind), deletes some, and now and then reads another device's file and merges
it. ``steps`` and ``skews`` draw a history; ``play`` plays it.
"""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import strategies as st

from followup_tui.domain.sync.changes import stamp_table
from followup_tui.domain.sync.replicas import HEAD, META, merge_replicas, stamps_of, stamps_table
from followup_tui.domain.sync.stamps import Clock

DEVICES = ("aaaaaaaa", "bbbbbbbb", "cccccccc")
IDS = ("r2222", "r3333", "r4444")
TEXTS = ("", "one", "two", "three")

Tables = dict[str, Any]


class Device:
    """One device: its file (its tables) and its clock, skewed by ``skew`` milliseconds."""

    def __init__(self, device: str, skew: int) -> None:
        self.device = device
        self.skew = skew
        self.clock = Clock(device)
        self.tables: Tables = {META: {"1": {"schema": 4}}, HEAD: {"1": {"device": device, "name": device}}}

    def save(self, now: int, change: Any, settle: tuple[str, str] | None = None) -> None:
        """Change the interviews (``change`` edits them in place) and stamp it, at ``now`` ms."""
        before = copy.deepcopy(self.tables.get("interviews", {}))
        after = copy.deepcopy(before)
        change(after)
        stamp = self.clock.next(now + self.skew)
        updated = stamp_table(
            before,
            after,
            stamps_of(self.tables, "interviews"),
            stamp,
            ("notes",),
            [settle] if settle else (),
        )
        self.tables["interviews"] = after
        if updated is not None:
            self.tables[stamps_table("interviews")] = {"1": updated}
        self.tables[HEAD] = {"1": {"device": self.device, "name": self.device, "clock": self.clock.last}}

    def read(self, other: Tables) -> None:
        """Merge another device's file into this one's, as a read before a save does."""
        merged = merge_replicas([self.tables, other])
        self.clock.observe(merged[HEAD]["1"]["clock"])
        merged[HEAD]["1"].update(device=self.device, name=self.device, clock=self.clock.last)
        self.tables = merged


def put(record_id: str, notes: str, outcome: str) -> Any:
    """A change that sets a record's notes and outcome (adding the record when missing)."""

    def change(table: dict[str, Any]) -> None:
        for doc in table.values():
            if doc["id"] == record_id:
                doc["notes"], doc["outcome"] = notes, outcome
                return
        table[str(len(table) + 1)] = {"id": record_id, "notes": notes, "outcome": outcome}

    return change


def drop(record_id: str) -> Any:
    """A change that deletes a record."""

    def change(table: dict[str, Any]) -> None:
        kept = [doc for doc in table.values() if doc["id"] != record_id]
        table.clear()
        table.update({str(n): doc for n, doc in enumerate(kept, start=1)})

    return change


steps = st.lists(
    st.tuples(
        st.integers(0, len(DEVICES) - 1),
        st.sampled_from(("put", "put", "put", "drop", "read")),
        st.sampled_from(IDS),
        st.sampled_from(TEXTS),
        st.sampled_from(("pending", "offer")),
        st.integers(0, len(DEVICES) - 1),
    ),
    max_size=14,
)
skews = st.tuples(*(st.integers(-5_000, 86_400_000) for _ in DEVICES))


def play(history: list[Any], skew: tuple[int, ...]) -> tuple[list[Device], list[tuple[str, str]]]:
    """Play a history; return the devices and every (record, text) typed."""
    devices = [Device(name, s) for name, s in zip(DEVICES, skew, strict=True)]
    typed: list[tuple[str, str]] = []
    for now, (who, what, record_id, text, outcome, other) in enumerate(history, start=1000):
        device = devices[who]
        if what == "put":
            device.save(now * 10, put(record_id, text, outcome))
            typed.append((record_id, text))
        elif what == "drop":
            device.save(now * 10, drop(record_id))
        else:
            device.read(devices[other].tables)
    return devices, typed
