"""The list of questions left unasked, which measures the height of its options once per width.

Each option is a Rich grid (the count, then the text wrapping under itself), and Textual's
option list measures a Rich prompt by rendering it whole. The list sits in sections of automatic
height, so one opening of Insights asks for its height a dozen times at the same width (every
layout pass of every container above it): the options are rendered for that a dozen times over.
The screen never changes an option in place (it refills the list with new ones), so the options
themselves, with the width, say when the height must be measured again.
"""

from __future__ import annotations

from typing import Any

from textual.geometry import Size
from textual.widgets import OptionList
from textual.widgets.option_list import Option


class ForgetList(OptionList):
    """An option list that remembers its content height for its options and the width asked."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._height_for: tuple[int, int, tuple[Option, ...]] | None = None
        self._height = 0

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The height of every option at ``width``, measured again only when the options (the
        very objects: a changed option is a new one), the width or the options' padding differ."""
        padding = self.get_component_styles("option-list--option").padding.width
        key = (width, padding, tuple(self.options))
        if key != self._height_for:
            self._height = super().get_content_height(container, viewport, width)
            self._height_for = key
        return self._height
