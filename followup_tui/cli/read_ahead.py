"""Reading the data folder in a second process while Textual loads (start-up, issue 23).

When no home index can be trusted (another device wrote without handing its rows over: a
``followup note`` on the phone), the app has to read and merge every device file before its
first frame, and that read came before Textual was even imported: at 1,000 interviews a fifth
of a second of one core, with the other core idle. So on a machine with more than one core,
start-up forks a process that opens the data folder, builds the home list's rows and keeps
them as the home index (``services.home_index.IndexKeeper``, exactly as the app does once its
home list is built, handing them over to the other devices too), while this process imports
Textual and starts the app. When the home list first needs its rows, this process waits for
the helper, loads the index as at any start-up (``store.home_index.load``: trusted only if
every file is still exactly as the rows were made from) and draws its first frame from it;
the data folder is opened right after, as always. When the helper kept nothing (a damaged
file, a file to upgrade, an old single file merged), the data is opened then, before the first
frame; a file that cannot be opened ends the app with the one line it always gives.

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
from pathlib import Path
from typing import NoReturn

PATIENCE = 10.0
"""Seconds the helper may take; past them it is stopped and the data is opened here (it does
what this process would do, so only a read that hangs gets here)."""


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
        ended: The reading end of a pipe only the helper writes to: at its end, the pipe ends.
    """

    def __init__(self, pid: int, ended: int) -> None:
        self.pid = pid
        self._ended = ended

    def wait(self) -> bool:
        """Wait until the helper ended (stopping it past ``PATIENCE``).

        Returns:
            Whether it ended by itself having kept the home index.
        """
        try:
            ready, _, _ = select.select([self._ended], [], [], PATIENCE)
            if not ready:
                with contextlib.suppress(OSError):
                    os.kill(self.pid, signal.SIGKILL)
            _, status = os.waitpid(self.pid, 0)
        except (OSError, ValueError):
            return False
        finally:
            os.close(self._ended)
        return bool(ready) and os.waitstatus_to_exitcode(status) == 0


def start(path: Path) -> Helper | None:
    """Start a helper keeping the home index of ``path``'s folder; None where it cannot, and
    for a folder with no data file (nothing to read: a first start)."""
    from followup_tui.store.folder import DataFolder

    if not usable() or not DataFolder(path).sources():
        return None
    ended, writing = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(ended)
        os.close(writing)
        return None
    if pid:
        os.close(writing)
        return Helper(pid, ended)
    _helper(path)  # never returns


def _helper(path: Path) -> NoReturn:
    """The helper's whole life: keep the index, then end at once (exit status 0 if kept)."""
    status = 1
    try:
        with open(os.devnull, "wb") as null:  # never a word on the user's terminal
            os.dup2(null.fileno(), 1)
            os.dup2(null.fileno(), 2)
        status = 0 if keep_index(path) else 1
    except BaseException:  # the app's own read says what went wrong
        status = 1
    finally:
        os._exit(status)


def keep_index(path: Path) -> bool:
    """Open the data folder of ``path`` without writing to it, and keep its home index.

    Returns:
        Whether the index was kept (it is not from a file refused or to be upgraded).
    """
    from followup_tui.domain.zones import local_now
    from followup_tui.services.home_index import IndexKeeper, list_rows
    from followup_tui.store.repository import Repository

    repo = Repository(path, upgrade=False)
    writing = IndexKeeper(None).keep(repo, list_rows(repo, local_now()))
    if writing is None:
        return False
    writing.join()
    return True
