"""The doctor's lines about the other devices' files: each named with how many records it holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_tui.domain.models import Interview
from followup_tui.services.devices import check_devices
from followup_tui.store.repository import Repository
from tests.conftest import Switch
from tests.helpers.files import device_file


@pytest.mark.parametrize(("companies", "held"), [(1, "1 record)"), (2, "2 records)")])
def test_another_devices_file_is_listed_with_its_records_counted_in_words_that_agree(
    db_path: Path, on_device: Switch, companies: int, held: str
) -> None:
    on_device("phone")
    for n in range(companies):
        Repository(db_path).add(Interview(company=f"Company {n}"))
    on_device("laptop")
    Repository(db_path).set_setting("theme", "dark")
    problems, lines = check_devices(db_path, device_file(db_path))
    (line,) = [line for line in lines if line.startswith("Also in the folder")]
    assert problems == [] and f", {held}, read and merged" in line
