"""What every report shares: ordering, targets, health buckets."""

from __future__ import annotations

import pytest
from report_sample import HOSTILE_TITLE

from spector_refs.model import (
    Article,
    Assessment,
    AuditResult,
    Finding,
    LinkResult,
    Reference,
    Severity,
    Verdict,
)
from spector_refs.report import view


def test_findings_are_ordered_by_urgency_then_grouped_by_kind() -> None:
    info = Finding("missing-date", Severity.INFO, "a", reference=1)
    warn = Finding("uncited", Severity.WARNING, "b", claim=1)
    info2 = Finding("missing-date", Severity.INFO, "c", reference=2)
    fails = Finding("primary-only", Severity.INFO, "d", claim=2)
    ordered = view.sorted_findings([info, warn, info2, fails], failing={fails})
    assert ordered == [fails, warn, info, info2]


def test_subjects_name_the_claim_or_the_reference(result: AuditResult) -> None:
    busy = result.assessments[0]
    tagged, _, _, _, _, dated = busy.findings
    assert view.subject(busy, tagged).startswith("It shut down the market")
    assert view.describe(busy, tagged).startswith('claim 2: "It shut down')
    assert view.subject(busy, dated) == f"ref 1: {HOSTILE_TITLE}"
    assert view.location(busy, dated) == view.Location(20, 4)


def test_a_finding_about_a_missing_target_still_has_a_subject(result: AuditResult) -> None:
    busy = result.assessments[0]
    ghost = Finding("missing-reference", Severity.ERROR, "marker [99] has no reference", reference=99)
    assert view.subject(busy, ghost) == "ref 99"
    assert view.location(busy, ghost) == view.Location()
    stray = Finding("uncited", Severity.WARNING, "x", claim=999, text="gone")
    assert view.subject(busy, stray) == "gone"


def test_health_buckets(result: AuditResult) -> None:
    busy = result.assessments[0]
    assert [view.health(busy, ref) for ref in busy.article.references] == [
        "broken",
        "ok",
        "redirected",
        "no-url",
        "unchecked",
    ]


@pytest.mark.parametrize("verdict", list(Verdict), ids=[v.value for v in Verdict])
def test_every_verdict_has_a_health_bucket_and_every_dead_one_is_broken(verdict: Verdict) -> None:
    """Which verdicts are dead is ``Verdict.is_dead``'s answer alone; the chart only names it."""
    ref = Reference(1, title="T", url="https://x.example/")
    assessment = Assessment(
        Article("A", "html", (ref,)), links=(LinkResult("https://x.example/", verdict, ""),)
    )
    bucket = view.health(assessment, ref)
    assert bucket in view.HEALTH
    assert (bucket == "broken") is verdict.is_dead
