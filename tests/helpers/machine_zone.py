"""Running a test with this machine's TZ set to something, and back afterwards."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator

from followup_tui.domain import zones


@contextlib.contextmanager
def machine_tz(value: str) -> Iterator[None]:
    """Set TZ (read by the C library at once, and by followup afresh) for the block."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = value
    time.tzset()
    zones.forget_this_machine()
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("TZ", None)
        else:
            os.environ["TZ"] = before
        time.tzset()
        zones.forget_this_machine()
