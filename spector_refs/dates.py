"""CS1 dates to ISO strings.

CS1 accepts "2023-05-02", "May 2, 2023", "2 May 2023", "May 2023",
"2023", seasons, ranges, "c. 1900" and "n.d."; the model stores ISO strings of the
precision given (``2023-05-02``, ``2023-05``, ``2023``). A date that cannot
be read returns None so the caller can record a problem instead of guessing.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_PATTERNS = (
    re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})"),
    re.compile(r"(?P<year>\d{4})-(?P<m>\d{1,2})"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(_MONTH + r",?\s+(?P<year>\d{4})"),
    re.compile(r"(?P<year>\d{4})[a-z]?"),
)
_ISO = re.compile(r"\d{4}-\d\d?(-\d\d?)?")
_DAY_RANGE = re.compile(r"\b(\d{1,2})\s*[–-]\s*\d{1,2}\b(?!-)")
_SEASON = re.compile(r"^(?:spring|summer|autumn|fall|winter)\s+", re.I)
_CIRCA = re.compile(r"^c\.\s*(?=\d{4}$)")  # CS1's "c. 1900": the year, as approximate as the source
NO_DATE = r"n\.d\.[a-z]?"
"""CS1's "no date" as it renders in a citation ("n.d.", "n.d.b" for the second of one author's)."""
_NO_DATE = re.compile(r"n\.?d\.?[a-z]?|no date|undated", re.I)


def is_no_date(text: str) -> bool:
    """Whether ``text`` says the source has no date ("n.d.", "n.d.b", "undated")."""
    return bool(_NO_DATE.fullmatch(text.strip().strip(",;()").strip()))


def parse_date(text: str | None) -> str | None:
    """The ISO form of a CS1 date, or None if it is absent or unreadable.

    Ranges ("May 2–3, 2023", "2019–2020") keep their first date, the one a
    bibliography sorts by.
    """
    if not text:
        return None
    value = _CIRCA.sub("", text.strip().strip(".,;()").strip())
    if not value or is_no_date(value):
        return None
    if not _ISO.fullmatch(value):
        parts = re.split(r"\s*[–—]\s*|\s+-\s+", _DAY_RANGE.sub(r"\1", value))
        value = parts[0]
        year = re.search(r"\b\d{4}$", parts[-1])
        if year and not re.search(r"\d{4}", value):  # "October–December 2007": the year is at the end
            value = f"{value} {year.group()}"
        value = _SEASON.sub("", value)  # "Spring–Summer 2008" is 2008: ISO has no seasons
    for pattern in _PATTERNS:
        match = pattern.fullmatch(value)
        if match:
            return _iso(match.groupdict())
    return None


def _iso(parts: dict[str, str | None]) -> str | None:
    year = int(parts["year"] or 0)
    month = parts.get("m")
    month_name = parts.get("month")
    if month_name:
        month_number = MONTHS.get(month_name.lower())
        if month_number is None:
            return None
        month = str(month_number)
    if month is None:
        return f"{year:04d}" if 1000 <= year <= 2999 else None
    day = parts.get("day")
    try:
        if day is None:
            date(year, int(month), 1)
            return f"{year:04d}-{int(month):02d}"
        return date(year, int(month), int(day)).isoformat()
    except ValueError:
        return None


def date_parts(iso: str | None) -> list[int]:
    """``2023-05-02`` as ``[2023, 5, 2]`` (CSL's date-parts)."""
    if not iso:
        return []
    return [int(part) for part in iso.split("-")]
