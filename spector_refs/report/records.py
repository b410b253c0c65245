"""Link results, source profiles and findings as JSON-ready dicts, for the reports.

The keys follow the vocabularies documented in the assessment and link-check
issues (``verdict``, ``reliability``, ``kind``, ``claim`` | ``reference``…).
They are written here because the link checker and the assessor do not (yet)
publish serialisers of their own; when they do, these should give way to them.
"""

from __future__ import annotations

from typing import Any

from spector_refs.model import Finding, Hop, LinkResult, SourceProfile


def link_result_to_dict(link: LinkResult) -> dict[str, Any]:
    """A link verdict with its evidence; the cached page text is left out (it is large)."""
    return {
        "url": link.url,
        "verdict": link.verdict.value,
        "reason": link.reason,
        "status_code": link.status_code,
        "final_url": link.final_url,
        "redirects": [_hop(hop) for hop in link.redirects],
        "checked_at": link.checked_at,
        "dead": link.dead,
        "suggested_url": link.suggested_url,
        "archive_url": link.archive_url,
        "archive_date": link.archive_date,
        "content_type": link.content_type,
        "from_cache": link.from_cache,
    }


def _hop(hop: Hop) -> dict[str, Any]:
    return {"url": hop.url, "status_code": hop.status_code}


def source_profile_to_dict(profile: SourceProfile) -> dict[str, Any]:
    """Why a source counts as what it does: reliability, kind, the entry that matched."""
    return {
        "reliability": profile.reliability.value,
        "kind": profile.kind,
        "matched": profile.matched,
        "reason": profile.reason,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One finding with the documented keys; ``claim`` is an index, ``reference`` a number."""
    return {
        "kind": finding.kind,
        "severity": finding.severity.value,
        "claim": finding.claim,
        "reference": finding.reference,
        "group": finding.group,
        "text": finding.text,
        "reason": finding.reason,
        "evidence": list(finding.evidence),
    }
