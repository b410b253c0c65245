"""What the link checker is given (a target) and what it concludes (a result, with its evidence)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from spector_refs.model import Verdict

if TYPE_CHECKING:
    from spector_refs.model.article import Reference


@dataclass(frozen=True)
class LinkTarget:
    """One URL to check and what its citation says about it.

    The access date picks the archive snapshot closest to it, the reference's
    own archive copy is offered before a lookup, and ``title`` (with the
    translated title, the cited work and publisher in ``sites`` and the cited
    ``date``, and the ``kind`` of work: see :func:`cited_kind`) lets the
    checker notice a page that has drifted from what was cited, by the same
    judgement as the audit's ``title-mismatch`` finding.
    """

    url: str
    access_date: str | None = None
    archive_url: str | None = None
    archive_date: str | None = None
    title: str | None = None
    trans_title: str | None = None
    sites: tuple[str, ...] = ()
    date: str | None = None
    kind: str | None = None


def cited_target(ref: Reference, url: str) -> LinkTarget:
    """The link target of a reference's URL, with everything the citation says about the work."""
    sites = tuple(site for site in (ref.work, ref.publisher) if site)
    return LinkTarget(
        url, ref.access_date, ref.archive_url, ref.archive_date, ref.title, ref.trans_title, sites, ref.date,
        cited_kind(ref.kind, ref.identifiers),
    )  # fmt: skip


def cited_kind(kind: str | None, identifiers: Mapping[str, str]) -> str | None:
    """The kind of work a citation describes: its CS1 kind, "book" for any citation that gives an ISBN.

    An editor may cite a book with ``{{cite web}}`` at a Google Books URL; the
    ISBN still says the work is a book, not a web page about it.
    """
    return "book" if "isbn" in identifiers else kind


def distinct_targets(targets: Iterable[LinkTarget | str]) -> list[LinkTarget]:
    """One target per distinct URL, in first-seen order, details merged."""
    merged: dict[str, LinkTarget] = {}
    for item in targets:
        target = LinkTarget(item.strip()) if isinstance(item, str) else _stripped(item)
        if not target.url:
            continue
        known = merged.get(target.url)
        merged[target.url] = target if known is None else _merge_targets(known, target)
    return list(merged.values())


def _stripped(target: LinkTarget) -> LinkTarget:
    """The target with its URL stripped; the same record when there is nothing to strip.

    A run's targets pass through here two or three times (each input, all
    inputs, the checker), and rebuilding a record with
    :func:`dataclasses.replace` costs ~10 µs: 20–30 ms for 800 URLs.
    """
    url = target.url.strip()
    return target if url == target.url else replace(target, url=url)


def _merge_targets(known: LinkTarget, other: LinkTarget) -> LinkTarget:
    """Archive details from either; what the work is from one citation, so title and date belong together."""
    cited = known if known.title or not other.title else other
    return LinkTarget(
        known.url,
        known.access_date or other.access_date,
        known.archive_url or other.archive_url,
        known.archive_date or other.archive_date,
        cited.title,
        cited.trans_title,
        cited.sites,
        cited.date,
        cited.kind,
    )


@dataclass(frozen=True)
class Hop:
    """One step of a redirect chain."""

    url: str
    status_code: int


@dataclass(frozen=True)
class CheckRecord:
    """One earlier check of a URL, as kept in the link cache."""

    checked_at: str
    verdict: Verdict
    status_code: int | None = None


@dataclass(frozen=True)
class PageMeta:
    """What a fetched page says it is, read from its head and first heading.

    ``title`` is the ``<title>`` (often with the site's name appended),
    ``heading`` the first ``h1``, ``og_title`` Open Graph's title,
    ``citation_title`` the scholarly ``citation_title`` or ``dc.title``,
    ``headline`` JSON-LD's ``headline``; ``site_name`` is ``og:site_name``,
    ``published`` an ISO date (``article:published_time``,
    ``citation_publication_date`` or JSON-LD ``datePublished``) and
    ``authors`` the names of ``citation_author``, ``author`` or JSON-LD;
    ``canonical_url`` the address the page gives for itself
    (``<link rel="canonical">``, ``og:url``); ``kinds`` the types it declares
    itself, as given (``og:type`` "article", JSON-LD ``@type`` "Review" or
    "CollectionPage"); ``generator`` the software the page says made it
    (``<meta name="generator">``: "MediaWiki 1.41.0", "WordPress 6.4") and
    ``application_name`` the web application it says it is
    (``<meta name="application-name">``, which Misskey gives), both of which
    tell what kind of site an unlisted one is.
    """

    title: str | None = None
    heading: str | None = None
    og_title: str | None = None
    citation_title: str | None = None
    headline: str | None = None
    site_name: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    canonical_url: str | None = None
    kinds: tuple[str, ...] = ()
    generator: str | None = None
    application_name: str | None = None

    def titles(self) -> tuple[str, ...]:
        """Every distinct title the page gives itself, the most deliberate first."""
        found = (self.citation_title, self.og_title, self.headline, self.heading, self.title)
        return tuple(dict.fromkeys(title for title in found if title))


@dataclass(frozen=True)
class LinkResult:
    """The verdict on one URL, with the evidence an editor needs to trust it.

    ``dead`` is True only once failures are spread over the configured
    period (like the Internet Archive's bot); a first failure is merely
    failing. ``text`` is the page text (capped) kept for claim verification;
    ``meta`` what the page says it is (title, date, authors), for checking
    that it is still the page that was cited.
    """

    url: str
    verdict: Verdict
    reason: str
    status_code: int | None = None
    final_url: str | None = None
    redirects: tuple[Hop, ...] = ()
    checked_at: str | None = None
    history: tuple[CheckRecord, ...] = ()
    dead: bool = False
    suggested_url: str | None = None
    archive_url: str | None = None
    archive_date: str | None = None
    content_type: str | None = None
    text: str | None = None
    elapsed: float | None = None
    from_cache: bool = False
    meta: PageMeta | None = None
