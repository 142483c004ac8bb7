"""Arguments that name an interview or a time zone: what they accept and how they complete.

An interview is named by its id or its company (see ``domain.matching``); the shell completes
both, ids first with the company beside them. ``--tz`` completes the zones this machine knows,
a city alone included ("berl" -> Europe/Berlin). Completion reads the data file and never
loads the user interface.
"""

from __future__ import annotations

from typing import Any

import click
from click.shell_completion import CompletionItem

from followup_tui.domain.matching import folded
from followup_tui.domain.text import one_line
from followup_tui.store.locations import resolve_data_file
from followup_tui.store.repository import Repository
from followup_tui.store.storage import StorageError

MOST_COMPLETIONS = 200
"""The most candidates offered at once (a shell lists them all)."""


def _data_file(ctx: click.Context) -> Repository:
    db = ctx.find_root().params.get("db")
    return Repository(resolve_data_file(db))


class InterviewParam(click.ParamType):
    """An interview's id or company; completes both from the data file."""

    name = "interview"

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        """Ids that start with what is typed, then companies that do (accents ignored)."""
        try:
            interviews = _data_file(ctx).interviews()
        except (OSError, ValueError, StorageError):  # a damaged or unreadable file: nothing to offer
            return []
        typed = folded(incomplete)
        ids = [i for i in interviews if i.id.startswith(incomplete)]
        items = [CompletionItem(i.id, help=one_line(i.company, 40)) for i in ids]
        companies = dict.fromkeys(
            one_line(i.company) for i in interviews if folded(i.company).startswith(typed)
        )
        items += [CompletionItem(name) for name in companies if name]
        return items[:MOST_COMPLETIONS]


class ZoneParam(click.ParamType):
    """A time zone as typed (checked by the command); completes the zones this machine knows."""

    name = "zone"

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        """Zones whose name, or whose city, starts with what is typed (any case)."""
        from followup_tui.domain.zones import zone_names

        typed = incomplete.casefold().replace(" ", "_")
        names = [
            name
            for name in zone_names()
            if name.casefold().startswith(typed) or name.casefold().rsplit("/", 1)[-1].startswith(typed)
        ]
        return [CompletionItem(name) for name in names[:MOST_COMPLETIONS]]


INTERVIEW: Any = InterviewParam()
"""The type of every argument or option that names an interview."""

ZONE: Any = ZoneParam()
"""The type of ``--tz``."""
