"""The interview a command-line argument names: its id, or its company (no click here)."""

from __future__ import annotations

from followup_tui.domain.matching import find_interview, folded, may_be_named
from followup_tui.domain.models import Interview
from followup_tui.domain.text import one_line
from followup_tui.store.repository import NotFoundError, Repository
from followup_tui.store.rows import id_of


def find(repo: Repository, key: str) -> Interview:
    """The interview a command-line argument names: an id, or a company (a unique start will do).

    Raises:
        NotFoundError: If nothing matches.
        ValidationError: If the name fits several interviews.
    """
    try:
        return repo.get(Interview, key)  # an id (which wins over a company): only it is built
    except NotFoundError:
        pass
    wanted = folded(key)  # only the interviews the name may fit are built
    named = repo.interviews_where(
        lambda row: id_of(row) == key or (bool(wanted) and may_be_named(row.get("company"), wanted))
    )
    found = find_interview(named, key)
    if found is None:
        raise NotFoundError(f"No interview with id '{one_line(key, 40)}' or at a company of that name.")
    return found
