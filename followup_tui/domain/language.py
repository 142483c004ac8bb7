"""The languages a card can be written in, and how a language tag is read.

A tag is BCP 47 as people type it ("de", "de-AT", "en_GB", "FR"), kept normalised ("de-AT").
Only its first part chooses the card's wordings; the region is kept for dates and for the user.
No Textual and no Babel here: this module is read at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from followup_tui.domain.errors import ValidationError

LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "es": "Español", "fr": "Français"}
"""The languages there are wordings for, each by its own name."""

DEFAULT_LANGUAGE = "en"
"""The language when nothing says otherwise."""

LANGUAGE_SETTING = "card_language"
"""The setting that holds the language new interviews take (first taken from the locale)."""

_TAG = re.compile(r"^(?P<lang>[A-Za-z]{2,3})(?:[-_](?P<region>[A-Za-z]{2}|\d{3}))?$")


def listed() -> str:
    """The languages there are, as a user reads them: "de (Deutsch), en (English), …"."""
    return ", ".join(f"{tag} ({name})" for tag, name in sorted(LANGUAGES.items()))


def normalise_language(tag: str) -> str:
    """Return a language tag in its normal form ("de_at" becomes "de-AT").

    Args:
        tag: What the user typed, or what a file holds.

    Returns:
        The tag: the language in lower case, a region in upper case.

    Raises:
        ValidationError: If the tag is not one of the languages there are.
    """
    match = _TAG.match(tag.strip())
    if match is None or match["lang"].lower() not in LANGUAGES:
        raise ValidationError(f"Unknown language '{tag.strip()[:20]}'; the languages there are: {listed()}.")
    region = match["region"]
    return match["lang"].lower() + (f"-{region.upper()}" if region else "")


def base_language(tag: str) -> str:
    """Return the language a tag's wordings come from ("de-AT" gives "de"; unknown gives "en")."""
    first = tag.replace("_", "-").split("-", 1)[0].lower()
    return first if first in LANGUAGES else DEFAULT_LANGUAGE


def locale_language(environ: Mapping[str, str]) -> str:
    """Return the language of the user's locale ("de_DE.UTF-8" gives "de-DE"), else English.

    Args:
        environ: The environment; ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` are read in that order.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "").split(".", 1)[0].split("@", 1)[0]
        if not value:
            continue
        try:
            return normalise_language(value)
        except ValidationError:
            return DEFAULT_LANGUAGE  # the first one set decides, as for every other program
    return DEFAULT_LANGUAGE
