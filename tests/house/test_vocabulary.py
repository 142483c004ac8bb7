"""One vocabulary: no module outside ``domain/vocabulary.py`` names stored values or sets text limits itself.

The source is read, not imported: every module of the package is parsed and its dict, list and
tuple literals, string literals and limits are compared with the vocabulary. A second copy is how two screens
came to call one gut rating by two words.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup_tui.domain import vocabulary

PACKAGE = Path(__file__).resolve().parents[2] / "followup_tui"
VOCABULARY = PACKAGE / "domain" / "vocabulary.py"

ALLOWED_DICTS: dict[tuple[str, str], str] = {
    ("ui/screens/insights/outcome.py", "OUTCOME_KEYS"): "the key that records each outcome, not a word",
    ("ui/screens/board/column.py", "EMPTY_TEXT"): "whole sentences for an empty column",
    ("ui/screens/debrief/lists.py", "NEXT_ASKED"): "maps stored values to stored values",
    **{
        (
            f"domain/card/wordings/{tag}.py",
            "NUMBER_WORDS",
        ): "numbers in words for the card, not gut ratings"
        for tag in ("en", "de", "es", "fr")
    },
}
"""Dicts keyed by stored values that are not labels, with the reason each may stay."""

LIMIT_NAMES = ("max_length", "limit")
"""Keyword arguments that hold a text limit."""


def _label_dicts() -> dict[str, dict[object, str]]:
    """Every label dict of the vocabulary, flattened to key -> label."""
    found: dict[str, dict[object, str]] = {}
    for name in dir(vocabulary):
        value = getattr(vocabulary, name)
        if name.isupper() and isinstance(value, dict):
            found[name] = {k: (v[0] if isinstance(v, tuple) else v) for k, v in value.items()}
    return found


def _labels() -> set[str]:
    """Every label of the vocabulary, and its other words (such as ``NO_CATEGORY``)."""
    words: set[str] = set()
    for labels in _label_dicts().values():
        words.update(label for label in labels.values() if label)
    words.update(v for n, v in vars(vocabulary).items() if n.isupper() and isinstance(v, str))
    return words


def _limits() -> set[int]:
    return {v for n, v in vars(vocabulary).items() if n.endswith("_LIMIT") and isinstance(v, int)}


def _modules(*folders: str) -> Iterator[tuple[str, ast.Module]]:
    for folder in folders:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            if path != VOCABULARY:
                yield path.relative_to(PACKAGE).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def _named_dicts(tree: ast.Module) -> Iterator[tuple[str, ast.Dict]]:
    """Dict literals anywhere in a module, with the name they are given (or "" when unnamed)."""
    for node in ast.walk(tree):
        target: ast.expr | None = None
        value: ast.expr | None = None
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign):
            target, value = node.target, node.value
        if isinstance(value, ast.Dict):
            yield (target.id if isinstance(target, ast.Name) else ""), value
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            for arg in [*node.args, *(k.value for k in node.keywords)]:
                if isinstance(arg, ast.Dict):
                    yield "", arg
        elif isinstance(node, (ast.Subscript, ast.Return)) and isinstance(node.value, ast.Dict):
            yield "", node.value


def _constant_keys(node: ast.Dict) -> set[object]:
    return {k.value for k in node.keys if isinstance(k, ast.Constant)}


def _string_values(node: ast.Dict) -> bool:
    return bool(node.values) and all(isinstance(v, (ast.Constant, ast.JoinedStr)) for v in node.values)


def find_copied_dicts(tree: ast.Module, where: str) -> list[str]:
    """Dicts that map two or more keys of one vocabulary dict to words of their own."""
    found = []
    for name, node in _named_dicts(tree):
        if (where, name) in ALLOWED_DICTS or not _string_values(node):
            continue
        keys = _constant_keys(node)
        for vocab_name, labels in _label_dicts().items():
            if len(keys & set(labels)) >= 2:
                found.append(f"{where}: {name or 'a dict'} names {vocab_name}'s keys again")
    return found


def find_copied_labels(tree: ast.Module, where: str) -> list[str]:
    """String literals spelling out a vocabulary label: a phrase in any case, a one-word name as written.

    A lower-case single word such as "worry" is a stored key, not a label, so it is not counted.
    """
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            label = _label_of(node.value)
            if label is not None:
                found.append(f"{where}:{node.lineno}: {node.value!r} spells the vocabulary's {label!r}")
    return found


def _label_of(text: str) -> str | None:
    """The vocabulary label a string spells: a phrase in any case, a one-word name as written."""
    labels = _labels()
    phrases = {label.casefold(): label for label in labels if " " in label}
    names = {label for label in labels if " " not in label and label[:1].isupper()}
    return phrases.get(text.casefold()) or (text if text in names else None)


def _items(node: ast.List | ast.Tuple | ast.Set) -> Iterator[ast.expr]:
    """The elements of a list or tuple literal, and the elements of the tuples in it."""
    for element in node.elts:
        if isinstance(element, (ast.Tuple, ast.List)):
            yield from element.elts
        else:
            yield element


def _text(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _number(node: ast.expr) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


def find_copied_sequences(tree: ast.Module, where: str) -> list[str]:
    """Lists and tuples that spell out two or more labels, or pair two or more keys of one
    vocabulary dict with words of their own (a choice list such as ``[("Fix it", "let-go"), ...]``)."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            continue
        texts = [t for t in map(_text, _items(node)) if t is not None]
        spelled = sorted({label for label in map(_label_of, texts) if label is not None})
        if len(spelled) >= 2:
            found.append(f"{where}:{node.lineno}: a list of labels ({', '.join(map(repr, spelled))})")
            continue
        pairs = [
            (_text(e.elts[0]), _text(e.elts[1]))
            for e in node.elts
            if isinstance(e, ast.Tuple) and len(e.elts) == 2
        ]
        for vocab_name, labels in _label_dicts().items():
            keys = {
                key
                for pair in pairs
                for key, other in (pair, pair[::-1])
                if key in labels and other is not None and other not in labels
            }
            if len(keys) >= 2:
                found.append(f"{where}:{node.lineno}: a list that names {vocab_name}'s keys again")
    return found


