"""The question bank: an original starter set of questions to ask, plus the user's own.

No Textual here. The starter bank is written for followup: each question is meant to draw
out something a candidate can actually use when deciding about the job. The user's own
questions live in the repository as ``BankQuestion`` records and are merged with the starter
set, grouped by category, without duplicates (compared ignoring case and spacing).

The bank can be curated: a question of the user's own is edited, recategorised or deleted in
place; a starter question deleted is hidden (its text is kept in the ``hidden_starter``
setting, so an undo brings it back), and one edited becomes the user's own, the starter
original hidden. Starter questions have ids of their own ("s1", "s2"...) for the shell.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from followup_tui.domain.models import BankQuestion, ValidationError
from followup_tui.store.repository import NotFoundError, Repository

CATEGORIES: tuple[str, ...] = (
    "role",
    "team",
    "manager",
    "growth",
    "culture",
    "product",
    "process",
    "next steps",
)
"""The starter bank's categories, in the order the picker shows them."""

OTHER = "other"
"""The category of a question saved without one."""

STARTER_BANK: dict[str, tuple[str, ...]] = {
    "role": (
        "What would you like me to have finished or learned by the end of my first 90 days?",
        "What does an ordinary week in this role look like, and how much of it is meetings "
        "versus focused work?",
        "What is the hardest problem the person in this seat will face in the first year?",
        "Is this a new position or a replacement? If a replacement, what did the previous "
        "person do especially well?",
        "Which part of the job description matters most to you, and which part could I grow into?",
        "Six months from now, how will you know that hiring me was the right call?",
        "Which decisions would I own outright, and which would I run past someone first?",
    ),
    "team": (
        "Who would I work with most closely day to day, and what do they each do?",
        "How does the team split its work: by project, by area, or by whoever is free?",
        "What is something the team is proud of from the last year?",
        "When the team disagrees about an approach, how does it usually get settled?",
        "How has the team changed in size or shape this past year, and what is planned next?",
        "Which other teams does this one depend on most, and how smooth is that relationship?",
        "How are new people brought up to speed: a buddy, written guides, a set plan?",
    ),
    "manager": (
        "How would you describe the way you manage, and how do you adjust it for different people?",
        "How often would we meet one to one, and what do those meetings usually cover?",
        "How do you prefer to hear about a problem or a piece of work going off track?",
        "What do the strongest people on your team do that others do not?",
        "When did you last change your mind because of feedback from someone on your team?",
        "What are you hoping the person in this role will take off your plate?",
        "How long have you led this team, and what brought you to it?",
    ),
    "growth": (
        "Where have people who held this role gone next, inside or outside the company?",
        "Is there a budget for training or conferences, and how do people actually use it?",
        "How are promotions decided, and who takes part in that decision?",
        "Which skills would you like the person in this role to build over the next two years?",
        "Can people move between teams, and how often does that really happen?",
        "How is performance reviewed: how often, against what, and by whom?",
        "Is there room for stretch work beyond the core job, such as mentoring or leading a project?",
    ),
    "culture": (
        "What happens here when someone makes a mistake that reaches a customer?",
        "How do people mostly communicate: written documents, chat, calls, or in person?",
        "What kind of person tends to struggle here, even when they are good at the job?",
        "What are the working hours in practice, and how are busy periods handled?",
        "What has changed in the culture since you joined, for better or for worse?",
        "How does flexible or remote work play out day to day, beyond the written policy?",
        "If you could change one thing about working here, what would it be?",
    ),
    "product": (
        "Who are the main users of the product, and how does the team hear from them?",
        "What are the top priorities on the roadmap for the next two quarters?",
        "Which competitor do you watch most closely, and what do they do better than you?",
        "Which numbers does the team look at every week to know the product is working?",
        "What is the biggest piece of technical or product debt you would like to pay down?",
        "Which recent product decision turned out differently than expected, and what did you learn?",
        "How much say does this role have in what gets built, not only in how it gets built?",
    ),
    "process": (
        "How does a piece of work travel from an idea to being delivered here?",
        "When two urgent requests arrive at once, who decides which comes first, and how?",
        "Which tools does the team rely on every day, and are any of them being replaced?",
        "How are deadlines set, and what happens when one starts to slip?",
        "How are decisions written down so that people who missed the meeting can follow them?",
        "Is there an on-call, support or out-of-hours rota for this role, and how does it work?",
        "How is work checked before it goes out: peer review, sign-off, testing?",
    ),
    "next steps": (
        "What are the next steps in the process, and when can I expect to hear from you?",
        "Who would I meet in later rounds, and is there anything I should prepare for them?",
        "Is there anything in my background that gives you pause? I would welcome the chance "
        "to address it now.",
        "When would you ideally like the new person to start?",
        "Who is the best person to contact if a question comes up after today?",
        "Is there something about the role you expected me to ask about that I have not?",
        "Roughly how many candidates are you speaking with, and where are you in the process overall?",
    ),
}
"""The starter question bank, by category. Original text written for followup."""

