"""The records live in modules by subject; every name is still importable from ``domain.models``."""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

from followup_tui.domain import models

SUBJECTS = ("after", "interview", "prep", "record")


def defined_names(module: object) -> list[str]:
    """The public names a module defines itself (classes, functions, constants), not imports."""
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef | ast.FunctionDef):
            names.append(node.name)
        elif isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
    return [name for name in names if not name.startswith("_") and name != "T"]


@pytest.mark.parametrize("subject", SUBJECTS)
def test_every_public_name_of_a_subject_is_exported(subject: str) -> None:
    module = importlib.import_module(f"followup_tui.domain.models.{subject}")
    names = defined_names(module)
    assert names, subject
    for name in names:
        assert getattr(models, name) is getattr(module, name), name
        assert name in models.__all__, name


def test_the_interview_times_are_still_exported() -> None:
    """They live in ``domain.times`` (the home list's first frame reads them without the records)."""
    from followup_tui.domain import times

    for name in (
        "ASSUMED_TIME",
        "EARLIEST_YEAR",
        "LATEST_YEAR",
        "WHEN_FORMAT",
        "parse_when",
        "time_assumed",
        "when_datetime",
    ):
        assert getattr(models, name) is getattr(times, name), name
        assert name in models.__all__, name
