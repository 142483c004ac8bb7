"""``followup export --format csv`` as spreadsheets and pandas read it."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pytest

from followup_tui.store.repository import Repository
from tests.cli.test_cli import ok, run

pandas = pytest.importorskip("pandas")


@pytest.fixture
def two_interviews(db_path: Path) -> tuple[str, str]:
    rated = ok("add", "Café Zürich", "--when", "2026-11-20 10:00", "--tz", "Europe/Zurich").strip()
    unrated = ok("add", "東京 Labs", "--when", "2026-11-21 10:00", "--tz", "Asia/Tokyo").strip()
    Repository(db_path).update_debrief(rated, gut=4)
    return rated, unrated


def test_pandas_reads_the_csv_without_warnings(two_interviews: tuple[str, str]) -> None:
    rated, unrated = two_interviews
    text = ok("export", "--format", "csv")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plain = pandas.read_csv(io.StringIO(text)).set_index("id")  # the default reading, too
        table = pandas.read_csv(io.StringIO(text), dtype_backend="numpy_nullable").set_index("id")
    assert plain.loc[rated, "gut"] == 4 and list(plain.columns) == list(table.columns)
    assert str(table["gut"].dtype) == "Int64"  # whole numbers, or an empty cell: never 4.0
    assert table.loc[rated, "gut"] == 4
    assert table.loc[unrated, "gut"] is pandas.NA
    assert table.loc[rated, "tz"] == "Europe/Zurich"
    assert table.loc[unrated, "tz"] == "Asia/Tokyo"
    assert table.loc[rated, "company"] == "Café Zürich"


def test_csv_is_plain_utf8_unless_bom_is_asked_for(two_interviews: tuple[str, str], tmp_path: Path) -> None:
    plain = tmp_path / "plain.csv"
    marked = tmp_path / "excel.csv"
    ok("export", "--format", "csv", "-o", str(plain))
    ok("export", "--format", "csv", "--bom", "-o", str(marked))
    assert plain.read_bytes().startswith(b"id,company,")
    assert marked.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()
    assert "Café Zürich" in marked.read_text(encoding="utf-8-sig")


def test_bom_is_for_csv_only(two_interviews: tuple[str, str]) -> None:
    result = run("export", "--format", "json", "--bom")
    assert result.exit_code == 2
    assert "--bom only applies to --format csv" in result.stderr