CHECKLISTS: dict[str, tuple[str, ...]] = {
    "onsite": (
        "Clothes chosen, clean and laid out",
        "Two printed copies of my CV in a folder",
        "Introduction rehearsed out loud (about a minute)",
        "Route and travel time checked: aim to arrive ten minutes early",
        "Interviewers' names and titles written down",
        "Job ad re-read, with three points that match my experience",
        "Questions to ask printed or on my phone",
        "Pen and notebook packed",
        "Phone on silent before going in",
    ),
    "video": (
        "Video call: link, camera, microphone and charger tested",
        "A quiet room with good light and a plain background",
        "Clothes chosen, at least from the waist up",
        "Introduction rehearsed out loud (about a minute)",
        "Interviewers' names and titles written down",
        "Job ad re-read, with three points that match my experience",
        "Questions to ask open beside the call window",
        "Notebook and pen at hand",
        "Notifications and phone silenced; join two minutes early",
    ),
    "phone": (
        "Phone charged, with a good signal where I will take the call",
        "A quiet room with no interruptions for the hour",
        "My CV and notes open in front of me",
        "Introduction rehearsed out loud (about a minute)",
        "Interviewers' names and titles written down",
        "Job ad re-read, with three points that match my experience",
        "Questions to ask written down",
        "Notebook and pen at hand",
    ),
}
"""The checklist a new interview starts with, by its format (editable per interview)."""

DEFAULT_CHECKLIST: tuple[str, ...] = CHECKLISTS["onsite"]
"""The checklist of an interview on site, the default format."""


def starter_checklist(interview_format: str) -> tuple[str, ...]:
    """The checklist a new interview of this format starts with (on site when unknown)."""
    return CHECKLISTS.get(interview_format, DEFAULT_CHECKLIST)


@dataclass(frozen=True)
class BankEntry:
    """One question in the bank as the picker shows it.

    Attributes:
        text: The question.
        category: Its category (lower case; ``OTHER`` when none was given).
        mine: True when the user saved it (not from the starter bank).
        id: The ``BankQuestion`` id of the user's own, "s<n>" for a starter question.
    """

    text: str
    category: str
    mine: bool = False
    id: str = ""


def normalize(text: str) -> str:
    """Return text folded for comparison: case and runs of spaces do not matter."""
    return " ".join(text.casefold().split())


def clean_category(category: str) -> str:
    """Return a category as stored in the bank: lower case, single spaces, ``other`` if empty."""
    return normalize(category) or OTHER


def category_label(category: str) -> str:
    """Return a category as shown to the user ("next steps" -> "Next steps")."""
    text = " ".join(category.split())
    return text[:1].upper() + text[1:] if text else "Other"


def starter_entries() -> list[BankEntry]:
    """Return the starter bank as entries, in category order."""
    texts = [(text, category) for category in CATEGORIES for text in STARTER_BANK[category]]
    return [BankEntry(text, category, id=f"s{n}") for n, (text, category) in enumerate(texts, start=1)]


def merge_entries(starter: list[BankEntry], mine: list[BankQuestion]) -> list[BankEntry]:
    """Merge the starter bank with the user's questions, grouped by category, no duplicates.

    Args:
        starter: The starter entries.
        mine: The user's saved questions.

    Returns:
        Entries grouped by category (the starter categories first, then the user's own
        categories alphabetically); within a category the starter questions come first.
    """
    seen: set[str] = set()
    groups: dict[str, list[BankEntry]] = {category: [] for category in CATEGORIES}
    candidates = list(starter) + [
        BankEntry(q.text.strip(), clean_category(q.category), True, q.id) for q in mine
    ]
    for entry in candidates:
        key = normalize(entry.text)
        if not key or key in seen:
            continue
        seen.add(key)
        groups.setdefault(entry.category, []).append(entry)
    extra = sorted(c for c in groups if c not in CATEGORIES)
    return [entry for category in (*CATEGORIES, *extra) for entry in groups[category]]


def bank_entries(repo: Repository) -> list[BankEntry]:
    """Return the whole bank (starter and the user's own), grouped by category.

    Args:
        repo: The repository holding the user's ``BankQuestion`` records.
    """
    hidden = set(hidden_starter(repo))
    starter = [entry for entry in starter_entries() if normalize(entry.text) not in hidden]
    return merge_entries(starter, repo.all(BankQuestion))


def categories(entries: list[BankEntry]) -> list[str]:
    """Return the categories of some entries in the order they first appear."""
    return list(dict.fromkeys(entry.category for entry in entries))


