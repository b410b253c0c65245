"""Does the source still say what was cited? Title, date, quote and identifier findings.

A link that answers 200 may show another page than the one cited: the site
reused the address, redirected an old article to an unrelated one, or the
domain changed hands (the link checker's ``usurped`` verdict). These checks
compare what the citation says with what the fetched page says about itself
(:class:`~spector_refs.model.PageMeta`) and with its text:

* ``title-mismatch`` — the page is not the cited work: no title it gives
  itself agrees with the cited title, or only another site's headline about
  the same story does (fuzzy, weighing site, URL slug and date, see
  :mod:`spector_refs.check.titles`); both titles, the reasons and the
  archive copy are in the evidence;
* ``date-mismatch`` — the page's publication date is more than a few days
  from the cited date;
* ``quote-not-found`` — the ``quote=`` is not in the page text, with the
  closest passage;
* ``bad-identifier`` — an ISBN, ISSN, DOI, PMID, PMC, OCLC or arXiv identifier
  breaks CS1's rules, or (with ``--identifiers``) doi.org does not know the DOI
  or registers it under another title.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from spector_refs.assess.quotes import check_quote
from spector_refs.check.doi import doi_lookup_url
from spector_refs.check.identifiers import identifier_fault
from spector_refs.check.titles import DATE_TOLERANCE_DAYS, best_match, date_gap, judge_page
from spector_refs.findings import default_severity
from spector_refs.model import Article, Finding, LinkResult, PageMeta, Reference, Verdict, cited_target

_LIVE = frozenset({Verdict.OK, Verdict.REDIRECTED})


def verification_findings(article: Article, links: Mapping[str, LinkResult]) -> list[Finding]:
    """Every title, date, quote and identifier finding of the article's references."""
    findings: list[Finding] = []
    for ref in article.references:
        findings += identifier_findings(ref, links)
        result = links.get(ref.url or "")
        if result is None or result.verdict not in _LIVE:
            continue
        if result.meta is not None:
            findings += page_findings(ref, result, result.meta)
        if ref.quote and result.text:
            findings += quote_findings(ref, result)
    return findings


def page_findings(ref: Reference, result: LinkResult, meta: PageMeta) -> Iterator[Finding]:
    """title-mismatch and date-mismatch for one live page."""
    mismatch = title_mismatch(ref, result)
    if mismatch is not None:
        cited, page, why = mismatch
        reason = f"the page is now titled {page!r}, not {cited!r}: it may have changed or moved"
        evidence = [f"cited title: {cited}", f"page title: {page}", *why, *_context(ref, result, meta)]
        yield _finding(ref, "title-mismatch", reason, evidence)
    days = date_gap(ref.date, meta.published)
    if days is not None and days > DATE_TOLERANCE_DAYS:
        reason = (
            f"the page says it was published on {meta.published}, {days} days from the cited date {ref.date}"
        )
        evidence = [
            f"cited date: {ref.date}",
            f"page date: {meta.published}",
            f"url: {result.final_url or result.url}",
        ]
        yield _finding(ref, "date-mismatch", reason, evidence)


def title_mismatch(ref: Reference, result: LinkResult) -> tuple[str, str, tuple[str, ...]] | None:
    """(cited title, the page's own title, why) when by title and identity the page is not the cited work."""
    match = judge_page(cited_target(ref, ref.url or ""), result)
    if match is None or match.matches or result.meta is None or not ref.title:
        return None
    meta = result.meta
    return ref.title, meta.og_title or meta.citation_title or meta.title or meta.titles()[0], match.why


def quote_findings(ref: Reference, result: LinkResult) -> Iterator[Finding]:
    """quote-not-found when the citation's quote is not in the page text."""
    check = check_quote(ref.quote or "", result.text or "")
    if check is None or check.found:
        return
    reason = "the quoted words are not on the cited page any more"
    evidence = [f"quote: {ref.quote}"]
    if check.closest:
        evidence.append(f"closest passage ({check.share:.0%} of the quote's words): {check.closest}")
    evidence += _archive(ref, result)
    yield _finding(ref, "quote-not-found", reason, evidence)


def identifier_findings(ref: Reference, links: Mapping[str, LinkResult]) -> Iterator[Finding]:
    """bad-identifier for each identifier that breaks CS1's rules or that doi.org disowns."""
    for kind, value in ref.identifiers.items():
        fault = identifier_fault(kind, value)
        if fault:
            yield _finding(ref, "bad-identifier", f"{kind.upper()} {value}: {fault}", [f"{kind}: {value}"])
        elif kind == "doi":
            yield from _registered_doi(ref, value, links.get(doi_lookup_url(value)))


def _registered_doi(ref: Reference, doi: str, lookup: LinkResult | None) -> Iterator[Finding]:
    """What doi.org says of a well-formed DOI (only when ``--identifiers`` looked it up)."""
    if lookup is None:
        return
    evidence = [f"doi: {doi}", f"doi.org: {lookup.reason}"]
    if lookup.verdict is Verdict.BROKEN:
        yield _finding(ref, "bad-identifier", f"DOI {doi}: doi.org does not know this DOI", evidence)
        return
    registered = lookup.meta.citation_title if lookup.meta else None
    if not registered or not ref.title or ref.kind in ("book", "footnote"):
        return
    match = best_match(ref.title, [registered]) or best_match(registered, [ref.title])
    if match is not None and not match.matches:
        reason = f"DOI {doi} is registered for {registered!r}, not for the cited {ref.title!r}"
        yield _finding(ref, "bad-identifier", reason, [*evidence, f"registered title: {registered}"])


def _context(ref: Reference, result: LinkResult, meta: PageMeta) -> list[str]:
    lines = [f"url: {result.final_url or result.url}"]
    if meta.site_name:
        lines.append(f"page site: {meta.site_name}")
    if meta.published:
        lines.append(f"page date: {meta.published}")
    if meta.authors:
        lines.append(f"page authors: {', '.join(meta.authors[:5])}")
    return lines + _archive(ref, result)


def _archive(ref: Reference, result: LinkResult) -> list[str]:
    archive = ref.archive_url or result.archive_url
    return (
        [f"archived copy: {archive}"]
        if archive
        else ["no archived copy known: look one up before the page changes more"]
    )


def _finding(ref: Reference, kind: str, reason: str, evidence: list[str]) -> Finding:
    return Finding(
        kind, default_severity(kind), reason, ref.title or ref.raw,
        reference=ref.number, group=ref.group, evidence=tuple(evidence),
    )  # fmt: skip
