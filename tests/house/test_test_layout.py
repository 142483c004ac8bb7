"""The tests folder mirrors the layers: only the root conftest sits at its top, helpers in helpers/."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_module_but_the_root_conftest_sits_at_the_top_of_tests() -> None:
    """A shared helper goes in tests/helpers/, a test in the folder of the layer it tests."""
    loose = sorted(p.name for p in TESTS.glob("*.py") if p.name not in {"__init__.py", "conftest.py"})
    assert loose == []
