"""``followup note``: capturing a concern, with or without click.

The concern is made and stored here for both ways in: the click command in ``cli.main``, and
the console script's quick path (``run_note``), which ``cli.launch`` takes for a plain,
well-formed ``followup [--db FILE] note TEXT [--interview ID] [--worry | --error]`` so a note
taken in a hurry does not wait for click to load. The quick path says what the click group
would: the time-zone warning, the id on stdout and the line on stderr, one clean line and
exit status 1 for a problem the user can fix, a report without user text for an internal
error, ``Aborted!`` for an interrupt and a quiet end when the reader of stdout goes away.
Anything unusual goes to click, which reports it exactly as before (``note_options``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from followup_tui.domain.text import one_line
from followup_tui.domain.vocabulary import CONCERN_KIND_NAMES

if TYPE_CHECKING:
    from followup_tui.store.repository import Repository

NO_INTERVIEWS = "There are no interviews yet; add one with: followup add COMPANY"
"""Why a note without ``--interview`` cannot be taken in an empty file."""


class NoteLine:
    """A ``followup note`` command line, read.

    Args:
        db: The ``--db`` value (None when absent).
        text: The concern's text.
        interview: The ``--interview`` value (None: the latest interview that has started).
        kind: ``unsorted``, ``worry`` or ``error``.
    """

    __slots__ = ("db", "interview", "kind", "text")

    def __init__(self, db: str | None, text: str, interview: str | None, kind: str) -> None:
        self.db, self.text, self.interview, self.kind = db, text, interview, kind


def note_options(db: str | None, args: Sequence[str]) -> NoteLine | None:
    """Read ``TEXT [--interview ID] [--worry | --error]``, in any order; None for anything else.

    Each option at most once, a value that does not start with ``-``, one TEXT that does not
    either, and not both flags: every other line (``--help``, ``--``, an option click would
    refuse or read another way) is for click to read.

    Args:
        db: The ``--db`` value given before ``note`` (None when absent).
        args: The command line after ``note``.
    """
    text: str | None = None
    interview: str | None = None
    flags: set[str] = set()
    rest = list(args)
    while rest:
        word = rest.pop(0)
        if word in ("--worry", "--error") and word not in flags:
            flags.add(word)
        elif word.startswith("--interview=") and interview is None:
            interview = word.removeprefix("--interview=")
            if not interview or interview.startswith("-"):
                return None
        elif word == "--interview" and interview is None and rest and _plain_value(rest[0]):
            interview = rest.pop(0)
        elif _plain_value(word) and text is None:
            text = word
        else:
            return None
    if text is None or len(flags) > 1:
        return None
    kind = "worry" if "--worry" in flags else "error" if "--error" in flags else "unsorted"
    return NoteLine(db, text, interview, kind)


def _plain_value(word: str) -> bool:
    return bool(word) and not word.startswith("-")


def new_concern(text: str, kind: str) -> dict[str, Any]:
    """The concern to note as its stored row, checked before the data file is opened (made
    without the models, which a note's short process never loads: ``domain.concerns``).

    Raises:
        ValidationError: If the text cannot be stored.
    """
    from followup_tui.domain.concerns import new_concern_row

    return new_concern_row(text, kind)


def capture(repo: Repository, concern: dict[str, Any], interview_id: str | None) -> tuple[str, str]:
    """Store the ``concern`` row for the interview named (default: the latest that has started).

    Returns:
        The new concern's id (for stdout) and the line that says where it went (for stderr).

    Raises:
        NotFoundError: If no interview matches, or the file holds none.
        ValidationError: If the name fits several interviews.
    """
    from followup_tui.store.tables import TABLE_NAMES, NotFoundError

    if interview_id is None:
        from followup_tui.domain.zones import local_now
        from followup_tui.store.rows import company_of, id_of

        row = repo.latest_started_row(local_now())
        if row is None:
            raise NotFoundError(NO_INTERVIEWS)
        found, company = id_of(row), company_of(row)
    else:
        from followup_tui.cli.lookup import find

        interview = find(repo, interview_id)
        found, company = interview.id, interview.company
    stored = repo.add_row(TABLE_NAMES["Concern"], {**concern, "interview_id": found})
    label = CONCERN_KIND_NAMES[stored["kind"]].lower()
    article = "an" if label[0] in "aeiou" else "a"
    return stored["id"], f"Noted for {one_line(company, 40)} as {article} {label}."


def run_note(line: NoteLine) -> int:
    """Take the note as the click group would, and return the exit status."""
    from followup_tui.cli.like_group import as_the_group_would

    return as_the_group_would(lambda: _note(line))


def _note(line: NoteLine) -> int:
    """The note, with what the click command says for a problem the user can fix or a reader
    of stdout gone away."""
    from followup_tui.cli.app_start import open_repository, tell_backup_problem, tell_folder_notices
    from followup_tui.cli.errors import (
        BROKEN_PIPE_STATUS,
        EXPECTED_ERRORS,
        error_message,
        silence_stdout,
    )
    from followup_tui.cli.like_group import tell
    from followup_tui.store.locations import resolve_data_file

    path = resolve_data_file(line.db)  # as in the group's callback: not a user's error if it fails
    repo = None
    try:
        try:
            concern = new_concern(line.text, line.kind)
            repo = open_repository(path, held=True)
            new_id, said = capture(repo, concern, line.interview)
            print(new_id, flush=True)
            tell(said)
        finally:
            if repo is not None:  # in the order click's context calls them back
                tell_backup_problem(repo)
                tell_folder_notices(repo)
    except BrokenPipeError:
        silence_stdout()
        return BROKEN_PIPE_STATUS
    except EXPECTED_ERRORS as exc:
        tell(f"Error: {error_message(exc)}")
        return 1
    return 0
