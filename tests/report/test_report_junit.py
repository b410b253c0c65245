"""The JUnit report: well-formed XML, one case per reference and claim, failures with reasons."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from report_sample import HOSTILE_TITLE

from spector_refs.model import AuditResult, Claim
from spector_refs.report import render


def _parse(result: AuditResult) -> ET.Element:
    return ET.fromstring(render(result, "junit").encode("utf-8"))


def test_one_suite_per_article_and_one_case_per_reference_and_claim(result: AuditResult) -> None:
    root = _parse(result)
    busy, clean = root.findall("testsuite")
    classnames = [case.get("classname") for case in busy.findall("testcase")]
    assert classnames.count("Test <b>article</b>.references") == 5
    assert classnames.count("Test <b>article</b>.claims") == 5
    assert len(clean.findall("testcase")) == 2
    assert root.get("tests") == str(len(root.findall(".//testcase")))


def test_failures_carry_the_reason_and_only_policy_findings_fail(result: AuditResult) -> None:
    root = _parse(result)
    failures = {
        case.get("name"): case.find("failure")
        for case in root.iter("testcase")
        if case.find("failure") is not None
    }
    assert len(failures) == 3
    assert root.get("failures") == "3"
    tagged = next(f for name, f in failures.items() if name.startswith("claim 2:"))
    assert tagged.get("type") == "citation-needed"
    assert tagged.get("message") == "citation-needed: an editor tagged this claim [citation needed]"
    broken = failures[f"ref 1: {HOSTILE_TITLE}"]
    assert broken.get("type") == "broken-link"
    assert "404 Not Found" in broken.text and "web.archive.org" in broken.text


def test_findings_the_policy_does_not_name_stay_visible_as_output(result: AuditResult) -> None:
    cases = {case.get("name"): case for case in _parse(result).iter("testcase")}
    uncited = next(case for name, case in cases.items() if name.startswith("claim 4:"))
    assert uncited.find("failure") is None
    assert uncited.find("system-out").text == "warning uncited: no citation in this paragraph"
    assert "problem: line 30: unreadable reference" in cases["article"].find("system-out").text


def test_hostile_text_survives_escaping_exactly(result: AuditResult) -> None:
    names = [case.get("name") for case in _parse(result).iter("testcase")]
    assert f"ref 1: {HOSTILE_TITLE}" in names
    assert "claim 2: It shut down the market <em>in 2021</em>, by German police." in names


def test_characters_xml_cannot_hold_are_dropped(result: AuditResult) -> None:
    article = result.assessments[0].article
    bad = replace(article, claims=(Claim("bell\x07 and \x00null \x1b[31m", line=1),))
    root = _parse(replace(result, assessments=(replace(result.assessments[0], article=bad, findings=()),)))
    assert "claim 1: bell and null [31m" in [case.get("name") for case in root.iter("testcase")]


def test_cases_carry_file_and_line(result: AuditResult) -> None:
    case = next(_parse(result).iter("testcase"))
    assert (case.get("file"), case.get("line")) == ("art/t 1.txt", "20")
