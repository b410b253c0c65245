"""The self-contained HTML report: an article an editor can read, with its problems in colour.

One file with inline CSS and an inline SVG chart, no scripts and no external
assets (a Content-Security-Policy forbids loading any), so it can be mailed,
attached to a CI run or opened offline. Everything from the article is
untrusted: Jinja2 autoescapes it, and only plain http(s) URLs become links.
This module prepares plain values; the template only lays them out.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, PackageLoader, StrictUndefined

from spector_refs.assess.verify import title_mismatch
from spector_refs.findings import TAG_KINDS, kind_of
from spector_refs.model import Assessment, AuditResult, Finding, LinkResult, Reference, Severity
from spector_refs.parse.core.tags import tag_slug
from spector_refs.policy import broken_links
from spector_refs.report import claims_view, view
from spector_refs.version import __version__

TAGGED = "tagged"
"""The tone of a claim carrying any inline cleanup tag (one of :data:`TAG_KINDS`)."""
TONES = {
    "dead-only": "dead source",
    TAGGED: "citation needed or other tag",
    "weak-only": "weak sources only",
    "uncited": "uncited",
    "unverified-figure": "figure not in sources",
    "primary-only": "primary sources only",
}
"""Highlight tones of claims and their legend, the most urgent first: a claim shows the first that
applies. Every tone but :data:`TAGGED` is a claim kind of the registry (a test checks)."""
_HEALTH_LABELS = {"no-url": "no URL", "unchecked": "not checked"}
_CHART_WIDTH = 440
_BAR_WIDTH = 110
_MAX_KIND_BARS = 8


def render(result: AuditResult) -> str:
    """The whole report as one HTML document."""
    template = _environment().get_template("report.html.j2")
    return template.render(
        version=__version__,
        summary=view.result_summary(result),
        result=result,
        articles=[_article(i, a, result.fail_on) for i, a in enumerate(result.assessments)],
        legend=TONES,
        network_note=view.network_note(result),
    )


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("spector_refs.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def safe_href(url: str | None) -> str | None:
    """The URL if it may be a link target (plain http or https), else None."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _article(number: int, assessment: Assessment, fail_on: tuple[str, ...]) -> dict[str, Any]:
    prefix = f"a{number}"
    failing = view.failing(assessment, fail_on)
    ordered = view.sorted_findings(assessment.findings, failing)
    health = _health_by_number(assessment)
    return {
        "id": prefix,
        "title": view.title_of(assessment),
        "path": assessment.article.path,
        "source_format": assessment.article.source_format,
        "counts": view.article_summary(assessment, fail_on),
        "problems": assessment.article.problems,
        "health": _health_chart(assessment),
        "reliability": _bars(
            Counter(assessment.profile(r).reliability.value for r in assessment.article.references)
        ),
        "kinds": _bars(Counter(assessment.profile(r).kind for r in assessment.article.references)),
        "attention": [_finding(assessment, f, failing, prefix) for f in ordered if _pressing(f, failing)],
        "notes": [_finding(assessment, f, failing, prefix) for f in ordered if not _pressing(f, failing)],
        "broken": _broken(assessment, fail_on, prefix),
        "sections": [_section(s, prefix, health) for s in claims_view.sections(assessment)],
        "references": [_reference(assessment, ref, prefix) for ref in assessment.article.references],
    }


def _pressing(finding: Finding, failing: set[Finding]) -> bool:
    """Findings shown before the text: what fails the policy, warnings and errors; notes go last."""
    return finding in failing or finding.severity is not Severity.INFO


def _health_chart(assessment: Assessment) -> dict[str, Any]:
    """One stacked bar of reference health, segment widths proportional to counts."""
    counts = view.health_counts(assessment)
    total = sum(counts.values())
    segments, x = [], 0.0
    for bucket, n in counts.items():
        width = _CHART_WIDTH * n / total
        segments.append({"bucket": bucket, "count": n, "x": round(x, 2), "width": round(width, 2)})
        x += width
    return {"width": _CHART_WIDTH, "total": total, "segments": segments}


def _bars(counts: Counter[str]) -> list[dict[str, Any]]:
    """Horizontal bars for the commonest values, widths relative to the largest."""
    common = counts.most_common(_MAX_KIND_BARS)
    top = common[0][1] if common else 1
    return [{"label": label, "count": n, "width": round(_BAR_WIDTH * n / top, 2)} for label, n in common]


