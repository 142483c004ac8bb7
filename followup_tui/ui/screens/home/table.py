"""The table of interviews on the home screen: columns that fit the width, never squeezed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.geometry import Size
from textual.widgets import DataTable
from textual.widgets.data_table import RowKey

from followup_tui.domain.home_filters import HomeRow, outcome_word
from followup_tui.domain.text import cell_width, one_line
from followup_tui.domain.times import local_when, when_datetime
from followup_tui.domain.zones import city, here_first, keeps_local_clock, local_now

WHEN_WIDE = 16
WHEN_NARROW = 9
OWN_TIME = len(" · Wed 10:00 ")
"""Room for the interview's own time beside this machine's, before its city."""
FORMAT_WIDTH = 6
OUTCOME_WIDTH = 11
FOLLOW_UP_WIDTH = 27
"""Room for "card late · 4 concerns open" (``FollowUpState.label`` shortens what is longer)."""
FOLLOW_UP_NARROW = 20
"""The most room for "written · 2 concerns" below ``ROLE_FROM`` columns; the column takes only
what its longest label needs (``follow_up_column_width``), the company the rest."""
SCROLLBAR = 2
ROLE_FROM = 80
"""Widths below this drop the role column."""
FORMAT_FROM = 110
"""Widths below this drop the format column."""
FIRST_ROWS = 100
"""Rows loaded at first (more than any terminal shows at once)."""
CHUNK_ROWS = 300
"""Rows loaded each time the cursor or the scrolling nears the end of what is loaded."""


def when_label(row: HomeRow, now: datetime, wide: bool) -> str:
    """The interview time on this machine's clock, as short as the width needs: "Thu 26 Nov
    10:00" or "Thu 10:00"; wide, the interview's own time beside it when its zone keeps
    another clock ("Thu 26 Nov 16:00 · 10:00 New York")."""
    interview = row.interview
    moment, local = when_datetime(interview.when), local_when(interview.when, interview.tz)
    if moment is None or local is None:
        return "no date"
    if wide:
        return here_first(
            moment, interview.tz, "%a %d %b %H:%M" if local.year == now.year else "%d %b %Y %H:%M"
        )
    if row.upcoming and (local.date() - now.date()).days < 6:
        return local.strftime("%a %H:%M")
    return local.strftime("%d %b" if local.year == now.year else "%d %b %y")


def when_column_width(rows: Iterable[HomeRow], wide: bool) -> int:
    """The width of the When column: room for the interview's own time and zone when an
    interview keeps another clock (wide only)."""
    if not wide:
        return WHEN_NARROW
    other = [name for name in {row.interview.tz for row in rows} if name and not keeps_local_clock(name)]
    return WHEN_WIDE + max((OWN_TIME + len(city(name)) for name in other), default=0)


def follow_up_column_width(rows: Iterable[HomeRow], wide: bool) -> int:
    """The width of the Follow-up column: ``FOLLOW_UP_WIDTH`` when wide; narrow, what the
    longest label needs (at most ``FOLLOW_UP_NARROW`` cells, wide text counted in cells), so a
    label is never cut while the company keeps every cell the labels do not need."""
    if wide:
        return FOLLOW_UP_WIDTH
    labels = (cell_width(row.state.label(FOLLOW_UP_NARROW)) for row in rows if not row.upcoming)
    return max(len("Follow-up"), max(labels, default=0))


class InterviewTable(DataTable[Text]):
    """Interviews, one row each, keyed by the interview id."""

    DEFAULT_CSS = """
    InterviewTable { height: 1fr; }
    InterviewTable > .datatable--header { text-style: bold; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(cursor_type="row", zebra_stripes=True, cell_padding=0, id=id)
        self._rows: list[HomeRow] = []
        self._loading = False
        self._layout = _Layout(local_now(), False, False, 10, 0, FOLLOW_UP_NARROW, "bold")

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first_row", "First interview", show=False),
        Binding("end", "last_row", "Last interview", show=False),
    ]

    def action_first_row(self) -> None:
        """Put the cursor on the first interview."""
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """Put the cursor on the last interview."""
        self._load_until(len(self._rows))
        self.move_cursor(row=max(self.row_count - 1, 0))

    def _update_dimensions(self, new_rows: Iterable[RowKey]) -> None:
        """Skip measuring every cell: our columns have fixed widths and rows one line each.

        DataTable measures each new cell through Rich (three terminal-size lookups a cell),
        which made a list of 5,000 interviews take seconds to appear; with nothing to learn
        from the measurement, only the scrollable size needs setting.
        """
        if any(column.auto_width for column in self.columns.values()):
            super()._update_dimensions(new_rows)
            return
        width = sum(column.get_render_width(self) for column in self.columns.values())
        header = self.header_height if self.show_header else 0
        self.virtual_size = Size(width + self._row_label_column_width, self._total_row_height + header)

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> list[list[Segment]]:
        """Draw a cell of an interview as DataTable would, without Rich's layout machinery.

        DataTable draws each cell by rendering it through Rich (a padding, a styled wrapper,
        wrapping and cropping); for the one-line cells of plain text this table holds, that
        comes to the cell's text and the spaces after it, in the styles computed here the same
        way. About half the time of the first frame's rows. Anything else (the header, a text
        longer than its column) is drawn by DataTable itself.
        """
        row_key = self._row_locations.get_key(row_index)
        column_key = self._column_locations.get_key(column_index)
        if row_key is None or column_key is None:  # the header
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        cache_key = (
            row_key,
            column_key,
            base_style,
            cursor,
            hover,
            self._show_hover_cursor,
            self._update_count,
            self._pseudo_class_state,
        )
        cached = self._cell_render_cache.get(cache_key)
        if cached is not None:
            return cached
        cell = self.get_cell(row_key, column_key)
        if (
            self.cell_padding
            or self.rows[row_key].height != 1
            or not isinstance(cell, Text)
            or not _fits(cell, width)
        ):
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        component_style, post_style = self._get_styles_to_render_cell(
            False,
            False,
            False,
            hover,
            cursor,
            self.show_cursor,
            self._show_hover_cursor,
            self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )
        where = Style.from_meta({"row": row_index, "column": column_index})
        own = self.app.console.get_style(cell.style, default=Style.null()) if cell.style else None
        pre_style = base_style + where + component_style
        lines = [_cell_line(cell.plain, width - cell.cell_len, pre_style, own, post_style)]
        self._cell_render_cache[cache_key] = lines
        return lines

    @property
    def selected_id(self) -> str | None:
        """The id of the interview under the cursor, if any."""
        if not self.row_count:
            return None
        row_key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key
        return row_key.value

    def show(self, rows: list[HomeRow], now: datetime, keep: str | None) -> None:
        """Show these rows, keeping the cursor on the interview ``keep`` when it is still there.

        The first screenful is added at once; the rest follows in chunks after the frame is
        drawn, so a file with thousands of interviews opens as fast as one with a few.

        Args:
            rows: The rows, in order.
            now: The current local time (for the short date labels).
            keep: The interview id to keep the cursor on.
        """
        width = max(self.size.width, self.app.size.width if not self.size.width else 0)
        show_role, show_format = width >= ROLE_FROM, width >= FORMAT_FROM
        when_width = min(when_column_width(rows, show_role), max(WHEN_WIDE, width // 3))
        follow_up_width = follow_up_column_width(rows, show_role)
        fixed = when_width + OUTCOME_WIDTH + follow_up_width + (FORMAT_WIDTH if show_format else 0)
        gaps = 4 + show_role + show_format
        height = self.size.height or self.app.size.height
        scrollbar = SCROLLBAR if len(rows) > height - 1 else 0
        free = max(width - fixed - gaps - scrollbar, 10 if not show_role else 18)
        company_width = free if not show_role else (free + 1) // 2
        self._layout = _Layout(
            now=now,
            show_role=show_role,
            show_format=show_format,
            company_width=company_width,
            role_width=free - company_width,
            follow_up_width=follow_up_width,
            accent=self.app.theme_variables.get("text-accent", "bold"),
        )
        # no rows may be loaded while the columns are rebuilt (clearing moves the cursor)
        self._loading = True
        self._rows = []
        try:
            self.clear(columns=True)
            self.add_column(_head("Company"), width=company_width + 1, key="company")
            if show_role:
                self.add_column(_head("Role"), width=self._layout.role_width + 1, key="role")
            self.add_column(_head("When"), width=when_width + 1, key="when")
            if show_format:
                self.add_column(_head("Format"), width=FORMAT_WIDTH + 1, key="format")
            self.add_column(_head("Outcome"), width=OUTCOME_WIDTH + 1, key="outcome")
            self.add_column(_head("Follow-up"), width=follow_up_width + 1, key="follow-up")
        finally:
            self._loading = False
        self._rows = rows
        index = next((n for n, row in enumerate(rows) if row.interview.id == keep), None)
        self._load_until(max(FIRST_ROWS, (index or 0) + FIRST_ROWS))
        if index is not None:
            self.move_cursor(row=index, animate=False)

    def take_rows(self, rows: list[HomeRow], now: datetime) -> bool:
        """Hold ``rows`` in place of the rows shown, which show the same (the list's first frame
        came from the home index), without drawing anything again.

        Returns:
            False when they cannot be taken as they are (another number of rows, or another day
            for the date labels): then ``show`` them.
        """
        if len(rows) != len(self._rows) or now.date() != self._layout.now.date():
            return False
        self._rows = rows
        return True

    def _load_until(self, count: int) -> None:
        """Add rows until ``count`` are in the table (or all of them).

        Rows are added as the cursor or the scrolling gets near the end of what is loaded,
        so a file with thousands of interviews opens, and filters, as fast as a small one.
        """
        if self._loading:  # adding a row can move the cursor, which asks for more rows
            return
        self._loading = True
        try:
            layout = self._layout
            for row in self._rows[self.row_count : count]:
                self.add_row(*_cells(row, layout), key=row.interview.id)
        finally:
            self._loading = False

    def _near_the_end(self, position: int) -> None:
        more_to_load = self.row_count < len(self._rows)
        if more_to_load and position + FIRST_ROWS // 2 >= self.row_count:
            self._load_until(self.row_count + CHUNK_ROWS)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        """Load more rows as the cursor nears the last one loaded."""
        super().watch_cursor_coordinate(old, new)
        self._near_the_end(new.row)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Load more rows as scrolling nears the last one loaded."""
        super().watch_scroll_y(old_value, new_value)
        self._near_the_end(int(new_value) + self.size.height)


@dataclass(frozen=True)
class _Layout:
    now: datetime
    show_role: bool
    show_format: bool
    company_width: int
    role_width: int
    follow_up_width: int
    accent: str


def _cells(row: HomeRow, layout: _Layout) -> list[Text]:
    interview = row.interview
    upcoming = row.upcoming
    cells = [_cell(one_line(interview.company, layout.company_width), "bold" if upcoming else "")]
    if layout.show_role:
        cells.append(_cell(one_line(interview.role, layout.role_width)))
    cells.append(_cell(when_label(row, layout.now, layout.show_role), layout.accent if upcoming else ""))
    if layout.show_format:
        cells.append(_cell(interview.format))
    cells.append(_cell(outcome_word(interview.outcome) if not upcoming else "-"))
    cells.append(_cell(row.state.label(layout.follow_up_width) if not upcoming else "-"))
    return cells


def _fits(cell: Text, width: int) -> bool:
    """A text ``_render_cell`` draws itself: one line in one style that fits its column."""
    return (
        not cell.spans
        and cell.justify is None
        and not cell.end
        and "\n" not in cell.plain
        and "\t" not in cell.plain
        and cell.cell_len <= width
    )


def _cell_line(text: str, room: int, pre: Style, own: Style | None, post: Style) -> list[Segment]:
    """The segments Rich makes of a styled, padded one-line text: the text in the row's style,
    its own and the cursor's over them, then ``room`` spaces in the row's and the cursor's."""
    styled = pre + own if own else pre
    line = [Segment(text, styled + post if styled else post)]
    if room:
        line.append(Segment(" " * room, pre + post if pre else post))
    return line


def _head(label: str) -> Text:
    return Text(" " + label, no_wrap=True, end="")


def _cell(text: str, style: str = "") -> Text:
    """A cell of plain text (never markup), with one space before it: the gap between columns."""
    return Text(" " + text, style=style, no_wrap=True, end="")
