"""The JSON report: the versioned schema's keys, and values taken from the result unchanged."""

from __future__ import annotations

import json

import pytest
from report_sample import ARCHIVE, HOSTILE_TITLE

from spector_refs.model import AuditResult
from spector_refs.report import render
from spector_refs.report.json import SCHEMA_FILE

ARTICLE_KEYS = {
    "title",
    "path",
    "source_format",
    "references",
    "claims",
    "links",
    "findings",
    "problems",
    "summary",
}


def _load(result: AuditResult) -> dict:
    return json.loads(render(result, "json"))


def test_top_level_keys_and_schema(result: AuditResult) -> None:
    data = _load(result)
    assert set(data) == {
        "schema",
        "exit_code",
        "fail_on",
        "links_checked",
        "baselined",
        "articles",
        "summary",
    }
    assert data["schema"] == "spector-refs/audit/1"
    assert data["exit_code"] == 1
    assert data["fail_on"] == ["broken-links", "citation-needed", "weak-only"]
    assert data["links_checked"] is True
    assert [set(article) for article in data["articles"]] == [ARTICLE_KEYS, ARTICLE_KEYS]


def test_references_carry_source_link_and_health(result: AuditResult) -> None:
    refs = _load(result)["articles"][0]["references"]
    first, second, _, book, odd = refs
    assert first["title"] == HOSTILE_TITLE
    assert first["link"]["verdict"] == "broken"
    assert first["link"]["archive_url"] == ARCHIVE
    assert first["health"] == "broken"
    assert (first["line"], first["column"]) == (20, 4)
    assert second["source"] == {
        "reliability": "generally-reliable",
        "kind": "news",
        "matched": "reuters.com",
        "reason": "perennial sources: Reuters",
    }
    assert book["link"] is None and book["health"] == "no-url"
    assert odd["link"]["verdict"] == "unsupported" and odd["health"] == "unchecked"


def test_findings_point_at_claim_or_reference_with_position_and_policy(result: AuditResult) -> None:
    findings = _load(result)["articles"][0]["findings"]
    by_kind = {f["kind"]: f for f in findings}
    tagged = by_kind["citation-needed"]
    assert (tagged["claim"], tagged["line"], tagged["column"], tagged["fails"]) == (1, 1, 48, True)
    assert "reference" not in tagged
    dated = by_kind["missing-date"]
    assert (dated["reference"], dated["line"], dated["fails"]) == (1, 20, False)
    assert by_kind["weak-only"]["evidence"] == ["ref 3: blog.example (blog)"]


def test_summaries_count_what_the_articles_hold(result: AuditResult) -> None:
    data = _load(result)
    busy = data["articles"][0]["summary"]
    assert busy["references"] == 5 and busy["claims"] == 5 and busy["findings"] == 6
    assert busy["failing"] == 3 and busy["broken_links"] == 1  # two findings and the dead link
    assert busy["health"] == {"ok": 1, "redirected": 1, "broken": 1, "unchecked": 1, "no-url": 1}
    assert busy["by_kind"]["uncited"] == 1
    assert data["summary"]["articles"] == 2
    assert data["summary"]["references"] == 6
    assert data["summary"]["by_severity"] == {"warning": 4, "info": 2}


def test_claims_and_problems_are_kept(result: AuditResult) -> None:
    article = _load(result)["articles"][0]
    assert article["claims"][1]["tags"] == ["citation needed"]
    assert article["claims"][0]["refs"] == [1, 2]
    assert article["problems"] == ["line 30: unreadable reference"]
    assert article["path"] == "art/t 1.txt"
    assert _load(result)["articles"][1]["path"] is None


def test_output_validates_against_the_shipped_json_schema(result: AuditResult) -> None:
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(_load(result))
    jsonschema.Draft202012Validator(schema).validate(_load(AuditResult()))


def test_the_schema_rejects_a_finding_without_its_policy_flag(result: AuditResult) -> None:
    import jsonschema

    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    data = _load(result)
    del data["articles"][0]["findings"][0]["fails"]
    with pytest.raises(jsonschema.ValidationError, match="'fails' is a required property"):
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)
