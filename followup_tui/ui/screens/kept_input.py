"""Dialogs that never lose typed text: what is typed is kept (its kept input) until it is used.

A dialog with text fields holds what was typed until ctrl+s or enter hands it on. Until then
the text lives only in the widgets, so ctrl+q, a closed terminal (SIGHUP) or SIGTERM would lose
it. ``KeptInputDialog`` keeps a copy in the data file's settings as the user types (through the
app's save queue, which every way of stopping flushes), offers it back the next time the same
dialog opens for the same record, and forgets it once the text is used or discarded. Escape with
typed text asks before throwing it away.
"""

from __future__ import annotations

import contextlib
from typing import Any, ClassVar, TypeVar

from textual import events, on
from textual.widgets import Input, Select, TextArea
from textual.widgets.select import InvalidSelectValueError

from followup_tui.services import actions
from followup_tui.services.autosave import save_key
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.dialog import FollowupDialog

ResultType = TypeVar("ResultType")

KeptValues = dict[str, Any]
"""What a dialog's fields hold, by field id (JSON values: kept in the settings)."""


class KeptInputDialog(FollowupDialog[ResultType]):
    """A modal dialog whose typed text survives quitting, hang-ups and escape.

    Subclasses call ``close_with(result)`` when the text is used; escape (``FollowupDialog``)
    asks before closing while ``has_unsaved_text()``. The fields kept are every ``Input``,
    ``TextArea`` and ``Select`` with an id; a dialog with other fields overrides
    ``kept_values`` and ``apply_kept``.

    Args:
        keep_key: Which dialog and record the kept input belongs to (``actions.kept_input_key``); None
            keeps nothing (escape still asks).
    """

    app: FollowupHost

    DISCARD_QUESTION: ClassVar[str] = "Discard what you typed?"
    """What escape asks when something was typed."""
    DISCARD_ANSWERS: ClassVar[tuple[str, str]] = ("Discard", "Keep editing")

    RESTORED_NOTICE: ClassVar[str] = "Brought back what you typed. Escape discards it."
    """Said when kept input fills the fields: one line with no title even at 60 columns, so it
    covers no button of a dialog at the bottom of the screen."""

    def __init__(self, keep_key: str | None = None) -> None:
        super().__init__()
        self.keep_key = keep_key
        """Where this dialog's typed text is kept; None for none."""
        self._start: KeptValues | None = None
        self._input_kept = False

    # -- the fields -----------------------------------------------------------------------------

    def kept_values(self) -> KeptValues:
        """What the fields hold now."""
        values: KeptValues = {}
        for widget in self.query("Input, TextArea, Select"):
            if widget.id is None:
                continue
            if isinstance(widget, Input):
                values[widget.id] = widget.value
            elif isinstance(widget, TextArea):
                values[widget.id] = widget.text
            elif isinstance(widget, Select) and isinstance(widget.value, str):
                values[widget.id] = widget.value
        return values

    async def apply_kept(self, values: KeptValues) -> None:
        """Fill the fields from kept input (fields it does not name stay as they are)."""
        for widget in self.query("Input, TextArea, Select"):
            value = values.get(widget.id or "")
            if not isinstance(value, str):
                continue
            if isinstance(widget, Input):
                widget.value = value
            elif isinstance(widget, TextArea):
                widget.load_text(value)
            elif isinstance(widget, Select):
                with contextlib.suppress(InvalidSelectValueError):  # no longer offered
                    widget.value = value

    def has_unsaved_text(self) -> bool:
        """Something was typed (or brought back) that is not used yet."""
        return self._start is not None and self.kept_values() != self._start

    # -- keeping the input ----------------------------------------------------------------------

    @on(events.Mount)
    async def _bring_back_kept(self) -> None:
        """Note the starting values, then bring back kept input.

        Textual runs this after the subclass's own ``on_mount`` has filled the fields.
        """
        self._start = self.kept_values()
        if self.keep_key is None:
            return
        kept = actions.kept_input(self.app.repo, self.keep_key)
        if kept is not None and kept != self._start:
            self._input_kept = True
            await self.apply_kept(kept)
            self.notify(self.RESTORED_NOTICE, timeout=6, markup=False)

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def _keep_typing(self) -> None:
        """Queue the kept input after each change (one save per pause in typing)."""
        if self._start is None or self.keep_key is None:
            return
        values = self.kept_values()
        if values == self._start and not self._input_kept:
            return
        self._keep(values if values != self._start else None)

    def _keep(self, values: KeptValues | None, delay: float | None = None) -> None:
        key = self.keep_key
        if key is None:
            return
        repo = self.app.repo
        self._input_kept = values is not None
        self.app.save(save_key("kept", key), lambda: actions.keep_input(repo, key, values), delay)

    def forget_input(self) -> None:
        """The text was used or discarded: drop its kept input (and any save of it still waiting)."""
        if self._input_kept or self.has_unsaved_text():
            self._keep(None, 0)

    def keep_input_now(self) -> None:
        """Keep what the fields hold again (after a save of them was refused)."""
        if self.has_unsaved_text():
            self._keep(self.kept_values(), 0)

    # -- closing --------------------------------------------------------------------------------

    def close_with(self, result: ResultType | None) -> None:
        """Close handing on ``result`` (None: nothing); the typed text is used, so its kept input goes."""
        self.forget_input()
        self.dismiss(result)

    def close_dialog(self) -> None:
        """Leave without using the text: its kept input goes too."""
        self.close_with(None)