def search(entries: list[BankEntry], text: str) -> list[BankEntry]:
    """Return the entries matching every word of ``text`` (in the question or its category).

    Args:
        entries: The entries to search.
        text: What the user typed; empty matches everything.
    """
    words = normalize(text).split()
    if not words:
        return list(entries)
    found = []
    for entry in entries:
        haystack = normalize(f"{entry.text} {entry.category}")
        if all(word in haystack for word in words):
            found.append(entry)
    return found


def in_bank(entries: list[BankEntry], text: str) -> bool:
    """Return True when the bank already holds this question (ignoring case and spacing)."""
    key = normalize(text)
    return any(normalize(entry.text) == key for entry in entries)


def save_to_bank(repo: Repository, text: str, category: str) -> BankQuestion | None:
    """Save a question to the user's bank unless the bank already holds it.

    Args:
        repo: Where the bank lives.
        text: The question.
        category: Its category (empty means ``other``).

    Returns:
        The stored question, or None when it was already in the bank.

    Raises:
        ValidationError: If the text is empty.
    """
    text = " ".join(text.split())
    if not text:
        raise ValidationError("A question needs some text.")
    if in_bank(bank_entries(repo), text):
        return None
    return repo.add(BankQuestion(text=text, category=clean_category(category)))


HIDDEN_SETTING = "hidden_starter"
"""The setting that lists starter questions the user deleted (as ``normalize`` gives them)."""


def hidden_starter(repo: Repository) -> list[str]:
    """Return the starter questions the user deleted (normalised texts)."""
    hidden = repo.setting(HIDDEN_SETTING, [])
    return [str(text) for text in hidden] if isinstance(hidden, list) else []


def _set_hidden(repo: Repository, text: str, hidden: bool) -> None:
    with repo.transaction():
        keys = [key for key in hidden_starter(repo) if key != normalize(text)]
        repo.set_setting(HIDDEN_SETTING, [*keys, normalize(text)] if hidden else keys)


def find_entry(repo: Repository, entry_id: str) -> BankEntry:
    """Return the bank question with this id (the user's own, or "s<n>" from the starter set).

    Raises:
        NotFoundError: If the bank holds no question with that id.
    """
    for entry in bank_entries(repo):
        if entry.id == entry_id.strip():
            return entry
    raise NotFoundError(f"No question in the bank with id '{entry_id.strip()[:20]}'.")


def find_text(repo: Repository, text: str) -> BankEntry:
    """Return the bank question that says ``text`` (ignoring case and spacing).

    A question's text is unique in the bank, so the app finds by text a question it changed
    a moment ago, before the change's new id is known.

    Raises:
        NotFoundError: If the bank does not hold that question.
    """
    key = normalize(text)
    for entry in bank_entries(repo):
        if normalize(entry.text) == key:
            return entry
    raise NotFoundError("That question is no longer in the bank.")


@dataclass(frozen=True)
class Removed:
    """What ``delete_entry`` took out of the bank, enough for ``undo_delete`` to put it back."""

    entry: BankEntry
    record: BankQuestion | None
    """The user's own question as it was stored; None for a hidden starter question."""


def delete_entry(repo: Repository, entry: BankEntry) -> Removed:
    """Take a question out of the bank: the user's own is deleted, a starter one hidden."""
    if entry.mine:
        return Removed(entry, repo.delete(BankQuestion, entry.id))
    _set_hidden(repo, entry.text, True)
    return Removed(entry, None)


def undo_delete(repo: Repository, removed: Removed) -> None:
    """Put back a question ``delete_entry`` took out, with its id."""
    if removed.record is not None:
        repo.restore(removed.record)
    else:
        _set_hidden(repo, removed.entry.text, False)


def edit_entry(repo: Repository, entry: BankEntry, text: str, category: str) -> BankEntry:
    """Change a question's text or category; a starter question becomes the user's own.

    Args:
        repo: Where the bank lives.
        entry: The question as listed.
        text: Its new text.
        category: Its new category (empty means ``other``).

    Returns:
        The question as now listed.

    Raises:
        ValidationError: If the text is empty, or another question in the bank already says it.
    """
    text = " ".join(text.split())
    if not text:
        raise ValidationError("A question needs some text.")
    key = normalize(text)
    category = clean_category(category)
    with repo.transaction():
        if any(normalize(e.text) == key and e.id != entry.id for e in bank_entries(repo)):
            raise ValidationError("The bank already holds that question.")
        if entry.mine:
            repo.update(BankQuestion, entry.id, text=text, category=category)
            return replace(entry, text=text, category=category)
        stored = repo.add(BankQuestion(text=text, category=category))
        _set_hidden(repo, entry.text, True)
    return BankEntry(stored.text, stored.category, True, stored.id)
