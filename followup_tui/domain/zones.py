"""Time zones of interviews: IANA names, this machine's zone, and times shown in two zones.

An interview's time is a wall-clock time ("YYYY-MM-DD HH:MM") in the interview's own IANA zone
("America/New_York"). This module turns such a pair into an exact moment, into this machine's
wall-clock time, and into the words the app shows ("10:00 New York · 16:00 here"). No Textual.

A wall-clock time can be missing (the hour skipped when clocks go forward) or happen twice
(the hour repeated when they go back). As RFC 5545 §3.3.5 says for calendars, a missing time
means the same clock reading before the change moved forward by the gap (02:30 becomes 03:30),
and a repeated time means its first occurrence; ``zoneinfo`` does exactly this with ``fold=0``.
"""

from __future__ import annotations

import functools
import os
import re
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.domain.errors import ValidationError
from followup_tui.domain.text import one_line

if TYPE_CHECKING:  # loaded when a zone is first needed: a command often needs none (see local_now)
    from zoneinfo import ZoneInfo

FALLBACK_ZONE = "UTC"
"""The zone assumed when this machine's zone cannot be found."""

LOCALTIME = Path("/etc/localtime")
"""The system's zone setting on Linux, macOS and the BSDs: a link into the zone database."""

C_LIBRARY_LOCALTIME = "/etc/localtime"
"""The file the C library reads for its clock when ``TZ`` is not set."""

ZONE_FOLDERS = ("/usr/share/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo", "/etc/zoneinfo")
"""Where ``zoneinfo`` looks for zones unless Python was built, or ``PYTHONTZPATH`` set, otherwise."""


@functools.lru_cache(maxsize=512)
def zone(name: str) -> ZoneInfo | None:
    """Return the zone of an IANA name, or None when the name is not a known zone."""
    if not name or name != name.strip() or ".." in name or name.startswith("/"):
        return None
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return None


def is_zone(name: str) -> bool:
    """Return True when ``name`` is an IANA time zone this machine knows."""
    return zone(name) is not None