def _finding(assessment: Assessment, finding: Finding, failing: set[Finding], prefix: str) -> dict[str, Any]:
    anchor = None
    if finding.claim is not None and view.finding_claim(assessment, finding) is not None:
        anchor = f"{prefix}-claim-{finding.claim}"
    elif (ref := view.finding_reference(assessment, finding)) is not None:
        anchor = _ref_anchor(prefix, ref)
    return {
        "kind": finding.kind,
        "description": kind_of(finding.kind).description,
        "severity": finding.severity.value,
        "where": view.where(assessment, finding),
        "anchor": anchor,
        "subject": view.subject(assessment, finding),
        "reason": finding.reason,
        "evidence": finding.evidence,
        "fails": finding in failing,
    }


def _broken(assessment: Assessment, fail_on: tuple[str, ...], prefix: str) -> list[dict[str, Any]]:
    return [
        {
            "ref": ref.label,
            "anchor": _ref_anchor(prefix, ref),
            "url": link.url,
            "reason": link.reason,
            "archive": safe_href(link.archive_url),
            "fails": view.link_fails(assessment, link, fail_on),
        }
        for link in broken_links(assessment.links)
        for ref in view.citing_references(assessment, link)
    ]


def _health_by_number(assessment: Assessment) -> dict[int, str]:
    """Each main-group reference's health, so a marker citing a dead page can look dead."""
    return {
        ref.number: view.health(assessment, ref) for ref in assessment.article.references if ref.group is None
    }


def _section(section: claims_view.Section, prefix: str, health: dict[int, str]) -> dict[str, Any]:
    return {
        "title": section.title,
        "paragraphs": [
            {"block": p.block, "claims": [_claim(c, prefix, health) for c in p.claims]}
            for p in section.paragraphs
        ],
    }


def _claim(claim: claims_view.ClaimView, prefix: str, health: dict[int, str]) -> dict[str, Any]:
    kinds = claim.kinds
    tone = next((t for t in TONES if t in kinds or (t == TAGGED and TAG_KINDS & set(kinds))), None)
    if tone is None and kinds:
        tone = "other"
    return {
        "id": f"{prefix}-claim-{claim.index}",
        "text": claim.text,
        "tone": tone,
        "kinds": kinds,
        "severity": claim.severity.value if claim.severity else None,
        "badges": [{"kind": f.kind, "severity": f.severity.value} for f in _one_per_kind(claim.findings)],
        "tooltip": "\n".join(f"{f.kind}: {f.reason}" for f in claim.findings),
        "refs": [
            {"label": str(n), "anchor": f"{prefix}-ref-{n}", "health": health.get(n, "missing")}
            for n in claim.refs
        ],
        "notes": claim.notes,
        "tags": claim.tags,
    }


def _one_per_kind(findings: tuple[Finding, ...]) -> list[Finding]:
    first: dict[str, Finding] = {}
    for finding in findings:
        first.setdefault(finding.kind, finding)
    return list(first.values())


def _ref_anchor(prefix: str, ref: Reference) -> str:
    group = f"{tag_slug(ref.group)}-" if ref.group else ""
    return f"{prefix}-ref-{group}{ref.number}"


def _reference(assessment: Assessment, ref: Reference, prefix: str) -> dict[str, Any]:
    profile = assessment.profile(ref)
    link = view.link_for(assessment, ref)
    archive = (link.archive_url if link else None) or ref.archive_url
    return {
        "anchor": _ref_anchor(prefix, ref),
        "label": ref.label,
        "title": ref.title or ref.raw or "(untitled)",
        "work": ref.work or ref.publisher,
        "authors": ", ".join(name.display() for name in ref.authors),
        "date": ref.date,
        "url": ref.url,
        "href": safe_href(ref.url),
        "kind": profile.kind,
        "reliability": profile.reliability.value,
        "source_reason": profile.reason,
        "health": view.health(assessment, ref),
        "health_label": _HEALTH_LABELS.get(view.health(assessment, ref), view.health(assessment, ref)),
        "verdict": link.verdict.value if link else None,
        "status_code": link.status_code if link else None,
        "link_reason": link.reason if link else None,
        "archive": archive,
        "archive_href": safe_href(archive),
        "archive_date": (link.archive_date if link else None) or ref.archive_date,
        "suggested": link.suggested_url if link else None,
        "suggested_href": safe_href(link.suggested_url if link else None),
        "drift": _drift(assessment, ref, link),
    }


def _drift(assessment: Assessment, ref: Reference, link: LinkResult | None) -> dict[str, str] | None:
    """The cited title and the page's own, side by side, for a reference with a title-mismatch finding."""
    drifted = any(
        f.kind == "title-mismatch" and f.reference == ref.number and f.group == ref.group
        for f in assessment.findings
    )
    mismatch = title_mismatch(ref, link) if drifted and link else None
    return {"cited": mismatch[0], "page": mismatch[1]} if mismatch else None
