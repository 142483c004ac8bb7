"""What every screen may ask of the app: the data, the clock, saving, and opening a screen.

Screens and the palette type ``self.app`` as ``FollowupHost``, never as ``FollowupApp``: the app
module imports the screens (to open them), so a screen that imported the app would close a
circle. ``FollowupApp`` (``ui/app.py``) is the one subclass.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.content import Content
from textual.css.query import NoMatches
from textual.geometry import Region
from textual.message_pump import MessagePump
from textual.notifications import Notification, Notify, SeverityLevel

from followup_tui.domain.zones import local_now
from followup_tui.services.autosave import Autosaver

if TYPE_CHECKING:  # a first frame from the home index comes before the data is opened
    from followup_tui.domain.home_filters import HomeRow
    from followup_tui.store.home_index import HomeIndex
    from followup_tui.store.repository import Repository


OPEN_SWITCH_INTERVAL = 0.0005
"""Seconds a thread waits for the interpreter, at most, until the data opened after the first
frame (Python's default is 0.005): the writer thread puts that frame on the terminal."""


class DataNotOpenedError(Exception):
    """The data was asked for before the first frame had opened it, and could not be opened.

    The app is then ending: it says ``open_error`` as a refused file is said before the app
    starts, with no crash report.
    """


class FollowupHost(App[None]):
    """The app as the screens see it.

    Args:
        repository: The data, handed in (tests pass one on a temporary file); None with
            ``opener``: the app starts from the home index and opens the data after its first
            frame (``open_data``).
        clock: Returns "now"; tests pass a fixed clock.
        opener: Opens the data, when ``repository`` is None.
    """

    def __init__(
        self,
        repository: Repository | None,
        *,
        clock: Callable[[], datetime] = local_now,
        opener: Callable[[], Repository] | None = None,
    ) -> None:
        super().__init__()
        if repository is None and opener is None:
            raise ValueError("the app needs its data, or a way to open it")
        self._repository = repository
        self._opener = opener
        self.open_error: Exception | None = None
        """Why the data could not be opened after the first frame (the app then ends)."""
        self.home_index: HomeIndex | None = None
        """The home list's first frame, while the data is not open yet (``store.home_index``)."""
        self.clock = clock
        """Returns the current local time (fixed in tests and snapshots)."""
        self.saver = Autosaver(on_error=self._save_failed, on_saved=self._saved)
        """Every edit goes through here, off the UI thread."""
        self.notices = Notices(self)
        """Notifications: repeats merged, kept clear of the focused control."""
        self.demo = False
        """A throwaway copy with sample data (``--demo``): every header says so."""
        self.offered_conflicts: set[str] = set()
        """Texts typed on two devices already offered this session (``screens/conflict.py``)."""
        self._switch_interval: float | None = None

    @property
    def repo(self) -> Repository:
        """The data of this session (opened now if the app started from the home index and
        the data is needed before ``open_data`` ran)."""
        if self._repository is None:
            self.open_data()
        if self._repository is None:  # it could not be opened: the app ends and says why
            raise DataNotOpenedError(self.open_error)
        return self._repository

    @property
    def data_open(self) -> bool:
        """The data is open (always, unless the app started from the home index)."""
        return self._repository is not None

    def open_data(self) -> None:
        """Open the data, if the app started from the home index: after its first frame.

        A file that cannot be opened ends the app; ``open_error`` says why (the command
        then says it as it does when the file is refused before the app starts).
        """
        if self._repository is not None:
            return
        try:
            self._open()
        except Exception as exc:
            self.open_error = exc
            self.exit(return_code=1)

    def _open(self) -> None:
        assert self._opener is not None
        try:
            self._repository = self._opener()
        finally:
            self.hand_over_as_usual()
        self.home_index = None
        self.data_opened()

    def hand_over_quickly(self) -> None:
        """Until the data is open, let a thread waiting for the interpreter have it within half
        a millisecond (``OPEN_SWITCH_INTERVAL``; Python's own is 5 ms).

        The first frame waits in the queue of Textual's writer thread while the open, right
        after it, holds the interpreter for tens of milliseconds: the frame reached the
        terminal about 5 ms after it was drawn. No other thread wants the interpreter until
        then, so nothing else changes.
        """
        if self._switch_interval is None:
            self._switch_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(self._switch_interval, OPEN_SWITCH_INTERVAL))

    def hand_over_as_usual(self) -> None:
        """Give the interpreter back its own hand-over interval (after ``hand_over_quickly``)."""
        if self._switch_interval is not None:
            sys.setswitchinterval(self._switch_interval)
            self._switch_interval = None

    def data_opened(self) -> None:
        """Called once the data opened after the first frame; the app starts watching it."""

    def keep_home_index(self, rows: list[HomeRow]) -> None:
        """The home list's rows were just built from the data: the app may keep them for the
        next start-ups' first frame."""

    def save(
        self,
        key: str,
        action: Callable[[], Any],
        delay: float | None = None,
        *,
        on_done: Callable[[Any], object] | None = None,
        on_failed: Callable[[str, bool], object] | None = None,
        receiver: MessagePump | None = None,
    ) -> None:
        """Queue an edit for saving off the UI thread (see ``Autosaver.submit``).

        Args:
            key: What the edit changes; a newer edit under the same key replaces it.
            action: The write, usually one of ``services.actions``.
            delay: Seconds to wait for more edits under the key (None: the saver's default).
            on_done: Run on the UI thread with the action's result once it is written.
            on_failed: Run on the UI thread with the message, and whether the edit stays
                queued to be tried again; without it the app shows the message.
            receiver: The screen the callbacks belong to; they are dropped once it has
                closed (a failure is then shown by the app).
        """
        target = receiver or self

        def done(result: Any) -> None:
            if on_done is not None:
                target.call_later(_run, on_done, result)

        def failed(message: str, retrying: bool) -> None:
            if on_failed is None or not target.call_later(_run, on_failed, message, retrying):
                self._save_failed(message)

        self.saver.submit(key, action, delay, on_done=done, on_failed=failed)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Show a notification; the same one again while it is shown is merged with it."""
        if threading.current_thread() is not threading.main_thread():
            # from the autosave thread: Textual's own notify only posts a message
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        self.notify_repeated(
            f"{severity}:{title}:{message}",
            lambda count: message if count == 1 else f"{message} (×{count})",
            title=title,
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def notify_repeated(
        self,
        key: str,
        wording: Callable[[int], str],
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification that counts its repeats under ``key`` while it is shown.

        Args:
            key: Repeats of the same thing share a key.
            wording: The message for the nth repeat, e.g. ``"4 concerns deleted, u undoes"``.
            title: The notification's title.
            severity: "information", "warning" or "error".
            timeout: Seconds it stays (the app's default when None).
            markup: Whether the message is markup (never with user text in it).
        """
        self.notices.show(
            key,
            wording,
            title=title,
            severity=severity,
            timeout=self.NOTIFICATION_TIMEOUT if timeout is None else timeout,
            markup=markup,
        )

    def withdraw_notice(self, key: str) -> None:
        """Take away the notification ``notify_repeated`` shows under ``key``, if still shown."""
        self.notices.withdraw(key)

    def format_title(self, title: str, sub_title: str) -> Content:
        """The header's title; with ``--demo`` and room for it, "sample data, deleted on quit" beside it
        (the screens put a DEMO mark in the header's icon)."""
        shown = super().format_title(title, sub_title)
        if not self.demo or self.size.width < NARROW:  # narrow: the mark in the icon's place only
            return shown
        return Content.assemble(shown, (" · sample data, deleted on quit", "dim"))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """The focus moved: keep the notifications clear of it."""
        self.notices.place()

    def open_screen(self, name: str, interview_id: str | None) -> None:
        """Open one of the interview screens ("prep", "debrief", "board", "card", ...)."""
        raise NotImplementedError("FollowupApp opens the screens")

    def _save_failed(self, message: str) -> None:
        # notify posts a message: safe from the autosave thread, and it never blocks that thread
        self.notify(message, title="Not saved", severity="error", timeout=8, markup=False)

    def _saved(self, key: str, result: Any) -> None:
        """Called on the autosave thread after each save; the app notes its own writes."""