@functools.lru_cache(maxsize=1)
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name this machine knows, sorted (for completion)."""
    from zoneinfo import available_timezones

    return tuple(sorted(available_timezones()))


def parse_zone(text: str) -> str:
    """Turn a zone the user typed into its IANA name ("europe/berlin" -> "Europe/Berlin").

    Case does not matter, and a city alone is found when it names exactly one zone
    ("new york" or "New_York" -> "America/New_York").

    Raises:
        ValidationError: If no zone, or more than one, matches.
    """
    typed = "_".join(text.strip().split())
    if not typed:
        raise ValidationError("Type a time zone such as Europe/Berlin.")
    if is_zone(typed):
        return typed
    folded = typed.casefold()
    names = zone_names()
    exact = [n for n in names if n.casefold() == folded]
    if exact:
        return exact[0]
    cities = [n for n in names if n.casefold().rsplit("/", 1)[-1] == folded and "/" in n]
    if len(cities) == 1:
        return cities[0]
    raise ValidationError(f"'{text.strip()[:40]}' is not a time zone; use a name such as Europe/Berlin.")


@functools.lru_cache(maxsize=1)
def local_zone_name() -> str:
    """This machine's IANA zone name, found once per process, else UTC.

    ``TZ`` comes first when it names a zone. When it holds a POSIX rule
    ("EST+5EDT,M3.2.0/2,M11.1.0/2"), the zone is one that keeps the very clock the rule keeps
    over the next two years (checked against the C library, which reads the rule); when none
    does, or ``TZ`` is not usable at all ("UTC+99"), UTC, and ``zone_notice`` says so. Without
    ``TZ``, the zone ``/etc/localtime`` links to (what the C library reads), else the
    system's setting through ``tzlocal`` (a phone, Windows, a copied zone file).
    """
    return _machine_zone()[0]


def zone_notice() -> str | None:
    """One line saying that ``TZ`` could not be used as it is, and which zone was; else None.

    Without ``TZ`` there is nothing to say (and the system's setting is not even looked up).
    """
    return _machine_zone()[1] if os.environ.get("TZ", "").strip() else None


def local_zone() -> ZoneInfo:
    """This machine's zone (see ``local_zone_name``) as a ``ZoneInfo``."""
    from zoneinfo import ZoneInfo

    return zone(local_zone_name()) or ZoneInfo(FALLBACK_ZONE)


def local_now() -> datetime:
    """Now, as a naive wall-clock time in this machine's zone (even when ``TZ`` is unusable).

    Where this machine's zone is the one the C library reads too (``libc_zone``), the C
    library's clock is read, without loading the zone database for it.
    """
    if libc_zone() is not None:
        return datetime.now()
    return datetime.now(timezone.utc).astimezone(local_zone()).replace(tzinfo=None)


def libc_zone() -> str | None:
    """This machine's zone when the C library's clock is that zone's, else None.

    That is when ``TZ`` is not set and ``/etc/localtime``, the file the C library then reads,
    links to a zone file that is there, in a folder where ``zoneinfo`` finds that very zone
    (``ZONE_FOLDERS``): the zone ``linked_zone`` (and so ``local_zone_name``) names, read from
    the same file. Elsewhere (macOS keeps its zones in a folder of its own, and its C library
    may follow a new zone while the app runs) the zone database is asked, as for any zone.
    ``TZ`` is looked at each time, as it may change; the link once per process.
    """
    if "TZ" in os.environ or "PYTHONTZPATH" in os.environ or str(LOCALTIME) != C_LIBRARY_LOCALTIME:
        return None
    return _zone_file_linked(LOCALTIME, ZONE_FOLDERS)


@functools.lru_cache(maxsize=4)
def _zone_file_linked(path: Path, folders: tuple[str, ...]) -> str | None:
    """The zone ``path`` links to when it is a file of that name in one of ``folders``."""
    name, target = _link(path)
    if name is None or ".." in name or name != name.strip() or name.startswith("/"):
        return None  # a name ``zone`` refuses
    where = os.path.normpath(target)
    if not where.endswith(f"/{name}") or where[: -len(name) - 1] not in folders:
        return None
    return name if os.path.isfile(where) else None


def _machine_zone() -> tuple[str, str | None]:
    rule = os.environ.get("TZ", "").strip()
    if rule:
        named = rule.removeprefix(":").split("zoneinfo/")[-1]
        if is_zone(named):
            return named, None
        return _zone_keeping(rule)
    linked = linked_zone()
    if linked is not None:
        return linked, None
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
    except Exception:  # tzlocal raises several kinds when the system setting is odd
        name = None
    if name and is_zone(name):
        return name, None
    return FALLBACK_ZONE, None


def linked_zone() -> str | None:
    """The zone ``/etc/localtime`` links to, or None when it is no link into a zone database.

    Read without tzlocal, whose import is a tenth of ``followup note``'s start-up.
    """
    name, _ = _link(LOCALTIME)
    return name if name is not None and is_zone(name) else None


@functools.lru_cache(maxsize=4)
def _link(path: Path) -> tuple[str | None, str]:
    """The zone name ``path`` links to (None when it is no link into a zone database), and
    the file it links to."""
    try:
        target = os.readlink(path)
    except (OSError, NotImplementedError):  # not a link, not there, or no links here
        return None, ""
    _, found, name = target.rpartition("zoneinfo/")
    return (name if found and name else None), os.path.join(path.parent, target)


RULE_CHECKS = tuple(days * 86_400 for days in range(0, 731, 5))
"""Seconds from now at which a zone must keep a TZ rule's clock to stand for it (two years)."""


@functools.lru_cache(maxsize=4)
def _zone_keeping(rule: str) -> tuple[str, str]:
    """The zone that keeps the clock of the rule in ``TZ`` (the C library reads the rule), and
    the line that says so; UTC when no zone keeps it."""
    shown = one_line(rule)[:60]  # as text: a stray escape sequence is not sent to the terminal
    start = int(time.time())
    offsets = [time.localtime(start + step).tm_gmtoff for step in RULE_CHECKS]
    if any(abs(offset) >= 86_400 for offset in offsets):
        return (
            FALLBACK_ZONE,
            f"TZ is set to '{shown}', which is not a usable time zone; times here are in UTC.",
        )
    moments = [datetime.fromtimestamp(start + step, timezone.utc) for step in RULE_CHECKS]
    for name in _candidates(rule, offsets):
        tz = zone(name)
        if tz is not None and all(
            m.astimezone(tz).utcoffset() == timedelta(seconds=o)
            for m, o in zip(moments, offsets, strict=True)
        ):
            return (
                name,
                f"TZ is set to '{shown}', not a zone name; followup uses {name}, which keeps that clock.",
            )
    return FALLBACK_ZONE, f"TZ is set to '{shown}', a rule no known time zone keeps; times here are in UTC."


def _candidates(rule: str, offsets: list[int]) -> list[str]:
    """Zones to try for a rule: its own spelling ("EST5EDT"), a fixed offset, then the main zones."""
    names = [re.sub(r"[^A-Za-z0-9]", "", rule.split(",")[0])]
    if len(set(offsets)) == 1 and offsets[0] % 3600 == 0:
        names.append("UTC" if offsets[0] == 0 else f"Etc/GMT{-offsets[0] // 3600:+d}")
    main = _main_zones()
    others = [
        n for n in zone_names() if "/" in n and n not in main and not n.startswith(("Etc/", "SystemV/"))
    ]
    return [*names, *sorted(main), *others]


def _main_zones() -> set[str]:
    """The zones of the tz database's own list (zone1970.tab), where it can be read."""
    import zoneinfo

    for folder in zoneinfo.TZPATH:
        try:
            with open(os.path.join(folder, "zone1970.tab"), encoding="utf-8") as table:
                return {
                    line.split("\t")[2].strip() for line in table if line[:1] != "#" and line.count("\t") >= 2
                }
        except OSError:
            continue
    return set()


_FIXED_OFFSET = r"Etc/GMT([+-])(\d{1,2})"  # compiled on first use (``re`` keeps it)


def city(name: str) -> str:
    """A zone as a person names it: "America/New_York" -> "New York", "UTC" -> "UTC".

    A fixed offset reads as one: "Etc/GMT-1" (POSIX's sign, east of Greenwich) -> "UTC+1".
    """
    fixed = re.fullmatch(_FIXED_OFFSET, name)
    if fixed is not None:
        return f"UTC{'-' if fixed[1] == '+' else '+'}{int(fixed[2])}"
    return name.rsplit("/", 1)[-1].replace("_", " ") or name


def aware(moment: datetime, name: str) -> datetime:
    """A wall-clock time in zone ``name`` as an exact moment (RFC 5545 §3.3.5 for gaps and folds).

    A time in the gap of a clock change moves forward by the gap; a time that happens twice is
    its first occurrence. An unknown zone reads as this machine's zone.
    """
    tz = zone(name)
    naive = moment.replace(tzinfo=None, fold=0)
    if tz is None:
        return naive.replace(tzinfo=local_zone())
    exact = naive.replace(tzinfo=tz)
    # a time in a gap does not survive a round trip through UTC: move it by the gap
    back = exact.astimezone(timezone.utc).astimezone(tz)
    if back.replace(tzinfo=None) != naive:
        exact = (naive + _gap(exact)).replace(tzinfo=tz)
    return exact


def _gap(moment: datetime) -> timedelta:
    """How far the clocks jumped forward around a wall-clock time that does not exist."""
    before = moment.replace(fold=0).utcoffset() or timedelta(0)
    after = moment.replace(fold=1).utcoffset() or timedelta(0)
    return abs(before - after)


@functools.lru_cache(maxsize=16384)
def here(moment: datetime, name: str) -> datetime:
    """A wall-clock time in zone ``name`` as this machine's naive wall-clock time."""
    if keeps_local_clock(name):  # the common case, answered without converting
        return moment.replace(tzinfo=None)
    return aware(moment, name).astimezone(local_zone()).replace(tzinfo=None)


@functools.lru_cache(maxsize=64)
def keeps_local_clock(name: str) -> bool:
    """True when zone ``name`` keeps this machine's clock (checked twice a month over two years).

    Most interviews are in the user's own zone; a list of thousands is then sorted and
    compared without a conversion each.
    """
    if name == libc_zone():  # this machine's own zone, answered without loading it
        return True
    tz = zone(name)
    if tz is None:
        return True
    start = datetime.now(timezone.utc)
    for days in range(0, 731, 15):
        moment = start + timedelta(days=days)
        if moment.astimezone(tz).utcoffset() != moment.astimezone(local_zone()).utcoffset():
            return False
    return True


def same_clock_here(moment: datetime, name: str) -> bool:
    """True when this machine's clock reads the same as the zone's at that moment."""
    exact = aware(moment, name)
    return exact.utcoffset() == exact.astimezone(local_zone()).utcoffset()


def two_zones(moment: datetime, name: str, fmt: str = "%H:%M") -> str:
    """The time in the interview's zone, and this machine's beside it when they differ.

    "10:00 New York · 16:00 here", or "10:00" when both clocks read the same. A different
    day here is shown: "23:00 Los Angeles · 08:00 Thu here".
    """
    shown = moment.strftime(fmt)
    if same_clock_here(moment, name):
        return shown
    local = here(moment, name)
    day = "" if local.date() == moment.date() else f" {local:%a}"
    return f"{shown} {city(name)} · {local:%H:%M}{day} here"


def here_first(moment: datetime, name: str, fmt: str = "%H:%M") -> str:
    """The time on this machine's clock, and the interview's own beside it when they differ.

    "16:00 · 10:00 New York", or "16:00" when both clocks read the same (or there is no zone).
    A different day there is shown: "08:00 · Wed 23:00 Los Angeles".

    Args:
        moment: The wall-clock time in zone ``name``.
        name: The interview's IANA zone ("" for this machine's).
        fmt: How this machine's time is written (``strftime``).
    """
    if not name or keeps_local_clock(name) or same_clock_here(moment, name):
        return moment.strftime(fmt)
    local = here(moment, name)
    day = "" if local.date() == moment.date() else f"{moment:%a} "
    return f"{local.strftime(fmt)} · {day}{moment:%H:%M} {city(name)}"


def forget_this_machine() -> None:
    """Forget what was learnt about this machine's zone (after it changed, as tests change it)."""
    here.cache_clear()
    keeps_local_clock.cache_clear()
    local_zone_name.cache_clear()
    _link.cache_clear()
    _zone_file_linked.cache_clear()
    _zone_keeping.cache_clear()
