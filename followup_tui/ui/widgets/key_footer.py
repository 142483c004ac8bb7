"""A footer that rebuilds its keys once per burst of changes, and only when they changed."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's ``Footer``, minus the rebuilds that change nothing.

    The stock footer rebuilds every key widget whenever the screen's bindings are "updated",
    which happens several times while a screen opens (mount, focus, the first rows) and on
    every focus change, even when the same keys come back. Each rebuild mounts and styles a
    widget per key, the largest single cost of showing the home screen. Here the updates of
    one refresh cycle make one rebuild, and none when the keys, their descriptions, tooltips
    and enabled states are all the same as those shown.
    """

    _shown: Hashable | None = None
    _rebuild_queued = False

    def _key_signature(self) -> Hashable:
        """What the footer could draw: every active binding and whether it is enabled."""
        return (
            self.show_command_palette,
            tuple(
                (binding, enabled, tooltip)  # a Binding is a frozen dataclass: compared by value
                for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            ),
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Queue one rebuild for however many updates arrive before the next refresh."""
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_queued:
            self._rebuild_queued = True
            self.call_after_refresh(self._rebuild)

    async def _rebuild(self) -> None:
        self._rebuild_queued = False
        await self.recompose()

    def compose(self) -> ComposeResult:
        """The keys, noting what they were built from (read at the same moment)."""
        if self.is_attached and self._bindings_ready:
            self._shown = self._key_signature()
        yield from super().compose()

    async def recompose(self) -> None:
        """Rebuild the keys, unless they would come out the same as those shown now."""
        ready = self.is_attached and self._bindings_ready and self.children
        if ready and self._key_signature() == self._shown:
            return
        await super().recompose()
