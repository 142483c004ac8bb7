"""Small dialogs of the Prep screen: type a text (with a category), or choose a category."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from followup_tui.domain.vocabulary import NO_CATEGORY
from followup_tui.services.bank import category_label, clean_category
from followup_tui.ui.display import safe
from followup_tui.ui.screens.kept_input import KeptInputDialog, KeptValues
from followup_tui.ui.widgets.letter_select import LetterSelect
from followup_tui.ui.widgets.text_input import TextInput

UNFILED = ""
"""The Select value meaning "no category"."""


class PrepTextDialog(KeptInputDialog[tuple[str, str] | None]):
    """Ask for one line of text and, for questions, a category.

    Dismisses with ``(text, category)`` or None when cancelled. A dialog that adds (``several``)
    takes one item per line: the lines of a paste are listed under the line as they come, and
    enter hands them all on, one per line of ``text``.

    Args:
        title: What the dialog is for ("Add a question to ask").
        value: The text to start from.
        categories: Categories to offer; None hides the category choice.
        category: The category to start from.
        placeholder: A hint inside the empty text box.
        keep_key: Where what is typed is kept until it is used (see ``KeptInputDialog``).
        several: A paste of several lines adds one item per line.
    """

    DEFAULT_CSS = """
    PrepTextDialog > .dialog-frame { width: 76; }
    PrepTextDialog .dialog-title { margin-bottom: 1; }
    PrepTextDialog Input, PrepTextDialog Select { margin-bottom: 1; }
    PrepTextDialog #dialog-lines { color: $text-muted; margin-bottom: 1; display: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "submit", "Save")]

    def __init__(
        self,
        title: str,
        value: str = "",
        categories: list[str] | None = None,
        category: str = "",
        placeholder: str = "",
        keep_key: str | None = None,
        several: bool = False,
    ) -> None:
        super().__init__(keep_key)
        self._title, self._value, self._placeholder = title, value, placeholder
        self._several = several
        self._lines: list[str] = []
        self._categories = categories
        self._category = clean_category(category) if category.strip() else UNFILED

    def compose(self) -> ComposeResult:
        """The text box, the category choice and a hint."""
        with Vertical(classes="dialog-frame"):
            yield Label(self._title, classes="dialog-title")
            yield TextInput(
                self._value, placeholder=self._placeholder, id="dialog-text", lines_as_items=self._several
            )
            yield Static("", id="dialog-lines")
            if self._categories is not None:
                choices = list(
                    dict.fromkeys([*self._categories, *([self._category] if self._category else [])])
                )
                yield LetterSelect(
                    [(safe(category_label(c)), c) for c in choices],
                    value=self._category or Select.NULL,
                    prompt=NO_CATEGORY,
                    id="dialog-category",
                )
            yield Static("", classes="dialog-error", id="dialog-error")
            yield Static("enter saves · escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        """Start typing at once."""
        self.query_one("#dialog-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the text box saves."""
        event.stop()
        self.action_submit()

    def on_text_input_lines_pasted(self, event: TextInput.LinesPasted) -> None:
        """Lines pasted into an adding dialog: each is one item, listed until enter adds them."""
        event.stop()
        self._show_lines([*self._lines, *event.lines])
        self._keep_typing()

    def _show_lines(self, lines: list[str]) -> None:
        self._lines = lines
        listed = self.query_one("#dialog-lines", Static)
        listed.update(
            Content.assemble(
                f"{len(lines)} from the paste, one per line (enter adds them with the line above):",
                *(Content.assemble("\n• ", safe(line)) for line in lines),
            )
        )
        listed.display = bool(lines)

    def kept_values(self) -> KeptValues:
        """The fields, and the lines pasted so far."""
        values = super().kept_values()
        if self._lines:
            values["dialog-lines"] = "\n".join(self._lines)
        return values

    async def apply_kept(self, values: KeptValues) -> None:
        """Fill the fields and the pasted lines from kept input."""
        await super().apply_kept(values)
        lines = values.get("dialog-lines")
        if isinstance(lines, str) and lines.strip():
            self._show_lines(lines.splitlines())

    def on_key(self, event: events.Key) -> None:
        """Enter on the closed category saves too, as the hint says (down or space opens it)."""
        focused = self.focused
        if event.key == "enter" and isinstance(focused, Select) and not focused.expanded:
            event.stop()
            event.prevent_default()
            self.action_submit()

    def action_submit(self) -> None:
        """Save, unless the text is empty."""
        text = "\n".join([*self._lines, self.query_one("#dialog-text", Input).value]).strip()
        if not text:
            error = self.query_one("#dialog-error", Static)
            error.update("Type some text first (or press escape).")
            error.display = True
            return
        category = UNFILED
        if self._categories is not None:
            value = self.query_one("#dialog-category", Select).value
            category = value if isinstance(value, str) else UNFILED
        self.close_with((text, category))


class CategoryDialog(KeptInputDialog[str | None]):
    """Choose a category from a list or type a new one. Dismisses with it, or None.

    Args:
        categories: The categories to offer.
        current: The category now set (highlighted).
        keep_key: Where a new category being typed is kept (see ``KeptInputDialog``).
    """

    DEFAULT_CSS = """
    CategoryDialog > .dialog-frame { width: 76; }
    CategoryDialog .dialog-title { margin-bottom: 1; }
    CategoryDialog OptionList { height: auto; max-height: 12; margin-bottom: 1; }
    CategoryDialog Input { margin-bottom: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "keep", "Choose", priority=True)]

    def __init__(self, categories: list[str], current: str = "", keep_key: str | None = None) -> None:
        super().__init__(keep_key)
        self._categories = list(dict.fromkeys(categories))
        self._current = clean_category(current) if current.strip() else ""

    def compose(self) -> ComposeResult:
        """The list of categories and a box for a new one."""
        with Vertical(classes="dialog-frame"):
            yield Label("Set the category", classes="dialog-title")
            yield OptionList(
                *[Option(safe(category_label(c)), id=str(n)) for n, c in enumerate(self._categories)],
                Option(NO_CATEGORY, id="none"),
                id="dialog-categories",
            )
            yield TextInput(placeholder="or type a new category and press enter", id="dialog-new")
            yield Static("enter chooses · tab moves · escape cancels", classes="dialog-hint")

    def on_mount(self) -> None:
        """Highlight the current category."""
        options = self.query_one("#dialog-categories", OptionList)
        if self._current in self._categories:
            options.highlighted = self._categories.index(self._current)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on a category chooses it."""
        event.stop()
        self.close_with(self._category_of(event.option.id))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter on a typed category chooses it."""
        event.stop()
        if event.value.strip():
            self.close_with(clean_category(event.value))

    def _category_of(self, option_id: str | None) -> str:
        """The category an option of the list stands for ("" for none)."""
        return "" if option_id in (None, "none") else self._categories[int(option_id)]

    def action_keep(self) -> None:
        """ctrl+s: the category typed, else the one highlighted in the list."""
        typed = self.query_one("#dialog-new", Input).value
        if typed.strip():
            self.close_with(clean_category(typed))
            return
        options = self.query_one("#dialog-categories", OptionList)
        if options.highlighted is not None:
            self.close_with(self._category_of(options.get_option_at_index(options.highlighted).id))
