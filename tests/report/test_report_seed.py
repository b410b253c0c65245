"""Every report on the real seed: Operation SpecTor parsed, assessed offline, rendered.

The seed's one [citation needed] claim (line 23 of the bundled text) must
reach every format, and the weak-only claim resting on ref 7 with it.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import spector_refs
from spector_refs.assess import assess
from spector_refs.model import AuditResult
from spector_refs.parse import parse
from spector_refs.policy import exit_code
from spector_refs.report import REPORT_FORMATS, render
from spector_refs.report.terminal import render as render_terminal

SEED = Path(spector_refs.__file__).parent / "data" / "operation_spector.txt"
CN_CLAIM = "2021 Monopoly Market is shut down under the SpecTor operation, by German law enforcement"
FAIL_ON = ("citation-needed", "weak-only")


@pytest.fixture(scope="module")
def seed_result() -> AuditResult:
    assessment = assess(parse(SEED))
    return AuditResult((assessment,), fail_on=FAIL_ON, exit_code=exit_code((assessment,), FAIL_ON))


@pytest.mark.parametrize("fmt", [f for f in REPORT_FORMATS if f != "terminal"])
def test_the_citation_needed_claim_reaches_every_format(seed_result: AuditResult, fmt: str) -> None:
    text = render(seed_result, fmt)
    assert CN_CLAIM in text
    assert "citation-needed" in text


def test_the_terminal_table_shows_it_on_one_row_when_wide_enough(seed_result: AuditResult) -> None:
    row = next(line for line in render_terminal(seed_result, width=300).splitlines() if CN_CLAIM in line)
    assert "citation-needed" in row and "✗ fails" in row


def test_seed_json_marks_the_tagged_and_weak_claims_as_failing(seed_result: AuditResult) -> None:
    article = json.loads(render(seed_result, "json"))["articles"][0]
    failing = {
        (f["kind"], article["claims"][f["claim"]]["text"][:20]) for f in article["findings"] if f["fails"]
    }
    assert failing == {("citation-needed", CN_CLAIM[:20]), ("weak-only", "the target of the Sp")}
    assert article["summary"]["health"] == {"no-url": 13}


def test_seed_sarif_points_at_line_23(seed_result: AuditResult) -> None:
    results = json.loads(render(seed_result, "sarif"))["runs"][0]["results"]
    tagged = next(r for r in results if r["ruleId"] == "citation-needed")
    assert tagged["locations"][0]["physicalLocation"]["region"] == {"startLine": 23, "startColumn": 1}


def seed_claims_counted_by_hand() -> int:
    """The seed's claims counted from its text alone, without the parser, by Wikipedia's convention.

    Above "See also": the infobox (the one block of several lines) gives one
    claim per row (11); every other block that is not an "… edit" heading is
    prose, cut after each run of markers ("[1][2]", "[citation needed]"),
    and each sentence of each piece is a claim (24): 35 in all.
    """
    body = SEED.read_text(encoding="utf-8").split("\nSee also edit\n")[0]
    count = 0
    for block in (b.strip() for b in body.split("\n\n") if b.strip()):
        rows = block.splitlines()
        if len(rows) > 1:
            count += len(rows)
        elif not block.endswith(" edit"):
            pieces = re.split(r"(?:\[(?:\d+|citation needed)\])+", block)
            sentences = (s for piece in pieces for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", piece))
            count += sum(1 for s in sentences if re.search(r"\w", s))
    return count


def test_seed_junit_has_a_case_per_reference_and_claim_and_fails_the_policy_findings(
    seed_result: AuditResult,
) -> None:
    root = ET.fromstring(render(seed_result, "junit"))
    assert root.get("failures") == "2"
    assert seed_claims_counted_by_hand() == len(seed_result.assessments[0].article.claims) == 35
    assert root.get("tests") == str(13 + 35)  # 13 numbered references in the seed's list, 35 claims


def test_seed_html_highlights_the_tagged_claim(seed_result: AuditResult) -> None:
    soup = BeautifulSoup(render(seed_result, "html"), "lxml")
    tagged = next(span for span in soup.find_all("span", class_="claim") if span.get_text() == CN_CLAIM)
    assert "hl-tagged" in tagged["class"]
    weak = soup.find("span", class_="hl-weak-only", attrs={"data-findings": True})
    assert weak.get_text().endswith("and only accepted Monero.")


def test_seed_json_validates_against_the_schema(seed_result: AuditResult) -> None:
    import jsonschema

    schema = json.loads(
        (Path(spector_refs.__file__).parent / "report" / "audit.schema.json").read_text("utf-8")
    )
    jsonschema.Draft202012Validator(schema).validate(json.loads(render(seed_result, "json")))
