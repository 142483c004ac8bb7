"""The lists of the debrief: prepared questions to tick, answers to clarify, suggestions.

Each list only posts messages; the debrief screen saves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Generic, Literal, TypeVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from followup_tui.domain.models import Clarification, Question
from followup_tui.domain.suggestions import Suggestion
from followup_tui.domain.text import cell_width, wrap_cells
from followup_tui.domain.vocabulary import COLUMN_TITLES
from followup_tui.ui.display import safe

ASKED_MARKS: dict[str, tuple[str, str]] = {
    "yes": ("✔", "bold $success"),
    "no": ("✘", "bold $error"),
    "unknown": ("?", "dim"),
}
"""How each answer to "was it asked?" is shown."""

NEXT_ASKED: dict[str, str] = {"unknown": "yes", "yes": "no", "no": "unknown"}
"""What space turns each state into."""

ItemType = TypeVar("ItemType")


ClarificationRequest = Literal["add", "edit", "delete"]
"""What a key of the clarifications list asks for."""

SuggestionDecision = Literal["accept", "accept-all", "dismiss"]
"""What the user decides about a suggestion."""


class KeepHighlight(OptionList, Generic[ItemType]):
    """A compact OptionList that can be refilled while keeping the highlighted item.

    ``show(items)`` draws the items with ``options_for``, wrapped to the list's width; a
    resize draws them again for the new width.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, compact=True)
        self._items: list[ItemType] = []
        self._wrapped_at = 0

    def options_for(self, items: list[ItemType], width: int) -> list[Option]:
        """The options that show ``items`` in ``width`` columns (0: not laid out yet)."""
        raise NotImplementedError

    def show(self, items: list[ItemType]) -> None:
        """Show the items (long ones wrap under their own text)."""
        self._items = list(items)
        self._wrapped_at = self.scrollable_content_region.width
        self.refill(self.options_for(self._items, self._wrapped_at))

    def on_resize(self, event: events.Resize) -> None:
        """Wrap the items again for the new width."""
        if self.scrollable_content_region.width != self._wrapped_at:
            self.show(self._items)

    def refill(self, options: list[Option]) -> None:
        """Replace the options, keeping the highlight on the same id (or the same place)."""
        old = self.highlighted_option
        old_index = self.highlighted
        self.set_options(options)
        if not options:
            return
        ids = [o.id for o in options]
        if old is not None and old.id in ids:
            self.highlighted = ids.index(old.id)
        else:
            self.highlighted = min(old_index or 0, len(options) - 1)

    def selected_id(self) -> str | None:
        """The id of the highlighted option, if any."""
        option = self.highlighted_option
        return option.id if option is not None else None


def wrap_under(text: str, width: int, indent: int) -> str:
    """``text`` wrapped to ``width`` cells with its later lines ``indent`` cells in, under
    its first word (unchanged when it fits, or when the width is not known yet)."""
    room = width - indent
    if room > 10 and cell_width(text) > room:
        return ("\n" + " " * indent).join(wrap_cells(text, room))
    return text


class QuestionChecklist(KeepHighlight[Question]):
    """The prepared questions; y/n/space mark the highlighted one and move on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "mark('yes')", "Asked"),
        Binding("n", "mark('no')", "Not asked"),
        Binding("space", "cycle", "Cycle"),
    ]

    @dataclass
    class Marked(Message):
        """The user marked a question."""

        checklist: QuestionChecklist
        """The list it was marked in."""
        question_id: str
        """Which question."""
        asked: str
        """One of ``models.ASKED``."""

        @property
        def control(self) -> QuestionChecklist:
            """The list, so ``@on(QuestionChecklist.Marked, "#id")`` can pick one."""
            return self.checklist

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._asked: dict[str, str] = {}

    def options_for(self, items: list[Question], width: int) -> list[Option]:
        """Each question with its marks (a long one wraps under its text, not its mark)."""
        self._asked = {q.id: q.asked for q in items}
        return [Option(question_prompt(q, width), id=q.id) for q in items]

    def action_mark(self, asked: str) -> None:
        """Mark the highlighted question, then move to the next one."""
        question_id = self.selected_id()
        if question_id is None:
            return
        self.post_message(self.Marked(self, question_id, asked))
        if asked != "unknown" and self.highlighted is not None:
            self.action_cursor_down()

    def action_cycle(self) -> None:
        """Cycle the highlighted question (? -> asked -> not asked -> ?), then move to the next
        one, as y and n do."""
        question_id = self.selected_id()
        if question_id is not None:
            self.post_message(
                self.Marked(self, question_id, NEXT_ASKED[self._asked.get(question_id, "unknown")])
            )
            if self.highlighted is not None:
                self.action_cursor_down()


QUESTION_INDENT = 4
"""Columns before a question's text (its mark, a star, two spaces): where wrapped lines start."""


