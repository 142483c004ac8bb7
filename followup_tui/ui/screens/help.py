"""The help screen: every key of the screen underneath, with what it does."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from followup_tui.ui.display import safe, template
from followup_tui.ui.screens.dialog import FollowupDialog
from followup_tui.ui.widgets.hanging import HangingLines

GLOBAL_KEYS: list[tuple[str, str]] = [
    ("escape", "Back"),
    ("?", "This help"),
    ("ctrl+p", "Command palette: jump to an interview, new interview, export, themes"),
    ("ctrl+q", "Quit (every edit is already saved)"),
]


class HelpDialog(FollowupDialog[None]):
    """Lists the keys of the screen it was opened over.

    Args:
        screen: The screen whose keys to list.
    """

    DEFAULT_CSS = """
    HelpDialog > .dialog-frame { width: 72; }
    HelpDialog .help-title { text-style: bold; margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close"),
    ]

    def __init__(self, screen: Screen[Any]) -> None:
        super().__init__()
        self._keys = _screen_keys(screen)
        self._global = GLOBAL_KEYS
        self._title = screen.title or screen.app.title
        if isinstance(screen, FollowupDialog):  # over a dialog: its keys, and how to leave it
            escape = screen.active_bindings.get("escape")
            self._title = "this dialog"
            self._global = [
                ("escape", escape.binding.description if escape else "Cancel"),
                *(entry for entry in GLOBAL_KEYS if entry[0] in ("?", "ctrl+q")),
            ]

    def compose(self) -> ComposeResult:
        """One line per key."""
        with VerticalScroll(classes="dialog-frame"):
            yield Static(
                template("[b]Keys on $title[/b]", title=self._title or "followup"), classes="help-title"
            )
            width = max((len(key) for key, _ in [*self._keys, *self._global]), default=1)
            rows = HangingLines(classes="help-keys")
            rows.show(
                [
                    (Content.from_markup("[b $accent]$key[/]  ", key=f"{key:>{width}}"), safe(description))
                    for key, description in [*self._keys, *self._global]
                ]
            )
            yield rows  # a long description wraps under itself, not under the keys


def _own_keys(node: object) -> set[str]:
    """Keys bound by followup's own classes (Textual's copy and scroll keys are left out)."""
    keys: set[str] = set()
    for cls in type(node).__mro__:
        if cls.__module__.startswith("followup_tui"):
            for binding in cls.__dict__.get("BINDINGS", []):
                key = binding.key if isinstance(binding, Binding) else binding[0]
                keys.update(k.strip() for k in key.split(","))
    return keys


def _screen_keys(screen: Screen[Any]) -> list[tuple[str, str]]:
    """The keys a screen and its focused widgets offer, with their descriptions."""
    seen: set[str] = {"escape", "question_mark", "ctrl+q", "ctrl+p"}
    shown: dict[tuple[str, str], list[str]] = {}  # one line per action: "⇧← H  Move left"
    # the screen's own keys first, then those of the focused widget
    active = sorted(screen.active_bindings.items(), key=lambda item: item[1].node is not screen)
    for key, entry in active:
        binding = entry.binding
        if key in seen or not binding.description or key not in _own_keys(entry.node):
            continue
        seen.add(key)
        # "shift+left,H" with key_display "⇧←" arrives as two bindings both showing "⇧←": a
        # letter is named as itself
        display = key if len(key) == 1 else screen.app.get_key_display(binding)
        names = shown.setdefault((binding.action, binding.description), [])
        if display not in names:
            names.append(display)
    return [(" ".join(names), description) for (_, description), names in shown.items()]
