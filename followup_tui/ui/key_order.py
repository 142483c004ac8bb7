"""Keys reach the screen that is showing when their turn comes, in the order they were typed.

Textual hands each key to the focused widget as soon as the key arrives. A key that opens a
screen (``n`` on the home screen) takes effect only after it has travelled up to the app, and
the new screen takes a moment to mount and focus its first field: keys typed meanwhile went to
the old screen, or to a screen with nothing focused, and were lost ("Globex" saved as "lobex").

So after a key that may act (one the focused widget does not take as text: a binding, enter,
tab, an arrow) the keys that follow wait until the app has settled: the key has been handled,
any screen it opened is mounted, the messages it set off (a new focus, a field submitted) are
processed, and the screen has laid out what they changed. Text typed into a field never waits,
so typing is as fast as before.

The layout counts because Textual orders the focus by where widgets sit on the screen, and lays
a screen out on a timer after its messages: a field a key has just shown ("clarify in the card"
shows "What I want them to know") has no place until then, so a tab that came before the layout
went past it, onto the next field (Resolved, ticked by every space typed after it).
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.widget import Widget

if TYPE_CHECKING:
    from textual.app import App
    from textual.message_pump import MessagePump
    from textual.screen import Screen

SETTLE_SECONDS = 30.0
"""Longest a key waits for the one before it; past this it is delivered regardless (a screen
that takes this long to open is broken, and keys should not wait on it for ever)."""

SETTLE_ROUNDS = 20
"""Most rounds of messages a key waits for once the screen is mounted: a chain of messages
(a field submitted, then the focus moving on) takes a few; a widget that animates would post
for ever."""

HeldEvent = events.Key | events.Paste


Schedule = Callable[[Callable[[], None]], bool]
"""Textual's way to have a function called later (``call_later``, ``call_after_refresh``)."""


async def _called_back(schedules: Iterable[Schedule], deadline: float) -> None:
    """Hand each schedule a function to call, and wait until all of them were called."""
    waiting: list[asyncio.Future[None]] = []
    loop = asyncio.get_running_loop()
    for schedule in schedules:
        done: asyncio.Future[None] = loop.create_future()

        def mark(future: asyncio.Future[None] = done) -> None:
            if not future.done():
                future.set_result(None)

        if schedule(mark):
            waiting.append(done)
    if waiting:
        await asyncio.wait(waiting, timeout=max(deadline - time.monotonic(), 0))
        for future in waiting:
            future.cancel()


async def _processed(nodes: Iterable[MessagePump], deadline: float) -> None:
    """Wait until each node has handled what was queued for it when this was called."""
    await _called_back((node.call_later for node in nodes), deadline)


async def _laid_out(screen: Widget, deadline: float) -> None:
    """Wait until the screen has laid out and drawn what changed (at once when nothing did)."""
    await _called_back([screen.call_after_refresh], deadline)


def busy(node: MessagePump) -> bool:
    """True while a node has messages waiting, or (a widget) has not finished mounting."""
    queue = getattr(node, "_message_queue", None)
    if queue is not None and not queue.empty():
        return True
    return isinstance(node, Widget) and not node.is_mounted


