"""Waiting in app tests by condition and by the clock, never by a fixed pause.

A loaded CI machine can be many times slower than a laptop: a test waits for what it needs
(up to a generous deadline) instead of guessing how long the app's timers and saves take.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

DEADLINE = 15.0
"""Seconds a test waits for the app before it gives up."""


async def until(pilot: Any, condition: Callable[[], object], seconds: float = DEADLINE) -> bool:
    """Pause the app until ``condition()`` is true or ``seconds`` have passed; return it."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        await pilot.pause(0.05)
    return bool(condition())


async def handled(app: Any, condition: Callable[[], object], seconds: float = DEADLINE) -> bool:
    """Yield to the app, never pausing it, until ``condition()`` is true and no message waits in
    the app or its screen; return whether that came before ``seconds`` passed.

    Unlike ``until`` (and ``pilot.pause``, which lays the screen out at once), this leaves the
    screen's layout to its own timer: a test sees the app between a key handled and the layout.
    """
    from followup_tui.ui.key_order import busy

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        nodes = [app, *app.screen.walk_children(with_self=True)]
        if condition() and not any(busy(node) for node in nodes):
            return True
        await asyncio.sleep(0)
    return False


async def settle(app: Any, pilot: Any) -> None:
    """Let the app handle what is queued (keys waiting their turn too), write every pending
    save, and redraw."""
    await pilot.pause()
    key_order = getattr(app, "key_order", None)
    if key_order is not None:
        assert await until(pilot, lambda: key_order.idle)
    assert app.saver.flush()
    assert await until(pilot, lambda: app.saver.pending == 0)
    await pilot.pause()


class WaitTimeout(AssertionError):
    """What a test waited for did not happen before its deadline."""


def poll(condition: Callable[[], T], seconds: float, what: str, interval: float = 0.1) -> T:
    """Call ``condition()`` until it gives a true value, outside an app; return that value.

    Raises:
        WaitTimeout: If ``seconds`` passed first; the message says what was awaited and the
            last value seen.
    """
    deadline = time.monotonic() + seconds
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            raise WaitTimeout(f"waited {seconds:g} s for {what}; last seen: {value!r}"[:2000])
        time.sleep(interval)
