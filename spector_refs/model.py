"""The one format-neutral data model every stage shares.

Parsers build these records, the link checker and the assessor add results
beside them, exporters and reports only read them. Everything is a frozen
dataclass so that no stage can change what an earlier stage produced; lists
are tuples for the same reason. Names are ``family``/``given`` or ``literal``,
dates are ISO strings (``2023-05-02``, ``2023-05``, ``2023``), and no field
holds LaTeX, HTML or wiki markup: escaping belongs to each writer.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

SOURCE_FORMATS = ("text", "html", "parsoid-html", "wikitext")
"""What ``Article.source_format`` can be: the parser that read the article."""
BLOCKS = ("paragraph", "list", "table", "infobox", "note")
"""What ``Claim.block`` can be: the kind of block of text a claim sits in."""


@dataclass(frozen=True)
class Name:
    """A person (``family``/``given``) or an organisation (``literal``)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    def display(self) -> str:
        """The name as a reader writes it: "Given Family" or the literal."""
        if self.literal:
            return self.literal
        return " ".join(part for part in (self.given, self.family) if part)

    def to_dict(self) -> dict[str, str]:
        """The CSL-style mapping: ``{"family", "given"}`` or ``{"literal"}``."""
        if self.literal is not None:
            return {"literal": self.literal}
        out = {"family": self.family or ""}
        if self.given:
            out["given"] = self.given
        return out


@dataclass(frozen=True)
class Reference:
    """One numbered reference as a CS1 citation renders or declares it.

    ``kind`` is the CS1 template family ("web", "news", "book", "journal",
    "magazine", "press release", "report", "footnote" for short footnotes
    such as "Smith 2009, p. 4.", "note" for an explanatory note, "text" for
    free text) when known.
    ``authors_truncated`` records that the list ends in "et al." (CS1's
    ``display-authors``): more authors exist than are named.
    ``original_date`` is the first publication of a reprint (CS1 ``orig-date``).
    ``conference`` is the event a paper was given at (CS1 ``conference``/``event``);
    ``revisers`` revised the cited entry ("rev. Name", as the Oxford DNB credits them).
    ``problems`` records what could not be read, so one odd reference never
    aborts a parse. ``tags`` are the inline cleanup tags an editor put inside
    the reference ("dead link" for ``{{dead link}}``), as ``Claim.tags`` are
    for the article's text.
    """

    number: int
    raw: str = ""
    group: str | None = None
    cite_count: int = 1
    kind: str | None = None
    name: str | None = None
    authors: tuple[Name, ...] = ()
    authors_truncated: bool = False
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    revisers: tuple[Name, ...] = ()
    title: str | None = None
    trans_title: str | None = None
    chapter: str | None = None
    work: str | None = None
    publisher: str | None = None
    place: str | None = None
    edition: str | None = None
    series: str | None = None
    conference: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    date: str | None = None
    original_date: str | None = None
    access_date: str | None = None
    archive_date: str | None = None
    url: str | None = None
    archive_url: str | None = None
    url_status: str | None = None
    language: str | None = None
    quote: str | None = None
    identifiers: dict[str, str] = field(default_factory=dict)
    maintenance: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    line: int | None = None
    column: int | None = None

    @property
    def label(self) -> str:
        """How the reference is named in messages: "ref 5" or "note a"."""
        return f"{self.group or 'ref'} {self.number}"

    @property
    def issn(self) -> str | None:
        return self.identifiers.get("issn")

    @property
    def isbn(self) -> str | None:
        return self.identifiers.get("isbn")

    @property
    def doi(self) -> str | None:
        return self.identifiers.get("doi")


@dataclass(frozen=True)
class Claim:
    """A span of article text and the citation markers that support it.

    By Wikipedia's convention a marker (or a run such as ``[1][2]``) supports
    the text back to the previous marker or the start of the sentence; text
    with no marker up to the end of its sentence is a claim with no refs.
    ``refs`` keeps marker order and repeats; ``notes`` holds markers of other
    groups ("a", "note 1"). ``section`` is None in the lead; ``block`` is
    "paragraph", "list", "table", "infobox" or "note"; ``paragraph`` numbers the
    block the claim sits in so the assessor can look at its neighbours.
    """

    text: str
    section: str | None = None
    refs: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    block: str = "paragraph"
    paragraph: int = 0
    line: int | None = None
    column: int | None = None


def claim_label(index: int) -> str:
    """How people number claims: from 1 ("claim 1" is ``Article.claims[0]``; JSON keeps the 0-based index)."""
    return f"claim {index + 1}"


