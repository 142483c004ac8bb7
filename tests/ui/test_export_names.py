"""Exported files are named by one pattern: company (or "followup"), what it holds, whom for."""

from __future__ import annotations

import ast
from pathlib import Path

from followup_tui.store.files import slug
from followup_tui.ui.screens.save_where import export_stem

UI = Path(__file__).resolve().parents[2] / "followup_tui" / "ui"


def test_every_format_follows_the_pattern() -> None:
    assert slug(export_stem("card", "Northwind Labs", "Sam Okafor")) == "northwind-labs-card-sam-okafor"
    assert slug(export_stem("calendar", "Northwind Labs")) == "northwind-labs-calendar"
    assert slug(export_stem("sheet", "Zoë & Co")) == "zoe-co-sheet"
    assert slug(export_stem("interviews")) == "followup-interviews"


def test_every_export_of_the_app_is_named_by_export_stem() -> None:
    calls = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "ask_and_save":
                name = node.args[2] if len(node.args) > 2 else None
                named = isinstance(name, ast.Call) and getattr(name.func, "id", None) == "export_stem"
                calls.append((path.name, node.lineno, named))
    assert len(calls) >= 4
    assert [c for c in calls if not c[2]] == []
