"""Link results as JSON-ready dicts, for the CLI, the reports and the cache.

The keys are part of the documented ``spector-refs/links/1`` schema; the
page text is left out (it can be a megabyte per link) and kept by the
cache on its own.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from spector_refs.model import CheckRecord, Hop, LinkResult, PageMeta, Verdict

LINKS_SCHEMA = "spector-refs/links/1"


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
    """What the page says it is: every :class:`PageMeta` field, authors as a list."""
    return {**asdict(meta), "authors": list(meta.authors)}


def page_meta_from_dict(data: dict[str, Any]) -> PageMeta:
    known = {key: data.get(key) for key in PageMeta.__dataclass_fields__ if key != "authors"}
    return PageMeta(**known, authors=tuple(data.get("authors") or ()))


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


def summary(results: list[LinkResult]) -> dict[str, int]:
    """How many results got each verdict, plus ``total``."""
    counts: dict[str, int] = {}
    for result in results:
        counts[str(result.verdict)] = counts.get(str(result.verdict), 0) + 1
    return {**dict(sorted(counts.items())), "total": len(results)}


def links_to_dict(results: list[LinkResult]) -> dict[str, Any]:
    """The whole ``spector-refs links --format json`` document."""
    return {
        "schema": LINKS_SCHEMA,
        "results": [link_result_to_dict(result) for result in results],
        "summary": summary(results),
    }
