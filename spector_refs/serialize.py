"""The model's records as plain JSON-ready dicts, and back where a cache needs them.

The JSON schemas are part of the interface (CI jobs and other tools parse
them), so each record's keys are written once, here, and every document that
carries the record uses them: a reference, claim, link result, source profile
or finding has one shape in ``parse``, ``links`` and ``audit`` output alike
(the documents themselves, with their ``"schema"`` names, are assembled in
:mod:`spector_refs.report`). A link result leaves out the page text (it can be
a megabyte per link); the link cache keeps that on its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spector_refs.model import CheckRecord, Hop, LinkResult, PageMeta, Verdict

if TYPE_CHECKING:
    from spector_refs.model import Claim, Finding, Reference, SourceProfile

_REFERENCE_FIELDS = (
    "number", "group", "cite_count", "kind", "name", "title", "trans_title", "chapter", "work",
    "publisher", "place", "edition", "series", "conference", "others", "volume", "issue", "pages", "date",
    "original_date", "access_date", "archive_date", "url", "archive_url", "url_status", "language",
    "quote",
)  # fmt: skip


def reference_to_dict(ref: Reference) -> dict[str, Any]:
    """A reference with every documented key present (None where unknown)."""
    out: dict[str, Any] = {name: getattr(ref, name) for name in _REFERENCE_FIELDS}
    out["authors"] = [name.to_dict() for name in ref.authors]
    out["authors_truncated"] = ref.authors_truncated
    out["editors"] = [name.to_dict() for name in ref.editors]
    out["translators"] = [name.to_dict() for name in ref.translators]
    out["revisers"] = [name.to_dict() for name in ref.revisers]
    out["issn"], out["isbn"], out["doi"] = ref.issn, ref.isbn, ref.doi
    out["identifiers"] = dict(ref.identifiers)
    out["maintenance"] = list(ref.maintenance)
    out["problems"] = list(ref.problems)
    out["tags"] = list(ref.tags)
    out["line"] = ref.line
    out["column"] = ref.column
    out["raw"] = ref.raw
    return out


def claim_to_dict(claim: Claim, index: int) -> dict[str, Any]:
    """A claim with its index (findings point at claims by index)."""
    return {
        "index": index,
        "text": claim.text,
        "section": claim.section,
        "refs": list(claim.refs),
        "notes": list(claim.notes),
        "tags": list(claim.tags),
        "block": claim.block,
        "paragraph": claim.paragraph,
        "line": claim.line,
        "column": claim.column,
    }


def check_record_to_dict(record: CheckRecord) -> dict[str, Any]:
    return {
        "checked_at": record.checked_at,
        "verdict": str(record.verdict),
        "status_code": record.status_code,
    }


def link_result_to_dict(result: LinkResult) -> dict[str, Any]:
    """One result with every documented key present (None where unknown)."""
    return {
        "url": result.url,
        "verdict": str(result.verdict),
        "status_code": result.status_code,
        "final_url": result.final_url,
        "redirects": [{"url": hop.url, "status_code": hop.status_code} for hop in result.redirects],
        "reason": result.reason,
        "checked_at": result.checked_at,
        "history": [check_record_to_dict(record) for record in result.history],
        "dead": result.dead,
        "archive_url": result.archive_url,
        "archive_date": result.archive_date,
        "suggested_url": result.suggested_url,
        "content_type": result.content_type,
        "elapsed": result.elapsed,
        "from_cache": result.from_cache,
        "metadata": page_meta_to_dict(result.meta) if result.meta else None,
    }


def page_meta_to_dict(meta: PageMeta) -> dict[str, Any]:
    """What the page says it is: every :class:`PageMeta` field, authors and kinds as lists.

    The fields are read one by one: :func:`dataclasses.asdict` deep-copies
    each value, 25 times slower, and every result written to the link cache
    or a report passes through here.
    """
    fields = {name: getattr(meta, name) for name in PageMeta.__dataclass_fields__}
    return {**fields, "authors": list(meta.authors), "kinds": list(meta.kinds)}


def page_meta_from_dict(data: dict[str, Any]) -> PageMeta:
    known = {key: data.get(key) for key in PageMeta.__dataclass_fields__ if key not in ("authors", "kinds")}
    return PageMeta(**known, authors=tuple(data.get("authors") or ()), kinds=tuple(data.get("kinds") or ()))


def link_result_from_dict(data: dict[str, Any], *, text: str | None = None) -> LinkResult:
    """The inverse of :func:`link_result_to_dict` (the cache stores that form)."""
    return LinkResult(
        url=data["url"],
        verdict=Verdict(data["verdict"]),
        reason=data["reason"],
        status_code=data.get("status_code"),
        final_url=data.get("final_url"),
        redirects=tuple(Hop(hop["url"], hop["status_code"]) for hop in data.get("redirects", ())),
        checked_at=data.get("checked_at"),
        history=tuple(check_record_from_dict(item) for item in data.get("history", ())),
        dead=bool(data.get("dead")),
        suggested_url=data.get("suggested_url"),
        archive_url=data.get("archive_url"),
        archive_date=data.get("archive_date"),
        content_type=data.get("content_type"),
        text=text,
        elapsed=data.get("elapsed"),
        from_cache=bool(data.get("from_cache")),
        meta=page_meta_from_dict(data["metadata"]) if data.get("metadata") else None,
    )


def check_record_from_dict(data: dict[str, Any]) -> CheckRecord:
    return CheckRecord(data["checked_at"], Verdict(data["verdict"]), data.get("status_code"))


def source_profile_to_dict(profile: SourceProfile) -> dict[str, Any]:
    """A reference's ``"source"`` object."""
    return {
        "reliability": profile.reliability.value,
        "kind": profile.kind,
        "matched": profile.matched,
        "reason": profile.reason,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    """One entry of ``"findings"``: about a claim (its index) or a reference (its number)."""
    out: dict[str, Any] = {"kind": finding.kind, "severity": finding.severity.value}
    if finding.claim is not None:
        out["claim"] = finding.claim
    if finding.reference is not None:
        out["reference"] = finding.reference
        if finding.group is not None:
            out["group"] = finding.group
    out.update(text=finding.text, reason=finding.reason, evidence=list(finding.evidence))
    return out
