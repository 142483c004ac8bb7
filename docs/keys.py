"""Write docs/keys.md from the screens' own key bindings, so the page never drifts.

Usage: ``python docs/keys.py``
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual.binding import Binding  # noqa: E402

SCREENS: list[tuple[str, str, str]] = [
    ("Interviews (home)", "followup_tui.ui.screens.home.home", "HomeScreen"),
    ("New interview / Edit interview", "followup_tui.ui.screens.interview.form", "InterviewFormDialog"),
    ("Interview (hub)", "followup_tui.ui.screens.interview.hub", "HubScreen"),
    ("Prep", "followup_tui.ui.screens.prep.prep", "PrepScreen"),
    ("Question bank picker", "followup_tui.ui.screens.prep.bank_picker", "BankPickerDialog"),
    ("Debrief", "followup_tui.ui.screens.debrief.debrief", "DebriefScreen"),
    ("Worry vs. actual error", "followup_tui.ui.screens.board.board", "BoardScreen"),
    ("Sort this concern (triage)", "followup_tui.ui.screens.board.triage_dialog", "TriageDialog"),
    ("Concern details", "followup_tui.ui.screens.board.concern_dialog", "ConcernDialog"),
    ("Thank-you card", "followup_tui.ui.screens.card.card", "CardScreen"),
    ("Large print", "followup_tui.ui.screens.card.large", "LargePrintDialog"),
    ("Changed in another window", "followup_tui.ui.screens.card.other_window", "OtherWindowDialog"),
    ("Outcome", "followup_tui.ui.screens.insights.outcome", "OutcomeDialog"),
    ("Also edited on another device", "followup_tui.ui.screens.conflict", "ConflictDialog"),
    ("Insights", "followup_tui.ui.screens.insights.insights", "InsightsScreen"),
]

WIDGETS: dict[str, list[tuple[str, str]]] = {
    "PrepScreen": [
        ("followup_tui.ui.screens.prep.prep_list", "QuestionList"),
        ("followup_tui.ui.screens.prep.prep_list", "ChecklistList"),
    ],
}
"""Widgets that own keys of a screen (their keys come first, as in the footer)."""

GLOBAL = [
    ("escape", "Back (leaves the text field first; then closes a dialog, or returns to the previous screen)"),
    ("?", "Help: every key of the current screen"),
    ("ctrl+p", "Command palette: jump to an interview, new interview, screens, export, themes"),
    ("ctrl+q", "Quit (every edit is already saved)"),
]


def _key_name(key: str) -> str:
    names = {"question_mark": "?", "slash": "/", "space": "space", "full_stop": "."}
    return ", ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


def _bindings(cls: type, seen: set[str] | None = None) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    seen = set() if seen is None else seen
    for klass in cls.__mro__:
        if not klass.__module__.startswith("followup_tui"):
            continue  # Textual's own focus and copy keys are the same everywhere
        for binding in klass.__dict__.get("BINDINGS", []):
            if not isinstance(binding, Binding):
                binding = Binding(*binding)
            keys = {k.strip() for k in binding.key.split(",")}
            if not binding.description or keys <= seen:
                continue  # a subclass's binding for the same key replaces its base's
            seen.update(keys)
            rows.append((_key_name(binding.key), binding.description))
    return rows


def render() -> str:
    """Return the Markdown of the keys page."""
    out = [
        "# Keys",
        "",
        "Generated from the code by `python docs/keys.py`. In the app, `?` shows the keys of the",
        "screen you are on, and the footer shows the most useful ones.",
        "",
        "## Everywhere",
        "",
        "| key | what it does |",
        "|---|---|",
        *[f"| `{k}` | {d} |" for k, d in GLOBAL],
    ]
    for title, module, name in SCREENS:
        try:
            cls = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            continue
        out += ["", f"## {title}", "", "| key | what it does |", "|---|---|"]
        seen: set[str] = set()
        rows = [
            row
            for widget_module, widget in WIDGETS.get(name, [])
            for row in _bindings(getattr(importlib.import_module(widget_module), widget), seen)
        ]
        rows += _bindings(cls, seen)
        out += [f"| `{k.replace('|', '/')}` | {d} |" for k, d in rows]
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    (ROOT / "docs" / "keys.md").write_text(render())
    print("docs/keys.md")
