"""A footer that rebuilds its keys only when the keys it would show have changed."""

from __future__ import annotations

from collections.abc import Hashable

from textual.widgets import Footer


class KeyFooter(Footer):
    """Textual's ``Footer``, minus the rebuilds that change nothing.

    The stock footer rebuilds every key widget whenever the screen's bindings are "updated",
    which happens several times while a screen opens (mount, focus, the first rows) and on
    every focus change, even when the same keys come back. Each rebuild mounts and styles a
    widget per key, the largest single cost of showing the home screen. Here a rebuild is
    skipped when the keys, their descriptions, tooltips and enabled states are all the same.
    """

    _shown: Hashable | None = None

    def _key_signature(self) -> Hashable:
        """What the footer could draw: every active binding and whether it is enabled."""
        return (
            self.show_command_palette,
            tuple(
                (
                    binding.key,
                    binding.action,
                    binding.description,
                    binding.show,
                    enabled,
                    tooltip,
                    binding.group,
                )
                for (_, binding, enabled, tooltip) in self.screen.active_bindings.values()
            ),
        )

    async def recompose(self) -> None:
        """Rebuild the keys, unless they would come out the same as those shown now."""
        if not self.is_attached or not self._bindings_ready:
            await super().recompose()
            return
        signature = self._key_signature()
        if signature == self._shown and self.children:
            return
        self._shown = signature
        await super().recompose()
