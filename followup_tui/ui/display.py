"""Showing user text in Textual: always as text, never as markup, never with escapes.

Every widget that shows something the user typed gets it through ``safe`` (a ``Content``) or
``safe_text`` (a Rich ``Text``, for ``DataTable`` cells). Templates with user values go
through ``template``, which substitutes values into our own markup without parsing them.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from followup_tui.domain.text import one_line, strip_controls


def safe(
    value: str | None, *, single_line: bool = False, width: int | None = None, style: str = ""
) -> Content:
    """Return user text as Content that shows literally.

    Args:
        value: The user's text (None shows as empty).
        single_line: Fold line breaks into spaces.
        width: Shorten to this many characters with an ellipsis (implies single line).
        style: A Textual style for the whole text.
    """
    text = value or ""
    text = one_line(text, width) if single_line or width is not None else strip_controls(text)
    content = Content(text)
    return content.stylize(style) if style else content


def safe_text(value: str | None, *, width: int | None = None, style: str = "") -> Text:
    """Return user text as a single-line Rich Text (for DataTable cells)."""
    return Text(one_line(value or "", width), style=style, no_wrap=True, end="")


def template(markup: str, **values: str) -> Content:
    """Fill ``$name`` placeholders in our own markup with cleaned user values.

    Args:
        markup: Textual content markup written by us, with ``$name`` placeholders.
        **values: User text for each placeholder; shown literally.
    """
    return Content.from_markup(markup, **{k: one_line(v) for k, v in values.items()})
