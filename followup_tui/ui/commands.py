"""Our entries in the command palette: new interview, jump to an interview, screens, export."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from followup_tui.domain.models import Interview
from followup_tui.domain.status import moment_label
from followup_tui.domain.text import one_line
from followup_tui.store.repository import NotFoundError
from followup_tui.ui.host import FollowupHost
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.home.home import HomeScreen

SCREEN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("prep", "Prep"),
    ("debrief", "Debrief"),
    ("board", "Board"),
    ("card", "Card"),
)
"""Screens the palette opens for the interview selected on the home screen."""


def _label(interview: Interview) -> str:
    return one_line(interview.company + (f" - {interview.role}" if interview.role else ""), 60)


class PaletteCommand(NamedTuple):
    """One of our palette entries; the title may hold user text, so it is never markup."""

    title: str
    help: str
    callback: Callable[[], object]


def followup_commands(app: FollowupHost) -> Iterator[PaletteCommand]:
    """Yield the palette commands for the current data.

    Args:
        app: The running app.
    """
    home = next((s for s in app.screen_stack if isinstance(s, HomeScreen)), None)
    if home is not None:
        yield PaletteCommand("New interview", "Add an interview", home.action_new)
        selected = _selected(app, _current_interview_id(app) or home.selected_id)
        if selected is not None:
            for name, title in SCREEN_COMMANDS:
                yield PaletteCommand(
                    f"{title} for {_label(selected)}",
                    f"Open {title} for the selected interview",
                    _opener(app, name, selected.id),
                )
            yield PaletteCommand(
                f"Edit {_label(selected)}", "Change the interview's details", lambda: home.edit(selected.id)
            )
            yield PaletteCommand(
                f"Record the outcome of {_label(selected)}",
                "Pending, advanced, offer, rejected, withdrawn, no response",
                lambda: home.record_outcome(selected.id),
            )
    yield PaletteCommand("Insights", "Look back across every interview", _opener(app, "insights", None))
    for kind, what in EXPORTS.items():
        yield PaletteCommand(
            f"Export interviews as {kind}",
            f"{what}, saved to a new file in a folder you choose",
            _exporter(app, kind),
        )
    for interview in app.repo.interviews():
        yield PaletteCommand(
            f"Open {_label(interview)}",
            f"Jump to this interview ({moment_label(interview.moment)})",
            _opener(app, "hub", interview.id),
        )


class FollowupCommands(Provider):
    """Our commands in the palette, shown as plain text (Textual's own would parse markup)."""

    def _commands(self) -> list[PaletteCommand]:
        return list(followup_commands(self.app))  # type: ignore[arg-type]

    async def discover(self) -> Hits:
        """Every command, before anything is typed."""
        for command in self._commands():
            yield DiscoveryHit(
                Content(command.title), command.callback, text=command.title, help=command.help
            )

    async def search(self, query: str) -> Hits:
        """Commands whose title matches what was typed, best first."""
        matcher = self.matcher(query)
        for command in self._commands():
            score = matcher.match(command.title)
            if score > 0:
                display = _highlight(command.title, query, matcher.match_style)
                yield Hit(score, display, command.callback, text=command.title, help=command.help)


def _highlight(title: str, query: str, style: Style) -> Content:
    """The title as literal text, with the matched letters styled like Textual's own hits."""
    from textual.fuzzy import FuzzySearch

    content = Content(title)
    _, offsets = FuzzySearch().match(query, title)
    for offset in offsets:
        content = content.stylize(style, offset, offset + 1)
    return content


def _current_interview_id(app: FollowupHost) -> str | None:
    """The interview the screen under the palette is about, as that screen says."""
    for screen in reversed(app.screen_stack):
        if isinstance(screen, FollowupScreen):
            return screen.palette_interview_id()
    return None


def _selected(app: FollowupHost, interview_id: str | None) -> Interview | None:
    if interview_id is None:
        return None
    try:
        return app.repo.get(Interview, interview_id)
    except NotFoundError:
        return None


def _opener(app: FollowupHost, name: str, interview_id: str | None) -> Callable[[], None]:
    def open_screen() -> None:
        app.open_screen(name, interview_id)

    return open_screen


EXPORTS: dict[str, str] = {
    "Markdown": "Every interview's story, to read",
    "JSON": "A complete copy that followup import can merge back",
    "CSV": "One row per interview, for a spreadsheet",
}
"""The palette's exports, with what each is for."""


def _exporter(app: FollowupHost, kind: str) -> Callable[[], None]:
    return lambda: _export(app, kind)


def _export(app: FollowupHost, kind: str) -> None:
    """Ask where, write an export off the UI thread, and say where it went."""
    from followup_tui.services import exporting
    from followup_tui.ui.screens.save_where import ask_and_save, export_stem

    render, suffix = {
        "Markdown": (exporting.export_markdown, ".md"),
        "JSON": (exporting.export_json, ".json"),
        "CSV": (exporting.export_csv, ".csv"),
    }[kind]
    ask_and_save(
        app.screen,
        f"every interview as {kind}",
        export_stem("interviews"),
        suffix,
        lambda: render(app.repo),
        f"Exported as {kind} to",
    )
