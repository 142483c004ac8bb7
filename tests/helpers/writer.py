"""A writing process for the kill -9 test: it prints every write the repository acknowledged.

Usage: ``python tests/helpers/writer.py DATA_FILE TAG``. It prints ``ready`` once the file is
open, then loops: add an interview and print ``A <id>``; every third round also update the
notes of the first interview it added and print ``U <id> <counter>``. A line is printed only
after the repository call returned, so every printed line is a write that reported success.
"""

from __future__ import annotations

import sys
from pathlib import Path

from followup_tui.domain.models import Interview
from followup_tui.store.repository import Repository


def main() -> None:
    """Write until killed."""
    path, tag = Path(sys.argv[1]), sys.argv[2]
    repo = Repository(path)
    out = sys.stdout
    out.write("ready\n")
    out.flush()
    first: str | None = None
    n = 0
    while True:
        n += 1
        added = repo.add(Interview(company=f"{tag}-{n}", role="Writer", notes=f"round {tag} write {n}"))
        out.write(f"A {added.id}\n")
        out.flush()
        first = first or added.id
        if n % 3 == 0:
            repo.update(Interview, first, notes=str(n))
            out.write(f"U {first} {n}\n")
            out.flush()


if __name__ == "__main__":
    main()
