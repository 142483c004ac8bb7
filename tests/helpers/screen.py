"""What a Pilot app shows, as plain text (from Textual's own SVG screenshot)."""

from __future__ import annotations

import html
import io
import re

from rich.console import Console, RenderableType
from textual.app import App
from textual.pilot import Pilot

_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)


def screen_text(app: App[object]) -> str:
    """Return the visible text of the app's screen, spans joined as they are drawn."""
    svg = app.export_screenshot()
    return "".join(html.unescape(part) for part in _TEXT.findall(svg)).replace("\xa0", " ")


def rendered(renderable: RenderableType | object, width: int = 400) -> str:
    """Return what a Rich renderable or Textual content prints as, on one wide line."""
    plain = getattr(renderable, "plain", None)  # Content and Text: their text as it is
    if isinstance(plain, str):
        return plain
    console = Console(width=width, file=io.StringIO(), record=True, color_system=None)
    console.print(renderable)
    return console.export_text().rstrip("\n")


async def steady_cursors(pilot: Pilot[None]) -> None:
    """Stop every text cursor blinking, so a snapshot never catches one half-way.

    With blinking off Textual keeps the cursor drawn, as it is right after a key press.
    """
    for field in pilot.app.screen.query("Input, TextArea"):
        field.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()
