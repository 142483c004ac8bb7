"""The ``followup`` console script: plain ``followup`` and ``followup note`` run without click.

``followup``, ``followup --db FILE`` and ``followup --demo`` (nothing else on the line) open
the app straight away: building click's command tree costs about a tenth of the start-up
before Textual. A well-formed ``followup [--db FILE] note TEXT [--interview ID] [--worry |
--error]`` takes the note straight away too (``cli.note``): click's import is a third of a
quick note's time. Every other command line, ``--help`` and ``--version`` included, and anything
unusual (an option given twice, a ``--db`` that is a folder) goes to the click group in
``cli.main``, which reports it exactly as before. So does every run a shell makes to complete a
word (``_FOLLOWUP_COMPLETE`` set): its command line is empty, and click reads the words from
the environment.

On this path the launcher says what the group would: the time-zone warning, and a report
without user text for an internal error; ``cli.app_start`` opens the app.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from followup_tui.cli.note import NoteLine

COMPLETE_VARIABLE = "_FOLLOWUP_COMPLETE"
"""Set by the shell's completion script: click answers it, however empty the command line."""


def main() -> None:
    """Run ``followup``: open the app for a plain command line, else hand it to the click group.

    The cycle collector waits until the line is read: a note's process lives a fraction of a
    second and its data (parsed JSON, a few records) holds no reference cycles, so without the
    collector's passes over what it imports and parses it takes 0.91x the CPU at 1,000
    interviews, with nothing left uncollected. Every other command line runs with it.
    """
    gc.disable()
    completing = bool(os.environ.get(COMPLETE_VARIABLE))
    plain = None if completing else plain_app_options(sys.argv[1:])
    quick = not completing and plain is None and _streams_click_keeps()
    note = note_line(sys.argv[1:]) if quick else None
    if note is not None:
        from followup_tui.cli.note import run_note

        end_process(run_note(note))
    gc.enable()
    if plain is None:
        from followup_tui.cli.main import main as group

        if completing:  # named as the shell knows it, also run as ``python -m followup_tui``
            group(prog_name="followup", complete_var=COMPLETE_VARIABLE)
        else:
            group()
        return
    db, demo = plain
    sys.exit(_start_guarded(db, demo))


def _streams_click_keeps() -> bool:
    """Whether click would write to stdout and stderr as they are: a stream whose encoding is
    ASCII (``PYTHONIOENCODING=ascii``) click writes as UTF-8 instead, so such a note goes to it."""
    import codecs

    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if encoding and codecs.lookup(encoding).name == "ascii":
            return False
    return True


def end_process(status: int) -> NoReturn:
    """End the process with ``status``, at once when nothing is left to run at exit.

    A note's process holds the data file's bytes and the tables it parsed, which the interpreter
    would free object by object on the way out (about 15 ms at 1,000 interviews) for nothing
    anyone sees.
    The note is saved durably before this; with standard output and error flushed, no exit
    handler registered and no other thread running, ending at once loses nothing. Otherwise,
    and when a flush fails, the interpreter ends as usual (and reports that as it always has).
    """
    import atexit

    threading = sys.modules.get("threading")  # never imported: no thread was started through it
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        sys.exit(status)
    if atexit._ncallbacks() == 0 and (threading is None or threading.active_count() == 1):
        os._exit(status)
    sys.exit(status)


def plain_app_options(args: Sequence[str]) -> tuple[str | None, bool] | None:
    """Read ``[--db FILE] [--demo]`` (each at most once, in any order); None for anything else.

    Args:
        args: The command line after the program's name.

    Returns:
        The ``--db`` value (None when absent) and whether ``--demo`` was given, or None when
        the click group has to read the line.
    """
    db: str | None = None
    demo = False
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if word == "--demo" and not demo:
            demo = True
        elif word.startswith("--db=") and db is None:
            db = word.removeprefix("--db=")
        elif word == "--db" and db is None and rest:
            db = rest.pop(0)
        else:
            return None
    if db is not None and (not db or db.startswith("-") or os.path.isdir(db)):
        return None  # click says what is wrong with it
    return db, demo


def note_line(args: Sequence[str]) -> NoteLine | None:
    """Read ``[--db FILE] note ...`` for the quick note; None for anything else (see ``note_options``).

    Args:
        args: The command line after the program's name.
    """
    from followup_tui.cli.note import note_options

    for start in range(min(len(args), 3)):  # ``--db FILE`` is the most that can come first
        group = plain_app_options(args[:start]) if args[start] == "note" else None
        if group is not None:
            db, demo = group
            return None if demo else note_options(db, args[start + 1 :])
    return None


def _start_guarded(db: str | None, demo: bool) -> int:
    """Open the app as the group would: its time-zone warning, crash report and interrupt."""
    from followup_tui.cli.app_start import open_app
    from followup_tui.cli.like_group import as_the_group_would
    from followup_tui.store.locations import resolve_data_file

    return as_the_group_would(lambda: open_app(resolve_data_file(db), demo=demo))
