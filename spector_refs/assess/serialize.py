"""The JSON shapes of source profiles and findings, as the audit report prints them.

Kept here, beside the vocabularies they carry, so every report format and
other tools read the same keys: ``{"reliability", "kind", "matched", "reason"}``
and ``{"kind", "severity", "claim" | "reference", "text", "reason", "evidence"}``.
"""

from __future__ import annotations

from typing import Any

from spector_refs.model import Finding, SourceProfile


def source_profile_to_dict(profile: SourceProfile) -> dict[str, Any]:
    """A reference's ``"source"`` object."""
    return {
        "reliability": profile.reliability.value,
        "kind": profile.kind,
        "matched": profile.matched,
        "reason": profile.reason,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One entry of ``"findings"``: about a claim (its index) or a reference (its number)."""
    out: dict[str, Any] = {"kind": finding.kind, "severity": finding.severity.value}
    if finding.claim is not None:
        out["claim"] = finding.claim
    if finding.reference is not None:
        out["reference"] = finding.reference
        if finding.group is not None:
            out["group"] = finding.group
    out.update(text=finding.text, reason=finding.reason, evidence=list(finding.evidence))
    return out
