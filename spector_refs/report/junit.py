"""The JUnit XML report: one test case per reference and per claim, for CI test tabs.

CI systems (GitLab, Jenkins, Azure, the GitHub test-reporter actions) show
JUnit failures with their message, so a finding the run's policy fails on
becomes a ``<failure>`` carrying its reason, a broken link fails its
reference when ``broken-links`` is in the policy, and findings the policy
does not name are listed in the case's ``<system-out>`` so they stay visible
without failing the build. The XML is built with :mod:`xml.etree`, which
escapes markup; characters XML 1.0 cannot hold at all are dropped first.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from spector_refs.findings import BROKEN_LINK
from spector_refs.model import Assessment, AuditResult, Finding, LinkResult, claim_label
from spector_refs.report import view

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_NAME_LENGTH = 100


def render(result: AuditResult) -> str:
    """The result as a ``<testsuites>`` document with one ``<testsuite>`` per article."""
    suites = ET.Element("testsuites", name="spector-refs audit")
    for assessment in result.assessments:
        suites.append(_suite(assessment, result.fail_on))
    _count(suites, suites.findall("testsuite"))
    ET.indent(suites)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


def _suite(assessment: Assessment, fail_on: tuple[str, ...]) -> ET.Element:
    title = view.title_of(assessment)
    suite = ET.Element("testsuite", name=_clean(title))
    if assessment.article.path:
        suite.set("file", _clean(assessment.article.path))
    failing = view.failing(assessment, fail_on)
    by_target = _findings_by_target(assessment)
    for ref in assessment.article.references:
        link = view.link_for(assessment, ref)
        case = _case(suite, f"{title}.references", _name(ref.label, ref.title or ref.raw), ref.line)
        _judge(
            case, by_target.pop(("ref", ref.number, ref.group), []), failing, _dead(assessment, link, fail_on)
        )
    for i, claim in enumerate(assessment.article.claims):
        case = _case(suite, f"{title}.claims", _name(claim_label(i), claim.text), claim.line)
        _judge(case, by_target.pop(("claim", i, None), []), failing)
    leftover = [finding for findings in by_target.values() for finding in findings]
    if leftover or assessment.article.problems:
        case = _case(suite, title, "article", None)
        _judge(case, leftover, failing, notes=assessment.article.problems)
    _count(suite, suite.findall("testcase"))
    return suite


def _findings_by_target(assessment: Assessment) -> dict[tuple[str, int | None, str | None], list[Finding]]:
    out: dict[tuple[str, int | None, str | None], list[Finding]] = {}
    for finding in assessment.findings:
        key = (
            ("claim", finding.claim, None)
            if finding.claim is not None
            else ("ref", finding.reference, finding.group)
        )
        out.setdefault(key, []).append(finding)
    return out


def _case(suite: ET.Element, classname: str, name: str, line: int | None) -> ET.Element:
    case = ET.SubElement(suite, "testcase", classname=_clean(classname), name=_clean(name))
    if suite.get("file"):
        case.set("file", suite.get("file", ""))
    if line is not None:
        case.set("line", str(line))
    return case


def _judge(
    case: ET.Element,
    findings: list[Finding],
    failing: set[Finding],
    dead: LinkResult | None = None,
    notes: Iterable[str] = (),
) -> None:
    """Fail the case on what the policy fails on; keep everything else as output."""
    failures = [f"{f.kind}: {f.reason}" for f in findings if f in failing]
    if dead is not None:
        archive = f" (archived copy: {dead.archive_url})" if dead.archive_url else ""
        failures.insert(0, f"{BROKEN_LINK}: {dead.url}: {dead.reason}{archive}")
    if failures:
        failure = ET.SubElement(
            case, "failure", message=_clean(failures[0]), type=_clean(failures[0].split(":")[0])
        )
        failure.text = _clean("\n".join(failures))
    others = [f"{f.severity.value} {f.kind}: {f.reason}" for f in findings if f not in failing]
    others += [f"problem: {note}" for note in notes]
    if others:
        ET.SubElement(case, "system-out").text = _clean("\n".join(others))


def _dead(assessment: Assessment, link: LinkResult | None, fail_on: tuple[str, ...]) -> LinkResult | None:
    return link if link is not None and view.link_fails(assessment, link, fail_on) else None


def _count(parent: ET.Element, children: list[ET.Element]) -> None:
    """The ``tests``/``failures`` attributes CI readers sum up."""
    if parent.tag == "testsuites":
        tests = sum(int(child.get("tests", "0")) for child in children)
        failures = sum(int(child.get("failures", "0")) for child in children)
    else:
        tests = len(children)
        failures = sum(child.find("failure") is not None for child in children)
    parent.set("tests", str(tests))
    parent.set("failures", str(failures))
    parent.set("errors", "0")


def _name(handle: str, text: str) -> str:
    """A test name short enough for a CI tab: "claim 3: It shut down…"."""
    text = " ".join(text.split())
    if len(text) > _NAME_LENGTH:
        text = text[: _NAME_LENGTH - 1] + "…"
    return f"{handle}: {text}" if text else handle


def _clean(text: str) -> str:
    """Drop characters that XML 1.0 cannot represent even escaped."""
    return _NOT_XML.sub("", text)
