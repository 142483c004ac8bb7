"""TouchedTables marks every table a transaction could change, and nothing it only peeked at."""

from __future__ import annotations

from followup_tui.store.touched_tables import TouchedTables


def tables() -> TouchedTables:
    return TouchedTables({"meta": {}, "interviews": {"1": {"id": "a"}}, "concerns": {}})


def test_reaching_a_table_by_name_marks_only_it() -> None:
    t = tables()
    t["interviews"]["2"] = {"id": "b"}
    t.get("meta")
    t.setdefault("cards", {})
    t["bank"] = {}
    assert t.touched == {"interviews", "meta", "cards", "bank"}
    t.pop("bank")
    del t["cards"]
    assert t.touched == {"interviews", "meta", "cards", "bank"}


def test_iterating_or_copying_marks_everything() -> None:
    for reach in (list, lambda t: t.items(), lambda t: t.values(), lambda t: t.keys(), lambda t: t.copy()):
        t = tables()
        reach(t)
        assert t.touched == {"meta", "interviews", "concerns"}


def test_peek_and_plain_mark_nothing() -> None:
    t = tables()
    assert t.peek("interviews") == {"1": {"id": "a"}} and t.peek("missing") == {}
    plain = t.plain()
    assert type(plain) is dict and plain["interviews"] is dict.__getitem__(t, "interviews")
    assert t.touched == set()