NOTE_ROWS = 6
"""Rows a notification can take at the bottom (or the top) of the screen."""

NARROW = 80
"""Below this many columns notifications take the whole width and fewer rows."""

TOAST_RACK = "textual-toastrack"
"""The id Textual gives the widget holding a screen's notifications."""


class Notices:
    """Notifications that merge their repeats and keep clear of the focused control.

    The same message again while it is still shown replaces it, counted ("(×3)"), instead of
    stacking a toast per repeat; ``FollowupHost.notify_repeated`` lets a screen word the count
    itself ("4 concerns deleted, u undoes"). Toasts never cover anything: the screen gives them
    rows of their own (``followup.tcss`` docks the rack in the screen's layer), at the bottom,
    or at the top when what the screen has the user read (``keep_in_view``) or the focused
    control is at the bottom, so that is what stays put; below 80 columns one shows at a time
    (errors stay).
    """

    def __init__(self, app: App[Any]) -> None:
        self._app = app
        self._shown: dict[str, tuple[Notification, int, float]] = {}

    def show(
        self,
        key: str,
        wording: Callable[[int], str],
        *,
        title: str,
        severity: SeverityLevel,
        timeout: float,
        markup: bool,
    ) -> None:
        """Show ``wording(n)``, replacing the notification shown under ``key`` (the nth repeat)."""
        app = self._app
        count = 1
        earlier = self._shown.get(key)
        if earlier is not None and time.monotonic() < earlier[2]:
            count = earlier[1] + 1
            # after its own Notify (both wait in the app's queue): removed once it is there
            app.call_later(self._drop, earlier[0])
        if app.size.width < NARROW:  # one toast at a time on a small terminal, errors kept
            for shown in [n for n in app._notifications if n.severity != "error"]:
                app.call_later(self._drop, shown)
        notification = Notification(wording(count), title, severity, timeout, markup=markup)
        self._shown[key] = (notification, count, time.monotonic() + timeout)
        self.place()
        app.post_message(Notify(notification))

    def withdraw(self, key: str) -> None:
        """Take away the notification shown under ``key`` (what it said is no longer true); the
        next one under it counts from one again."""
        earlier = self._shown.pop(key, None)
        if earlier is not None:
            self._app.call_later(self._drop, earlier[0])

    def _drop(self, notification: Notification) -> None:
        app = self._app
        if notification in app._notifications:  # Textual keeps them privately; no public removal
            app._unnotify(notification)

    def place(self) -> None:
        """Put the toasts where they do not cover the focused control (bottom unless it is there)."""
        app = self._app
        if not app.screen_stack:  # the app is closing: no screen, nothing to keep clear
            return
        try:  # the screen's own toast rack: a class on the app would restyle every widget of every screen
            rack = app.screen.get_child_by_id(TOAST_RACK)
        except NoMatches:
            return
        width, height = app.size
        rack.set_class(width < NARROW, "-narrow")
        band = min(NOTE_ROWS, height // 2)
        bottom = Region(0, height - 1 - band, width, band)  # above the footer
        upper = Region(0, 1, width, band)  # under the header
        # what the screen has the user read (the board's tabs, the card's end and word count)
        # decides first: toasts go to the band that covers less of it
        reading = [w.region for w in getattr(app.screen, "keep_in_view", list)() if w.region]
        top, low = (sum(r.intersection(band).area for r in reading) for band in (upper, bottom))
        if top != low:
            rack.set_class(low > top, "-notes-top")
            return
        focused = app.focused
        regions = [focused.region] if focused is not None else []
        # the focused control decides; where it is in neither band, the buttons shown do
        regions += [button.region for button in app.screen.query("Button") if button.region]
        covered = next(
            (
                (region.intersection(bottom).area, region.intersection(upper).area)
                for region in regions
                if region.intersection(bottom).area != region.intersection(upper).area
            ),
            (0, 0),
        )
        rack.set_class(covered[0] > covered[1], "-notes-top")


def _run(callback: Callable[..., object], *args: Any) -> None:
    """Run a save's callback without awaiting what it returns (a screen may dismiss itself)."""
    callback(*args)
