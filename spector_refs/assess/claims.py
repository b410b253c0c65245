"""Claim findings: what each claim rests on, in the words of Wikipedia's verifiability policy.

Tagged claims carry an editor's own cleanup tag; uncited claims have no
citation anywhere in their paragraph (Wikipedia cites at the end of a passage,
so one cited sentence covers its uncited neighbours); weak-only, primary-only
and dead-only claims cite nothing better than weak sources, primary sources or
dead links; unverified figures are details none of the cited pages states.
Lead and infobox claims are "uncited" too, at their own severity, with their
placement in the evidence, because MOS:LEADCITE lets them go uncited when the
body cites the same facts; a lead or infobox claim whose figures all appear in
cited body claims is not reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from spector_refs.assess.config import AssessConfig
from spector_refs.assess.figures import extract_figures, unverified_figures
from spector_refs.assess.sources import is_primary, is_weak
from spector_refs.findings import default_severity
from spector_refs.model import Article, Claim, Finding, LinkResult, Reference, SourceProfile
from spector_refs.parse.core.tags import tag_slug

_TAG_REASONS = {
    "citation needed": "an editor marked this claim [citation needed]: it cites no source",
    "better source needed": "an editor asked for a better source for this claim",
    "failed verification": "an editor found that the cited source does not support this claim",
    "dead link": "an editor marked the cited link as dead",
    "unreliable source?": "an editor questioned the reliability of the cited source",
    "self-published source?": "an editor marked the cited source as possibly self-published",
}
_PROSE = ("paragraph", "list")


@dataclass(frozen=True)
class ClaimContext:
    """What the claim checks need besides the claim: references, profiles, link results, config."""

    article: Article
    profiles: Mapping[int, SourceProfile]
    links: Mapping[str, LinkResult]
    config: AssessConfig

    def cited(self, claim: Claim) -> list[Reference]:
        """The distinct references of the main list a claim cites, in marker order."""
        refs = (self.article.reference(number) for number in dict.fromkeys(claim.refs))
        return [ref for ref in refs if ref is not None]


def claim_findings(context: ClaimContext) -> list[Finding]:
    """Every claim finding of the article, claim by claim."""
    findings: list[Finding] = []
    cited_blocks = {_block(claim) for claim in context.article.claims if claim.refs or claim.notes}
    body_text = " ".join(c.text for c in context.article.claims if c.refs and c.section is not None)
    for index, claim in enumerate(context.article.claims):
        findings.extend(tag_findings(index, claim))
        if _block(claim) not in cited_blocks and "citation needed" not in claim.tags:
            findings.extend(uncited_findings(index, claim, context.config, body_text))
        refs = context.cited(claim)
        if refs:
            findings.extend(source_findings(index, claim, refs, context))
    return findings


def tag_findings(index: int, claim: Claim) -> Iterator[Finding]:
    """One finding per inline cleanup tag, of the tag's own kind (``citation-needed``, …)."""
    for tag in dict.fromkeys(claim.tags):
        reason = _TAG_REASONS.get(tag, f"an editor tagged this claim [{tag}]")
        evidence = (f"[{tag}]",)
        kind = tag_slug(tag)
        yield Finding(kind, default_severity(kind), reason, claim.text, claim=index, evidence=evidence)


def uncited_findings(index: int, claim: Claim, config: AssessConfig, body_text: str) -> Iterator[Finding]:
    """An uncited claim: in the body a warning; in the lead or infobox a hint unless the body cites it."""
    placement = _placement(claim)
    if placement == "body":
        if claim.block in _PROSE:
            reason = "no citation anywhere in this paragraph supports this sentence"
            severity = default_severity("uncited")
            yield Finding("uncited", severity, reason, claim.text, claim=index, evidence=("placement: body",))
        return
    hint = config.infobox_uncited if placement == "infobox" else config.lead_uncited
    if hint is None:
        return
    text = _unglue(claim.text) if placement == "infobox" else claim.text
    figures = extract_figures(text)
    missing = [figure.text for figure in unverified_figures(text, [body_text])] if figures else []
    if figures and not missing:
        return
    where = "infobox row" if placement == "infobox" else "lead sentence"
    reason = f"uncited {where}; allowed only if the body cites the same facts"
    unmatched = tuple(f"not found in any cited body claim: {text}" for text in missing)
    evidence = (f"placement: {placement}", *unmatched)
    yield Finding("uncited", hint, reason, claim.text, claim=index, evidence=evidence)


