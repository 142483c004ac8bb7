"""Opening each screen from the home screen, against pushing a bare screen of the same widgets.

For each screen (the interview form, Prep, Debrief, the board, the card, Insights, the outcome
dialog) the key that opens it is pressed on the home screen and the time runs until the screen
is mounted, every key and message it set off is handled, and (Insights) its numbers are shown.
The baseline is a bare Textual app whose screens mirror ours: the same Textual widgets (an
``Input`` for our text input, an ``OptionList`` for our lists, the same containers), holding the
same text and rows, with a footer showing the same keys (bound to do nothing), without our code,
our data loading or our styles. Its home screen mirrors ours too, and its key pushes the mirror
of the screen measured. The ratio is what our screens add over the widgets.

Both sides start each timed opening from a fresh garbage collection: a full collection left
pending by whatever ran before would otherwise land in one opening or another at random (the
app's data makes it long), which made the spread of the ratios wider than any difference
between the screens.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual import widgets as w
from textual.app import App
from textual.binding import Binding
from textual.containers import Container
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets._footer import FooterKey

from benchmarks.probe import home_ready
from benchmarks.stats import ratio_stats

SIZE = (100, 30)
SCREENS: dict[str, str] = {
    "form": "n",
    "prep": "p",
    "debrief": "d",
    "board": "b",
    "card": "c",
    "insights": "i",
    "outcome": "o",
}
"""Each measured screen and the home key that opens it."""

_LEAVES: tuple[type[Widget], ...] = (
    w.Input,
    w.TextArea,
    w.Select,
    w.OptionList,
    w.DataTable,
    w.Button,
    w.Footer,
    w.Header,
    w.Static,
    w.ProgressBar,
    w.LoadingIndicator,
)
"""Textual widgets copied whole (their own insides are theirs); everything else is a container."""

Factory = Callable[[], Widget]


def _library_class(node: Widget) -> type[Widget]:
    """The nearest class of ``node`` that comes with Textual."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("textual.") and issubclass(cls, Widget):
            return cls
    return Widget


def _leaf(node: Widget, cls: type[Widget]) -> Factory:
    """A factory for a plain Textual widget holding what ``node`` holds."""
    if issubclass(cls, w.Input):
        value, placeholder = node.value, node.placeholder  # type: ignore[attr-defined]
        return lambda: w.Input(value, placeholder=placeholder)
    if issubclass(cls, w.TextArea):
        text = node.text  # type: ignore[attr-defined]
        return lambda: w.TextArea(text)
    if issubclass(cls, w.Select):
        count = max(len(getattr(node, "_options", ())), 1)
        return lambda: w.Select([(f"choice {n}", n) for n in range(count)], allow_blank=False)
    if issubclass(cls, w.OptionList):
        prompts = [node.get_option_at_index(n).prompt for n in range(node.option_count)]  # type: ignore[attr-defined]
        return lambda: w.OptionList(*prompts)
    if issubclass(cls, w.DataTable):
        columns = [str(column.label) for column in node.columns.values()]  # type: ignore[attr-defined]
        rows = [[str(cell) for cell in node.get_row_at(n)] for n in range(node.row_count)]  # type: ignore[attr-defined]

        def table() -> Widget:
            copy: w.DataTable[str] = w.DataTable()
            copy.add_columns(*columns)
            copy.add_rows(rows)
            return copy

        return table
    if issubclass(cls, w.Button):
        label = str(node.label)  # type: ignore[attr-defined]
        return lambda: w.Button(label)
    if issubclass(cls, w.Static):
        content = node.render()
        return lambda: w.Static(content)
    return lambda: cls()


def _tabbed(node: w.TabbedContent) -> Factory:
    """Tabs with a mirror of each pane."""
    panes = [(str(pane.id), mirror(pane)) for pane in node.query_one(w.ContentSwitcher).children]

    def tabbed() -> Widget:
        tabs = w.TabbedContent()
        for title, parts in panes:  # as ``with TabbedContent(): yield TabPane(...)`` adds them
            tabs.compose_add_child(w.TabPane(title, *(make() for make in parts)))
        return tabs

    return tabbed


def mirror(node: Widget) -> list[Factory]:
    """Factories for plain Textual copies of the children of ``node``."""
    factories: list[Factory] = []
    for child in node.children:
        if not isinstance(child, Widget):
            continue
        cls = _library_class(child)
        if isinstance(child, w.TabbedContent):
            factories.append(_tabbed(child))
            continue
        if issubclass(cls, _LEAVES):
            factories.append(_leaf(child, cls))
            continue
        inner = mirror(child)

        def container(box: type[Widget] = cls, inner: list[Factory] = inner) -> Widget:
            children = [make() for make in inner]
            try:
                return box(*children)
            except Exception:  # a Textual widget that takes other arguments: a plain container
                return Container(*children)

        factories.append(container)
    return factories


