"""An Input for editing text the user already wrote: focusing it never selects (and so never
replaces) what is there; the cursor goes to the end, ready to add to it."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input


class TextInput(Input):
    """``Input`` with ``select_on_focus`` off by default."""

    def __init__(self, value: str | None = None, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("select_on_focus", False)
        super().__init__(value, *args, **kwargs)
