"""Interviews (home): upcoming first, then past; filters; the way into every other screen."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.events import Resize, ScreenResume
from textual.widgets import DataTable, Header, Input, Static

from followup_tui.domain.home_filters import HomeFilters, HomeRow
from followup_tui.domain.home_listing import indexed_rows, same_listing
from followup_tui.services.autosave import save_key
from followup_tui.services.home_index import list_rows
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.home.table import InterviewTable
from followup_tui.ui.widgets.key_footer import KeyFooter

if TYPE_CHECKING:  # a first frame from the home index comes before the records are imported
    from followup_tui.domain.models import Interview
    from followup_tui.store.home_index import HomeIndex

WELCOME = """\
[b]Welcome to followup.[/b]

Nothing here yet. An interview is where everything starts: the questions you want to ask, \
your notes on the way home, the worries and the real errors, the thank-you card.

  [b $accent]n[/]       add your first interview
  [b $accent]?[/]       every key on this screen
  [b $accent]ctrl+q[/]  quit

Just looking around? Quit and run [b]followup --demo[/b] to open a throwaway copy filled \
with sample interviews."""

FILTER_PLACEHOLDER = "Filter: type a company, role or interviewer"

SELECTION_ACTIONS = {"open", "edit", "screen", "outcome", "delete"}
"""Actions that need an interview under the cursor."""


class HomeScreen(FollowupScreen):
    """The list of interviews, with filters."""

    SCREEN_TITLE = "Interviews"
    AUTO_FOCUS = "#home-table"
    DEFAULT_CSS = """
    HomeScreen #home-filter { display: none; height: 1; margin: 0 1; background: $boost; }
    HomeScreen #home-filter.-shown { display: block; }
    HomeScreen #home-status { height: auto; max-height: 3; padding: 0 1; color: $text-muted; }
    HomeScreen #home-welcome { display: none; padding: 1 2; }
    HomeScreen.-empty #home-welcome { display: block; }
    HomeScreen.-empty #home-table, HomeScreen.-empty #home-status { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Close the filter line", show=False),
        Binding("enter", "open", "Open the interview", show=False),
        Binding("n", "new", "New"),
        Binding("e", "edit", "Edit", show=False),
        Binding("p", "screen('prep')", "Prep"),
        Binding("d", "screen('debrief')", "Debrief"),
        Binding("b", "screen('board')", "Board"),
        Binding("c", "screen('card')", "Card"),
        Binding("o", "outcome", "Outcome"),
        Binding("i", "insights", "Insights"),
        Binding("slash", "filter", "Filter"),
        Binding("f", "cycle_outcome", "Filter by outcome", show=False),
        Binding("t", "cycle_time", "Upcoming / past / all", show=False),
        Binding("u", "toggle_open", "Open follow-ups only", show=False),
        Binding("x", "clear_filters", "Clear filters", show=False),
        Binding("delete", "delete", "Delete interview", show=False),
    ]

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__(interview_id)
        self.filters = HomeFilters()
        """The filters in force."""
        self._rows: list[HomeRow] = []
        self._width: int | None = None
        """The width the columns were last laid out for."""
        self._binding_state: tuple[bool, bool] | None = None
        self._loaded_as: tuple[object, ...] | None = None
        self._indexed: tuple[HomeIndex, str] | None = None
        """The home index the rows came from and the minute they were made for, while the
        data is the version it was made from (nothing of it is parsed for the list meanwhile)."""
        self._table = InterviewTable(id="home-table")

    def compose(self) -> ComposeResult:
        """Header, the table, status line, footer.

        The filter line (above the table) and the first-run welcome (in the table's place) are
        added when first needed (``action_filter``, ``_show``): hidden until then, their styles,
        widgets and the welcome's text were work before the first frame that nobody saw.
        """
        yield Header()
        yield self._table
        yield Static(id="home-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Fill the table, with the cursor on the interview that most recently took place:
        the one to debrief (upcoming ones are listed above it).

        When the app starts from the home index, the rows come from it and the data opens
        right after this first frame (``FollowupHost.open_data``); the list then takes its
        rows from the data (``refresh_data``), redrawn only if they differ.
        """
        index = self.app.home_index
        if index is not None and not self.app.data_open:
            self._rows = self._rows_of(index)
            self.call_after_refresh(self.app.open_data)
        else:
            self._rows = self._load_rows()
        started = [row for row in self._rows if not row.upcoming]
        self._show(keep=started[0].interview.id if started else None)

    def on_screen_resume(self, event: ScreenResume) -> None:
        """Back from another screen: show what changed there (its saves may still be on the way).

        As the app starts, Textual styles every widget as it mounts, then the whole screen once
        more as it is first shown; nothing changed in between (the table's focus restyles the
        table by itself), so the second styling of the first frame is left out.
        """
        if not self._shown_before:  # the first showing (``coming_back`` notes it)
            event.refresh_styles = False
        if not self.coming_back():
            return
        self.refresh_data()
        self.set_timer(0.6, self.refresh_data)

    def on_resize(self, event: Resize) -> None:
        """Lay the columns out again for the new width (which columns show, and how wide).

        The table is sized by the layout that follows this event, so the columns are rebuilt
        after it (rebuilt now, they would be measured for the old width).
        """
        if event.size.width != self._width:
            self.call_after_refresh(self._show)

    @property
    def table(self) -> InterviewTable:
        """The table of interviews (kept: the footer asks about it for every key it shows)."""
        return self._table

    @property
    def selected_id(self) -> str | None:
        """The interview under the cursor."""
        return self.table.selected_id

    def palette_interview_id(self) -> str | None:
        """The palette acts on the interview under the cursor."""
        return self.selected_id

    # -- data -----------------------------------------------------------------------------------

    def _data_token(self) -> tuple[object, ...]:
        """Changes when the file changes (any process) and when the minute turns."""
        return (self.repo.data_version(), self.app.clock().strftime("%Y-%m-%d %H:%M"))

    def _rows_of(self, index: HomeIndex) -> list[HomeRow]:
        """The rows from the home index, for now."""
        now = self.app.clock()
        self._indexed = (index, now.strftime("%Y-%m-%d %H:%M"))
        return indexed_rows(index.interviews, now)

    def _load_rows(self) -> list[HomeRow]:
        self._indexed = None
        self._loaded_as = self._data_token()
        rows = list_rows(self.repo, self.app.clock())
        self.app.keep_home_index(rows)
        return rows

    def refresh_data(self) -> None:
        """Reload the interviews, keeping the cursor on the same one.

        Nothing is reloaded when neither the file nor the minute changed since the last load:
        coming back to a long list must not rebuild thousands of rows to show the same ones.
        The rows of the first frame, from the home index, are not drawn again when the data
        shows the same.
        """
        if self._loaded_as == self._data_token() and self._rows:
            return
        if self._indexed is not None and self._indexed[0].made_from == self.repo.data_version():
            if self._indexed[1] != self.app.clock().strftime("%Y-%m-%d %H:%M"):
                self._rows = self._rows_of(self._indexed[0])  # the minute turned: rows for now
                self._show()
            return
        from_index = self._loaded_as is None  # the first frame's rows came from the home index
        earlier, self._rows = self._rows, self._load_rows()
        if from_index and same_listing(earlier, self._rows):
            shown = [row for row in self._rows if self.filters.matches(row)]
            if self.table.take_rows(shown, self.app.clock()):
                return
        self._show()

    def select(self, interview_id: str) -> None:
        """Reload and put the cursor on an interview (clearing filters that would hide it)."""
        self._rows = self._load_rows()
        row = next((r for r in self._rows if r.interview.id == interview_id), None)
        if row is not None and not self.filters.matches(row):
            self._set_filters(HomeFilters(), keep=interview_id)
        else:
            self._show(keep=interview_id)
        self.table.focus()

    def _show(self, keep: str | None = None) -> None:
        found = self.query(InterviewTable)
        if not found:  # not composed yet (on_mount shows the rows) or closing: nothing to show
            return
        table = found.first()
        keep = keep or table.selected_id
        width = self.size.width or self.app.size.width
        self._width = width
        shown = [row for row in self._rows if self.filters.matches(row)]
        self.set_class(not self._rows, "-empty")
        if not self._rows and not self.query("#home-welcome"):
            self.mount(VerticalScroll(Static(Content.from_markup(WELCOME)), id="home-welcome"), after=table)
        table.show(shown, self.app.clock(), keep)
        self._show_status(shown)
        self._update_bindings()

    def _show_status(self, shown: list[HomeRow]) -> None:
        upcoming = sum(1 for row in shown if row.upcoming)
        described = " · ".join(
            filter(None, ["text" if self.filters.text.strip() else "", self.filters.describe()])
        )
        if not shown and self.filters.active:
            line = Content.from_markup("No interview matches the filters · [b]x[/b] clears them")
        elif self.filters.active:
            line = Content.from_markup(
                "$count of $total shown · $what · [b]x[/b] clears",
                count=str(len(shown)),
                total=str(len(self._rows)),
                what=described,
            )
        else:
            line = Content.from_markup(
                "$upcoming upcoming · $past past · [b]/[/b] filter · [b]?[/b] all keys",
                upcoming=str(upcoming),
                past=str(len(shown) - upcoming),
            )
        self.query_one("#home-status", Static).update(line)

    # -- filters --------------------------------------------------------------------------------

    def _set_filters(self, filters: HomeFilters, keep: str | None = None) -> None:
        self.filters = filters
        self._show(keep)

    async def action_filter(self) -> None:
        """Show the filter line and type into it (the keys typed after ``/`` wait for it)."""
        box = self._filter_box()
        if box is None:
            box = Input(placeholder=FILTER_PLACEHOLDER, id="home-filter", compact=True)
            await self.mount(box, before=self.table)
        box.add_class("-shown")
        box.focus()

    def _filter_box(self) -> Input | None:
        """The filter line, once ``/`` has added it."""
        found = self.query("#home-filter")
        return found.first(Input) if found else None

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the user types."""
        if event.input.id == "home-filter":
            self._set_filters(HomeFilters(event.value, *self._other_filters()))

    def _other_filters(self) -> tuple[str, str, bool]:
        return (self.filters.outcome, self.filters.time_range, self.filters.open_only)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the filter line goes to the list."""
        if event.input.id == "home-filter":
            self.table.focus()

    def action_cycle_outcome(self) -> None:
        """Show only one outcome; each press moves to the next one, then back to all."""
        self._set_filters(self.filters.next_outcome())

    def action_cycle_time(self) -> None:
        """Show upcoming only, past only, or all."""
        self._set_filters(self.filters.next_time_range())

    def action_toggle_open(self) -> None:
        """Show only interviews with a card to send or concerns still open."""
        self._set_filters(
            HomeFilters(
                self.filters.text, self.filters.outcome, self.filters.time_range, not self.filters.open_only
            )
        )

    def action_clear_filters(self) -> None:
        """Show every interview again."""
        box = self._filter_box()
        if box is not None:
            with box.prevent(Input.Changed):
                box.value = ""
            box.remove_class("-shown")
        self._set_filters(HomeFilters())
        self.table.focus()

    def action_back(self) -> None:
        """Escape closes the filter line (home is the first screen, so there is no back)."""
        box = self._filter_box()
        if box is not None and box.has_class("-shown"):
            with box.prevent(Input.Changed):
                box.value = ""
            box.remove_class("-shown")
            self._set_filters(HomeFilters("", *self._other_filters()))
            self.table.focus()

    # -- opening things -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys about the selected interview are off while there is none."""
        table = self._table  # not queried: the footer asks this for every key it shows
        if (
            action in SELECTION_ACTIONS
            and self.is_mounted
            and (not table.is_attached or table.selected_id is None)
        ):
            return False if not self._rows else None  # hidden on a first run, dimmed when filtered
        return True

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter or a click on the selected row opens the interview."""
        event.stop()
        if event.row_key.value:
            self.app.open_screen("hub", event.row_key.value)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        """Keys about the selection follow the cursor."""
        self._update_bindings()

    def _update_bindings(self) -> None:
        """Refresh the footer only when what check_action answers can change.

        Redrawing the footer costs a few milliseconds per key it shows; doing it on every
        cursor move made scrolling and start-up slower than they need to be.
        """
        state = (bool(self._rows), self.selected_id is not None)
        if state != self._binding_state:
            self._binding_state = state
            self.refresh_bindings()

    def action_open(self) -> None:
        """Open the selected interview's hub."""
        if self.selected_id:
            self.app.open_screen("hub", self.selected_id)

    def action_screen(self, name: str) -> None:
        """Open a screen (prep, debrief, board, card) for the selected interview."""
        if self.selected_id:
            self.app.open_screen(name, self.selected_id)

    def action_insights(self) -> None:
        """Insights across every interview."""
        self.app.open_screen("insights", self.selected_id)

    def action_new(self) -> None:
        """Add an interview."""
        from followup_tui.ui.screens.interview.form import InterviewFormDialog

        self.app.push_screen(InterviewFormDialog(None), self._form_closed)

    def action_edit(self) -> None:
        """Edit the selected interview."""
        if self.selected_id:
            self.edit(self.selected_id)

    def edit(self, interview_id: str) -> None:
        """Open the form on an interview (the palette uses this too)."""
        from followup_tui.domain.models import Interview
        from followup_tui.store.repository import NotFoundError
        from followup_tui.ui.screens.interview.form import InterviewFormDialog

        try:
            interview = self.repo.get(Interview, interview_id)
        except NotFoundError:  # deleted by another process a moment ago
            self.notify("That interview was deleted elsewhere.", severity="warning", markup=False)
            self.refresh_data()
            return
        self.app.push_screen(InterviewFormDialog(interview), self._form_closed)

    def _form_closed(self, saved: Interview | None) -> None:
        if saved is not None:
            self.select(saved.id)

    def action_outcome(self) -> None:
        """Record what happened after the selected interview."""
        if self.selected_id:
            self.record_outcome(self.selected_id)

    def record_outcome(self, interview_id: str) -> None:
        """Ask for an interview's outcome (the palette uses this too)."""
        from followup_tui.ui.screens.insights.outcome import OutcomeDialog

        self.app.push_screen(OutcomeDialog(interview_id), lambda _: self.refresh_data())

    def action_delete(self) -> None:
        """Delete the selected interview and everything in it, after asking."""
        interview_id = self.selected_id
        if interview_id is None:
            return
        from followup_tui.ui.screens.dialog import ConfirmDialog  # not needed to show the list

        company = next((r.interview.company for r in self._rows if r.interview.id == interview_id), "")
        question = f"Delete the interview at {company} with its prep, debrief, board and cards?"

        def answered(yes: bool | None) -> None:
            if yes:
                self._delete(interview_id)

        self.app.push_screen(ConfirmDialog(question, yes="Delete", no="Keep"), answered)

    def _delete(self, interview_id: str) -> None:
        repo = self.repo

        def deleted(_removed: Interview) -> None:
            self.refresh_data()
            self.notify("Interview deleted.", markup=False)

        def failed(message: str, retrying: bool) -> None:
            title = "Not deleted yet" if retrying else "Not deleted"
            self.notify(message, title=title, severity="error", markup=False)

        # imported here: the home screen's start-up needs none of the write actions (nor the
        # card draft and the hashing modules they import)
        from followup_tui.services.actions import delete_interview

        self.save(
            save_key("interview", interview_id, "delete"),
            lambda: delete_interview(repo, interview_id),
            0,
            on_done=deleted,
            on_failed=failed,
        )
