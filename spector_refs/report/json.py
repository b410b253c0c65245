"""The machine-readable report: the versioned ``spector-refs/audit/1`` JSON schema.

CI jobs and other tools parse this, so its shape is an interface::

    {"schema": "spector-refs/audit/1", "exit_code", "fail_on", "links_checked", "baselined",
     "articles": [{"title", "path", "source_format",
                   "references": [<reference> + {"column", "source": <profile>, "link": <link> | null,
                                  "health"}],
                   "claims": [<claim>], "links": [<link>],
                   "findings": [<finding> + {"line", "column", "fails"}],
                   "problems": [str], "summary": {...}}],
     "summary": {...}}

References, claims, links, source profiles and findings have the shapes of
:mod:`spector_refs.serialize` (a finding has ``claim`` or ``reference``);
a finding's ``fails`` says whether the run's ``fail_on`` names it, and its
``line``/``column`` point at its claim or reference in the input file. Page
text kept for claim verification is left out. Adding keys keeps version 1;
renaming or removing one would make it version 2. The JSON Schema of the
format, ``audit.schema.json``, sits beside this module.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spector_refs.model import Assessment, AuditResult, Reference
from spector_refs.report import view
from spector_refs.serialize import (
    claim_to_dict,
    finding_to_dict,
    link_result_to_dict,
    reference_to_dict,
    source_profile_to_dict,
)

AUDIT_SCHEMA = "spector-refs/audit/1"
SCHEMA_FILE = Path(__file__).with_name("audit.schema.json")
"""The JSON Schema (draft 2020-12) of :data:`AUDIT_SCHEMA`, for validating reports."""


def render(result: AuditResult) -> str:
    """The whole result as indented JSON (UTF-8 text, not ASCII-escaped)."""
    return json.dumps(result_to_dict(result), indent=2, ensure_ascii=False) + "\n"


def result_to_dict(result: AuditResult) -> dict[str, Any]:
    """The audit result under :data:`AUDIT_SCHEMA`."""
    return {
        "schema": AUDIT_SCHEMA,
        "exit_code": result.exit_code,
        "fail_on": list(result.fail_on),
        "links_checked": result.links_checked,
        "baselined": result.baselined,
        "articles": [article_to_dict(assessment, result.fail_on) for assessment in result.assessments],
        "summary": view.result_summary(result),
    }


def article_to_dict(assessment: Assessment, fail_on: tuple[str, ...]) -> dict[str, Any]:
    """One entry of ``"articles"`` (also one line of a dump audit's JSON Lines)."""
    article = assessment.article
    failing = view.failing(assessment, fail_on)
    findings = []
    for finding in assessment.findings:
        where = view.location(assessment, finding)
        out = finding_to_dict(finding)
        out.update(line=where.line, column=where.column, fails=finding in failing)
        findings.append(out)
    return {
        "title": article.title,
        "path": article.path,
        "source_format": article.source_format,
        "references": [_reference(assessment, ref) for ref in article.references],
        "claims": [claim_to_dict(claim, i) for i, claim in enumerate(article.claims)],
        "links": [link_result_to_dict(link) for link in assessment.links],
        "findings": findings,
        "problems": list(article.problems),
        "summary": view.article_summary(assessment, fail_on),
    }


def _reference(assessment: Assessment, ref: Reference) -> dict[str, Any]:
    out = reference_to_dict(ref)
    link = view.link_for(assessment, ref)
    out["source"] = source_profile_to_dict(assessment.profile(ref))
    out["link"] = link_result_to_dict(link) if link else None
    out["health"] = view.health(assessment, ref)
    return out
