"""The SARIF report: a structurally valid 2.1.0 log whose results point at lines and columns."""

from __future__ import annotations

import json

from spector_refs.findings import FINDING_KINDS
from spector_refs.model import AuditResult, Finding, Severity
from spector_refs.report import render


def _log(result: AuditResult) -> dict:
    return json.loads(render(result, "sarif"))


def test_log_header(result: AuditResult) -> None:
    log = _log(result)
    assert log["version"] == "2.1.0"
    assert log["$schema"].endswith("sarif-2.1.0.json")
    assert len(log["runs"]) == 1
    assert log["runs"][0]["tool"]["driver"]["name"] == "spector-refs"


def test_rules_cover_every_finding_kind_once_with_levels(result: AuditResult) -> None:
    rules = _log(result)["runs"][0]["tool"]["driver"]["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(ids) == len(set(ids))
    assert set(FINDING_KINDS) | {"broken-link"} <= set(ids)
    for rule in rules:
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}


def test_results_name_known_rules_and_locate_the_claim_or_reference(result: AuditResult) -> None:
    run = _log(result)["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert len(results) == 7  # six findings and one reference citing a dead URL
    for item in results:
        assert rules[item["ruleIndex"]]["id"] == item["ruleId"]
        assert item["level"] in {"error", "warning", "note"}
        assert item["message"]["text"]
        region = item["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
    tagged = next(item for item in results if item["ruleId"] == "citation-needed")
    location = tagged["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "art/t%201.txt", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 1, "startColumn": 48}
    broken = next(item for item in results if item["ruleId"] == "broken-link")
    assert broken["level"] == "error"
    assert broken["locations"][0]["physicalLocation"]["region"] == {"startLine": 20, "startColumn": 4}
    assert "web.archive.org" in broken["message"]["text"]


def test_levels_follow_severity(result: AuditResult) -> None:
    levels = {item["ruleId"]: item["level"] for item in _log(result)["runs"][0]["results"]}
    assert levels["weak-only"] == "warning"
    assert levels["generic-title"] == "note"


def test_a_kind_no_rule_documents_still_gets_a_rule(result: AuditResult) -> None:
    from dataclasses import replace

    odd = Finding("future-check", Severity.ERROR, "something new", claim=0)
    busy = replace(result.assessments[0], findings=(odd,))
    run = _log(replace(result, assessments=(busy,)))["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert ids.count("future-check") == 1
    assert run["results"][0]["ruleId"] == "future-check"


def test_fingerprints_follow_the_text_not_the_line(result: AuditResult) -> None:
    results = _log(result)["runs"][0]["results"]
    prints = [item["partialFingerprints"]["spectorRefs/v1"] for item in results]
    assert len(prints) == len(set(prints))


def test_input_without_a_file_gets_a_logical_location(result: AuditResult) -> None:
    from dataclasses import replace

    clean = result.assessments[1]
    finding = Finding("uncited", Severity.WARNING, "no citation", claim=0)
    run = _log(replace(result, assessments=(replace(clean, findings=(finding,)),)))["runs"][0]
    assert run["results"][0]["locations"] == [
        {"logicalLocations": [{"name": "Clean page", "kind": "module"}]}
    ]
    assert "originalUriBaseIds" not in run
