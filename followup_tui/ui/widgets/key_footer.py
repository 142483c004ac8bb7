"""A footer that rebuilds its keys once per burst of changes, only when they changed, and
always fits its line: the keys that do not fit give way to `? keys`."""

from __future__ import annotations

from collections.abc import Hashable

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

NARROW = 80
"""Below this many columns the footer leaves out the command palette (ctrl+p still opens it)."""

HELP_KEY = "question_mark"
"""The key of the help screen, which lists every key: it stays when others give way."""

SHORT_HELP = "keys"
"""What the help key says when some keys gave way to it."""


class KeyFooter(Footer):
    """Textual's ``Footer``, minus the rebuilds that change nothing.

    The stock footer rebuilds every key widget whenever the screen's bindings are "updated",
    which happens several times while a screen opens (mount, focus, the first rows) and on
    every focus change, even when the same keys come back. Each rebuild mounts and styles a
    widget per key, the largest single cost of showing the home screen. Here the updates of
    one refresh cycle make one rebuild, and none when the keys, their descriptions, tooltips
    and enabled states are all the same as those shown.

    When the keys do not fit the width, those at the end give way and the help key closes the
    line as `? keys` (the help screen lists them all), so a key is never cut in half or drawn
    over another. Below 80 columns the command palette's key is left out to make room.
    """

    _shown: Hashable | None = None
    _rebuild_queued = False
    _fit_queued = False
    _help_description = "Help"

    def _key_signature(self) -> Hashable:
        """What the footer could draw: every binding it shows (and the palette's, which it shows
        apart) and whether it is enabled. The focus moving between widgets changes the hidden
        bindings (the arrows scroll, or move a list's cursor), which the footer never draws."""
        palette = self.app.COMMAND_PALETTE_BINDING
        return (
            self.show_command_palette,
            tuple(
                (binding, enabled, tooltip)  # a Binding is a frozen dataclass: compared by value
                for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
                if binding.show or key == palette
            ),
        )

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Queue one rebuild for however many updates arrive before the next refresh.

        Unlike Textual's footer, this one rebuilds while the app does not have the focus: in a
        browser (``--web``) the app starts blurred, and its keys show at once, not after the
        first click or key.
        """
        self._bindings_ready = True
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
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                _preset_compact(widget, self.compact)
            yield widget

    async def recompose(self) -> None:
        """Rebuild the keys, unless they would come out the same as those shown now.

        When only whether keys are enabled changed (Insights' key to add a question, once its
        numbers are counted), the keys shown are dimmed or lit in place: the same widgets,
        the same widths, with no new keys to mount, style and lay out.
        """
        ready = self.is_attached and self._bindings_ready and self.children
        if ready:
            wanted = self._key_signature()
            if wanted == self._shown or self._enable_in_place(wanted):
                return
        await super().recompose()
        self._queue_fit()

    def _enable_in_place(self, wanted: Hashable) -> bool:
        """Dim or light the keys shown to match ``wanted``, when nothing else differs from the
        keys shown; False (and nothing changed) otherwise."""
        if not (isinstance(wanted, tuple) and isinstance(self._shown, tuple)):
            return False
        palette, keys = wanted
        shown_palette, shown_keys = self._shown
        same = palette == shown_palette and [(b, t) for b, _, t in keys] == [(b, t) for b, _, t in shown_keys]
        widgets = list(self.children)
        if not same or not all(isinstance(widget, FooterKey) for widget in widgets):
            return False
        enabled = {(binding.key, binding.action): on for binding, on, _ in reversed(keys)}
        for widget in widgets:
            assert isinstance(widget, FooterKey)
            on = enabled.get((widget.key, widget.action))
            if on is not None:
                _preset_disabled(widget, not on)
        self._shown = wanted
        return True

    def on_resize(self, event: events.Resize) -> None:
        """Leave out the palette's key when narrow; fit the keys to the new width."""
        # the footer spans the screen: its new width is the terminal's (the app's size may
        # still be the old one while the resize travels down)
        wide = event.size.width >= NARROW
        if self.show_command_palette != wide:
            self.show_command_palette = wide  # not a recomposing reactive: rebuild here
            if self.is_attached and not self._rebuild_queued:
                self._rebuild_queued = True
                self.call_after_refresh(self._rebuild)
        self._queue_fit()

    def _queue_fit(self) -> None:
        """Fit the keys after the next refresh, once however often it is asked meanwhile (a
        rebuild and a resize arrive together as the app starts)."""
        if not self._fit_queued:
            self._fit_queued = True
            self.call_after_refresh(self._fit)

    def _fit(self) -> None:
        """Show the keys in order while they fit, then `? keys` for the rest."""
        self._fit_queued = False
        keys = [child for child in self.children if isinstance(child, FooterKey)]
        palette = [key for key in keys if key.has_class("-command-palette")]
        helper = next((key for key in keys if key.key == HELP_KEY and key not in palette), None)
        others = [key for key in keys if key not in palette and key is not helper]
        for key in others:
            key.display = True
        if helper is not None and helper.description != SHORT_HELP:
            self._help_description = helper.description
        elif helper is not None:
            helper.description = self._help_description
        if helper is not None and others and self.children.index(helper) < self.children.index(others[-1]):
            self.move_child(helper, after=others[-1])  # help closes the line (a dialog binds it first)
        room = self.size.width - sum(_width(key) for key in palette)
        widths = [_width(key) for key in others]  # each measured once: measuring draws the key
        if sum(widths) + (_width(helper) if helper else 0) <= room:
            return
        if helper is not None:
            helper.description = SHORT_HELP
            helper.refresh(layout=True)
            room -= _width(helper)
        fits = True
        for key, width in zip(others, widths, strict=True):
            room -= width
            fits = fits and room >= 0
            key.display = fits


def _preset_compact(key: FooterKey, compact: bool) -> None:
    """Give a new key the compact state it will have once mounted, before it is styled.

    Left to Textual, each key is styled three times as it mounts: once as built, again when its
    ``compact`` starts at its default (on) and a third time when it takes the footer's (off at
    80 columns or more). The palette's key is not bound to the footer and stays compact.
    """
    value = True if key.has_class("-command-palette") else compact
    key.set_reactive(FooterKey.compact, value)
    key.set_class(value, "-compact", update=False)


def _preset_disabled(key: FooterKey, disabled: bool) -> None:
    """Dim (or light) a key shown, as Textual's footer builds a key that is not enabled: its
    ``-disabled`` class, and the flag its click reads (a bell instead of the key)."""
    key._disabled = disabled
    key.set_class(disabled, "-disabled")


def _width(key: FooterKey) -> int:
    """The columns a key takes in the footer, its margin included."""
    return key.render().cell_len + key.styles.margin.width
