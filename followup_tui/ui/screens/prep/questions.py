"""What the Prep screen does with its questions to ask: add, edit, must-ask, category, bank, reuse."""

from __future__ import annotations

from followup_tui.domain.models import Interview, Question
from followup_tui.services import actions
from followup_tui.services.bank import BankEntry, categories, clean_category, in_bank, normalize, save_to_bank
from followup_tui.ui.screens.base import FollowupScreen
from followup_tui.ui.screens.prep.bank_picker import BankPickerDialog
from followup_tui.ui.screens.prep.dialogs import CategoryDialog, PrepTextDialog
from followup_tui.ui.screens.prep.lists import PrepLists
from followup_tui.ui.screens.prep.reuse import ReuseDialog


class PrepQuestions:
    """The questions to ask of one Prep screen: the bank, reuse and the questions-only keys.

    Args:
        screen: The Prep screen.
        lists: Its lists (the questions are ``lists.records["questions"]``).
    """

    def __init__(self, screen: FollowupScreen, lists: PrepLists) -> None:
        self.screen = screen
        self.lists = lists
        self.bank: list[BankEntry] = []
        """The question bank (starter plus mine)."""
        self.reuse_groups: list[tuple[str, list[Question]]] = []
        """Questions of earlier interviews at the same company, loaded with the prep."""

    def category_choices(self) -> list[str]:
        """The bank's categories, then any others used on this interview."""
        used = [clean_category(q.category) for q in self.lists.records["questions"] if q.category.strip()]
        return list(dict.fromkeys([*categories(self.bank), *used]))

    def present(self) -> set[str]:
        """The questions already on the list, folded for comparison."""
        return {normalize(q.text) for q in self.lists.records["questions"]}

    def add_question(self, text: str, category: str = "", must_ask: bool = False) -> bool:
        """Add a question to ask at the end of the list; return False if it is already there."""
        if self.screen.interview_id is None or normalize(text) in self.present():
            return False
        question = Question(
            id=self.lists.new_id(),
            interview_id=self.screen.interview_id,
            text=text.strip(),
            category=clean_category(category) if category.strip() else "",
            must_ask=must_ask,
            order=self.lists.next_order("questions"),
        )
        self.lists.insert("questions", question)
        return True

    def add(self) -> None:
        """Ask for a new question and its category."""
        dialog = PrepTextDialog(
            "Add a question to ask",
            categories=self.category_choices(),
            placeholder="What would you like to find out?",
            keep_key=actions.kept_input_key("prep", self.screen.interview_id, "questions", None),
            several=True,
        )

        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            texts = [line.strip() for line in result[0].splitlines() if line.strip()]
            there = [text for text in texts if not self.add_question(text, result[1])]
            if there:
                said = "That question is" if len(texts) == 1 else f"{len(there)} of those questions were"
                self.screen.notify(f"{said} already on your list.", markup=False)

        self.screen.app.push_screen(dialog, done)

    def edit(self, question: Question) -> None:
        """Edit a question's text and category."""
        dialog = PrepTextDialog(
            "Edit the question",
            question.text,
            categories=self.category_choices(),
            category=question.category,
            keep_key=actions.kept_input_key("prep", self.screen.interview_id, "questions", question.id),
        )

        def done(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            changes = {"text": result[0], "category": result[1]}
            changes = {k: v for k, v in changes.items() if getattr(question, k) != v}
            if changes:
                self.lists.change("questions", question, **changes)

        self.screen.app.push_screen(dialog, done)

    def must(self, question: Question) -> None:
        """Mark or unmark a question as a must-ask."""
        self.lists.change("questions", question, must_ask=not question.must_ask)

    def category(self, question: Question) -> None:
        """Choose a question's category."""

        def done(category: str | None) -> None:
            if category is not None and category != question.category:
                self.lists.change("questions", question, category=category)

        keep = actions.kept_input_key("category", self.screen.interview_id, question.id)
        self.screen.app.push_screen(CategoryDialog(self.category_choices(), question.category, keep), done)

    def pick_from_bank(self) -> None:
        """Pick questions from the bank; each one picked is added at once."""

        def pick(entry: BankEntry) -> bool:
            return self.add_question(entry.text, entry.category)

        def done(added: int | None) -> None:
            if added and added > 0:
                self.screen.notify(
                    f"Added {added} question{'s' if added != 1 else ''} from the bank", markup=False
                )

        def unpick(entry: BankEntry) -> bool:
            wanted = normalize(entry.text)
            found = next((q for q in self.lists.records["questions"] if normalize(q.text) == wanted), None)
            if found is not None:
                self.lists.delete("questions", found)  # u brings it back
            return found is not None

        self.screen.app.push_screen(BankPickerDialog(self.bank, self.present(), pick, unpick), done)

    def keep_in_bank(self, question: Question) -> None:
        """Save a question to my own question bank (once)."""
        if in_bank(self.bank, question.text):
            self.screen.notify("That question is already in the bank.", markup=False)
            return
        text, category = question.text, question.category
        self.bank.append(BankEntry(" ".join(text.split()), clean_category(category), mine=True))
        repo = self.screen.repo
        self.lists.write(lambda: save_to_bank(repo, text, category))
        self.screen.notify("Saved to your question bank.", markup=False)

    def load_reuse(self) -> None:
        """Find the questions of other interviews at the same company (any case or spacing)."""
        this = self.screen.interview()
        self.reuse_groups = []
        if this is None:
            return
        company = normalize(this.company)
        others = [
            i for i in self.screen.repo.interviews() if i.id != this.id and normalize(i.company) == company
        ]
        for other in others:
            questions = self.screen.repo.children(Question, other.id)
            if questions:
                self.reuse_groups.append((_label(other), questions))

    def reuse(self) -> None:
        """Copy questions from an earlier interview at the same company."""
        if not self.reuse_groups:
            self.screen.notify("No other interview at this company has questions yet.", markup=False)
            return

        def done(picked: list[Question] | None) -> None:
            added = sum(self.add_question(q.text, q.category, q.must_ask) for q in picked or [])
            if picked:
                skipped = len(picked) - added
                note = f" ({skipped} already on the list)" if skipped else ""
                self.screen.notify(f"Reused {added} question{'s' if added != 1 else ''}{note}", markup=False)

        self.screen.app.push_screen(ReuseDialog(self.reuse_groups), done)


def _label(interview: Interview) -> str:
    parts = [interview.when or "no date", interview.company]
    if interview.role.strip():
        parts.append(interview.role)
    return " · ".join(parts)
