"""Every report of every real sample keeps its promises: schema-valid JSON, well-formed SARIF, one count.

The samples are every article the tests hold (the shared HTML and wikitext
samples, the trio and the seed), audited offline under a strict policy so
findings fail. The JSON must validate against the shipped
``audit.schema.json``; SARIF is checked against the structure the 2.1.0
specification requires of the parts we write (no copy of its schema ships
with the tests); and the "fails the policy" count must agree with the exit
code. The schema's closed vocabularies are compared with the code's, so a
new source format or claim block cannot drift out of the schema again.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from spector_refs.assess import assess
from spector_refs.model import (
    BLOCKS,
    SOURCE_FORMATS,
    AuditResult,
    Reliability,
    Severity,
    Verdict,
)
from spector_refs.parse import parse
from spector_refs.policy import exit_code
from spector_refs.report import render
from spector_refs.report.json import SCHEMA_FILE
from spector_refs.report.view import HEALTH

TESTS = Path(__file__).parent.parent
SEED = TESTS.parent / "spector_refs" / "data" / "operation_spector.txt"
SAMPLES = (
    *sorted(p for folder in ("html", "wikitext", "trio") for p in (TESTS / "fixtures" / folder).iterdir()
            if p.suffix != ".md"),
    SEED,
)  # fmt: skip
FAIL_ON = ("warning",)
SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
_SARIF_LEVELS = {"none", "note", "warning", "error"}


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.name for p in SAMPLES])
def sample(request: pytest.FixtureRequest) -> AuditResult:
    assessment = assess(parse(request.param))
    return AuditResult((assessment,), FAIL_ON, False, exit_code((assessment,), FAIL_ON))


def test_the_samples_are_all_there() -> None:
    assert len(SAMPLES) == 9
    assert {p.suffix for p in SAMPLES} == {".html", ".wiki", ".txt"}


def test_the_json_report_validates_against_the_shipped_schema(sample: AuditResult) -> None:
    jsonschema.Draft202012Validator(SCHEMA).validate(json.loads(render(sample, "json")))


def test_the_failing_count_agrees_with_the_exit_code(sample: AuditResult) -> None:
    summary = json.loads(render(sample, "json"))["summary"]
    assert (summary["failing"] > 0) == (sample.exit_code == 1)


def test_the_sarif_log_has_the_structure_sarif_2_1_0_requires(sample: AuditResult) -> None:
    log = json.loads(render(sample, "sarif"))
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str) and driver["name"]
    rules = driver["rules"]
    assert len({rule["id"] for rule in rules}) == len(rules)
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert rule["helpUri"].startswith("https://")
        assert rule["defaultConfiguration"]["level"] in _SARIF_LEVELS
    assert run["results"], "a strict policy over a real article finds something"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in _SARIF_LEVELS and result["message"]["text"]
        (location,) = result["locations"]
        region = location["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region.get("startColumn", 1) >= 1
        assert location["physicalLocation"]["artifactLocation"]["uri"]
        assert all(isinstance(v, str) for v in result["partialFingerprints"].values())


def _enum(*path: str) -> set[object]:
    node = SCHEMA["$defs"]
    for key in path:
        node = node[key]
    return set(node["enum"])


@pytest.mark.parametrize(
    ("path", "vocabulary"),
    [
        (("article", "properties", "source_format"), set(SOURCE_FORMATS)),
        (("claim", "properties", "block"), set(BLOCKS)),
        (("finding", "properties", "severity"), {s.value for s in Severity}),
        (("link", "properties", "verdict"), {v.value for v in Verdict}),
        (("source", "properties", "reliability"), {r.value for r in Reliability}),
        (("health",), set(HEALTH)),
    ],
    ids=lambda value: ".".join(value) if isinstance(value, tuple) else "",
)
def test_the_schema_enums_are_the_code_vocabularies(path: tuple[str, ...], vocabulary: set[str]) -> None:
    assert _enum(*path) == vocabulary