class KeyOrder:
    """Holds keys and pastes while the app settles after a key that may act.

    Args:
        app: The app whose keys are ordered.
        dispatch: Textual's own handling of one key or paste (the app's base ``on_event``).
    """

    def __init__(self, app: App[Any], dispatch: Callable[[HeldEvent], Awaitable[None]]) -> None:
        self._app = app
        self._dispatch = dispatch
        self._held: deque[HeldEvent] = deque()
        self._settling = False
        self._went_to: Widget | None = None
        self._acted = False
        self._holding = False

    @property
    def waiting(self) -> int:
        """How many keys and pastes are waiting for their turn."""
        return len(self._held)

    @property
    def idle(self) -> bool:
        """No key is waiting and the app is not being watched for settling."""
        return not self._held and not self._settling and not self._holding

    def hold(self) -> None:
        """Hold every key and paste, in order, until ``let_go`` (while the data opens)."""
        self._holding = True

    def let_go(self) -> None:
        """Handle the keys held since ``hold``, in order, as if they came now."""
        self._holding = False
        self._app.call_later(self.release)

    async def receive(self, event: HeldEvent) -> None:
        """Take a key or paste from the terminal: handle it now, or after those before it."""
        self._held.append(event)
        await self.release()

    async def release(self) -> None:
        """Handle the waiting keys in order; wait for the app to settle where one must."""
        while self._held and not self._settling and not self._holding:
            event = self._held[0]
            target = self._target()
            acting = self._may_act(event, target)
            # after a key that acted, every key waits; before one that acts, the text typed
            # before it must be in its field (a key bound with priority, ctrl+s, acts at once)
            must_wait = self._went_to is not None and (self._acted or acting)
            if (must_wait or not self._screen_mounted()) and not self._settled_now():
                self._settle(self._went_to)
                return
            self._held.popleft()
            await self._dispatch(event)
            self._went_to, self._acted = target, acting

    def _screen_mounted(self) -> bool:
        screen = self._screen()
        return screen is None or screen.is_mounted

    def _settled_now(self) -> bool:
        """True when the screen is mounted, nothing waits in the app or the screen, and every
        field that can take the focus has its place (one just shown has none until laid out)."""
        screen = self._screen()
        if screen is None:
            return True
        if any(busy(node) for node in (self._app, *screen.walk_children(with_self=True))):
            return False
        return self._placed(screen)

    @staticmethod
    def _placed(screen: Screen[Any]) -> bool:
        """True when every field that can take the focus has its place on the screen."""
        return all(widget.virtual_region for widget in screen.focus_chain)

    def _screen(self) -> Screen[Any] | None:
        try:
            return self._app.screen
        except Exception:  # no screen while the app starts or stops
            return None

    def _target(self) -> Widget | None:
        return self._app.focused or self._screen()

    @staticmethod
    def _may_act(event: HeldEvent, target: Widget | None) -> bool:
        """A key the focused widget does not take as text may change screen or focus; so may
        every key of a widget whose keys choose (``KEYS_ACT``: a choice can show new fields)."""
        if not isinstance(event, events.Key):
            return False
        focused = target if target is not None and target.can_focus else None
        if focused is None or getattr(focused, "KEYS_ACT", False):
            return True
        return not focused.check_consume_key(event.key, event.character)

    def _settle(self, target: Widget | None) -> None:
        self._settling = True
        self._went_to, self._acted = None, False
        self._app.run_worker(self._wait_for_settled(target), group="key-order", description="keys wait")

    async def _wait_for_settled(self, target: Widget | None) -> None:
        deadline = time.monotonic() + SETTLE_SECONDS
        try:
            if target is not None:
                # the key travels up from the focused widget one parent at a time
                for node in target.ancestors_with_self:
                    await _processed([node], deadline)
            rounds = 0
            laid_out = False
            while time.monotonic() < deadline and rounds < SETTLE_ROUNDS:
                screen = self._screen()
                if screen is None:
                    break
                nodes = [self._app, *screen.walk_children(with_self=True)]
                pending = [node for node in nodes if busy(node)]
                if not pending:
                    if laid_out and self._placed(screen):
                        break
                    # the focus order follows the layout: a field just shown must have its place
                    # (a widget may still hold the layout it asked for: then one more frame)
                    await _laid_out(screen, deadline)
                    laid_out = True
                    rounds += 1
                    continue
                laid_out = False
                if any(isinstance(node, Widget) and not node.is_mounted for node in pending):
                    await asyncio.sleep(0.005)  # a screen opening: as long as it takes
                else:
                    rounds += 1
                    await _processed(pending, deadline)
        finally:
            self._settling = False
            self._app.call_later(self.release)
