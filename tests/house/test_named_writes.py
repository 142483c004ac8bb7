"""Every write goes through a named action: no module of ``ui/`` writes to the repository itself.

The source is read, not imported: a call of one of the repository's writing methods on
something named ``repo`` (``repo.update(...)``, ``self.repo.add(...)``, ``app.repo.set_setting(...)``)
anywhere in ``ui/`` fails. Screens queue ``services/actions.py`` functions (or another service's
named function) on the save queue instead, so "where does a save happen" has one answer.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from followup_tui.store.repository import Repository

PACKAGE = Path(__file__).resolve().parents[2] / "followup_tui"

WRITES = frozenset(
    {"add", "update", "update_debrief", "delete", "restore", "reorder", "set_setting", "merge", "transaction"}
)
"""The repository's methods that write (a transaction is there to write)."""


def _is_repo(node: ast.expr) -> bool:
    """``repo``, or any ``<something>.repo``."""
    return (isinstance(node, ast.Name) and node.id == "repo") or (
        isinstance(node, ast.Attribute) and node.attr == "repo"
    )


def direct_writes(tree: ast.AST, where: str) -> list[str]:
    """Each call of a repository write in ``tree``, as "file:line repo.method"."""
    return [
        f"{where}:{node.lineno} repo.{node.func.attr}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in WRITES
        and _is_repo(node.func.value)
    ]


def test_the_write_methods_are_the_repositorys() -> None:
    assert all(callable(getattr(Repository, name, None)) for name in WRITES)


def test_no_ui_module_writes_to_the_repository_itself() -> None:
    found = [
        write
        for path in sorted((PACKAGE / "ui").rglob("*.py"))
        for write in direct_writes(
            ast.parse(path.read_text(encoding="utf-8")), path.relative_to(PACKAGE).as_posix()
        )
    ]
    assert found == [], "write through a named action of services/actions.py:\n" + "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        "self.repo.update(Concern, cid, text=t)\n",
        "save(key, lambda: repo.add(concern))\n",
        "with self.app.repo.transaction():\n    pass\n",
        "app.repo.set_setting('theme', name)\n",
    ],
)
def test_the_scan_catches_a_direct_write(source: str) -> None:
    assert direct_writes(ast.parse(source), "example.py")


def test_the_scan_lets_reads_and_actions_through() -> None:
    source = "repo.setting('x')\nactions.add_concern(repo, concern)\nself.repo.children(Concern, iid)\n"
    assert direct_writes(ast.parse(source), "example.py") == []
