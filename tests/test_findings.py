"""The finding-kind registry is the one definition: assessor, policy, reports and docs agree with it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from spector_refs.assess import assess
from spector_refs.findings import BROKEN_LINK, FINDING_KINDS, KINDS, TAG_KINDS, kind_of
from spector_refs.model import (
    Article,
    Assessment,
    AuditResult,
    Claim,
    LinkResult,
    Reference,
    Severity,
    Verdict,
)
from spector_refs.parse import parse
from spector_refs.report import render
from spector_refs.report.html import TAGGED, TONES
from spector_refs.report.kinds import kinds_text

ROOT = Path(__file__).parent.parent
SAMPLES = (
    ROOT / "tests" / "fixtures" / "html" / "html_en_Dog_parsoid2018_mobileapps.html",
    ROOT / "tests" / "fixtures" / "wikitext" / "wikitext_en_Bodmin_wtf_wikipedia.txt",
    ROOT / "spector_refs" / "data" / "operation_spector.txt",
)
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _duplicate_and_unused() -> Article:
    refs = (
        Reference(1, title="Story", work="Paper", url="https://paper.example/story", date="2020"),
        Reference(2, title="Story", work="Paper", url="https://www.paper.example/story/", date="2020"),
        Reference(3, title="Never cited", work="Paper", url="https://paper.example/other", date="2020"),
    )
    return Article("A", "html", refs, (Claim("Said twice.", refs=(1, 2)),))


def test_sarif_publishes_duplicate_and_unused_reference_at_the_severity_the_assessor_uses() -> None:
    assessment = assess(_duplicate_and_unused())
    emitted = {f.kind: f.severity for f in assessment.findings}
    assert emitted["duplicate-reference"] is Severity.WARNING
    assert emitted["unused-reference"] is Severity.WARNING
    log = json.loads(render(AuditResult((assessment,)), "sarif"))
    levels = {
        rule["id"]: rule["defaultConfiguration"]["level"]
        for rule in log["runs"][0]["tool"]["driver"]["rules"]
    }
    for kind in ("duplicate-reference", "unused-reference"):
        assert levels[kind] == _SARIF_LEVEL[emitted[kind].value]


def test_every_sarif_rule_is_a_registered_kind_at_its_default_severity() -> None:
    log = json.loads(render(AuditResult(), "sarif"))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [rule["id"] for rule in rules] == list(KINDS)
    for rule in rules:
        kind = KINDS[rule["id"]]
        assert rule["defaultConfiguration"]["level"] == _SARIF_LEVEL[kind.severity.value]
        assert rule["shortDescription"]["text"] == kind.description
        assert rule["helpUri"] == kind.help_url


@pytest.mark.parametrize("path", SAMPLES, ids=[p.name for p in SAMPLES])
def test_the_assessor_reports_registered_kinds_at_their_default_severity(path: Path) -> None:
    """A kind whose severity nothing configures is reported at the registry's severity, no other."""
    findings = assess(parse(path)).findings
    assert findings
    for finding in findings:
        kind = KINDS[finding.kind]
        if not kind.severity_note:
            assert finding.severity is kind.severity, finding


def test_the_registry_is_well_formed() -> None:
    assert len(KINDS) == len({kind.slug for kind in KINDS.values()})
    assert BROKEN_LINK in KINDS and BROKEN_LINK not in FINDING_KINDS
    assert set(FINDING_KINDS) >= TAG_KINDS
    for kind in KINDS.values():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", kind.slug)
        assert kind.description.endswith(".") and "\n" not in kind.description
        assert kind.help_url.startswith("https://en.wikipedia.org/wiki/")
    assert kind_of("a-newer-kind").description == "Finding of kind a-newer-kind."


def test_the_kinds_listing_names_every_kind_with_its_severity() -> None:
    listing = kinds_text()
    for kind in KINDS.values():
        assert re.search(rf"^  {re.escape(kind.slug)} +{kind.severity.value} ", listing, re.M)


def test_every_html_highlight_tone_is_a_registered_claim_kind() -> None:
    """The HTML legend names kinds by their slug; a renamed kind must not leave a dead tone behind."""
    for tone in TONES:
        assert tone == TAGGED or KINDS[tone].about == "claim", tone


def test_dead_links_are_reported_at_the_registered_broken_link_severity() -> None:
    ref = Reference(1, title="Gone", url="https://gone.example/", line=3)
    link = LinkResult(ref.url or "", Verdict.BROKEN, "404 Not Found", 404)
    result = AuditResult((Assessment(Article("A", "html", (ref,), path="a.html"), links=(link,)),))
    level = _SARIF_LEVEL[KINDS[BROKEN_LINK].severity.value]
    sarif = json.loads(render(result, "sarif"))["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in sarif] == [(BROKEN_LINK, level)]
    assert render(result, "github").startswith(f"::{KINDS[BROKEN_LINK].severity.value} ")


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_the_kinds_command_lists_every_fail_on_name(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 10: an unknown --fail-on lists the names; ``spector-refs kinds`` explains each of them."""
    from spector_refs.cli import main
    from spector_refs.policy import valid_names

    assert main(["kinds", "--format", fmt]) == 0
    out = capsys.readouterr().out
    missing = [name for name in valid_names() if name not in out]
    assert missing == []
    assert all(kind_of(name).description in out for name in FINDING_KINDS)
