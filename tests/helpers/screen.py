"""What a Pilot app shows, as plain text (from Textual's own SVG screenshot)."""

from __future__ import annotations

import html
import re

from textual.app import App

_TEXT = re.compile(r"<text[^>]*>(.*?)</text>", re.S)


def screen_text(app: App[object]) -> str:
    """Return the visible text of the app's screen, spans joined as they are drawn."""
    svg = app.export_screenshot()
    return "".join(html.unescape(part) for part in _TEXT.findall(svg)).replace("\xa0", " ")
