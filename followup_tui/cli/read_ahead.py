"""Reading the data folder in a second process while Textual loads (start-up, issue 23).

When no home index can be trusted (another device wrote without handing its rows over: a
``followup note`` on the phone), the app has to read and merge every device file before its
first frame, and that read came before Textual was even imported: at 1,000 interviews a fifth
of a second of one core, with the other core idle. So on a machine with more than one core,
start-up forks a process that opens the data folder, builds the home list's rows and keeps
them as the home index (``services.home_index.IndexKeeper``, exactly as the app does once its
home list is built, handing them over to the other devices too), while this process imports
Textual and the home screen. Then it waits for the helper to say the index is kept (it hands
the rows over after that, and is reaped when the data opens), before Textual touches the
terminal (so an interrupt or a stop signal ends it as before), and loads the index as at any
start-up (``store.home_index.load``: trusted only if every file is still exactly as the rows
were made from): the first frame is drawn from it and the data folder is opened right after,
as always. When the helper kept nothing (a damaged file, a file to upgrade, an old single file
merged), the data is opened first, as before, and a file that cannot be opened is refused in
the one line it always gets. The helper gets the terminal's interrupt too; a stop signal sent
to this process alone leaves it to finish (in well under a second) what it would have kept.

The helper never changes the data: it opens the folder without bringing an old file up to
date, writes only the home index and its hand-over (``store.handed_index``), prints nothing
and ends without running anything at exit. It is not used where a fork is not safe or not
there (macOS, Windows, a process with other threads), nor with a single core, where it would
only add work.
"""

from __future__ import annotations

import contextlib
import os
import select
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

PATIENCE = 60.0
"""Seconds the helper may take before it is stopped and this process reads the data itself
(far more than any read takes: it guards against a helper that never ends, not a slow one)."""


def usable() -> bool:
    """Whether a helper process can read ahead here: a fork that is safe (Linux or Android,
    and no other thread running: one could hold a lock the helper needs), and a second core."""
    if not hasattr(os, "fork") or not sys.platform.startswith(("linux", "android")):
        return False
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores > 1


class Helper:
    """The process reading ahead (``start``).

    Args:
        pid: Its process id.
        told: The reading end of a pipe only the helper writes to: a byte once the index is
            kept, then the pipe's end at the helper's.
    """

    def __init__(self, pid: int, told: int) -> None:
        self.pid = pid
        self._told: int | None = told

    def wait(self) -> None:
        """Wait until the helper kept the index (it then hands the rows over: ``end``), or
        ended. What it kept is then loaded by the usual rules (``store.home_index.load``),
        whatever it said: a helper stopped mid-write leaves the index as it was (it is written
        by a rename)."""
        if self._told is not None:
            said = self._next()
            if said != KEPT:
                self._end(stop=said is None)

    def end(self) -> None:
        """Wait until the helper ended (stopping it past ``PATIENCE``), and reap it."""
        if self._told is not None:
            said = self._next()
            while said:
                said = self._next()
            self._end(stop=said is None)

    def _next(self) -> bytes | None:
        """What the helper says next (b"" at its end); None when ``PATIENCE`` ran out first."""
        assert self._told is not None
        ready, _, _ = select.select([self._told], [], [], PATIENCE)
        return os.read(self._told, 1) if ready else None

    def _end(self, stop: bool) -> None:
        assert self._told is not None
        try:
            if stop:
                with contextlib.suppress(OSError):
                    os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):  # reaped already (SIGCHLD ignored)
                os.waitpid(self.pid, 0)
        finally:
            os.close(self._told)
            self._told = None


KEPT = b"k"
"""What the helper says once the index is kept."""


def start(path: Path) -> Helper | None:
    """Start a helper keeping the home index of ``path``'s folder; None where it cannot, and
    for a folder with no data file (nothing to read: a first start)."""
    from followup_tui.store.folder import DataFolder

    if not usable() or not DataFolder(path).sources():
        return None
    told, telling = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(told)
        os.close(telling)
        return None
    if pid:
        os.close(telling)
        return Helper(pid, told)
    _helper(path, telling)  # never returns


def _helper(path: Path, telling: int) -> NoReturn:
    """The helper's whole life: keep the index (saying so), then end at once. Its exit status
    says nothing: the app loads whatever index there is by the usual rules."""
    try:
        with open(os.devnull, "wb") as null:  # never a word on the user's terminal
            os.dup2(null.fileno(), 1)
            os.dup2(null.fileno(), 2)
        keep_index(path, lambda: os.write(telling, KEPT))
    except BaseException:  # the app's own read says what went wrong
        pass
    finally:
        os._exit(0)


def keep_index(path: Path, kept: Callable[[], object] | None = None) -> bool:
    """Open the data folder of ``path`` without writing to it, and keep its home index
    (``kept`` is called once it is written, before the rows are handed over).

    Returns:
        Whether the index was kept (it is not from a file refused or to be upgraded).
    """
    from followup_tui.domain.zones import local_now
    from followup_tui.services.home_index import IndexKeeper, list_rows
    from followup_tui.store.repository import Repository

    repo = Repository(path, upgrade=False)
    writing = IndexKeeper(None, kept=kept).keep(repo, list_rows(repo, local_now()))
    if writing is None:
        return False
    writing.join()
    return True
