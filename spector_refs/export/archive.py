"""Which URL and which archived copy an exported entry points readers to.

A bibliography that cites a dead page without its archived copy sends the
reader nowhere, so every archive the article gives (CS1 ``|archive-url=``,
whatever its ``|url-status=``; CS1 itself prints "Archived from the
original" for live and dead links alike) is exported. When the link
checker found the page dead and knows a copy the article lacks, that copy is
exported instead. The entry's URL is the one the article cited, or, after
a link check, where a permanent redirect says it now lives; a citation
that gives only an archive URL is exported with that URL, never with none.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spector_refs.model import LinkResult, Reference


@dataclass(frozen=True)
class ArchivedCopy:
    """An archive URL and the date it was archived (ISO, or None if unknown)."""

    url: str
    date: str | None = None

    def sentence(self) -> str:
        """The note every format writes: "Archived from the original on DATE: URL"."""
        when = f" on {self.date}" if self.date else ""
        return f"Archived from the original{when}: {self.url}"


@dataclass(frozen=True)
class Location:
    """Where an entry sends its reader: the URL to give and the archived copy to mention."""

    url: str | None = None
    archive: ArchivedCopy | None = None


def locate(ref: Reference, links: Mapping[str, LinkResult] | None) -> Location:
    """The URL and archived copy to export for ``ref``, given the link-check results (if any)."""
    url, archive = entry_url(ref, links), archived_copy(ref, links)
    if archive and archive.url == url and not archive.date:
        return Location(url)  # the archive is the only URL given: saying so again adds nothing
    return Location(url, archive)


def archived_copy(ref: Reference, links: Mapping[str, LinkResult] | None) -> ArchivedCopy | None:
    """The archived copy to export for ``ref``: the article's own, else the checker's for a dead page."""
    if ref.archive_url:
        return ArchivedCopy(ref.archive_url, ref.archive_date)
    result = links.get(ref.url) if links and ref.url else None
    if result is not None and result.verdict.is_dead and result.archive_url:
        return ArchivedCopy(result.archive_url, result.archive_date)
    return None


def entry_url(ref: Reference, links: Mapping[str, LinkResult] | None) -> str | None:
    """The URL an entry gives: the permanent redirect's target, the cited URL, else the archive's."""
    result = links.get(ref.url) if links and ref.url else None
    if result is not None and result.suggested_url:
        return result.suggested_url
    return ref.url or ref.archive_url
