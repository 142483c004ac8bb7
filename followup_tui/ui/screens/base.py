"""What every followup screen shares: typed app, back key, saving, reacting to outside changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, on
from textual.binding import Binding, BindingType
from textual.containers import ScrollableContainer
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer, Header, Input, Static

from followup_tui.domain.status import moment_label
from followup_tui.ui.host import FollowupHost

if TYPE_CHECKING:  # the home screen's first frame, from the home index, comes before the data
    from followup_tui.domain.conflicts import Choice
    from followup_tui.domain.models import Interview
    from followup_tui.store.repository import Repository

NARROW = 80
"""Below this many columns screens use their compact layouts."""

DEMO_MARK = "DEMO"
"""With ``--demo``, shown in every header in place of the icon."""


class FollowupScreen(Screen[None]):
    """A full screen of followup, usually about one interview.

    Args:
        interview_id: The interview this screen is about (None for screens across interviews).
    """

    app: FollowupHost

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", "Back")]

    SCREEN_TITLE: ClassVar[str] = ""
    """The title shown in the header; part of the product's contract."""

    KEEP_IN_VIEW: ClassVar[str] = ""
    """A selector of what is read on this screen, which notifications never cover."""

    CONFLICT_TABLES: ClassVar[frozenset[str]] = frozenset()
    """Tables whose texts typed on two devices this screen offers to settle as it opens."""

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__()
        self.interview_id = interview_id
        """The interview this screen is about."""
        self._repo: Repository | None = None
        self._refresh_waiting = False
        self._shown_before = False
        if self.SCREEN_TITLE:
            self.title = self.SCREEN_TITLE

    @property
    def repo(self) -> Repository:
        """The app's repository, kept so saves queued before the screen closes still work.

        Saves run on the autosave thread, possibly after the screen was dismissed; by then
        ``self.app`` can no longer be found from the screen, so the repository is held here.
        """
        if self._repo is None:
            self._repo = self.app.repo
        return self._repo

    def on_mount(self) -> None:
        """Hold on to the repository while the app is reachable (the home screen of a start
        from the home index mounts before the data is open: it takes it later); fit the footer."""
        if self.app.data_open:
            self._repo = self.app.repo
        self._fit_footer()
        if self.app.demo:  # the mark takes the icon's place: the title keeps all its room
            for header in self.query(Header):
                header.icon = DEMO_MARK
                header.add_class("-demo")

    @on(events.ScreenResume)
    def _place_notices(self) -> None:
        """Notifications on this screen keep clear of its focused control and fit its width."""
        self.app.notices.place()

    @on(events.ScreenResume)
    def _offer_conflicts(self) -> None:
        """A text this screen holds that was typed on two devices is offered once, as it opens."""
        if self.CONFLICT_TABLES:
            self.call_later(self.offer_conflicts)

    def offer_conflicts(self) -> None:
        """Offer the first text this screen holds that was typed on two devices, if any.

        Each is offered once per session; the choice is saved off the UI thread and the screen
        then shows the result. When the dialog closes the screen resumes and offers the next.
        """
        from followup_tui.services import actions  # not before a screen that holds texts opens
        from followup_tui.ui.screens.conflict import ConflictDialog

        offered = self.app.offered_conflicts
        waiting = [
            c
            for c in actions.field_conflicts(self.repo)
            if c.id not in offered
            and c.table in self.CONFLICT_TABLES
            and c.interview_id in (self.interview_id, None)
        ]
        if not waiting or self.app.screen is not self:
            return
        conflict, repo = waiting[0], self.repo
        offered.add(conflict.id)

        def chosen(choice: Choice | None) -> None:
            if choice is not None:
                self.save(
                    f"conflict:{conflict.id}",
                    lambda: actions.settle_conflict(repo, conflict.id, choice),
                    on_done=lambda _text: self.refresh_data(),
                )

        self.app.push_screen(ConflictDialog(conflict), chosen)

    @on(events.Resize)
    def _footer_on_resize(self) -> None:
        """A narrow terminal gets the compact footer, so more keys fit in one line."""
        self._fit_footer()
        if self.app.demo:  # the demo's words beside the title come and go with the width
            for header in self.query(Header):
                for title in header.query("HeaderTitle").results(Static):
                    title.update(header.format_title())

    def preset_breakpoints(self) -> None:
        """Give the screen its width class (``HORIZONTAL_BREAKPOINTS``) before it is styled.

        Called first thing in ``compose``. Textual adds the class at the first resize, after
        every widget was styled, and so styles the whole screen a second time; set now, the
        class is already there and that resize changes nothing.
        """
        width = self.app.size.width
        chosen = [name for least, name in sorted(self.HORIZONTAL_BREAKPOINTS or []) if width >= least]
        for _, name in self.HORIZONTAL_BREAKPOINTS or []:
            self.set_class(bool(chosen) and name == chosen[-1], name, update=False)

    def _fit_footer(self) -> None:
        for footer in self.query(Footer):
            footer.compact = self.app.size.width < NARROW

    def interview(self) -> Interview | None:
        """Return this screen's interview as stored now, or None if it is gone."""
        from followup_tui.domain.models import Interview
        from followup_tui.store.repository import NotFoundError

        if self.interview_id is None:
            return None
        try:
            return self.repo.get(Interview, self.interview_id)
        except NotFoundError:
            return None

    def keep_in_view(self) -> list[Widget]:
        """What notifications must not cover on this screen (they go to the other end)."""
        return list(self.query(self.KEEP_IN_VIEW)) if self.KEEP_IN_VIEW else []

    def still_ahead(self, interview: Interview) -> str:
        """One line saying the interview has not happened yet ("" once it has), for the screens
        that are for after it: they say so, and still take what is typed."""
        moment = interview.local_moment
        if moment is None or moment <= self.app.clock():
            return ""
        return f"Not happened yet: the interview is on {moment_label(moment)}."

    def palette_interview_id(self) -> str | None:
        """The interview the palette's commands act on when it opens over this screen.

        This screen's interview; None lets the palette use the one selected on the home screen.
        """
        return self.interview_id

    def coming_back(self) -> bool:
        """For ``on_screen_resume``: should the screen load its data again?

        Always when coming back from another screen. At the first showing ``on_mount`` has
        just loaded it, so only when edits made just before (on the screen left behind) are
        still waiting to be saved: the screen's refresh then waits for them.
        """
        if self._shown_before:
            return True
        self._shown_before = True
        return bool(self.app.saver.pending)

    def save(
        self,
        key: str,
        action: Callable[[], Any],
        delay: float | None = None,
        *,
        on_done: Callable[[Any], object] | None = None,
        on_failed: Callable[[str, bool], object] | None = None,
    ) -> None:
        """Queue an edit to be saved off the UI thread; the callbacks (see ``FollowupHost.save``)
        run on this screen while it is open."""
        self.app.save(key, action, delay, on_done=on_done, on_failed=on_failed, receiver=self)

    def saves_pending(self) -> bool:
        """True while edits wait to be saved; ``refresh_data`` then runs again once, later.

        What is stored may not have the latest edit yet, so a refresh now would show an older
        state; one retry is scheduled however often this is asked meanwhile.
        """
        if not self.app.saver.pending:
            return False
        if not self._refresh_waiting:
            self._refresh_waiting = True

            def retry() -> None:
                self._refresh_waiting = False
                self.refresh_data()

            self.set_timer(0.3, retry)
        return True

    def refresh_data(self) -> None:
        """Reload what the screen shows after another process changed the file.

        Screens override this; they must never overwrite a field the user is editing.
        """

    def action_back(self) -> None:
        """Escape: leave the text field the cursor is in; outside one, go back to the previous
        screen (the home screen stays). One meaning on every screen with text fields."""
        if self.leave_field():
            return
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    def leave_field(self) -> bool:
        """Move the cursor out of the text field it is in (nothing typed is lost: fields save as
        they change); return False when it is in none."""
        field = self.focused
        if field is None or not _is_text_field(field):
            return False
        self.set_focus(self.after_field(field), scroll_visible=False)
        return True

    def after_field(self, field: Widget) -> Widget | None:
        """Where escape puts the cursor from ``field``: the scrolling part around it, so the
        arrow keys scroll on (None: nowhere). Screens with a list beside the field name it."""
        for ancestor in field.ancestors:
            if isinstance(ancestor, ScrollableContainer) and ancestor.focusable:
                return ancestor
        return None


def _is_text_field(widget: Widget) -> bool:
    """True for a one-line or a multi-line text field.

    Textual's text area is imported here, when first asked, not with this module: the home
    screen has none, and its module (with the document and syntax modules it brings) takes
    about 10 ms to import, a twentieth of a bare Textual app's start-up.
    """
    if isinstance(widget, Input):
        return True
    from textual.widgets import TextArea

    return isinstance(widget, TextArea)
