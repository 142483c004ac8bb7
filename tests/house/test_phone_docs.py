"""The phone page says what the tests do: its ``.stignore`` is the one the Syncthing tests use,
and the README and the docs index link to it."""

from __future__ import annotations

from pathlib import Path

from tests.helpers.syncthing import STIGNORE

ROOT = Path(__file__).resolve().parents[2]
PHONE = (ROOT / "docs" / "phone.md").read_text(encoding="utf-8")


def test_the_stignore_of_the_docs_is_the_one_the_sync_tests_use() -> None:
    blocks = PHONE.split("```")[1::2]
    assert "\n".join(STIGNORE) in [block.strip("\n") for block in blocks]


def test_the_readme_and_the_docs_index_link_the_phone_page() -> None:
    assert "(docs/phone.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "(phone.md)" in (ROOT / "docs" / "README.md").read_text(encoding="utf-8")


def test_the_phone_page_names_the_termux_settings() -> None:
    for line in ("enforce-char-based-input = true", "back-key = escape", "pkg install python git"):
        assert line in PHONE
