"""Field values every export format reads the same way."""

from __future__ import annotations

import re

_ISO_DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


def iso_date(value: str | None) -> str | None:
    """``value`` if it is an ISO date (``2023``, ``2023-05``, ``2023-05-02``), else None.

    The model promises ISO dates; an exporter still refuses to write a
    malformed one into a date field, where it would break the reader.
    """
    return value if value and _ISO_DATE.fullmatch(value) else None
