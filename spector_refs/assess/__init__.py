"""Assess an article's sources and claims: which claims rest on nothing, or on too little.

``assess`` gives every reference a source profile (reliability and kind, with
the entry that matched and why) and reports findings about claims (tagged,
uncited, weak-only, primary-only, dead-only, unverified figures) and about
references (duplicates, unused, missing, incomplete, generic titles, bare
URLs, stale access dates, CS1 maintenance, pages that drifted from the cited
title, date or quote, invalid identifiers). Findings are data, never
exceptions; the vocabularies are documented in docs/assessment.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from spector_refs.assess.config import AssessConfig

if TYPE_CHECKING:
    from spector_refs.model import Article, Assessment, LinkResult, PageMeta, Reference

__all__ = ["AssessConfig", "assess"]


def assess(
    article: Article, links: Sequence[LinkResult] | None = None, config: AssessConfig | None = None
) -> Assessment:
    """Profile every reference of ``article`` and report its claim and reference findings.

    ``links`` are the link checker's results (verdicts and page text); without
    them the dead-only and unverified-figure checks have nothing to go on and
    report nothing, and a site no list names is known only by its address, not
    also by what its page declares (:mod:`spector_refs.assess.declared`).
    """
    # Imported here, not above: the configuration (assess.config) is read by
    # every command, the assessment itself only by ``audit``.
    from spector_refs.assess.claims import ClaimContext, claim_findings
    from spector_refs.assess.references import reference_findings
    from spector_refs.assess.sources import SourceIndex, classify_reference
    from spector_refs.assess.verify import verification_findings
    from spector_refs.model import Assessment

    config = config or AssessConfig()
    index = SourceIndex.create(config)
    results = tuple(links or ())
    by_url: dict[str, LinkResult] = {}
    for result in results:
        by_url.setdefault(result.url, result)
    sources = tuple(
        (ref, classify_reference(ref, index, _declared(ref, by_url))) for ref in article.references
    )
    profiles = {ref.number: profile for ref, profile in sources if ref.group is None}
    context = ClaimContext(article, profiles, by_url, config)
    findings = claim_findings(context) + reference_findings(article, profiles, config)
    findings += verification_findings(article, by_url)
    return Assessment(article=article, sources=sources, findings=tuple(findings), links=results)


def _declared(ref: Reference, by_url: dict[str, LinkResult]) -> PageMeta | None:
    """What the checked page of a reference's URL declares about itself, if it was checked."""
    from spector_refs.assess.declared import declared_meta
    from spector_refs.assess.sources import page_url

    url = page_url(ref)
    return declared_meta(url, by_url.get(url)) if url else None
