"""The JSON import (``followup import``): an export read back, checked at the door.

An export may come from anywhere, so nothing in it is trusted:

- the file is read with ``store.safe_read.read_user_text`` (a regular file of at most
  ``IMPORT_LIMIT`` bytes) and parsed with ``store.jsoncodec``, which refuses NaN, Infinity and nesting
  deeper than 1,024 levels;
- its layout is checked (``format``, ``version``, one list of objects per table); anything else
  is refused with one sentence and nothing is written;
- every id is checked against the documented form (``domain.ids``): an id that is not five
  characters of the id alphabet, whatever its JSON type, is replaced by a fresh one, and the
  records that refer to it (an interview's questions, concerns, cards and debrief) follow;
- every field is read leniently (``Record.from_record``): a value of the wrong type is coerced
  or replaced, text past its limit is cut. Both are counted in the summary, never silent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from followup_tui.domain.ids import is_valid_id
from followup_tui.domain.models import Debrief, Interview, Record
from followup_tui.services.exporting import EXPORT_FORMAT, EXPORT_VERSION
from followup_tui.store import jsoncodec
from followup_tui.store.repository import Repository
from followup_tui.store.tables import TABLES

IMPORT_LIMIT = 16 * 1024 * 1024
"""Largest JSON export ``followup import`` reads (16 MB; a lifetime of interviews is a few MB)."""


class ImportFileError(ValueError):
    """A file given to ``followup import`` is not a followup export; the message says why."""


@dataclass(frozen=True)
class ParsedExport:
    """The records of an export, ready for ``Repository.merge``, and what had to be changed."""

    records: list[Record]
    """Interviews first, then their records, then the bank."""
    ids_replaced: int
    """Records whose id was not in the documented form and got a fresh one."""
    values_guessed: int
    """Fields of the wrong type, not valid, or too long, that were coerced, replaced or cut."""


@dataclass(frozen=True)
class ImportSummary:
    """What ``import_json`` did."""

    added: int
    """Records added to the data file."""
    ids_replaced: int
    """Ids replaced by fresh ones (see ``ParsedExport``)."""
    values_guessed: int
    """Values coerced, replaced or cut (see ``ParsedExport``)."""

    def line(self) -> str:
        """The summary as one sentence for the terminal."""
        text = f"Added {self.added} record{'s' if self.added != 1 else ''}"
        notes = []
        if self.ids_replaced:
            notes.append(
                f"{self.ids_replaced} id{'s' if self.ids_replaced != 1 else ''} replaced by new ones"
            )
        if self.values_guessed:
            many = self.values_guessed != 1
            notes.append(
                f"{self.values_guessed} value{'s' if many else ''} of the wrong type or too long "
                f"{'were' if many else 'was'} replaced or cut"
            )
        return text + (f" ({'; '.join(notes)})." if notes else ".")


def _load(text: str) -> dict[str, Any]:
    """Parse the text and check the export's layout; return the document."""
    try:
        document = jsoncodec.loads(text)  # refuses NaN, Infinity and nesting deeper than 1,024
    except jsoncodec.DecodeError as exc:
        raise ImportFileError(f"it is not valid JSON ({exc.msg} at line {exc.lineno}).") from None
    except (RecursionError, MemoryError):
        raise ImportFileError("it is nested too deeply or too large to read.") from None
    if not isinstance(document, dict):
        raise ImportFileError("it is not a followup export (expected a JSON object).")
    if document.get("format") != EXPORT_FORMAT:
        if "interviews" in document and all(isinstance(t, dict) for t in document.values()):
            raise ImportFileError(
                "it is a followup data file, not an export; "
                "export it first with 'followup --db FILE export -o export.json'."
            )
        raise ImportFileError("it is not a followup export (no 'format': 'followup-export').")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ImportFileError("its export version is missing or unreadable.")
    if version > EXPORT_VERSION:
        raise ImportFileError(
            f"it was made by a newer followup (export version {version}; this one reads {EXPORT_VERSION})."
        )
    for name in TABLES.values():
        rows = document.get(name, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise ImportFileError(f"its '{name}' entry is not a list of records.")
    return document


def _key(value: Any) -> bytes:
    """The same bytes for equal JSON values of any type (how references find their record)."""
    try:
        return jsoncodec.dumps(value, sort_keys=True)
    except jsoncodec.EncodeError:
        return repr(value).encode()


def assign_ids(rows: dict[str, list[dict[str, Any]]], new_id: Callable[[], str]) -> int:
    """Give every record whose id is not in the documented form, or repeats an earlier
    record's id, a fresh one, in place.

    References follow: a record whose ``interview_id`` named a replaced interview id (compared
    as JSON values, whatever their type) names the new one, and a debrief's id is always its
    interview's.

    Args:
        rows: Table name -> the stored dicts of that table (changed in place).
        new_id: Mints an id that is free in the data file (``Repository.id_minter``).

    Returns:
        How many ids were replaced.
    """
    interview_ids: dict[bytes, str] = {}
    seen: set[str] = set()
    replaced = 0
    for cls, name in TABLES.items():
        for values in rows.get(name, []):
            raw_id = values.get("id")
            if cls is Debrief:
                parent = values.get("interview_id", raw_id)
                values["id"] = values["interview_id"] = interview_ids.get(_key(parent), parent)
                continue
            if "interview_id" in values:
                raw_parent = values["interview_id"]
                values["interview_id"] = interview_ids.get(_key(raw_parent), raw_parent)
            if not is_valid_id(raw_id) or raw_id in seen:
                values["id"] = new_id()
                replaced += 1
            seen.add(values["id"])
            if cls is Interview:
                interview_ids.setdefault(_key(raw_id), values["id"])
    return replaced


def parse_export(text: str, new_id: Callable[[], str]) -> ParsedExport:
    """Read a JSON export into records with checked ids, interviews first.

    Args:
        text: The file's text.
        new_id: Mints an id that is free in the data file (``Repository.id_minter``).

    Returns:
        The records and the count of what had to be changed.

    Raises:
        ImportFileError: If the text is not a followup export this version can read.
    """
    document = _load(text)
    rows = {name: [dict(row) for row in document.get(name, [])] for name in TABLES.values()}
    replaced = assign_ids(rows, new_id)
    records: list[Record] = []
    guessed = 0
    for cls, name in TABLES.items():
        for values in rows[name]:
            record = cls.from_record(values)
            guessed += len(record.guessed)
            records.append(record)
    return ParsedExport(records=records, ids_replaced=replaced, values_guessed=guessed)


def import_json(repo: Repository, text: str) -> ImportSummary:
    """Merge a JSON export into the repository; records already here are kept as they are.

    Importing the same export twice adds nothing the second time. A record whose interview is
    neither in the export nor in the data file is left out.

    Raises:
        ImportFileError: If the text is not a followup export (nothing is written).
    """
    parsed = parse_export(text, repo.id_minter())
    added = repo.merge(parsed.records)
    return ImportSummary(added=added, ids_replaced=parsed.ids_replaced, values_guessed=parsed.values_guessed)