def find_copied_limits(tree: ast.Module, where: str) -> list[str]:
    """Text limits written as numbers: a ``*LIMIT*`` name given a number or a dict of them, a
    max_length/limit argument, or a limit's number beside words (a title, a hint) in a tuple."""
    limits = _limits()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if any("LIMIT" in n for n in names) and isinstance(node.value, ast.Constant):
                found.append(f"{where}:{node.lineno}: {names[0]} = {node.value.value!r}")
            elif any("LIMIT" in n for n in names) and isinstance(node.value, ast.Dict):
                numbers = [n for n in map(_number, node.value.values) if n is not None]
                found += [f"{where}:{node.lineno}: {names[0]} holds {number!r}" for number in numbers]
        elif isinstance(node, (ast.Tuple, ast.List)) and any(" " in (_text(e) or "") for e in node.elts):
            numbers = [n for n in map(_number, node.elts) if n in limits]
            found += [f"{where}:{node.lineno}: {number!r} beside words" for number in numbers]
        elif (
            isinstance(node, ast.keyword)
            and node.arg in LIMIT_NAMES
            and isinstance(node.value, ast.Constant)
            and node.value.value in limits
        ):
            found.append(f"{where}:{node.value.lineno}: {node.arg}={node.value.value!r}")
    return found


def test_no_module_keeps_its_own_label_dict() -> None:
    found = [f for where, tree in _modules(".") for f in find_copied_dicts(tree, where)]
    assert found == []


def test_screens_widgets_and_cli_spell_out_no_label() -> None:
    found = [f for where, tree in _modules("ui", "cli") for f in find_copied_labels(tree, where)]
    assert found == []


def test_no_module_keeps_its_own_list_of_labels() -> None:
    found = [f for where, tree in _modules(".") for f in find_copied_sequences(tree, where)]
    assert found == []


def test_no_module_writes_a_text_limit_as_a_number() -> None:
    found = [f for where, tree in _modules(".") for f in find_copied_limits(tree, where)]
    assert found == []


@pytest.mark.parametrize(
    ("source", "finder"),
    [
        ('KIND_LABELS = {"worry": "A worry", "error": "A slip"}\n', find_copied_dicts),
        ('def f(x):\n    return {"pending": "Waiting", "offer": "Yes!"}[x]\n', find_copied_dicts),
        ('GUT = {1: "bad", 2: "meh"}\n', find_copied_dicts),
        ('f(label="Actual errors")\n', find_copied_labels),
        ('NOTE = "no news yet"\n', find_copied_labels),
        ("TEXT_LIMIT = 2000\n", find_copied_limits),
        ("Input(max_length=2000)\n", find_copied_limits),
        ('TEXT_LIMITS = {"company": SHORT_LIMIT, "tz": 100}\n', find_copied_limits),
        ('ASKS = {"drive": ("Why I want this job", "One line.", 1000)}\n', find_copied_limits),
        ('TABS = ("Worries", "Actual errors")\n', find_copied_sequences),
        (
            'CHOICES = [("Clarify in the card", "clarify-in-card"), ("Let it go", "let-go")]\n',
            find_copied_sequences,
        ),
        ('CHOICES = [("Fix it", "clarify-in-card"), ("Drop it", "let-go")]\n', find_copied_sequences),
        ('f(["Pending", "Offer"])\n', find_copied_sequences),
    ],
)
def test_each_check_catches_a_copy(source: str, finder: object) -> None:
    assert callable(finder)
    assert finder(ast.parse(source), "example.py")


def test_the_vocabulary_covers_every_stored_choice() -> None:
    from followup_tui.domain import models

    assert set(vocabulary.FORMAT_LABELS) == set(models.FORMATS)
    assert set(vocabulary.OUTCOME_LABELS) == set(vocabulary.OUTCOME_HINTS) == set(models.OUTCOMES)
    for labels in (vocabulary.CONCERN_KIND_NAMES, vocabulary.COLUMN_TITLES, vocabulary.MOVE_LABELS):
        assert set(labels) == set(models.CONCERN_KINDS)
    assert (
        set(vocabulary.ERROR_KIND_LABELS)
        == set(vocabulary.ERROR_KIND_DESCRIPTIONS)
        == set(models.ERROR_KINDS)
    )
    assert set(vocabulary.PREDICTION_LABELS) == set(models.PREDICTION_RESULTS)
    assert set(vocabulary.GUT_WORDS) == {1, 2, 3, 4, 5}
    assert models.Concern.TEXT_LIMITS["text"] == vocabulary.CONCERN_TEXT_LIMIT
