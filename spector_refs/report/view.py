"""What every report needs to know about a result, computed once and in one place.

Reports differ only in how they write things down; which claim a finding is
about, which link result belongs to a reference, how healthy a reference's
link is and what the counts are must read the same in every format. Nothing
here decides a verdict: the policy module does, and we only ask it which
findings the run's ``fail_on`` names.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence, Set
from dataclasses import dataclass

from spector_refs.model import (
    Assessment,
    AuditResult,
    Claim,
    Finding,
    LinkResult,
    Reference,
    Verdict,
    claim_label,
)
from spector_refs.policy import broken_links, failures

HEALTH = ("ok", "redirected", "broken", "failing", "blocked", "unchecked", "no-url")
"""Reference health buckets, best first: the bars of the health chart."""
_DEAD = "broken"
"""The bucket of every verdict that says the page is gone (``Verdict.is_dead`` decides which)."""

_HEALTH_OF = {
    Verdict.OK: "ok",
    Verdict.REDIRECTED: "redirected",
    Verdict.SERVER_ERROR: "failing",
    Verdict.TIMEOUT: "failing",
    Verdict.DNS_FAILURE: "failing",
    Verdict.TLS_ERROR: "failing",
    Verdict.REFUSED: "failing",
    Verdict.INVALID: "failing",
    Verdict.BLOCKED: "blocked",
    Verdict.RATE_LIMITED: "blocked",
}


@dataclass(frozen=True)
class Location:
    """Where in the input file a finding points: 1-based line and column, when known."""

    line: int | None = None
    column: int | None = None

    def __str__(self) -> str:
        """What is known of the position: "12:5", "12" (HTML parsers know lines only) or ""."""
        if self.line is None:
            return ""
        return f"{self.line}:{self.column}" if self.column is not None else str(self.line)


def finding_claim(assessment: Assessment, finding: Finding) -> Claim | None:
    """The claim a finding is about, if it is about one that exists."""
    claims = assessment.article.claims
    if finding.claim is None or not 0 <= finding.claim < len(claims):
        return None
    return claims[finding.claim]


def finding_reference(assessment: Assessment, finding: Finding) -> Reference | None:
    """The reference a finding is about, if the article has it."""
    if finding.reference is None:
        return None
    return assessment.article.reference(finding.reference, finding.group)


def subject(assessment: Assessment, finding: Finding) -> str:
    """What a finding is about, as an editor would name it: the claim's text or "ref 5"."""
    claim = finding_claim(assessment, finding)
    if claim is not None:
        return claim.text
    ref = finding_reference(assessment, finding)
    if ref is not None:
        return f"{ref.label}: {ref.title}" if ref.title else ref.label
    if finding.reference is not None:
        return f"{finding.group or 'ref'} {finding.reference}"
    return finding.text


def where(assessment: Assessment, finding: Finding) -> str:
    """A short handle for a finding's target: "claim 12" (counted from 1) or "ref 5"."""
    if finding.claim is not None:
        return claim_label(finding.claim)
    if finding.reference is not None:
        return f"{finding.group or 'ref'} {finding.reference}"
    return "article"


def describe(assessment: Assessment, finding: Finding) -> str:
    """The target named and shown in one phrase: 'claim 4: "Its sources died."' or "ref 2: Title"."""
    if finding_claim(assessment, finding) is not None:
        return f'{where(assessment, finding)}: "{subject(assessment, finding)}"'
    return subject(assessment, finding)


def location(assessment: Assessment, finding: Finding) -> Location:
    """The line/column of the claim or reference a finding is about."""
    target = finding_claim(assessment, finding) or finding_reference(assessment, finding)
    if target is None:
        return Location()
    return Location(target.line, target.column)


def link_for(assessment: Assessment, ref: Reference) -> LinkResult | None:
    """The link result of a reference's cited URL (or of its archive URL when it has no other)."""
    url = ref.url or ref.archive_url
    if not url:
        return None
    return next((link for link in assessment.links if link.url == url), None)


