"""Only public Textual API, and the one private hook we keep is pinned here.

Also: our own messages name the widget that sent them (``control``), so ``@on(Message, "#id")``
picks one widget's messages out of several.
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

from textual import events, on
from textual.app import App, ComposeResult
from textual.widgets import TextArea

import followup_tui
from followup_tui.domain.models import Clarification, Interviewer, Question
from followup_tui.domain.suggestions import Suggestion
from followup_tui.ui.screens.debrief.gut import GutRating
from followup_tui.ui.screens.debrief.lists import ClarificationList, QuestionChecklist, SuggestionList
from followup_tui.ui.screens.interview.interviewer_row import InterviewerRow
from followup_tui.ui.widgets.text_box import TextBox
from tests.helpers.wait import until

PACKAGE = Path(followup_tui.__file__).parent


PINNED_PRIVATE: dict[str, str] = {
    "ui/widgets/key_footer.py": "textual.widgets._footer",
}
"""Private Textual modules a module still needs, each checked below: FooterKey (the footer's key
widget, measured to fit the footer, and dimmed in place) is not exported by Textual 8.2."""


def test_the_pinned_private_names_are_still_there() -> None:
    from textual.widgets import Footer
    from textual.widgets._footer import FooterKey

    assert issubclass(FooterKey, object) and "FooterKey(" in inspect.getsource(Footer.compose)
    # a key shown is dimmed in place (ui/widgets/key_footer.py) as Textual builds a disabled one
    assert '" -disabled"' in inspect.getsource(FooterKey.__init__)
    assert "self._disabled" in inspect.getsource(FooterKey.on_mouse_down)


def test_no_module_imports_a_private_textual_module() -> None:
    found = []
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            module = node.module if isinstance(node, ast.ImportFrom) else None
            if module and module.startswith("textual") and any(p.startswith("_") for p in module.split(".")):
                where = path.relative_to(PACKAGE).as_posix()
                if PINNED_PRIVATE.get(where) != module:
                    found.append(f"{where}: {module}")
    assert found == []


def test_the_pinned_private_hook_of_text_area_is_still_there() -> None:
    """TextBox overrides TextArea._replace_via_keyboard (see the comment there): if Textual renames
    it, changes its parameters or stops calling it for keys and pastes, this fails."""
    hook = TextArea._replace_via_keyboard
    assert list(inspect.signature(hook).parameters) == ["self", "insert", "start", "end"]
    assert "_replace_via_keyboard(" in inspect.getsource(TextArea._on_key)
    assert "_replace_via_keyboard(" in inspect.getsource(TextArea._on_paste)


class Boxes(App[None]):
    def compose(self) -> ComposeResult:
        yield TextBox("abc", limit=5, id="box")


async def test_typing_stops_at_the_limit_and_a_long_paste_is_refused() -> None:
    app = Boxes()
    async with app.run_test(size=(40, 8)) as pilot:
        box = app.query_one(TextBox)
        box.focus()
        box.move_cursor(box.document.end)
        await pilot.press("d", "e", "f", "g")
        assert box.text == "abcde"
        await pilot.press("backspace", "backspace")
        titles: list[str] = []
        box.notify = lambda *args, **kwargs: titles.append(kwargs["title"])  # type: ignore[method-assign]
        box.post_message(events.Paste("xyz"))
        assert await until(pilot, lambda: titles == ["Not pasted"])
        assert box.text == "abc"
        box.post_message(events.Paste("xy"))
        assert await until(pilot, lambda: box.text == "abcxy")


class Lists(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def compose(self) -> ComposeResult:
        yield GutRating(id="gut-a")
        yield GutRating(id="gut-b")
        yield QuestionChecklist(id="asked")
        yield ClarificationList(id="clarify")
        yield SuggestionList(id="suggest")
        yield InterviewerRow(Interviewer(name="Ana"))

    @on(GutRating.Changed, "#gut-b")
    def _gut_b(self, event: GutRating.Changed) -> None:
        self.seen.append(f"gut-b {event.gut}")

    @on(QuestionChecklist.Marked, "#asked")
    def _asked(self, event: QuestionChecklist.Marked) -> None:
        self.seen.append(f"asked {event.asked}")

    @on(ClarificationList.Requested, "#clarify")
    def _clarify(self, event: ClarificationList.Requested) -> None:
        self.seen.append(f"clarify {event.what}")

    @on(SuggestionList.Decided, "#suggest")
    def _suggest(self, event: SuggestionList.Decided) -> None:
        self.seen.append(f"suggest {event.what}")

    @on(InterviewerRow.RemoveRequested, "InterviewerRow")
    def _remove(self, event: InterviewerRow.RemoveRequested) -> None:
        self.seen.append(f"remove {event.control is event.row}")


async def test_our_messages_can_be_picked_by_the_widget_that_sent_them() -> None:
    app = Lists()
    async with app.run_test(size=(80, 30)) as pilot:
        app.query_one("#gut-a", GutRating).action_rate(2)  # not picked: another widget
        app.query_one("#gut-b", GutRating).action_rate(4)
        checklist = app.query_one(QuestionChecklist)
        checklist.show([Question(id="q1", text="Team size?")])
        checklist.highlighted = 0
        checklist.action_mark("yes")
        clarifications = app.query_one(ClarificationList)
        clarifications.show([Clarification(question="Why?")])
        clarifications.highlighted = 0
        clarifications.action_request("edit")
        suggestions = app.query_one(SuggestionList)
        suggestions.show([Suggestion(key="k", text="Ask again", kind="error", error_kind="other")])
        suggestions.highlighted = 0
        suggestions.action_decide("dismiss")
        app.query_one(InterviewerRow).post_message(
            InterviewerRow.RemoveRequested(app.query_one(InterviewerRow))
        )
        expected = ["gut-b 4", "asked yes", "clarify edit", "suggest dismiss", "remove True"]
        assert await until(pilot, lambda: app.seen == expected), app.seen
