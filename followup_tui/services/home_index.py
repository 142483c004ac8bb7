"""Keeping the home index (``store.home_index``) in step with the rows the home list shows.

The home screen hands over its rows each time it builds them from the data; the index is
written on a thread of its own, only when what it would hold changed, and only from a read of
the folder that the next start-up makes again to the same rows: one file, device files merged,
or their merged copy (it is removed with a file refused, upgraded in memory, or after a merge
of an old single file or a conflict copy). When that read was of device files only, the same
rows are handed over to the other devices in the data folder (``store.handed_index``): their
next start-up draws its first frame from them even though this device's file is newer.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from followup_tui.domain.home_filters import home_rows
from followup_tui.domain.home_listing import index_entry
from followup_tui.store import handed_index, home_index
from followup_tui.store.folder import DataFolder
from followup_tui.store.index_body import body

if TYPE_CHECKING:
    from followup_tui.domain.home_filters import HomeRow
    from followup_tui.store.repository import Repository


def list_rows(repo: Repository, now: datetime) -> list[HomeRow]:
    """The home list's rows, built from the data (the records are read, never copied: a long
    history would cost more to copy than to read)."""
    from followup_tui.domain.models import Card, Interview  # after the first frame

    return home_rows(list(repo.shared(Interview)), list(repo.shared(Card)), repo.open_concern_counts(), now)


class IndexKeeper:
    """Writes the home index after the home list's rows were built from the data.

    Args:
        content: The index as read at start-up (rows that are the same write nothing).
        made_from: The data folder's files that index was made from (None for rows another
            device handed over: they were not made here, so the rows are built from the data).
        kept: Called once an index is written, before its rows are handed over (the helper
            that reads ahead tells the app, ``cli.read_ahead``).
    """

    def __init__(
        self,
        content: bytes | None,
        made_from: home_index.Version = None,
        kept: Callable[[], object] | None = None,
    ) -> None:
        self._content = content
        self._kept = kept
        self._made_from = made_from if content is not None else None
        self._handed: bytes | None = None
        self._lock = threading.Lock()
        self._latest = 0
        self._polled: home_index.Version = None
        self._tried: home_index.Version = None

    def holds(self, version: home_index.Version) -> bool:
        """Whether the index kept was made from the data folder's files as ``version`` names
        them: its rows are the ones the data would give (building them again is not needed)."""
        return version is not None and version == self._made_from

    def keep_once_quiet(
        self, repo: Repository, version: home_index.Version, rows: Callable[[], list[HomeRow]]
    ) -> threading.Thread | None:
        """Keep the rows ``rows()`` builds once the data folder stayed at ``version`` since the
        last call (the app asks every second), unless the index holds them already; tried
        once per version. Saves made on other screens then reach the next start-up's first
        frame, and the other devices' (``handed_index``), even if the app never quits normally
        (a phone's app is often killed in the background).

        The rows are built in that thread, not the caller's: at 5,000 interviews building them
        takes 150-200 ms, which the app's screen would otherwise freeze for after each pause in
        typing.

        Returns:
            The thread building the rows and keeping them, if one was started.
        """
        quiet, self._polled = version == self._polled, version
        if not quiet or version is None or version == self._tried or self.holds(version):
            return None
        self._tried = version
        thread = threading.Thread(target=self._keep_built, args=(repo, rows), name="home-index-rows")
        thread.start()
        return thread

    def _keep_built(self, repo: Repository, rows: Callable[[], list[HomeRow]]) -> None:
        writer = self.keep(repo, rows())
        if writer is not None:
            writer.join()

    def keep(self, repo: Repository, rows: list[HomeRow]) -> threading.Thread | None:
        """Keep ``rows``, just built from ``repo``, as the index of its data folder.

        Nothing is written when the data in memory is not what the folder holds now (the
        next build writes it) and when the index would hold what it holds already.

        Returns:
            The thread writing the index, if one was started.
        """
        made_from = repo.read_as
        if not made_from or made_from != repo.data_version():
            return None
        if not repo.read_whole:
            self._content = self._made_from = None
            home_index.drop(repo.path)
            return None
        stored = repo.setting("theme")
        theme = stored if isinstance(stored, str) else None
        with self._lock:
            self._latest += 1
            turn = self._latest
        thread = threading.Thread(
            target=self._write, args=(repo, made_from, theme, list(rows), turn), name="home-index"
        )
        thread.start()
        return thread

    def _write(
        self,
        repo: Repository,
        made_from: home_index.Version,
        theme: str | None,
        rows: list[HomeRow],
        turn: int,
    ) -> None:
        encoded = body(theme, [index_entry(row) for row in rows])
        made = home_index.content(DataFolder(repo.path), made_from, encoded)
        with self._lock:
            if turn != self._latest:
                return  # newer rows are on their way
            if made != self._content and home_index.keep(repo.path, made, self._content):
                self._content, self._made_from = made, made_from
                if self._kept is not None:
                    self._kept()
            if made != self._handed:  # the others' first frame after this device's last write
                handed_index.hand_over(repo.path, made_from, encoded)
                self._handed = made