def question_prompt(question: Question, width: int = 0) -> Content:
    """A prepared question: its mark, a star if must-ask, its text.

    Args:
        question: The question.
        width: The columns of the list; a longer text wraps with its lines under its first
            word, not under the mark (0: one line, wrapped by the list).
    """
    mark, style = ASKED_MARKS.get(question.asked, ASKED_MARKS["unknown"])
    star = ("★", "bold $warning") if question.must_ask else " "
    text = wrap_under(safe(question.text, single_line=True).plain, width, QUESTION_INDENT)
    return Content.assemble((mark, style), " ", star, " ", text)


class ClarificationList(KeepHighlight[Clarification]):
    """Answers I would like to clarify; a adds, enter edits, x deletes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "request('add')", "Add"),
        Binding("x,delete", "request('delete')", "Delete"),
    ]

    @dataclass
    class Requested(Message):
        """The user wants to add, edit or delete a clarification."""

        clarifications: ClarificationList
        """The list it was asked in."""
        what: ClarificationRequest
        """What the user asked for."""
        index: int | None
        """The clarification's position, None for "add"."""

        @property
        def control(self) -> ClarificationList:
            """The list, so ``@on(ClarificationList.Requested, "#id")`` can pick one."""
            return self.clarifications

    def options_for(self, items: list[Clarification], width: int) -> list[Option]:
        """Each clarification, then a line that adds one."""
        options = [Option(clarification_prompt(c, width), id=str(n)) for n, c in enumerate(items)]
        options.append(Option(Content.styled("+ add an answer to clarify (a)", "dim italic"), id="add"))
        return options

    def action_request(self, what: ClarificationRequest) -> None:
        """Ask the screen to add or delete."""
        selected = self.selected_id()
        if what == "add" or selected in (None, "add"):
            if what == "add":
                self.post_message(self.Requested(self, "add", None))
            return
        self.post_message(self.Requested(self, what, int(selected)))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter edits the highlighted clarification (or adds one on the last line)."""
        event.stop()
        if event.option.id == "add":
            self.post_message(self.Requested(self, "add", None))
        elif event.option.id is not None:
            self.post_message(self.Requested(self, "edit", int(event.option.id)))


def clarification_prompt(item: Clarification, width: int = 0) -> Content:
    """The question, then what I said and what I should have said, each on its own lines.

    Args:
        item: The clarification.
        width: The columns of the list; a long text wraps under its own first word, not under
            its label (0: each part on one line, wrapped by the list).
    """
    parts: list[str | tuple[str, str]] = []
    for label, text, most, style in (
        ("Q ", item.question or "(no question)", 0, "bold"),
        ("  said: ", item.said or "-", 120, "dim"),
        ("  better: ", item.should_have or "-", 120, "dim"),
    ):
        shown = safe(text, single_line=True, width=most or None).plain
        parts += ["\n" if parts else "", (label, style), wrap_under(shown, width, len(label))]
    return Content.assemble(*parts)


class SuggestionList(KeepHighlight[Suggestion]):
    """Concerns the debrief suggests; a or enter accepts, A accepts all, x dismisses."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "decide('accept')", "Accept"),
        Binding("A", "decide('accept-all')", "Accept all"),
        Binding("x,delete", "decide('dismiss')", "Dismiss"),
    ]

    @dataclass
    class Decided(Message):
        """The user accepted or dismissed a suggestion (key None: all of them)."""

        suggestions: SuggestionList
        """The list it was decided in."""
        what: SuggestionDecision
        """What the user decided."""
        key: str | None
        """The suggestion's key."""

        @property
        def control(self) -> SuggestionList:
            """The list, so ``@on(SuggestionList.Decided, "#id")`` can pick one."""
            return self.suggestions

    def options_for(self, items: list[Suggestion], width: int) -> list[Option]:
        """Each pending suggestion."""
        return [Option(suggestion_prompt(s), id=s.key) for s in items]

    def action_decide(self, what: SuggestionDecision) -> None:
        """Accept or dismiss the highlighted suggestion, or accept them all."""
        key = self.selected_id()
        if key is not None or what == "accept-all":
            self.post_message(self.Decided(self, what, key))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter accepts."""
        event.stop()
        self.post_message(self.Decided(self, "accept", event.option.id))


def suggestion_prompt(suggestion: Suggestion) -> Content:
    """The suggestion's text, then where it goes and where it came from."""
    column = COLUMN_TITLES["error" if suggestion.kind == "error" else "unsorted"]
    return Content.assemble(
        safe(suggestion.text, single_line=True),
        "\n",
        (f"  → {column} · {suggestion.origin}", "dim"),
    )
