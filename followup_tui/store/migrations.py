"""Schema versions of the data file and the steps that bring old files up to date.

Version 1 (before the ``meta`` table existed) kept interviewers as one comma-separated
``interviewer`` string, the time as separate ``date`` and ``time`` fields, and a concern's
column as ``type`` ("worry", "error" or empty). Version 2 has neither the card's own sentences
nor predictions in words. Version 3 adds them: an actual error made from an answer to clarify
("Clarify my answer to: ... (better: ...)") gets that better answer as what I want them to know,
and the new fields are written out with their empty values.
Version 3 kept interview times without a zone. Version 4 gives each interview its IANA zone
(``tz``): an older file's interviews get this machine's zone, once, and the file notes it in
``meta`` (``tz_migrated``) so ``doctor`` can say so; version 4 also adds the invitation fields
(``ends``, ``invite_uid``, ``invite_sequence``).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from followup_tui.domain.times import now_stamp
from followup_tui.domain.zones import local_zone_name
from followup_tui.store.schema import CURRENT_SCHEMA, NewerFileError, schema_of

__all__ = ["CURRENT_SCHEMA", "STEPS", "NewerFileError", "migrate", "schema_of"]


def migrate(tables: dict[str, dict[str, Any]], path: Path) -> int:
    """Bring the tables, in place, up to the current schema; return the version they had."""
    start = schema_of(tables, path)
    version = start
    while version < CURRENT_SCHEMA:
        STEPS[version](tables)
        version += 1
    tables.setdefault("meta", {}).setdefault("1", {})["schema"] = CURRENT_SCHEMA
    return start


def _v1_to_v2(tables: dict[str, dict[str, Any]]) -> None:
    for doc in tables.get("interviews", {}).values():
        names = doc.pop("interviewer", None)
        if isinstance(names, str) and "interviewers" not in doc:
            doc["interviewers"] = [{"name": n.strip()} for n in names.split(",") if n.strip()]
        date, clock = doc.pop("date", None), doc.pop("time", None)
        if isinstance(date, str) and date and not doc.get("when"):
            doc["when"] = f"{date} {clock if isinstance(clock, str) and clock else '09:00'}"
    for doc in tables.get("concerns", {}).values():
        kind = doc.pop("type", None)
        if "kind" not in doc:
            doc["kind"] = kind if kind in ("worry", "error") else "unsorted"


_BETTER = r"^Clarify my answer to: .*? \(better: (?P<better>.*)\)$"  # compiled when first used
"""How version 2 wrote the better answer into a concern made from an answer to clarify."""


def _v2_to_v3(tables: dict[str, dict[str, Any]]) -> None:
    for doc in tables.get("concerns", {}).values():
        text = doc.get("text")
        better = re.match(_BETTER, text, re.DOTALL) if isinstance(text, str) else None
        if not doc.get("to_know"):
            doc["to_know"] = better["better"].strip() if better and doc.get("kind") == "error" else ""
        doc.setdefault("prediction_text", "")
        doc.setdefault("confidence", None)
    for doc in tables.get("debriefs", {}).values():
        doc.setdefault("worth_mentioning", "")
    for doc in tables.get("interviews", {}).values():
        doc.setdefault("why_this_job", "")


def _v3_to_v4(tables: dict[str, dict[str, Any]]) -> None:
    interviews = tables.get("interviews", {}).values()
    zone = local_zone_name() if interviews else ""
    given = 0
    for doc in interviews:
        if not (isinstance(doc.get("tz"), str) and doc["tz"]):
            doc["tz"] = zone
            given += 1
        doc.setdefault("ends", None)
        doc.setdefault("invite_uid", "")
        doc.setdefault("invite_sequence", 0)
    if given:
        meta = tables.setdefault("meta", {}).setdefault("1", {})
        meta["tz_migrated"] = {"zone": zone, "interviews": given, "on": now_stamp()[:10]}


STEPS = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4}
"""Each step takes a file of version N to version N + 1."""
