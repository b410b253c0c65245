"""The finding kinds: every word a finding can be, defined once.

The assessor reports findings of these kinds at these default severities, the
policy accepts these slugs in ``fail-on``, SARIF publishes them as rules, the
HTML legend and ``spector-refs kinds`` describe them, and the table in
``docs/assessment.md`` is generated from them (a test keeps it fresh). Adding
a kind is one entry in :data:`_KINDS`; one kind per inline cleanup tag comes
from the shared tag table. ``broken-link`` is the one kind about a link rather
than a claim or a reference: a dead cited URL, judged by the link checker.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from spector_refs.model import Severity
from spector_refs.parse.core.tags import INLINE_TAGS, tag_slug

WIKI = "https://en.wikipedia.org/wiki/"
BROKEN_LINK = "broken-link"
"""The kind of a dead cited URL (the policy's ``broken-links`` names the group)."""
ABOUT = ("claim", "reference", "link")
"""What a finding can be about."""


@dataclass(frozen=True)
class FindingKind:
    """One kind of finding: its slug, what it is about, its default severity and why it matters.

    ``description`` is one line (SARIF's short description, the HTML legend,
    ``spector-refs kinds``); ``detail`` says exactly when it is reported (the
    docs table, SARIF's full description). ``severity_note`` names what can
    change the severity (a configuration key, the input's format), so the
    docs say so and a test can tell a configured severity from drift.
    ``help_url`` is the Wikipedia guidance an editor fixing it should read.
    """

    slug: str
    about: str
    severity: Severity
    description: str
    help_url: str
    detail: str = ""
    severity_note: str = ""

    def __post_init__(self) -> None:
        if self.about not in ABOUT:
            raise ValueError(f"finding kind {self.slug}: about must be one of {', '.join(ABOUT)}")

    @property
    def full_description(self) -> str:
        """The description with its detail, for readers who want the exact rule."""
        return f"{self.description} {self.detail}".strip()


_W, _I, _E = Severity.WARNING, Severity.INFO, Severity.ERROR
_KINDS = (
    FindingKind(
        BROKEN_LINK, "link", _E, "A cited URL is gone (broken, soft 404, usurped or redirect loop).",
        WIKI + "Wikipedia:Link_rot",
        "The link verdict is dead (`Verdict.is_dead`). A reference that already gives an archive URL is "
        "reported but fails `broken-links` only with `archived-links` in `fail-on` too.",
    ),
    FindingKind(
        "uncited", "claim", _W, "A claim has no citation anywhere in its paragraph.",
        WIKI + "Wikipedia:Verifiability",
        "Body claims only; lead and infobox claims at their own severity (see below).",
        "`lead-uncited` / `infobox-uncited` for lead and infobox claims",
    ),
    FindingKind(
        "weak-only", "claim", _W,
        "A claim rests only on weak sources (unreliable, self-published, user-generated).",
        WIKI + "Wikipedia:Reliable_sources",
        "Every cited reference is weak: unreliable, deprecated or blacklisted, or of a weak kind.",
        "`weak-severity`",
    ),
    FindingKind(
        "primary-only", "claim", _I,
        "A claim rests only on primary sources (government, press release, company).",
        WIKI + "Wikipedia:No_original_research#Primary,_secondary_and_tertiary_sources",
        "Every cited reference is primary (not reported when already weak-only).",
        "`primary-severity`",
    ),
    FindingKind(
        "dead-only", "claim", _W, "Every cited URL of a claim is dead and none is archived.",
        WIKI + "Wikipedia:Link_rot",
        "Every cited reference has a URL whose link verdict is dead (broken, soft-404, usurped, redirect "
        "loop) and no archive URL.",
        "`dead-severity`",
    ),
    FindingKind(
        "unverified-figure", "claim", _W, "A figure in a claim appears in none of its cited sources.",
        WIKI + "Wikipedia:Verifiability",
        "A number, amount, date or name of the claim appears in none of the cited pages' text.",
    ),
    FindingKind(
        "duplicate-reference", "reference", _W, "Two references cite the same source.",
        WIKI + "Help:Footnotes#Footnotes:_using_a_source_more_than_once",
        "Same URL (ignoring scheme, `www.`, fragment, trailing slash) or same title and work as an "
        "earlier reference.",
    ),
    FindingKind(
        "unused-reference", "reference", _W, "A reference is never cited by the text.",
        WIKI + "Help:Cite_errors",
        "No claim cites it (main list only).",
    ),
    FindingKind(
        "missing-reference", "reference", _E, "A citation marker points at a reference that does not exist.",
        WIKI + "Help:Cite_errors",
        "A marker `[N]` points at no reference; `claim` is the first claim with it.",
    ),
    FindingKind(
        "missing-url", "reference", _W, "A reference has no URL or identifier to find the source by.",
        WIKI + "Wikipedia:Citing_sources",
        "No URL, archive URL or locating identifier (DOI, ISBN, OCLC, PMID, …).",
        "info for plain-text input, which drops links",
    ),
    FindingKind(
        "missing-date", "reference", _I, "A reference has no publication date.",
        WIKI + "Help:Citation_Style_1#Dates",
    ),
    FindingKind(
        "missing-author", "reference", _I, "A reference names no author.",
        WIKI + "Help:Citation_Style_1#Authors",
        "For kinds that normally have one (news, magazine, academic, book, blog, preprint, tabloid).",
    ),
    FindingKind(
        "generic-title", "reference", _W, "A reference's title is only the site's name or a generic title.",
        WIKI + "Help:CS1_errors#generic_title",
        "The title repeats the work/publisher/site address (\"FBI Multimedia\" for work \"FBI Multimedia\") "
        "or is a generic page title (\"Home\", \"Just a moment…\").",
    ),
    FindingKind(
        "bare-url", "reference", _W, "A reference is a bare URL with no title.",
        WIKI + "Wikipedia:Bare_URLs",
        "A URL without a title, or a title that is itself a URL.",
    ),
    FindingKind(
        "stale-access-date", "reference", _I, "A reference's access date is older than the configured age.",
        WIKI + "Help:Citation_Style_1#Access_date",
        "The access date is older than `stale-access-days`.",
    ),
    FindingKind(
        "cs1-maint", "reference", _I, "A citation template reported a CS1 maintenance message.",
        WIKI + "Help:CS1_errors",
        "A CS1 maintenance message kept by the parser.",
        "warning for \"CS1 errors\"",
    ),
    FindingKind(
        "title-mismatch", "reference", _W, "The cited page now gives itself another title: it changed.",
        WIKI + "Wikipedia:Link_rot#Keeping_dead_links",
        "No title the live page gives itself (`<title>`, `h1`, `og:title`, `citation_title`, JSON-LD "
        "`headline`) agrees with the cited title or its translation (fuzzy word match that ignores site "
        "names, case, punctuation, truncation and bracketed translations); both titles and the archive copy "
        "are in the evidence.",
    ),
    FindingKind(
        "date-mismatch", "reference", _I, "The cited page's publication date differs from the cited date.",
        WIKI + "Help:Citation_Style_1#Dates",
        "The page's own publication date (`article:published_time`, `citation_publication_date`, JSON-LD "
        "`datePublished`, …) is more than 3 days from the cited full date.",
    ),
    FindingKind(
        "quote-not-found", "reference", _W, "The citation's quote is not on the cited page any more.",
        WIKI + "Wikipedia:Verifiability",
        "The `quote=` (whitespace, quotes, dashes and case ignored; ellipses as gaps) is not in the live "
        "page's text; the evidence gives the closest passage.",
    ),
    FindingKind(
        "bad-identifier", "reference", _W, "An ISBN, ISSN, DOI, PMID, PMC, OCLC or arXiv ID is invalid.",
        WIKI + "Help:CS1_errors",
        "It breaks the CS1 module's rules (check digit, length, prefix, DOI registrant, number range, arXiv "
        "date code) or, with `--identifiers`, doi.org does not know the DOI or registers it for another "
        "title.",
    ),
)  # fmt: skip


def _tag_kind(tag: str) -> FindingKind:
    """The kind of an inline cleanup tag, with the tag's template page as help."""
    template = INLINE_TAGS[tag][1][0]
    page = "Template:" + template[:1].upper() + template[1:].replace(" ", "_")
    return FindingKind(
        tag_slug(tag), "claim", _W, f"An editor tagged the claim [{tag}].", WIKI + quote(page, safe=":_"),
        f"The claim carries the inline tag {{{{{template}}}}}.",
    )  # fmt: skip


TAG_KINDS: frozenset[str] = frozenset(tag_slug(tag) for tag in INLINE_TAGS)
"""The slugs of the inline-tag kinds (``citation-needed``, ``dead-link``, …)."""
KINDS: dict[str, FindingKind] = {kind.slug: kind for kind in (*_KINDS, *map(_tag_kind, INLINE_TAGS))}
"""Every finding kind by slug: broken links, claims, references, then one per inline tag."""
FINDING_KINDS: tuple[str, ...] = tuple(slug for slug, kind in KINDS.items() if kind.about != "link")
"""The kinds the assessor reports (everything but ``broken-link``, which the link checker judges)."""


def kind_of(slug: str) -> FindingKind:
    """The registered kind; a slug nobody registered (a newer producer's) still gets a description."""
    return KINDS.get(slug) or FindingKind(
        slug, "claim", _W, f"Finding of kind {slug}.", WIKI + "Help:Citation"
    )


def default_severity(slug: str) -> Severity:
    """The severity a finding of this kind has unless configuration says otherwise."""
    return KINDS[slug].severity
