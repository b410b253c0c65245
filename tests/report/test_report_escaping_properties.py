"""Property tests: whatever text an article holds, every format writes it as text, never as syntax."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import replace

from bs4 import BeautifulSoup
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from report_sample import build_result
from report_workflow import parse_command

from spector_refs.model import AuditResult, Claim, Finding, Severity
from spector_refs.report import render
from spector_refs.report.github import command
from spector_refs.report.markdown import cell

SYNTAX = "<>&\"'`*_[]()|\\#!~$%:,;=+-.{}\n\r\t "
text = st.text(alphabet=st.sampled_from(SYNTAX) | st.characters(codec="utf-8"), max_size=60)
prose = st.text(
    alphabet=st.sampled_from(SYNTAX) | st.characters(min_codepoint=0x20, max_codepoint=0x2FF), max_size=60
)
SETTINGS = settings(max_examples=100, deadline=None)


def _with_claim(claim_text: str, reason: str) -> AuditResult:
    result = build_result()
    busy = result.assessments[0]
    article = replace(busy.article, claims=(Claim(claim_text, line=1, column=1),), title=claim_text or "t")
    finding = Finding("uncited", Severity.WARNING, reason, claim=0)
    return replace(result, assessments=(replace(busy, article=article, findings=(finding,)),))


def _one_line(value: str) -> str:
    """What survives of a value: CR and LF exactly, other line breaks as spaces."""
    return "".join(c if c in "\r\n" or (c + "x").splitlines() == [c + "x"] else " " for c in value)


@SETTINGS
@given(message=text, title=text, path=text)
def test_workflow_commands_round_trip_any_text(message: str, title: str, path: str) -> None:
    line = command("warning", message, file=path, line=3, title=title)
    assert line.splitlines() == [line]
    name, props, parsed = parse_command(line)
    assert (name, parsed) == ("warning", _one_line(message))
    assert props == {"file": _one_line(path), "line": "3", "title": _one_line(title)}


@SETTINGS
@given(claim=text, reason=text)
def test_github_report_is_one_command_per_line_for_any_text(claim: str, reason: str) -> None:
    lines = render(_with_claim(claim, reason), "github").splitlines()
    assert len(lines) == 2  # the dead link and the finding
    assert parse_command(lines[1])[2].startswith(_one_line(reason))


@SETTINGS
@given(claim=text, reason=text)
def test_junit_is_well_formed_for_any_text(claim: str, reason: str) -> None:
    root = ET.fromstring(render(_with_claim(claim, reason), "junit"))
    assert len(root.findall(".//testcase")) == 5 + 1 + 1  # the references, the claim, the article


@SETTINGS
@given(claim=prose)
def test_html_shows_any_claim_as_text(claim: str) -> None:
    assume(claim.strip())  # BeautifulSoup itself folds a whitespace-only text node to " "
    soup = BeautifulSoup(render(_with_claim(claim, "why"), "html"), "lxml")
    span = soup.find(id="a0-claim-0")
    assert span.get_text() == claim.replace("\r\n", "\n").replace("\r", "\n")
    assert not span.find_all(True)
    assert not soup.find_all("script")


@SETTINGS
@given(value=prose)
def test_markdown_cell_renders_as_the_text(value: str) -> None:
    rendered = MarkdownIt("commonmark").enable("table").render(f"| h |\n|---|\n| {cell(value)} |\n")
    soup = BeautifulSoup(rendered, "html.parser")
    assert soup.find("td").get_text().strip() == " ".join(value.split())
    assert not soup.find("td").find_all(True)
