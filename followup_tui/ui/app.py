"""The followup App: screens, global keys, autosave and watching the file. Nothing else."""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.command import Provider
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widget import Widget

from followup_tui.domain.zones import local_now, zone_notice
from followup_tui.services.autosave import save_key
from followup_tui.services.folder_notices import unread_file_notices, untold_new_identity
from followup_tui.services.home_index import IndexKeeper, list_rows
from followup_tui.store.durable import StorageError
from followup_tui.store.locations import documents_folder, resolve_data_file
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.key_order import KeyOrder

if TYPE_CHECKING:
    from followup_tui.domain.home_filters import HomeRow
    from followup_tui.store.home_index import HomeIndex
    from followup_tui.store.repository import Repository

SCREENS_BY_NAME: dict[str, str] = {
    "hub": "followup_tui.ui.screens.interview.hub:HubScreen",
    "prep": "followup_tui.ui.screens.prep.prep:PrepScreen",
    "debrief": "followup_tui.ui.screens.debrief.debrief:DebriefScreen",
    "board": "followup_tui.ui.screens.board.board:BoardScreen",
    "card": "followup_tui.ui.screens.card.card:CardScreen",
    "insights": "followup_tui.ui.screens.insights.insights:InsightsScreen",
}
"""Screens opened for an interview, imported only when first opened (start-up stays fast)."""

FORCE_EXIT_AFTER = 3.0
"""Seconds a stop signal gives the app to close normally before it leaves regardless."""

THEME_VARIABLE = "TEXTUAL_THEME"
"""Textual's variable naming a theme: it wins over the stored theme for the run it is set in."""

PRIVATE_FOLDER_MODE = 0o700
"""A folder followup makes for the user's files: theirs alone, as the data folder is."""

POLL_SECONDS = 1.0
"""How often the app looks for changes made by another process."""

KEEP_COPY_AFTER = 1.0
"""Seconds after start-up the merged tables are kept for the next start-ups (out of its way)."""

INDEX_WRITE_WAIT = 2.0
"""Seconds the app waits, as it ends, for the home index to be written (a small file)."""

UNTIL_DISMISSED = 24 * 3600.0
"""The timeout of a notification that stays until it is clicked away (or is no longer true)."""


def home_screen() -> type[Screen[Any]]:
    """The home screen's class (start-up loads it early while a helper reads the data)."""
    from followup_tui.ui.screens.home.home import HomeScreen

    return HomeScreen


def _said_once(line: str) -> Callable[[int], str]:
    """A notification's wording that says ``line`` however often it comes again (never counted)."""
    return lambda _count: line


def _palette_commands() -> type[Provider]:
    """Our palette commands, imported when the palette first opens."""
    from followup_tui.ui.commands import FollowupCommands

    return FollowupCommands


