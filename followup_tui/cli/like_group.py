"""Running a command without click as the click group runs one (the app's start-up and the
quick ``followup note``): the time-zone warning, an interrupt and an internal error said as
click says them.

Nothing of the data layer is imported here: a start from the home index draws its first frame
before the store, TinyDB and the models are imported (``cli.errors`` imports them).
"""

from __future__ import annotations

import sys
from collections.abc import Callable


def tell(line: str) -> None:
    """Print a line on stderr, as ``click.echo(err=True)`` does: nowhere when the process has
    no stderr (``print`` would put it on stdout, which only ever carries a command's data)."""
    if sys.stderr is not None:
        print(line, file=sys.stderr, flush=True)


def as_the_group_would(work: Callable[[], int]) -> int:
    """Run a command without click as the click group runs one; return its exit status.

    The time-zone warning comes first; an interrupt (before the app takes the terminal) ends
    it with ``Aborted!`` as click says it, and an internal error with a report that holds no
    user text, each with exit status 1.

    Args:
        work: The command; returns its exit status.
    """
    from followup_tui.domain.zones import zone_notice

    notice = zone_notice()
    if notice is not None:
        tell(f"Warning: {notice}")
    try:
        return work()
    except KeyboardInterrupt:
        tell("\nAborted!")
        return 1
    except Exception:
        from followup_tui.services.crash import crash_report

        exc_type, _, tb = sys.exc_info()
        tell(crash_report(exc_type, tb))
        return 1
