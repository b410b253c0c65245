"""The SARIF 2.1.0 report, so code-scanning UIs annotate the article's source file.

Every finding kind is a rule (``tool.driver.rules``, from the registry in
:mod:`spector_refs.findings`, so a rule's default level is the assessor's);
each finding is a result at the line and column of its claim or reference,
and each dead URL a ``broken-link`` result at every reference citing it.
Columns count Unicode code points, as the parsers do, which the run declares with ``columnKind``. A partial
fingerprint built from the kind and the claim's text lets a viewer follow an
alert when the text moves to another line.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import quote

from spector_refs.findings import BROKEN_LINK, KINDS, FindingKind, kind_of
from spector_refs.model import Assessment, AuditResult, Severity
from spector_refs.policy import broken_links
from spector_refs.report import view
from spector_refs.version import __version__

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_SRCROOT = "%SRCROOT%"


def render(result: AuditResult) -> str:
    """The result as one SARIF run of the spector-refs tool."""
    return json.dumps(sarif_log(result), indent=2, ensure_ascii=False) + "\n"


def sarif_log(result: AuditResult) -> dict[str, Any]:
    """The SARIF log object (``version``, ``$schema``, ``runs``)."""
    rules = _rules(result)
    index = {rule.slug: i for i, rule in enumerate(rules)}
    results = [item for a in result.assessments for item in _results(a, index)]
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "spector-refs",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(rule) for rule in rules],
            }
        },
        "columnKind": "unicodeCodePoints",
        "results": results,
    }
    if any(_is_relative(a.article.path) for a in result.assessments):
        run["originalUriBaseIds"] = {_SRCROOT: {"description": {"text": "The directory the audit ran in."}}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rules(result: AuditResult) -> list[FindingKind]:
    """Every registered kind, then any kind a result holds that the registry does not name."""
    extra = {f.kind for a in result.assessments for f in a.findings} - set(KINDS)
    return [*KINDS.values(), *(kind_of(slug) for slug in sorted(extra))]


def _rule(kind: FindingKind) -> dict[str, Any]:
    return {
        "id": kind.slug,
        "name": "".join(part.capitalize() for part in kind.slug.split("-")),
        "shortDescription": {"text": kind.description},
        "fullDescription": {"text": kind.full_description},
        "helpUri": kind.help_url,
        "defaultConfiguration": {"level": _LEVEL[kind.severity]},
    }


def _results(assessment: Assessment, index: dict[str, int]) -> list[dict[str, Any]]:
    out = []
    for finding in assessment.findings:
        where = view.location(assessment, finding)
        subject = view.subject(assessment, finding)
        message = f"{finding.reason} ({view.describe(assessment, finding)})"
        out.append(
            _result(assessment, finding.kind, index, _LEVEL[finding.severity], message, where, subject)
        )
    for link in broken_links(assessment.links):
        archive = f" An archived copy: {link.archive_url}" if link.archive_url else ""
        for ref in view.citing_references(assessment, link):
            message = f"{ref.label} cites {link.url}: {link.reason}.{archive}"
            where = view.Location(ref.line, ref.column)
            level = _LEVEL[KINDS[BROKEN_LINK].severity]
            out.append(_result(assessment, BROKEN_LINK, index, level, message, where, link.url))
    return out


def _result(
    assessment: Assessment,
    rule_id: str,
    index: dict[str, int],
    level: str,
    message: str,
    where: view.Location,
    subject: str,
) -> dict[str, Any]:
    fingerprint = hashlib.sha256(f"{rule_id}\0{subject}".encode()).hexdigest()[:32]
    return {
        "ruleId": rule_id,
        "ruleIndex": index[rule_id],
        "level": level,
        "message": {"text": message},
        "locations": [_location(assessment, where)],
        "partialFingerprints": {"spectorRefs/v1": fingerprint},
    }


def _location(assessment: Assessment, where: view.Location) -> dict[str, Any]:
    """A physical location in the input file, or a logical one for input that was not a file."""
    path = assessment.article.path
    if not path:
        return {"logicalLocations": [{"name": view.title_of(assessment), "kind": "module"}]}
    artifact: dict[str, Any] = {"uri": _uri(path)}
    if _is_relative(path):
        artifact["uriBaseId"] = _SRCROOT
    region = {"startLine": where.line or 1}
    if where.column:
        region["startColumn"] = where.column
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _is_relative(path: str | None) -> bool:
    return path is not None and path != "" and not PurePath(path).is_absolute() and "://" not in path


def _uri(path: str) -> str:
    """A relative path as a URI reference (``/`` separators, spaces encoded); absolute ones as file URIs."""
    if "://" in path:
        return path
    pure = PurePath(path)
    if pure.is_absolute():
        return pure.as_uri()
    return quote(PurePosixPath(*pure.parts).as_posix())
