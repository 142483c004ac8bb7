"""Opening the app on a data file, without click: shared by the launcher and the click group.

A problem the user can fix is one line on stderr and exit status 1, as click prints it, and a
backup that could not be made is told once when the app ends.
"""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from followup_tui.store.repository import Repository
    from followup_tui.ui.app import FollowupApp


def open_app(path: Path, demo: bool = False) -> int:
    """Open the app on ``path``, or on a throwaway demo copy that is deleted afterwards.

    A problem the user can fix (a damaged file, a folder that cannot be read) is one line on
    stderr, as click prints it.

    Args:
        path: The data file.
        demo: Open a private temporary file filled with sample data instead; ``path`` is not touched.

    Returns:
        The exit status: 0, or 1 when an edit could not be saved, the file could not be opened
        or an internal error ended the app.
    """
    try:
        if not demo:
            return _run_app_on(path)
        from followup_tui.domain.zones import local_now
        from followup_tui.services.demo.build import create_demo_file
        from followup_tui.services.demo.folders import demo_folder

        with demo_folder() as folder:  # also removes folders that killed demos left behind
            return _run_app_on(create_demo_file(folder, local_now()), cleanup=folder)
    except Exception as exc:
        # imported only now: they import the data layer, which a start from the home index
        # opens only after the first frame
        from followup_tui.cli.errors import EXPECTED_ERRORS, error_message

        if not isinstance(exc, EXPECTED_ERRORS):
            raise
        print(f"Error: {error_message(exc)}", file=sys.stderr)
        return 1


def open_repository(path: Path, held: bool = False) -> Repository:
    """Open the data file; waiting for another process's lock is said on stderr at once.

    ``held``: a command's short process, which reads the file once and holds its bytes
    (``store.sources.SourceReader``); the app reads each table from the file when needed.
    """
    from followup_tui.store.repository import Repository

    repo = Repository(path, held=held)
    repo.on_lock_wait(lambda: print(lock_wait_line(path), file=sys.stderr, flush=True))
    return repo


def lock_wait_line(path: Path) -> str:
    """What a command says while another followup process holds the data file's lock."""
    return f"Waiting for another followup process to release {path}..."


def build_app(path: Path, use_index: bool = True) -> FollowupApp:
    """Build the app on the data file (the ``followup`` command's start-up).

    When the home index matches every file of the data folder as it is now, the app draws
    its first frame from it and opens the file right after (``FollowupHost.open_data``);
    otherwise the file is opened first, so a damaged file is reported before Textual is
    imported. On a machine with more than one core, a helper process opens it instead and
    keeps the index while Textual and the home screen are imported (``cli.read_ahead``);
    then the index is loaded as at any start-up, and without one the data is opened first,
    as before. The cycle collector waits until the data is open (``_collector_back``).

    Args:
        path: The data file.
        use_index: Read and keep the home index (not for the demo's throwaway copy).
    """
    from followup_tui.cli import read_ahead
    from followup_tui.store import home_index

    collecting = gc.isenabled()
    gc.disable()  # until the data is open: see ``_collector_back``
    try:
        index = home_index.load(path) if use_index else None
        helper = read_ahead.start(path) if use_index and index is None else None
        repo = open_repository(path) if index is None and helper is None else None
        from followup_tui.ui.app import FollowupApp, home_screen

        if helper is not None:
            home_screen()  # the first frame's code, loaded while the helper reads
            helper.wait()
            index = home_index.load(path)  # by the usual rules, whatever the helper kept
            if index is None:
                helper.end()
                repo = open_repository(path)
    except BaseException:
        _collector_back(collecting)
        raise
    if repo is not None:
        _collector_back(collecting)
        return FollowupApp(repo, keep_index=use_index)

    def opener() -> Repository:
        try:
            if helper is not None:
                helper.end()  # its hand-over, long written by now
            return open_repository(path)
        finally:
            _collector_back(collecting)

    return FollowupApp(opener=opener, home_index=index, keep_index=True)


def _collector_back(enabled: bool) -> None:
    """Move everything alive out of the cycle collector's reach, and let it run again.

    ``build_app`` keeps the collector from running until the data is open: right after the
    first frame drawn from the home index, or before the app is built otherwise. The app's modules
    (Textual's among them), its first frame and the parsed file make hundreds of thousands of
    objects that live as long as the app and hardly any garbage (under a thousand objects);
    the collector's passes over them while they were made came to about 10 ms of CPU before
    the first frame, and more while the data opened, for nothing. Frozen, they are spared the
    later full heap walks too (a quarter of a second at 5,000 interviews); reference counting
    still frees them.

    Args:
        enabled: Whether the collector ran before ``build_app`` paused it.
    """
    gc.freeze()
    if enabled:
        gc.enable()


def _run_app_on(path: Path, cleanup: Path | None = None) -> int:
    app = build_app(path, use_index=cleanup is None)
    if cleanup is not None:  # the demo's throwaway copy
        import shutil

        app.demo = True
        # also when a stop signal forces the exit
        app.cleanups.append(lambda: shutil.rmtree(cleanup, ignore_errors=True))
    try:
        app.run()
        saved = app.saver.close()
    finally:
        if app.data_open:
            tell_backup_problem(app.repo)
    if app.open_error is not None:  # said as when the file is refused before the app starts
        raise app.open_error
    if not saved:
        print("followup: some edits could not be saved; see the messages above.", file=sys.stderr)
        return 1
    return app.return_code or 0  # an internal error ended the app (its report is printed)


def tell_backup_problem(repo: Repository) -> None:
    """Say on stderr, once, that a backup could not be made (the change itself was saved)."""
    from followup_tui.domain.text import one_line

    problem = repo.untold_backup_problem()
    if problem is not None:
        print(f"Warning: {one_line(problem)}", file=sys.stderr)


def tell_folder_notices(repo: Repository) -> None:
    """Say on stderr, a line each, which files of the data folder the command could not read
    (left untouched) and that this device took a new identity, if its save did."""
    device = repo.untold_new_identity()
    if device is None and not repo.unread_files:
        return  # nothing to say: the words for it are not even loaded (a note's process)
    from followup_tui.services.folder_notices import new_identity_line, unread_file_notices

    lines = [*unread_file_notices(repo).values(), None if device is None else new_identity_line(device)]
    for line in filter(None, lines):
        print(f"Warning: {line}", file=sys.stderr)
