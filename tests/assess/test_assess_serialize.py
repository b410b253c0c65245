"""The JSON shapes of source profiles and findings."""

from __future__ import annotations

import json

from spector_refs.model import Finding, Reliability, Severity, SourceProfile
from spector_refs.serialize import finding_to_dict, source_profile_to_dict


def test_source_profile_shape() -> None:
    profile = SourceProfile(Reliability.GENERALLY_RELIABLE, "news", "reuters.com", "a news agency")
    assert source_profile_to_dict(profile) == {
        "reliability": "generally-reliable",
        "kind": "news",
        "matched": "reuters.com",
        "reason": "a news agency",
    }


def test_finding_about_a_claim_and_about_a_reference() -> None:
    claim = Finding("weak-only", Severity.WARNING, "rests only on weak sources", "A claim", claim=3,
                    evidence=("ref 7: blog",))  # fmt: skip
    ref = Finding("generic-title", Severity.WARNING, "repeats the work", "FBI Multimedia", reference=13)
    assert finding_to_dict(claim) == {
        "kind": "weak-only",
        "severity": "warning",
        "claim": 3,
        "text": "A claim",
        "reason": "rests only on weak sources",
        "evidence": ["ref 7: blog"],
    }
    as_dict = finding_to_dict(ref)
    assert as_dict["reference"] == 13 and "claim" not in as_dict
    assert json.loads(json.dumps(as_dict)) == as_dict
    noted = finding_to_dict(Finding("unused-reference", Severity.WARNING, "x", reference=1, group="note"))
    assert noted["group"] == "note"