Keys = list[tuple[str, str, str]]
"""The keys a footer shows: (key, key as shown, description)."""

Mirror = tuple[list[Factory], Keys]
"""A screen's mirror: its widgets, and the keys its footer shows."""


def footer_keys(screen: Screen[Any]) -> Keys:
    """The keys the footer of ``screen`` shows, for its mirror's footer to show the same."""
    return [(key.key, key.key_display, key.description) for key in screen.query(FooterKey)]


def _bind(screen: Screen[Any], keys: Keys) -> None:
    """Give a mirror screen the keys of ours (doing nothing), so its footer holds as many."""
    for key, shown, description in keys:
        screen._bindings.bind(key, "nothing", description, key_display=shown)


class _MirrorScreen(Screen[None]):
    def __init__(self, parts: list[Factory], keys: Keys) -> None:
        super().__init__()
        self._parts = parts
        _bind(self, keys)

    def compose(self) -> Any:
        for make in self._parts:
            yield make()

    def action_nothing(self) -> None:
        """What every key of the mirror does."""


class _MirrorModal(ModalScreen[None]):
    def __init__(self, parts: list[Factory], keys: Keys) -> None:
        super().__init__()
        self._parts = parts
        _bind(self, keys)

    def compose(self) -> Any:
        for make in self._parts:
            yield make()

    def action_nothing(self) -> None:
        """What every key of the mirror does."""


class _Bare(App[None]):
    """A bare app: the mirror of our home screen; ``f9`` pushes the mirror of a screen."""

    BINDINGS = [Binding("f9", "open", "open", priority=True)]

    def __init__(self, home: Mirror, target: Mirror, modal: bool) -> None:
        super().__init__()
        self._home, self._target, self._modal = home, target, modal

    def get_default_screen(self) -> Screen[Any]:
        return _MirrorScreen(*self._home)

    def action_open(self) -> None:
        screen_class = _MirrorModal if self._modal else _MirrorScreen
        self.push_screen(screen_class(*self._target))


TIMEOUT = 60.0
"""A screen that has not opened after this many seconds is a failure, not a slow figure."""


async def _until(pilot: Any, condition: Callable[[], bool]) -> None:
    deadline = time.perf_counter() + TIMEOUT
    while not condition():
        if time.perf_counter() > deadline:
            raise RuntimeError("a screen did not open")
        await pilot.pause(0.001)


async def _until_open(app: Any, pilot: Any, home: Any) -> None:
    """Until the screen opened is mounted, its keys and messages handled, its numbers shown."""
    await _until(
        pilot, lambda: app.screen is not home and app.screen.is_mounted and not app.key_order.waiting
    )
    if type(app.screen).__name__ == "InsightsScreen":
        await _until(pilot, lambda: getattr(app.screen, "insights", None) is not None)
    await pilot.pause()


async def _bare_open(home: Mirror, target: Mirror, modal: bool) -> float:
    app = _Bare(home, target, modal)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        base = app.screen
        gc.collect()
        start = time.perf_counter()
        await pilot.press("f9")
        await _until(pilot, lambda: app.screen is not base and app.screen.is_mounted)
        await pilot.pause()
        return time.perf_counter() - start


async def measure(db: Path, reps: int) -> dict[str, dict[str, Any]]:
    """Return, per screen, the ratio of opening it to pushing its bare mirror."""
    from followup_tui.store.repository import Repository
    from followup_tui.ui.app import FollowupApp

    ours: dict[str, list[float]] = {name: [] for name in SCREENS}
    bare: dict[str, list[float]] = {name: [] for name in SCREENS}
    for _ in range(reps):
        mirrors: dict[str, tuple[Mirror, bool]] = {}
        app = FollowupApp(Repository(db), watch=False)
        async with app.run_test(size=SIZE) as pilot:
            while not home_ready(app):
                await pilot.pause(0.01)
            await pilot.pause()
            home = app.screen
            home_mirror = (mirror(home), footer_keys(home))
            for name, key in SCREENS.items():
                gc.collect()  # as before the baseline's: no collection left over from the last open
                start = time.perf_counter()
                await pilot.press(key)
                await _until_open(app, pilot, home)
                ours[name].append(time.perf_counter() - start)
                twin = (mirror(app.screen), footer_keys(app.screen))
                mirrors[name] = (twin, isinstance(app.screen, ModalScreen))
                app.pop_screen()
                await pilot.pause()
        for name, (parts, modal) in mirrors.items():
            bare[name].append(await _bare_open(home_mirror, parts, modal))
    return {f"open {name}": ratio_stats(ours[name], bare[name]) for name in SCREENS}