class FollowupApp(FollowupHost):
    """The followup terminal app.

    ``textual run --dev followup_tui.ui.app:FollowupApp`` builds it with no arguments: it then
    opens the data file ``followup`` would (``FOLLOWUP_DB``, else the platform's data folder),
    when built, never at import.

    A theme named by ``TEXTUAL_THEME`` wins over the one stored, for this run.

    Args:
        repository: The data, handed in (tests pass one on a temporary file); None opens the
            default data file.
        clock: Returns "now"; tests pass a fixed clock.
        watch: Look for changes made by other processes.
    """

    TITLE = "followup"
    CSS_PATH = "followup.tcss"
    COMMANDS = App.COMMANDS | {_palette_commands}
    BINDINGS = [
        Binding("ctrl+q", "quit", "Quit", priority=True),
        Binding("question_mark", "help", "Help"),
    ]

    def __init__(
        self,
        repository: Repository | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
        watch: bool = True,
        opener: Callable[[], Repository] | None = None,
        home_index: HomeIndex | None = None,
        keep_index: bool = False,
    ) -> None:
        if repository is None and opener is None:
            from followup_tui.store.repository import Repository

            repository = Repository(resolve_data_file())
        super().__init__(repository, clock=clock, opener=opener)
        self._watch = watch
        self._quit_warned = False
        self._gone_told = False
        self._unread_told: frozenset[Path] = frozenset()
        self._old_handlers: dict[int, Any] = {}
        self.cleanups: list[Callable[[], None]] = []
        """Run before a forced exit (the demo's temporary folder is removed this way)."""
        self._seen_version: Any = None
        self._seen_foreign = 0
        self._own_versions: set[Any] = set()
        self.key_order = KeyOrder(self, super().on_event)
        """Keys typed while a screen opens wait for it, in order (see ``key_order``)."""
        self._clicks_held: list[events.MouseEvent] = []
        self.home_index = home_index if repository is None else None
        kept = IndexKeeper(home_index.content, home_index.made_from) if home_index else IndexKeeper(None)
        self._index = kept if keep_index else None
        if repository is not None:
            self._note_version(repository)
        wanted = os.environ.get(THEME_VARIABLE)
        stored = self.home_index.theme if self.home_index is not None else self.repo.setting("theme")
        theme = wanted if wanted in self.available_themes else stored
        if isinstance(theme, str) and theme in self.available_themes:
            self.theme = theme

    def _note_version(self, repository: Repository) -> None:
        """Changes from now on are looked for (``_poll_file``)."""
        self._seen_version = repository.data_version()
        self._seen_foreign = repository.foreign_writes

    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes from the terminal go through ``key_order``; the rest as Textual does,
        except mouse buttons pressed before the data is open: they wait for it."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            await self.key_order.receive(event)
            return
        if isinstance(event, (events.MouseDown, events.MouseUp)) and not self.data_open:
            self._clicks_held.append(event)
            return
        await super().on_event(event)

    async def _release_clicks(self) -> None:
        """Handle the mouse buttons pressed before the data was open, in order."""
        held, self._clicks_held = self._clicks_held, []
        for event in held:
            await super().on_event(event)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Restyle a node whose classes changed, unless it is not in the screen's tree yet.

        Textual styles every widget as it mounts (and again if it is mounted anew). A class set
        while a widget is being built (``compact=True`` on a text box or an input sets one in
        the constructor) would have it styled once more before that, for nothing: a text box
        takes about 3 ms to style.
        """
        if isinstance(node, Widget) and not isinstance(node, Screen) and not node.is_attached:
            return
        super().update_styles(node, animate)

    # -- life cycle -----------------------------------------------------------------------------

    def get_default_screen(self) -> Screen[Any]:
        """The home screen is the bottom of the stack (no blank screen under it)."""
        return home_screen()()

    def on_mount(self) -> None:
        """Handle signals and start watching the data (once it is open, after the first frame
        when the home list's first frame comes from the home index)."""
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self._install_signal_handlers()
        notice = zone_notice()
        if notice is not None:
            self.notify(notice, title="Time zone", severity="warning", timeout=12, markup=False)
        if self.data_open:
            self._watch_data()
        else:  # every key waits for the data (``data_opened``), in order
            self.key_order.hold()
            self.hand_over_quickly()

    def data_opened(self) -> None:
        """The data opened after the first frame: the screens show it, then the keys typed
        meanwhile are handled, in order, and the mouse buttons pressed."""
        self._note_version(self.repo)
        self._watch_data()
        self.refresh_screens()
        self.key_order.let_go()
        self.call_later(self._release_clicks)

    def _watch_data(self) -> None:
        if self._watch:
            self.set_interval(POLL_SECONDS, self._poll_file)
        self.set_timer(KEEP_COPY_AFTER, self._keep_merged_copy)
        self.call_after_refresh(self._tell_unread_files)  # once the home screen has read the folder

    def keep_home_index(self, rows: list[HomeRow]) -> None:
        """Keep the home list's rows, as just built from the data, for the next start-ups'
        first frame (``store.home_index``), on a thread of its own; not for a demo."""
        if self._index is not None and not self.demo:
            self._index.keep(self.repo, rows)

    def _keep_merged_copy(self) -> None:
        """If start-up merged device files, keep the result for the next start-ups, on a
        thread of its own (it writes a file; an exit waits for it)."""
        threading.Thread(target=self.repo.keep_merged_copy, name="merged-copy").start()

    def on_unmount(self) -> None:
        """Save every pending edit before the app goes, keep the home index, and give the
        signals back."""
        self.saver.close()
        self.hand_over_as_usual()  # an app that ended before its data opened
        self._keep_index_at_exit()
        for sig, handler in self._old_handlers.items():
            signal.signal(sig, handler)
        self._old_handlers.clear()

    def _keep_index_at_exit(self) -> None:
        """Saves made on other screens may have changed the home list's rows unseen (it builds
        them again only when shown): keep them for the next start-up's first frame."""
        if self._index is None or self.demo or not self.data_open:
            return
        if self._index.holds(self.repo.data_version()):
            return  # nothing saved since the index was made: its rows are the data's
        # best effort, and never a report at exit: a file damaged meanwhile, the next start says so
        with contextlib.suppress(Exception):
            writing = self._index.keep(self.repo, list_rows(self.repo, self.clock()))
            if writing is not None:  # the process would wait for it anyway
                writing.join(INDEX_WRITE_WAIT)

    async def action_quit(self) -> None:
        """Quit once every edit is saved; if saving is failing, say so and quit on a second press."""
        if not self.saver.flush(timeout=5) and not self._quit_warned:
            self._quit_warned = True
            self.notify(
                "Some edits could not be saved yet (see the error). Press ctrl+q again to quit anyway.",
                title="Not saved",
                severity="error",
                timeout=10,
                markup=False,
            )
            return
        self.exit()

    def _force_exit(self, status: int) -> None:
        self.saver.flush(timeout=1.0)
        for cleanup in self.cleanups:
            try:
                cleanup()
            except Exception:  # leaving matters more than tidying up
                continue
        os._exit(status)

    def _install_signal_handlers(self) -> None:
        stopping: list[int] = []

        def on_signal(signum: int, frame: FrameType | None) -> None:
            # The handler runs on the main thread, which the signal may have caught half-way
            # through a save of its own: saving from here would run inside that save. So the
            # flush runs on a thread of its own, bounded (a save caught half-way holds the
            # lock until the handler returns); unmount flushes whatever is left.
            flusher = threading.Thread(target=self.saver.flush, kwargs={"timeout": 2.0}, daemon=True)
            flusher.start()
            flusher.join(2.5)
            if stopping:  # asked twice: the app is not stopping on its own, so stop now
                signal.signal(signum, signal.SIG_DFL)
                os.kill(os.getpid(), signum)
            if not stopping:
                # the terminal may be gone (SIGHUP), and a stuck driver would keep the process
                # alive unseen: the edits are saved, so leave for sure after a grace period
                guard = threading.Timer(FORCE_EXIT_AFTER, self._force_exit, args=(128 + signum,))
                guard.daemon = True  # a normal exit within the grace period ends it too
                guard.start()
            stopping.append(signum)
            self.call_later(self.exit)

        for name in ("SIGHUP", "SIGTERM", "SIGINT"):
            sig = getattr(signal, name, None)
            if sig is not None:
                try:
                    self._old_handlers[sig] = signal.signal(sig, on_signal)
                except ValueError:  # not the main thread (tests running the app in a thread)
                    return

    # -- saving ---------------------------------------------------------------------------------

    def _saved(self, key: str, result: Any) -> None:
        version = self.repo.data_version()
        self._own_versions.add(version)
        if self._gone_told and not self.repo.file_gone:
            self._gone_told = False
            self.notify(
                f"Saved everything again in {self.repo.path}.", title="Data folder made again", markup=False
            )
        problem = self.repo.untold_backup_problem()
        if problem is not None:  # the edit is saved; the safety net is not there: say so once
            self.notify(problem, title="No backup", severity="warning", timeout=12, markup=False)
        identity = untold_new_identity(self.repo)
        if identity is not None:
            self.notify(identity, title="New device identity", severity="warning", timeout=20, markup=False)

    def _tell_unread_files(self) -> None:
        """Say each file of the data folder the last read could not read, until dismissed; take
        the notice away once the file is read again."""
        notices = unread_file_notices(self.repo, self._unread_told)
        for path in self._unread_told - set(self.repo.unread_files):
            self.withdraw_notice(f"unread:{path}")
        self._unread_told = frozenset(self.repo.unread_files)
        for path, line in notices.items():
            self.notify_repeated(
                f"unread:{path}",
                _said_once(line),
                title="A file not read",
                severity="error",  # kept on a small terminal when other notices come and go
                timeout=UNTIL_DISMISSED,
            )

    def _poll_file(self) -> None:
        version, foreign = self.repo.data_version(), self.repo.foreign_writes
        if self._index is not None and not self.demo and not self.saver.pending:  # after edits elsewhere
            self._index.keep_once_quiet(self.repo, version, lambda: list_rows(self.repo, self.clock()))
        if version == self._seen_version and foreign == self._seen_foreign:
            return
        # a change elsewhere can hide under one of our own saves that landed right after it
        elsewhere = foreign != self._seen_foreign or version not in self._own_versions
        self._seen_version, self._seen_foreign = version, foreign
        self._own_versions.clear()
        if elsewhere:
            try:
                self.refresh_screens()
            except StorageError as exc:  # damaged by another program while open: say so, keep going
                self.notify(str(exc), title="Data file problem", severity="error", timeout=10, markup=False)
            self._tell_unread_files()
        if version is None and self.repo.file_gone and not self._gone_told:
            self._gone_told = True
            self.notify(
                f"The data folder {self.repo.path.parent} is gone (deleted while followup was open). "
                "Everything here is kept; the next change makes the folder again and saves it all there.",
                title="Data folder gone",
                severity="warning",
                timeout=15,
                markup=False,
            )

    def refresh_screens(self) -> None:
        """Tell every open screen that the data changed elsewhere."""
        from followup_tui.ui.screens.base import FollowupScreen

        for screen in self.screen_stack:
            if isinstance(screen, FollowupScreen):
                screen.refresh_data()

    # -- navigation -----------------------------------------------------------------------------

    def open_screen(self, name: str, interview_id: str | None) -> None:
        """Open one of the interview screens ("prep", "debrief", "board", "card", ...)."""
        module_name, _, class_name = SCREENS_BY_NAME[name].partition(":")
        screen_class = getattr(importlib.import_module(module_name), class_name)
        self.push_screen(screen_class(interview_id))

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save an SVG of the screen as a new 0600 file in the documents folder (created 0700).

        The palette's Screenshot comes here. In a browser (``--web``) the picture is downloaded
        as Textual does it; a folder that cannot be made is said in a notification.
        """
        if self.is_web:
            return super().deliver_screenshot(filename, path, time_format)
        from followup_tui.ui.screens.save_where import write_in_background

        picture = self.export_screenshot()
        folder = Path(path).expanduser() if path else documents_folder()
        try:
            folder.mkdir(mode=PRIVATE_FOLDER_MODE, parents=True, exist_ok=True)
        except OSError as exc:
            self.notify(f"No screenshot: {exc.strerror or exc} ({folder}).", severity="error", markup=False)
            return None
        stem = Path(filename).stem if filename else f"followup-screenshot-{self.clock():%Y-%m-%d-%H%M%S}"
        write_in_background(self.screen, folder, stem, ".svg", lambda: picture, "Screenshot saved to")
        return None

    def action_help(self) -> None:
        """Show every key of the current screen."""
        from followup_tui.ui.screens.help import HelpDialog

        if not isinstance(self.screen, HelpDialog):
            self.push_screen(HelpDialog(self.screen))

    def _remember_theme(self, theme: Any) -> None:
        from followup_tui.services.actions import set_theme  # not needed until a theme is chosen

        repo, name = self.repo, self.theme
        self.save(save_key("settings", "theme"), lambda: set_theme(repo, name))

    def _fatal_error(self) -> None:
        """Save what can be saved, then report the crash without any user text."""
        import sys

        from rich.text import Text

        from followup_tui.services.crash import crash_report

        self.saver.flush()
        exc_type, _, tb = sys.exc_info()
        if self.open_error is not None:  # the data could not be opened: said after the app ends
            self._close_messages_no_wait()
            return
        self.bell()
        self._exit_renderables.append(Text(crash_report(exc_type, tb)))
        self._close_messages_no_wait()