def health(assessment: Assessment, ref: Reference) -> str:
    """The reference's health bucket (one of :data:`HEALTH`)."""
    if not (ref.url or ref.archive_url):
        return "no-url"
    link = link_for(assessment, ref)
    if link is None:
        return "unchecked"
    if link.verdict.is_dead:
        return _DEAD
    return _HEALTH_OF.get(link.verdict, "unchecked")


def health_counts(assessment: Assessment) -> dict[str, int]:
    """How many references fall in each health bucket (empty buckets left out), best first."""
    counts = Counter(health(assessment, ref) for ref in assessment.article.references)
    return {bucket: counts[bucket] for bucket in HEALTH if counts[bucket]}


def citing_references(assessment: Assessment, link: LinkResult) -> list[Reference]:
    """The references that cite a URL, so a broken link can be shown where it is cited."""
    return [ref for ref in assessment.article.references if link.url in (ref.url, ref.archive_url)]


def sorted_findings(findings: Sequence[Finding], failing: Set[Finding] = frozenset()) -> list[Finding]:
    """Findings grouped by kind, the most pressing kinds first, in document order within a kind.

    A kind ranks by its most pressing finding: one the policy fails on, then
    the most severe; ties keep the order in which kinds first appear, so an
    editor reads what blocks the build before the informational notes.
    """
    first: dict[str, int] = {}
    best: dict[str, tuple[bool, int]] = {}
    for i, finding in enumerate(findings):
        first.setdefault(finding.kind, i)
        urgency = (finding not in failing, -finding.severity.rank)
        best[finding.kind] = min(best.get(finding.kind, urgency), urgency)
    return sorted(findings, key=lambda f: (best[f.kind], first[f.kind]))


def article_summary(assessment: Assessment, fail_on: tuple[str, ...]) -> dict[str, object]:
    """The counts of one article that every report shows (and the JSON schema documents)."""
    refs = assessment.article.references
    profiles = [assessment.profile(ref) for ref in refs]
    return {
        "references": len(refs),
        "claims": len(assessment.article.claims),
        "findings": len(assessment.findings),
        "failing": len(failures(assessment, fail_on)),
        "by_kind": dict(Counter(f.kind for f in assessment.findings)),
        "by_severity": dict(Counter(f.severity.value for f in assessment.findings)),
        "links": len(assessment.links),
        "broken_links": len(broken_links(assessment.links)),
        "health": health_counts(assessment),
        "reliability": dict(Counter(p.reliability.value for p in profiles)),
        "source_kinds": dict(Counter(p.kind for p in profiles)),
    }


def result_summary(result: AuditResult) -> dict[str, object]:
    """The counts over every article of a run."""
    findings = [f for a in result.assessments for f in a.findings]
    return {
        "articles": len(result.assessments),
        "references": sum(len(a.article.references) for a in result.assessments),
        "claims": sum(len(a.article.claims) for a in result.assessments),
        "findings": len(findings),
        "failing": sum(len(failures(a, result.fail_on)) for a in result.assessments),
        "broken_links": sum(len(broken_links(a.links)) for a in result.assessments),
        "by_kind": dict(Counter(f.kind for f in findings)),
        "by_severity": dict(Counter(f.severity.value for f in findings)),
    }


def failing(assessment: Assessment, fail_on: tuple[str, ...]) -> set[Finding]:
    """The findings the run's policy fails on (the policy decides; reports only mark them)."""
    return set(failures(assessment, fail_on).findings)


def link_fails(assessment: Assessment, link: LinkResult, fail_on: tuple[str, ...]) -> bool:
    """Whether the policy fails on this dead link (it may not if the reference is archived)."""
    return link in failures(assessment, fail_on).links


def network_note(result: AuditResult) -> str | None:
    """The warning every report shows when links could not be judged for want of a network."""
    unavailable = sum(
        link.verdict is Verdict.NETWORK_UNAVAILABLE for a in result.assessments for link in a.links
    )
    if not unavailable:
        return None
    return f"the network was unavailable: {unavailable} link(s) could not be judged (not reported as dead)"


def title_of(assessment: Assessment) -> str:
    """The article's name in headings: its title, else its path, else "article"."""
    return assessment.article.title or assessment.article.path or "article"
