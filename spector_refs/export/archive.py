"""Which archived copy an exported entry should point readers to.

A bibliography that cites a dead page without its archived copy sends the
reader nowhere. The link checker's verdict decides: when the cited URL is
dead (``Verdict.is_dead``) and an archive URL is known, the entry carries
it. The citation's own archive (CS1 ``|archive-url=`` with
``|url-status=dead``) counts too, since the article already says the
original is gone. A live page exports without archive clutter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spector_refs.model import LinkResult, Reference

DEAD_URL_STATUSES = frozenset({"dead", "usurped", "unfit", "deviated"})
"""CS1 ``|url-status=`` values that mean the original URL no longer shows the source."""


@dataclass(frozen=True)
class ArchivedCopy:
    """An archive URL and the date it was archived (ISO, or None if unknown)."""

    url: str
    date: str | None = None

    def sentence(self) -> str:
        """The note every format writes: "Archived from the original on DATE: URL"."""
        when = f" on {self.date}" if self.date else ""
        return f"Archived from the original{when}: {self.url}"


def archived_copy(ref: Reference, links: Mapping[str, LinkResult] | None) -> ArchivedCopy | None:
    """The archived copy to export for ``ref``, or None when the original is not known dead."""
    result = links.get(ref.url) if links and ref.url else None
    if result is not None and result.verdict.is_dead and result.archive_url:
        return ArchivedCopy(result.archive_url, result.archive_date)
    if ref.archive_url and (ref.url_status or "").lower() in DEAD_URL_STATUSES:
        return ArchivedCopy(ref.archive_url, ref.archive_date)
    return None
