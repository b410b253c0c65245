"""Writing new values the way the page already writes them.

A bot edit that respells a template's parameters or changes its date format
makes a noisy diff and annoys the article's editors, so new parameters take
the template's own spelling (``archiveurl`` next to ``accessdate``,
``archive-url`` next to ``access-date``) and new dates the format of the
template's dates, else the article's ``{{Use dmy dates}}``/``{{Use mdy
dates}}``, else ISO.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from datetime import date
from enum import StrEnum

from spector_refs.dates import parse_date

# CS1 parameters with a joined alias (accessdate); url-status never had one.
_JOINED_ALIASES = {
    "access-date": "accessdate",
    "archive-url": "archiveurl",
    "archive-date": "archivedate",
    "dead-url": "deadurl",
    "publication-date": "publicationdate",
    "orig-year": "origyear",
    "chapter-url": "chapterurl",
}
_HYPHENATED = {joined: hyphenated for hyphenated, joined in _JOINED_ALIASES.items()}
_DMY = re.compile(r"^\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4}$")
_MDY = re.compile(r"^[A-Za-z]{3,9}\.?\s+\d{1,2},\s+\d{4}$")
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_USE_DATES = re.compile(r"\{\{\s*use\s+(dmy|mdy)\s+dates\s*[|}]", re.I)


class DateStyle(StrEnum):
    ISO = "iso"
    DMY = "dmy"
    MDY = "mdy"


def uses_joined_names(names: Iterable[str]) -> bool:
    """Whether a template spells its multi-word parameters joined (``accessdate``) rather than hyphenated.

    The majority of the parameters that have both forms decides; a tie (or
    none at all) means hyphens, CS1's current spelling.
    """
    joined = hyphenated = 0
    for name in names:
        key = name.strip().lower()
        joined += key in _HYPHENATED
        hyphenated += key in _JOINED_ALIASES
    return joined > hyphenated


def spelled(name: str, joined: bool) -> str:
    """``archive-url`` in the template's spelling (``url-status`` has only the one)."""
    return _JOINED_ALIASES.get(name, name) if joined else name


def date_style(values: Iterable[str]) -> DateStyle | None:
    """The format of the first full date among ``values`` (a template's own dates)."""
    for value in values:
        text = value.strip()
        for style, pattern in ((DateStyle.ISO, _ISO), (DateStyle.DMY, _DMY), (DateStyle.MDY, _MDY)):
            if pattern.match(text) and parse_date(text):
                return style
    return None


def article_date_style(wikitext: str) -> DateStyle:
    """``{{Use dmy dates}}`` or ``{{Use mdy dates}}`` at the top of the article, else ISO."""
    match = _USE_DATES.search(wikitext)
    return DateStyle(match.group(1).lower()) if match else DateStyle.ISO


def format_date(iso: str, style: DateStyle) -> str:
    """An ISO day (``2023-05-02``) as ``2 May 2023`` or ``May 2, 2023``; other precisions stay ISO."""
    if not _ISO.match(iso) or style is DateStyle.ISO:
        return iso
    day = date.fromisoformat(iso)
    month = calendar.month_name[day.month]
    return f"{day.day} {month} {day.year}" if style is DateStyle.DMY else f"{month} {day.day}, {day.year}"


def month_year(day: date) -> str:
    """The ``date=`` of a maintenance tag: ``December 2026``."""
    return f"{calendar.month_name[day.month]} {day.year}"
