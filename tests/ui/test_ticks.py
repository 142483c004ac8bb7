"""Ticked and unticked boxes differ in the mark itself, not only in colour."""

from __future__ import annotations

from textual.app import App, ComposeResult

from followup_tui.ui.widgets.ticks import TickBox, TickList


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield TickList[str](("Mind reading", "mind", True), ("Labeling", "label", False), id="list")
        yield TickBox("Resolved", False, id="box")


def marks(app: Boxes) -> list[str]:
    listing = app.query_one(TickList)
    return [listing.render_line(y).text[:3] for y in range(2)]


async def test_only_ticked_boxes_carry_a_mark() -> None:
    app = Boxes()
    async with app.run_test(size=(40, 6)) as pilot:
        assert marks(app) == ["▐X▌", "▐ ▌"]
        box = app.query_one(TickBox)
        assert "▐ ▌" in box.render().plain
        box.value = True
        app.query_one(TickList).select("label")
        await pilot.pause()
        assert "▐X▌" in box.render().plain
        assert marks(app) == ["▐X▌", "▐X▌"]
