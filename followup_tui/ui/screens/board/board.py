"""The board: worries on the left, actual errors on the right, unsorted concerns above them.

Arrows (and h/l) take the cursor from column to column, as in other kanban tools; shift with
them (H/L) moves the selected concern (nothing about it is lost). Keys also reorder it, open
it, sort it with two questions (triage) and delete it; u undoes the last move, delete or
reorder. Below 80 columns the three columns become tabs. Changes are shown at once and saved
off the UI thread.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Header, OptionList, Static, Tab, Tabs

from followup_tui.domain.models import Concern
from followup_tui.domain.text import one_line
from followup_tui.domain.vocabulary import COLUMN_TITLES, CONCERN_KIND_NAMES
from followup_tui.services import actions
from followup_tui.services.autosave import save_key, unique_key
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.board.column import MOVES, ConcernList, column_title
from followup_tui.ui.screens.board.concern_dialog import ConcernDialog, NewConcernDialog
from followup_tui.ui.screens.board.triage_dialog import TriageDialog, TriageResult
from followup_tui.ui.screens.board.undo import Undo, order_before
from followup_tui.ui.widgets.key_footer import KeyFooter

KINDS: tuple[str, ...] = ("unsorted", "worry", "error")
"""The columns, in tab order."""

TYPED_FIELDS = ("text", "balanced_thought")
"""Concern fields typed in the dialog: saved after a pause in typing."""


class BoardScreen(FollowupScreen):
    """Worry vs. actual error: sort the concerns of one interview."""

    SCREEN_TITLE = "Worry vs. actual error"
    KEEP_IN_VIEW = "#board-tabs"
    CONFLICT_TABLES = frozenset({"concerns"})
    AUTO_FOCUS = ""  # the screen focuses the column it starts in
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    DEFAULT_CSS = """
    BoardScreen #board-tabs { display: none; }
    BoardScreen #col-unsorted { height: auto; max-height: 40%; }
    BoardScreen #sorted { height: 1fr; }
    BoardScreen #sorted ConcernList { width: 1fr; }
    BoardScreen #gone { padding: 1 2; }
    BoardScreen.-narrow #board-tabs { display: block; }
    BoardScreen.-narrow ConcernList { display: none; height: 1fr; max-height: 100%; }
    BoardScreen.-narrow ConcernList.-active { display: block; }
    BoardScreen.-narrow #col-unsorted { height: 1fr; max-height: 100%; }
    BoardScreen.-narrow.-on-unsorted #sorted { display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left,h", "cursor(-1)", "Column left", show=False),
        Binding("right,l", "cursor(1)", "Column right", show=False),
        Binding("shift+left,H", "move('left')", "Move left", show=False),
        Binding("shift+right,L", "move('right')", "Move right", show=False),
        Binding("t", "triage", "Triage", tooltip="Sort it with two questions"),
        Binding("enter", "open", "Open", tooltip="Open the concern: traps, thought, action"),
        Binding("a", "add", "Add", tooltip="Add a concern to this column"),
        Binding("x,delete", "delete", "Delete", tooltip="Delete the concern (u brings it back)"),
        Binding("u", "undo", "Undo", tooltip="Undo the last move, delete or reorder"),
        Binding("r", "resolve", "Resolved", tooltip="Mark an actual error resolved, or open again"),
        Binding("K,shift+up", "reorder(-1)", "Up in column", show=False),
        Binding("J,shift+down", "reorder(1)", "Down in column", show=False),
        Binding("tab", "column(1)", "Next column", show=False),
        Binding("shift+tab", "column(-1)", "Previous column", show=False),
    ]

    class Stored(Message):
        """A save that changes the list (add, restore) finished; reload and select ``select_id``."""

        def __init__(self, select_id: str | None = None) -> None:
            super().__init__()
            self.select_id = select_id

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__(interview_id)
        self._concerns: list[Concern] = []
        self._undo: list[Undo] = []
        self._active = "unsorted"
        self._lists: dict[str, ConcernList] = {}
        """The columns by kind; none when the interview is gone."""

    # -- building -------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Tabs (narrow terminals only), the unsorted column, then worries and actual errors.

        Everything the screen starts with (its layout classes, the columns' rows, which column
        is current) is set here, before the first styling and layout, so opening the board
        styles, lays out and builds the footer's keys once.
        """
        self.preset_breakpoints()
        yield Header()
        interview = self.interview()
        if interview is None:
            yield Static("This interview no longer exists. Press escape to go back.", id="gone")
            yield KeyFooter()
            return
        ahead = "not happened yet · " if self.still_ahead(interview) else ""  # first: in view at 60
        self.sub_title = ahead + one_line(interview.company, 40)
        self._concerns = self.repo.children(Concern, interview.id)
        waiting = self._column("unsorted") or not self._concerns
        self._active = "unsorted" if waiting else "worry" if self._column("worry") else "error"
        self.set_class(self._active == "unsorted", "-on-unsorted", update=False)
        tabs = Tabs(
            *(Tab(column_title(kind, len(self._column(kind))), id=f"tab-{kind}") for kind in KINDS),
            active=f"tab-{self._active}",
            id="board-tabs",
        )
        tabs.can_focus = False
        self._lists = {kind: ConcernList(kind, active=kind == self._active) for kind in KINDS}
        for kind, column in self._lists.items():
            column.show(self._column(kind))
        yield tabs
        with Vertical(id="board"):
            yield self._lists["unsorted"]
            with Horizontal(id="sorted"):
                yield self._lists["worry"]
                yield self._lists["error"]
        yield KeyFooter()

    def on_mount(self) -> None:
        """Focus the column the board starts in (it is displayed: its class was set in compose)."""
        if self._lists:
            self.set_focus(self._list(self._active))

    def _column(self, kind: str) -> list[Concern]:
        return [c for c in self._concerns if c.kind == kind]

    def _list(self, kind: str) -> ConcernList:
        return self._lists[kind]

    def _show_board(self, select: Concern | None = None) -> None:
        for kind in KINDS:
            concerns = self._column(kind)
            self._list(kind).show(concerns, select.id if select is not None and select.kind == kind else None)
            self.query_one(f"#tab-{kind}", Tab).label = column_title(kind, len(concerns))
        self.refresh_bindings()

    def _activate(self, kind: str, select: Concern | None = None) -> None:
        """Make a column the current one: show its tab when narrow, focus it, select ``select``."""
        self._active = kind
        for other in KINDS:
            self._list(other).set_class(other == kind, "-active")
        self.set_class(kind == "unsorted", "-on-unsorted")
        tabs = self.query_one(Tabs)
        if tabs.active != f"tab-{kind}":
            with self.prevent(Tabs.TabActivated):  # only a click on a tab should activate a column
                tabs.active = f"tab-{kind}"
        if select is not None and select.kind == kind:
            self._list(kind).show(self._column(kind), select.id)
        # Focus once the column is displayed (narrow: it was hidden); always the latest choice.
        self.call_after_refresh(self._focus_active)
        self.refresh_bindings()

    def _focus_active(self) -> None:
        column = self._list(self._active)
        if not column.has_focus:
            column.focus()

    def selected(self) -> Concern | None:
        """The concern highlighted in the current column, if any."""
        if not self._lists:
            return None
        concern_id = self._list(self._active).selected_id()
        return next((c for c in self._concerns if c.id == concern_id), None)

    # -- keeping in step ------------------------------------------------------------------------

    def on_descendant_focus(self, event: Any) -> None:
        """Clicking or tabbing into a column makes it the current one."""
        widget = getattr(event, "widget", None)
        if isinstance(widget, ConcernList) and widget.kind != self._active:
            self._activate(widget.kind)

    def on_tabs_tab_activated(self, event: Tabs.TabActivated) -> None:
        """A tab was clicked (narrow terminals)."""
        kind = (event.tab.id or "tab-unsorted").removeprefix("tab-")
        if kind != self._active:
            self._activate(kind)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Keys that apply depend on the highlighted concern."""
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter opens the concern."""
        event.stop()
        self.action_open()

    def refresh_data(self) -> None:
        """Reload after another process changed the file, keeping the selection."""
        if not self._lists:
            return
        if self.saves_pending():
            return
        self._reload()

    def _reload(self, select_id: str | None = None) -> None:
        current = self.selected()
        self._concerns = self.repo.children(Concern, self.interview_id or "")
        wanted = select_id or (current.id if current is not None else None)
        select = next((c for c in self._concerns if c.id == wanted), None)
        self._show_board(select)
        if select_id is not None and select is not None:
            self._activate(select.kind, select)

    def on_board_screen_stored(self, event: Stored) -> None:
        """An add or undo was saved: show it."""
        self.refresh_data() if event.select_id is None else self._reload(event.select_id)

    # -- saving ---------------------------------------------------------------------------------

    def _write(self, key: str, action: Any, reload: bool = False, delay: float | None = 0) -> None:
        """Save off the UI thread (now, or after ``delay``); with ``reload``, show the result."""

        def run() -> Any:
            result = action()
            if reload:
                self.post_message(self.Stored(getattr(result, "id", None)))
            return result

        self.save(key, run, delay)

    def _change(self, concern: Concern, **changes: Any) -> None:
        """Change fields of a concern on screen and on disk (one save per field); an error
        that becomes one to clarify in the card makes a written card a draft again."""
        from followup_tui.domain.card.draft import card_errors  # the card's rules: 50 ms to load

        concern_id, repo = concern.id, self.repo
        was_for_card = bool(card_errors([concern]))
        for name, value in changes.items():
            setattr(concern, name, value)
            self._write(
                save_key("concern", concern_id, name),
                lambda n=name, v=value: actions.change_concern(repo, concern_id, **{n: v}),
                # typed text waits for a pause (one save per burst, not per keystroke)
                delay=None if name in TYPED_FIELDS else 0,
            )
        if card_errors([concern]) and not was_for_card:
            reopen, iid = actions.reopen_written_cards, concern.interview_id
            self.save(
                save_key("card", iid, "reopen"), lambda: reopen(repo, iid), 0, on_done=self._say_reopened
            )

    def _say_reopened(self, reopened: int) -> None:
        if reopened:
            self.notify(actions.REOPENED_NOTICE, markup=False)

    def apply_dialog_change(self, concern_id: str, changes: dict[str, Any]) -> None:
        """Save a change made in the concern dialog and show it on the board."""
        concern = next((c for c in self._concerns if c.id == concern_id), None)
        if concern is not None:
            self._change(concern, **changes)
            self._show_board(concern if concern.kind == self._active else None)

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Grey out keys that do not apply to the selection."""
        if action in ("move", "triage", "open", "delete", "resolve", "reorder"):
            concern = self.selected()
            if concern is None:
                return None
            if action == "move" and (concern.kind, parameters[0]) not in MOVES:
                return None
            if action == "resolve" and concern.kind != "error":
                return None
        if action == "undo" and not self._undo:
            return None
        return True

    def action_move(self, direction: str) -> None:
        """Move the concern to the next column left or right; every field stays as it is."""
        concern = self.selected()
        if concern is None or (concern.kind, direction) not in MOVES:
            return
        self._put(concern, MOVES[(concern.kind, direction)])

    def _put(self, concern: Concern, kind: str, **extra: Any) -> None:
        """Put a concern in a column; from the unsorted inbox, stay there for the next one."""
        source = concern.kind
        before = {name: getattr(concern, name) for name in ("kind", *extra)}
        self._undo.append(Undo("move", concern, before=before))
        self._change(concern, kind=kind, **extra)
        if source == "unsorted" and self._column("unsorted"):
            self._show_board()
            self._activate("unsorted")
        else:
            self._show_board(concern)
            self._activate(kind, concern)

    def action_reorder(self, delta: int) -> None:
        """Move the concern up or down within its column."""
        concern = self.selected()
        if concern is None:
            return
        column = self._column(concern.kind)
        index = column.index(concern)
        if not 0 <= index + delta < len(column):
            return
        self._undo.append(Undo("reorder", concern, order=[c.id for c in self._concerns]))
        column[index], column[index + delta] = column[index + delta], column[index]
        slots = iter(column)
        self._set_order([next(slots) if c.kind == concern.kind else c for c in self._concerns])
        self._show_board(concern)

    def _set_order(self, concerns: list[Concern]) -> None:
        """Put the concerns in this order, on screen and on disk."""
        self._concerns = concerns
        for position, item in enumerate(self._concerns, start=1):
            item.order = float(position)
        ids = [c.id for c in self._concerns]
        repo = self.repo
        self._write(
            save_key("board", self.interview_id, "order"), lambda: actions.set_order(repo, Concern, ids)
        )

    def action_open(self) -> None:
        """Open the concern to tag it, add a thought, an action or mark it resolved."""
        concern = self.selected()
        if concern is not None:
            self.app.push_screen(ConcernDialog(concern, self.apply_dialog_change))

    def action_triage(self) -> None:
        """Sort the concern with two questions; the answer suggests a column."""
        concern = self.selected()
        if concern is None:
            return

        def sorted_as(result: TriageResult | None) -> None:
            if result is None:
                return
            extra = (
                {"action": result.action}
                if result.kind == "error" and result.action and not concern.action
                else {}
            )
            self._put(concern, result.kind, **extra)
            self.notify(f"Sorted: {CONCERN_KIND_NAMES[result.kind].lower()}.", timeout=3)

        self.app.push_screen(TriageDialog(concern), sorted_as)

    def action_add(self) -> None:
        """Add a concern to the current column."""
        kind, interview_id = self._active, self.interview_id or ""

        def add(text: str | None) -> None:
            if text:
                concern = Concern(interview_id=interview_id, text=text, kind=kind)
                repo = self.repo
                self._write(
                    unique_key("board", interview_id, "add"),
                    lambda: actions.add_concerns(repo, [concern])[0],
                    True,
                )

        keep = actions.kept_input_key("concern", interview_id, kind)
        self.app.push_screen(NewConcernDialog(COLUMN_TITLES[kind], keep), add)

    def action_delete(self) -> None:
        """Delete the concern; u brings it back. Its suggestion is not offered again."""
        concern = self.selected()
        if concern is None:
            return
        self._concerns.remove(concern)
        self._undo.append(Undo("delete", concern))
        interview_id = self.interview_id or ""

        repo = self.repo
        self._write(
            save_key("concern", concern.id, "delete"),
            lambda: actions.delete_concern(repo, interview_id, concern.id),
        )
        self._show_board()
        self.app.notify_repeated(
            f"board:{self.interview_id}:deleted",
            lambda count: (
                "Deleted. Press u to bring it back." if count == 1 else f"{count} concerns deleted, u undoes"
            ),
            timeout=4,
        )

    def action_undo(self) -> None:
        """Take back the last move, delete or reorder."""
        if not self._undo:
            return
        undo = self._undo.pop()
        concern = undo.concern
        if undo.what == "delete":
            repo = self.repo
            self._write(
                save_key("concern", concern.id, "restore"),
                lambda: actions.put_record(repo, concern),
                reload=True,
            )
            self.app.withdraw_notice(f"board:{self.interview_id}:deleted")
            self.app.notify("Brought back.", timeout=3)
            return
        if undo.what == "reorder":
            self._set_order(order_before(undo, self._concerns))
            self._show_board(concern)
            return
        current = next((c for c in self._concerns if c.id == concern.id), None)
        if current is not None:
            self._change(current, **undo.before)
            self._show_board(current)
            self._activate(current.kind, current)

    def action_resolve(self) -> None:
        """Mark an actual error resolved, or open it again."""
        concern = self.selected()
        if concern is not None and concern.kind == "error":
            self._change(concern, resolved=not concern.resolved)
            self._show_board(concern)

    def _columns_shown(self) -> list[str]:
        """The columns the cursor visits (an empty unsorted one only as a tab, when narrow)."""
        return [k for k in KINDS if k != "unsorted" or self._column("unsorted") or self.has_class("-narrow")]

    def action_column(self, step: int) -> None:
        """Go to the next or previous column, round from the last to the first (tab)."""
        kinds = self._columns_shown()
        position = kinds.index(self._active) if self._active in kinds else 0
        self._activate(kinds[(position + step) % len(kinds)])

    def action_cursor(self, step: int) -> None:
        """Take the cursor to the column left or right (arrows, h and l); none past the ends.

        On the wide board the arrows go where shift with them takes a concern: from the unsorted
        band above, left to the worries and right to the actual errors. As tabs (narrow), they
        step through the tabs in order.
        """
        kinds = self._columns_shown()
        if not self.has_class("-narrow"):
            target = MOVES.get((self._active, "left" if step < 0 else "right"))
            if target in kinds:
                self._activate(target)
            return
        position = kinds.index(self._active) if self._active in kinds else 0
        if 0 <= position + step < len(kinds):
            self._activate(kinds[position + step])
