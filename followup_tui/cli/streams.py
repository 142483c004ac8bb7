"""Files named on the command line, where ``-`` means standard input or standard output.

``followup import -``, ``import-questions -`` and ``add --from-ics -`` read a pipe or a
redirected file with the same size limit as a named file; standard input left on the terminal
is refused in one line instead of waiting for typing that nobody means to do. ``export -o -``
and ``ics -o -`` print to standard output; any other ``-o`` file is written safely and
"Wrote PATH" goes to stderr, so standard output only ever carries data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from followup_tui.store.files import write_new_file
from followup_tui.store.safe_read import MEGABYTE, UserFileError, read_user_file, read_user_text

STANDARD_STREAM = "-"
"""The name that stands for standard input (a source) or standard output (``-o``)."""

OUTPUT_HELP = "Write to this file instead of stdout ('-' is stdout too)."
"""The help of every ``-o`` option."""

STDIN_NAME = "standard input"
"""How messages name standard input."""


def _size_text(limit: int) -> str:
    return f"{limit / MEGABYTE:,.0f} MB" if limit >= MEGABYTE else f"{limit:,} bytes"


def read_stdin(limit: int) -> bytes:
    """Read standard input whole, refusing a terminal and anything over ``limit`` bytes.

    Raises:
        UserFileError: If standard input is a terminal, or holds more than ``limit`` bytes.
    """
    stream = sys.stdin
    if stream is None or stream.isatty():
        raise UserFileError(
            f"'-' reads {STDIN_NAME}, which is the terminal here; pipe or redirect a file into it "
            "(followup import - < export.json)."
        )
    data = stream.buffer.read(limit + 1)
    if len(data) > limit:
        raise UserFileError(f"{STDIN_NAME} holds more than {_size_text(limit)}; followup reads up to that.")
    return data


def read_source(source: str, limit: int) -> bytes:
    """The bytes of a file the user named, or of standard input when ``source`` is ``-``.

    Raises:
        UserFileError: If it is not a regular file (or a pipe for ``-``) or is over ``limit``.
        OSError: If the file cannot be opened or read.
    """
    if source == STANDARD_STREAM:
        return read_stdin(limit)
    return read_user_file(source, limit)


def read_source_text(source: str, limit: int) -> str:
    """UTF-8 text from a file the user named or standard input (``-``); a leading BOM is dropped.

    Raises:
        UserFileError: If it cannot be read as asked, or is not UTF-8 text.
        OSError: If the file cannot be opened or read.
    """
    if source != STANDARD_STREAM:
        return read_user_text(source, limit)
    try:
        return read_stdin(limit).decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UserFileError(f"{STDIN_NAME} is not UTF-8 text.") from None


def source_name(source: str) -> str:
    """How a message names a source: its path, or "standard input" for ``-``."""
    return STDIN_NAME if source == STANDARD_STREAM else source


def write_output(output: str | None, text: str, *, force: bool) -> None:
    """Print ``text`` (no ``-o``, or ``-o -``), or write it to a new file and say so on stderr.

    Args:
        output: The ``-o`` value.
        text: What to write.
        force: Replace an existing regular file.

    Raises:
        FileExistsError: If the file exists and ``force`` is not given, or it is a symbolic link.
        StorageError: If the file cannot be written (nothing is left half-written).
    """
    if output is None or output == STANDARD_STREAM:
        click.echo(text, nl=False)
        return
    target = Path(output).expanduser()
    if not target.is_symlink() and target.exists() and not force:
        raise FileExistsError(f"{target} already exists; choose another name or add --force to replace it.")
    write_new_file(target, text, overwrite=force)
    click.echo(f"Wrote {target}", err=True)