@dataclass(frozen=True)
class Article:
    """A parsed article: its references, its claims, and what went wrong."""

    title: str | None
    source_format: str
    references: tuple[Reference, ...] = ()
    claims: tuple[Claim, ...] = ()
    problems: tuple[str, ...] = ()
    path: str | None = None

    def reference(self, number: int, group: str | None = None) -> Reference | None:
        """The reference with this number in this group, if the article has it."""
        for ref in self.references:
            if ref.number == number and ref.group == group:
                return ref
        return None

    def link_targets(self) -> list[LinkTarget]:
        """Every ``url`` and ``archive_url`` of the references, once each, with what the citation says."""
        found: list[LinkTarget] = []
        for ref in self.references:
            if ref.url:
                found.append(cited_target(ref, ref.url))
            if ref.archive_url:
                found.append(LinkTarget(ref.archive_url))
        return distinct_targets(found)


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
        target = LinkTarget(item.strip()) if isinstance(item, str) else replace(item, url=item.url.strip())
        if not target.url:
            continue
        known = merged.get(target.url)
        merged[target.url] = target if known is None else _merge_targets(known, target)
    return list(merged.values())


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


class Verdict(StrEnum):
    """What a link check concluded; values are the documented JSON strings."""

    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    SOFT_404 = "soft-404"
    USURPED = "usurped"
    REDIRECT_LOOP = "redirect-loop"
    SERVER_ERROR = "server-error"
    TIMEOUT = "timeout"
    DNS_FAILURE = "dns-failure"
    TLS_ERROR = "tls-error"
    BLOCKED = "blocked"
    RATE_LIMITED = "rate-limited"
    REFUSED = "refused"
    INVALID = "invalid"
    UNSUPPORTED = "unsupported"
    EXCLUDED = "excluded"
    NETWORK_UNAVAILABLE = "network-unavailable"

    @property
    def is_dead(self) -> bool:
        """Verdicts that mean the cited page is gone (exit code 1 material)."""
        return self in _DEAD


_DEAD = frozenset({Verdict.BROKEN, Verdict.SOFT_404, Verdict.REDIRECT_LOOP, Verdict.USURPED})


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
    "CollectionPage").
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


class Reliability(StrEnum):
    """Consensus on a source, in the perennial-sources list's terms."""

    GENERALLY_RELIABLE = "generally-reliable"
    NO_CONSENSUS = "no-consensus"
    GENERALLY_UNRELIABLE = "generally-unreliable"
    DEPRECATED = "deprecated"
    BLACKLISTED = "blacklisted"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class SourceProfile:
    """Why a reference's source counts as what it is: the rule that matched.

    ``sanctioned`` marks state media that an official sanctions list names as
    an instrument of disinformation (the EU's Annex XV outlets): weak by
    default rather than primary (``AssessConfig.sanctioned_weak``).
    """

    reliability: Reliability = Reliability.UNKNOWN
    kind: str = "unknown"
    matched: str | None = None
    reason: str = "no entry matched this source"
    sanctioned: bool = False


class Severity(StrEnum):
    """How pressing a finding is; values are the documented JSON strings, most severe first.

    Severities compare by how pressing they are (``INFO < WARNING < ERROR``),
    not alphabetically as their strings would, so ``max(severities)`` is the
    worst one and every report ranks them the same way.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe: a sort key for severities (0 for info)."""
        return _SEVERITY_RANK[self]

    def at_least(self, floor: Severity) -> bool:
        """Whether this severity is ``floor`` or worse ("warning" is at least "info")."""
        return self >= floor

    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Severity) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Severity) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Severity) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Severity) else NotImplemented


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


@dataclass(frozen=True)
class Finding:
    """One thing an editor should look at, with the reason in their words.

    A finding is about a claim (``claim`` is its index in ``Article.claims``)
    or a reference (``reference`` is its number, ``group`` its group).
    """

    kind: str
    severity: Severity
    reason: str
    text: str = ""
    claim: int | None = None
    reference: int | None = None
    group: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """The assessor's result: a profile per reference and the findings."""

    article: Article
    sources: tuple[tuple[Reference, SourceProfile], ...] = ()
    findings: tuple[Finding, ...] = ()
    links: tuple[LinkResult, ...] = ()

    def profile(self, ref: Reference) -> SourceProfile:
        """The source profile of one of the article's references."""
        for candidate, profile in self.sources:
            if candidate is ref:
                return profile
        return SourceProfile()


@dataclass(frozen=True)
class AuditResult:
    """One audit run over one or more articles: what every report renders.

    ``fail_on`` is the policy the run was judged by and ``exit_code`` the
    documented code it produced (0 clean, 1 findings, 3 network unavailable).
    ``baselined`` counts the known problems a baseline left out of it.
    """

    assessments: tuple[Assessment, ...] = ()
    fail_on: tuple[str, ...] = ()
    links_checked: bool = False
    exit_code: int = 0
    baselined: int = 0
