"""The Prep screen's keys for questions to ask: must-ask, category, bank, reuse."""

from __future__ import annotations

from followup_tui.domain.models import Interview, Question
from followup_tui.services import actions
from followup_tui.services.bank import BankEntry, categories, clean_category, in_bank, normalize, save_to_bank
from followup_tui.ui.screens.prep.bank_picker import BankPickerDialog
from followup_tui.ui.screens.prep.dialogs import CategoryDialog, PrepTextDialog
from followup_tui.ui.screens.prep.lists import ListActions
from followup_tui.ui.screens.prep.reuse import ReuseDialog

QUESTION_ACTIONS = ("must", "category", "save_bank", "bank", "reuse")
"""Actions that only apply on the questions tab."""


class QuestionActions(ListActions):
    """What the Prep screen does with its questions to ask (the list machinery is in prep.py)."""

    reuse_groups: list[tuple[str, list[Question]]]
    """Questions of earlier interviews at the same company, loaded with the prep."""

    def __init__(self, interview_id: str | None = None) -> None:
        super().__init__(interview_id)
        self.bank: list[BankEntry] = []
        """The question bank (starter plus mine)."""
        self.reuse_groups = []

    def check_question_action(self, action: str, name: str, has_selection: bool) -> bool | None:
        """Whether a questions-tab action applies now (see ``check_action``)."""
        if action not in QUESTION_ACTIONS:
            return True
        if name != "questions":
            return False
        if action in ("bank", "reuse"):
            return True  # reuse says so when there is nothing to reuse
        return has_selection

    def category_choices(self) -> list[str]:
        """The bank's categories, then any others used on this interview."""
        used = [clean_category(q.category) for q in self.records["questions"] if q.category.strip()]
        return list(dict.fromkeys([*categories(self.bank), *used]))

    def present(self) -> set[str]:
        """The questions already on the list, folded for comparison."""
        return {normalize(q.text) for q in self.records["questions"]}

    def add_question(self, text: str, category: str = "", must_ask: bool = False) -> bool:
        """Add a question to ask at the end of the list; return False if it is already there."""
        if self.interview_id is None or normalize(text) in self.present():
            return False
        question = Question(
            id=self.new_id(),
            interview_id=self.interview_id,
            text=text.strip(),
            category=clean_category(category) if category.strip() else "",
            must_ask=must_ask,
            order=self.next_order("questions"),
        )
        self.insert("questions", question)
        return True

    def add_question_dialog(self) -> None:
        """Ask for a new question and its category."""
        dialog = PrepTextDialog(
            "Add a question to ask",
            categories=self.category_choices(),
            placeholder="What would you like to find out?",
            draft_key=actions.draft_key("prep", self.interview_id, "questions", None),
        )

        def done(result: tuple[str, str] | None) -> None:
            if result is not None and not self.add_question(*result):
                self.notify("That question is already on your list.", markup=False)

        self.app.push_screen(dialog, done)

    def edit_question_dialog(self, question: Question) -> None:
        """Edit a question's text and category."""
        dialog = PrepTextDialog(
            "Edit the question",
            question.text,
            categories=self.category_choices(),
            category=question.category,
            draft_key=actions.draft_key("prep", self.interview_id, "questions", question.id),
        )

        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            changes = {"text": result[0], "category": result[1]}
            changes = {k: v for k, v in changes.items() if getattr(question, k) != v}
            if changes:
                self.change("questions", question, **changes)

        self.app.push_screen(dialog, done)

    def action_must(self) -> None:
        """Mark or unmark the highlighted question as a must-ask."""
        question = self.selected("questions")
        if question is not None:
            self.change("questions", question, must_ask=not question.must_ask)

    def action_category(self) -> None:
        """Choose the highlighted question's category."""
        question = self.selected("questions")
        if question is None:
            return

        def done(category: str | None) -> None:
            if category is not None and category != question.category:
                self.change("questions", question, category=category)

        draft = actions.draft_key("category", self.interview_id, question.id)
        self.app.push_screen(CategoryDialog(self.category_choices(), question.category, draft), done)

    def action_bank(self) -> None:
        """Pick questions from the bank; each one picked is added at once."""

        def pick(entry: BankEntry) -> bool:
            return self.add_question(entry.text, entry.category)

        def done(added: int | None) -> None:
            if added:
                self.notify(f"Added {added} question{'s' if added != 1 else ''} from the bank", markup=False)

        self.app.push_screen(BankPickerDialog(self.bank, self.present(), pick), done)

    def action_save_bank(self) -> None:
        """Save the highlighted question to my own question bank (once)."""
        question = self.selected("questions")
        if question is None:
            return
        if in_bank(self.bank, question.text):
            self.notify("That question is already in the bank.", markup=False)
            return
        text, category = question.text, question.category
        self.bank.append(BankEntry(" ".join(text.split()), clean_category(category), mine=True))
        self.write(lambda: save_to_bank(self.repo, text, category))
        self.notify("Saved to your question bank.", markup=False)

    def load_reuse(self) -> None:
        """Find the questions of other interviews at the same company (any case or spacing)."""
        this = self.interview()
        self.reuse_groups = []
        if this is None:
            return
        company = normalize(this.company)
        others = [i for i in self.repo.interviews() if i.id != this.id and normalize(i.company) == company]
        for other in others:
            questions = self.repo.children(Question, other.id)
            if questions:
                self.reuse_groups.append((_label(other), questions))

    def action_reuse(self) -> None:
        """Copy questions from an earlier interview at the same company."""
        if not self.reuse_groups:
            self.notify("No other interview at this company has questions yet.", markup=False)
            return

        def done(picked: list[Question] | None) -> None:
            added = sum(self.add_question(q.text, q.category, q.must_ask) for q in picked or [])
            if picked:
                skipped = len(picked) - added
                note = f" ({skipped} already on the list)" if skipped else ""
                self.notify(f"Reused {added} question{'s' if added != 1 else ''}{note}", markup=False)

        self.app.push_screen(ReuseDialog(self.reuse_groups), done)


def _label(interview: Interview) -> str:
    parts = [interview.when or "no date", interview.company]
    if interview.role.strip():
        parts.append(interview.role)
    return " · ".join(parts)