def source_findings(
    index: int, claim: Claim, refs: Sequence[Reference], context: ClaimContext
) -> Iterator[Finding]:
    """weak-only, primary-only, dead-only and unverified-figure findings of a cited claim."""
    config = context.config
    profiles = [context.profiles.get(ref.number, SourceProfile()) for ref in refs]
    pairs = zip(refs, profiles, strict=True)
    evidence = tuple(f"{ref.label}: {p.kind}, {p.reliability.value} — {p.reason}" for ref, p in pairs)
    labels = ", ".join(ref.label for ref in refs)
    if all(is_weak(profile, config) for profile in profiles):
        reason = f"rests only on weak sources ({labels}): self-published, user-generated or unreliable"
        yield Finding("weak-only", config.weak_severity, reason, claim.text, claim=index, evidence=evidence)
    elif all(is_primary(profile, config) for profile in profiles):
        reason = f"rests only on primary sources ({labels}); an independent secondary source would be better"
        severity = config.primary_severity
        yield Finding("primary-only", severity, reason, claim.text, claim=index, evidence=evidence)
    dead = _dead_evidence(refs, context.links)
    if dead:
        reason = f"every cited link is dead ({labels}) and none has an archived copy"
        yield Finding("dead-only", config.dead_severity, reason, claim.text, claim=index, evidence=dead)
    if config.check_figures:
        yield from _figure_findings(index, claim, refs, context)


def _dead_evidence(refs: Sequence[Reference], links: Mapping[str, LinkResult]) -> tuple[str, ...]:
    """Evidence that all cited URLs are dead, or () if any is alive, unchecked or archived."""
    evidence = []
    for ref in refs:
        result = links.get(ref.url or "")
        if result is None or not result.verdict.is_dead or ref.archive_url:
            return ()
        line = f"{ref.label}: {ref.url} — {result.verdict.value} ({result.reason})"
        if result.archive_url:
            line += f"; archived copy: {result.archive_url}"
        evidence.append(line)
    return tuple(evidence)


def _figure_findings(
    index: int, claim: Claim, refs: Sequence[Reference], context: ClaimContext
) -> Iterator[Finding]:
    """Only when every cited source's text was fetched: otherwise a missing figure proves nothing."""
    texts = [_page_text(ref, context.links) for ref in refs]
    if not all(texts):
        return
    missing = unverified_figures(claim.text, [text for text in texts if text], context.article.title or "")
    if not missing:
        return
    labels = ", ".join(ref.label for ref in refs)
    written = ", ".join(f'"{figure.text}"' for figure in missing)
    reason = f"{written} appear{'s' if len(missing) == 1 else ''} in none of the cited sources ({labels})"
    evidence = tuple(f"{figure.kind} {figure.text!r} not found in {labels}" for figure in missing)
    severity = default_severity("unverified-figure")
    yield Finding("unverified-figure", severity, reason, claim.text, claim=index, evidence=evidence)


def _page_text(ref: Reference, links: Mapping[str, LinkResult]) -> str | None:
    for url in (ref.url, ref.archive_url):
        result = links.get(url or "")
        if result is not None and result.text:
            return result.text
    return None


def _unglue(row: str) -> str:
    """ "Launched2019" → "Launched 2019": plain-text copies glue an infobox label to its value."""
    return re.sub(r"(?<=[a-z])(?=[A-Z0-9~€$£])", " ", row)


def _block(claim: Claim) -> tuple[str | None, str, int]:
    return claim.section, claim.block, claim.paragraph


def _placement(claim: Claim) -> str:
    if claim.block == "infobox":
        return "infobox"
    return "lead" if claim.section is None else "body"
