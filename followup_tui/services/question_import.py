"""Reading a Markdown list of questions into the question bank (``followup import-questions``).

The Markdown is parsed by ``markdown-it-py`` (CommonMark), so every list marker, task boxes,
nesting, entities and inline marks are read as a Markdown viewer would show them. Headings
name the category of the items under them; each list item's first paragraph becomes one
question as plain text (emphasis and code marks removed, entities decoded, link text kept,
link targets dropped). A nested item is a question of its own. Front matter, HTML blocks and
comments, code blocks, block quotes, tables and prose paragraphs are ignored; a UTF-8 byte
order mark is dropped.

Not every list item is a question: an item that is only a link ("Arabic", a resource link
"by" its author), a word or two with no verb and no question mark (a label), or an item of a
section that asks nothing (usage notes) is skipped and counted; a request such as "Tell me
about the team" is kept.
A question already in the bank, or twice in the file, is added once (compared ignoring case
and spacing).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

from followup_tui.domain.models import BankQuestion
from followup_tui.domain.text import strip_controls
from followup_tui.domain.vocabulary import QUESTION_TEXT_LIMIT, SHORT_LIMIT
from followup_tui.store.repository import Repository

QUESTIONS_FILE_LIMIT = 1024 * 1024
"""Largest Markdown file ``followup import-questions`` reads (1 MB: thousands of questions)."""

LINK = "link"
"""Why an item was skipped: it is only a link."""

NOTE = "note"
"""Why an item was skipped: a word or two, no verb, no question mark."""

_TASK_BOX = re.compile(r"^\[[ xX]\](?:[ \t]+|$)")
_URL = re.compile(r"^(?:https?://|www\.|mailto:)\S*$", re.IGNORECASE)
_SEPARATORS = re.compile(r"[\s\W_]+")
_SPACES = re.compile(r"\s+")
_WORD = re.compile(r"\w[\w'’-]*")
_COMMON_VERBS = frozenset(
    re.findall(
        r"\w+",
        "am is are was were be been being do does did have has had can could will would shall should "
        "may might must ask tell describe explain share show walk talk give get go let see say meet",
    )
)
"""Verbs that make a two-word item a question or an instruction worth keeping ("Ask why")."""

_REQUESTS = frozenset(
    ["ask", "tell", "walk", "describe", "explain", "show", "talk", "share", "give", "clarify", "discuss"]
)
"""First words of an item that asks without a question mark ("Tell me about the team")."""


@dataclass(frozen=True)
class ParsedQuestion:
    """A question found in the Markdown, with the heading it was under."""

    text: str
    category: str


@dataclass(frozen=True)
class SkippedItem:
    """A list item that is not a question, and why (``LINK`` or ``NOTE``)."""

    text: str
    category: str
    reason: str


@dataclass(frozen=True)
class ParsedList:
    """Everything ``parse_list`` found in a Markdown text."""

    questions: list[ParsedQuestion]
    """The items that read as questions, in order."""
    skipped: list[SkippedItem]
    """The items that are only links or short notes, in order."""

    @property
    def items(self) -> int:
        """How many list items there were (empty ones not counted)."""
        return len(self.questions) + len(self.skipped)


@dataclass(frozen=True)
class ImportResult:
    """What ``import_questions`` did (or, on a dry run, would do)."""

    added: int
    """Questions added to the bank."""
    duplicates: int
    """Questions skipped because the bank (or the file, earlier) already had them."""
    too_long: int
    """Items skipped because they were longer than ``QUESTION_TEXT_LIMIT``."""
    skipped: list[SkippedItem] = field(default_factory=list)
    """Items skipped as links or notes."""
    new: list[ParsedQuestion] = field(default_factory=list)
    """The questions added (or that would be added)."""

    @property
    def items(self) -> int:
        """Every list item read."""
        return self.added + self.duplicates + self.too_long + len(self.skipped)

    def summary(self, dry_run: bool = False) -> str:
        """One line for the user: "153 items: 125 added, 28 skipped as links or notes"."""
        parts = [f"{self.added} {'would be added' if dry_run else 'added'}"]
        if self.skipped:
            parts.append(f"{len(self.skipped)} skipped as links or notes")
        if self.duplicates:
            parts.append(f"{self.duplicates} already in the bank")
        if self.too_long:
            parts.append(f"{self.too_long} too long")
        return f"{self.items} item{'s' if self.items != 1 else ''}: {', '.join(parts)}"


def dedup_key(text: str) -> str:
    """Return the form two questions are compared in: case-folded, spacing collapsed."""
    return " ".join(text.split()).casefold()


def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark").use(front_matter_plugin).enable("table")


def _plain(inline: Token) -> tuple[str, bool]:
    """The text of an inline token as shown, and whether it is only a link.

    Runs of spaces in ordinary text collapse as a viewer shows them; code spans keep theirs.
    An item is "only a link" when it holds a link (or a bare URL) and at most three words
    outside it ("See also: [the list](...)", "[A talk](...) by Ana Ruiz").
    """
    parts: list[str] = []
    outside: list[str] = []  # words not inside a link
    depth = 0
    linked = False
    for child in inline.children or []:
        if child.type == "link_open":
            depth += 1
            linked = True
        elif child.type == "link_close":
            depth = max(0, depth - 1)
        elif child.type in ("text", "code_inline", "image"):
            content = child.content
            if child.type == "image":
                content = "".join(c.content for c in child.children or [])
            if child.type != "code_inline":
                content = _SPACES.sub(" ", content)
            parts.append(content)
            if depth == 0:
                for word in content.split():
                    if _URL.match(word):
                        linked = True
                    elif _SEPARATORS.sub("", word):
                        outside.append(word)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    text = strip_controls("".join(parts)).strip()
    return text, linked and len(outside) <= 3


def _skip_reason(text: str, only_link: bool, section_asks: bool) -> str:
    """Why an item is not a question ("" when it is one).

    A question mark makes a question. Otherwise an item is a link (only links, or a link with
    a few words such as "by Ana Ruiz"), a request ("Tell me about...", "Walk me through..."),
    or a note: two words with no verb, or any item of a section that asks nothing at all
    ("Check which questions matter to you").
    """
    if "?" in text:
        return ""
    if only_link:
        return LINK
    words = _WORD.findall(text.casefold())
    if words and words[0] in _REQUESTS:
        return ""
    if not section_asks or (len(words) <= 2 and not _COMMON_VERBS.intersection(words)):
        return NOTE
    return ""


def parse_list(markdown: str) -> ParsedList:
    """Find the questions in a Markdown text, in order, with their categories.

    Args:
        markdown: The file's text.

    Returns:
        The questions and the skipped items; duplicates are not removed here.
    """
    tokens = _markdown().parse(markdown.lstrip("\ufeff"))
    found: list[tuple[str, str, bool, int]] = []  # text, category, only a link, section
    category = ""
    section = 0
    items: list[bool] = []  # one per open list item: has its text been taken yet?
    quotes = 0
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "blockquote_open":
            quotes += 1
        elif kind == "blockquote_close":
            quotes -= 1
        elif kind == "heading_open" and not items and not quotes:
            category = _plain(tokens[index + 1])[0][:SHORT_LIMIT].strip()
            section += 1
        elif kind == "list_item_open":
            items.append(False)
        elif kind == "list_item_close":
            items.pop()
        elif kind == "inline" and items and not items[-1] and not quotes:
            items[-1] = True
            if tokens[index - 1].type != "paragraph_open":
                continue
            text, only_link = _plain(token)
            text = _TASK_BOX.sub("", text).strip()
            if not text:
                continue
            found.append((text, category, only_link, section))
    asking = {section for text, _, _, section in found if "?" in text}
    questions: list[ParsedQuestion] = []
    skipped: list[SkippedItem] = []
    for text, heading, only_link, section in found:
        reason = _skip_reason(text, only_link, section in asking)
        if reason:
            skipped.append(SkippedItem(text=text, category=heading, reason=reason))
        else:
            questions.append(ParsedQuestion(text=text, category=heading))
    return ParsedList(questions=questions, skipped=skipped)


def parse_questions(markdown: str) -> list[ParsedQuestion]:
    """Return only the questions of a Markdown text (see ``parse_list``)."""
    return parse_list(markdown).questions


def import_questions(repo: Repository, markdown: str, *, dry_run: bool = False) -> ImportResult:
    """Add the questions of a Markdown text to the bank, skipping ones already there.

    All the new questions are written in one save.

    Args:
        repo: Where the bank lives.
        markdown: The file's text.
        dry_run: Only count and list what would happen; nothing is written.

    Returns:
        What was added and what was skipped, and why.
    """
    found = parse_list(markdown)
    if dry_run or not found.questions:
        return _plan(repo, found)
    with repo.transaction():  # checked and written under one lock: nothing is added twice
        result = _plan(repo, found)
        new_id = repo.id_minter()  # ids minted up front, one merge: linear in the file's size
        repo.merge([BankQuestion(id=new_id(), text=q.text, category=q.category) for q in result.new])
    return result


def _plan(repo: Repository, found: ParsedList) -> ImportResult:
    """Sort the questions found into new ones, ones the bank has, and ones too long."""
    seen = {dedup_key(q.text) for q in repo.all(BankQuestion)}
    new: list[ParsedQuestion] = []
    duplicates = too_long = 0
    for question in found.questions:
        if len(question.text) > QUESTION_TEXT_LIMIT:
            too_long += 1
            continue
        key = dedup_key(question.text)
        if key in seen:
            duplicates += 1
            continue
        seen.add(key)
        new.append(question)
    return ImportResult(
        added=len(new), duplicates=duplicates, too_long=too_long, skipped=found.skipped, new=new
    )
