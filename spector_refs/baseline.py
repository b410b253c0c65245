"""Baselines: adopt the audit in CI by failing only on what is new, the way linters enter old code.

``--write-baseline FILE`` records every finding and dead link of today's run;
``--baseline FILE`` then leaves those out, so the report and the exit code
are about new problems only. A finding is matched by its kind and a
fingerprint of its article's title and the normalised text it is about (the
claim, the reference, the dead URL) — never its line, so edits elsewhere in
the article do not resurrect it. Identical findings are counted, so a second
copy of a baselined problem is still new. The file is versioned JSON
(``spector-refs/baseline/1``), sorted so it diffs well in review.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from spector_refs.errors import InputError
from spector_refs.findings import BROKEN_LINK
from spector_refs.model import Assessment, AuditResult, Finding, LinkResult
from spector_refs.policy import broken_links, exit_code

BASELINE_SCHEMA = "spector-refs/baseline/1"


@dataclass(frozen=True)
class Entry:
    """One recorded problem: its kind, its fingerprint, and a note for the human reading the file."""

    kind: str
    fingerprint: str
    article: str
    text: str


def normalise(text: str) -> str:
    """Text as compared across runs: Unicode-normalised, case-folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def fingerprint(article: str, kind: str, text: str) -> str:
    """A stable hash of what a problem is, independent of where in the file it sits."""
    key = "\0".join((normalise(article), kind, normalise(text)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def entries(result: AuditResult) -> list[Entry]:
    """Every finding and dead link of a run as baseline entries, sorted."""
    out = [
        *(_finding_entry(a, f) for a in result.assessments for f in a.findings),
        *(_link_entry(a, link) for a in result.assessments for link in broken_links(a.links)),
    ]
    return sorted(out, key=lambda e: (e.article, e.kind, e.fingerprint))


def to_json(result: AuditResult) -> str:
    """The baseline file of a run."""
    data = {"schema": BASELINE_SCHEMA, "findings": [vars(entry) for entry in entries(result)]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def read_baseline(path: str | Path) -> Counter[tuple[str, str]]:
    """The (kind, fingerprint) pairs a baseline file records, with how often each occurs."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such baseline file (create it with --write-baseline)") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a readable baseline file ({exc})") from None
    if not isinstance(data, dict) or data.get("schema") != BASELINE_SCHEMA:
        raise InputError(f"{path}: not a {BASELINE_SCHEMA} file (write one with --write-baseline)")
    return Counter(_pair(path, item) for item in data.get("findings", []))


def apply_baseline(result: AuditResult, known: Counter[tuple[str, str]]) -> AuditResult:
    """The result without the problems the baseline records, judged again by the same policy."""
    left = Counter(known)
    assessments = tuple(_new_only(assessment, left) for assessment in result.assessments)
    hidden = sum(len(a.findings) + len(a.links) for a in result.assessments) - sum(
        len(a.findings) + len(a.links) for a in assessments
    )
    return replace(
        result,
        assessments=assessments,
        exit_code=exit_code(assessments, result.fail_on),
        baselined=result.baselined + hidden,
    )


def _new_only(assessment: Assessment, left: Counter[tuple[str, str]]) -> Assessment:
    """Drop baselined findings and dead links, each baseline entry matching one problem."""
    findings = [f for f in assessment.findings if not _take(left, _finding_entry(assessment, f))]
    links = [
        link
        for link in assessment.links
        if not (link.verdict.is_dead and _take(left, _link_entry(assessment, link)))
    ]
    return replace(assessment, findings=tuple(findings), links=tuple(links))


def _take(left: Counter[tuple[str, str]], entry: Entry) -> bool:
    key = (entry.kind, entry.fingerprint)
    if left[key] <= 0:
        return False
    left[key] -= 1
    return True


def _finding_entry(assessment: Assessment, finding: Finding) -> Entry:
    return _entry(assessment, finding.kind, _finding_text(assessment, finding))


def _link_entry(assessment: Assessment, link: LinkResult) -> Entry:
    return _entry(assessment, BROKEN_LINK, link.url)


def _entry(assessment: Assessment, kind: str, text: str) -> Entry:
    article = assessment.article.title or Path(assessment.article.path or "").name
    return Entry(kind, fingerprint(article, kind, text), article, text[:120])


def _finding_text(assessment: Assessment, finding: Finding) -> str:
    """What a finding is about, in words that survive moving it: claim text, reference text."""
    claims = assessment.article.claims
    if finding.claim is not None and 0 <= finding.claim < len(claims):
        return claims[finding.claim].text
    if finding.reference is not None:
        ref = assessment.article.reference(finding.reference, finding.group)
        if ref is not None:
            return ref.raw or " ".join(filter(None, (ref.title, ref.work, ref.url)))
    return finding.text


def _pair(path: str | Path, item: Any) -> tuple[str, str]:
    if (
        not isinstance(item, dict)
        or not isinstance(item.get("kind"), str)
        or not isinstance(item.get("fingerprint"), str)
    ):
        raise InputError(f"{path}: every baseline entry needs a kind and a fingerprint")
    return item["kind"], item["fingerprint"]
