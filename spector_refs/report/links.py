"""What ``spector-refs links`` prints: one verdict per URL, as JSON or text.

The JSON document is the versioned ``spector-refs/links/1`` schema (see
``docs/links.md``); each result is the shared shape of
:func:`spector_refs.serialize.link_result_to_dict`, which the audit report
and the link cache use too.
"""

from __future__ import annotations

from typing import Any

from spector_refs.model import LinkResult
from spector_refs.serialize import link_result_to_dict

LINKS_SCHEMA = "spector-refs/links/1"


def verdict_counts(results: list[LinkResult]) -> dict[str, int]:
    """How many results got each verdict, plus ``total``."""
    counts: dict[str, int] = {}
    for result in results:
        counts[str(result.verdict)] = counts.get(str(result.verdict), 0) + 1
    return {**dict(sorted(counts.items())), "total": len(results)}


def links_document(results: list[LinkResult]) -> dict[str, Any]:
    """The whole ``spector-refs links --format json`` document."""
    return {
        "schema": LINKS_SCHEMA,
        "results": [link_result_to_dict(result) for result in results],
        "summary": verdict_counts(results),
    }


def links_text(results: list[LinkResult]) -> str:
    """One line per link (verdict, URL, reason), details indented below it."""
    lines = []
    for result in results:
        lines.append(f"{result.verdict:<19} {result.url}")
        lines.append(f"{'':<19} {result.reason}")
        details = (
            ("final URL", result.final_url if result.redirects else None),
            ("suggested URL", result.suggested_url),
            ("archive copy", _archive(result)),
            ("dead", "failing over the configured period" if result.dead else None),
            ("history", _history(result)),
            ("cached", result.checked_at if result.from_cache else None),
        )
        lines += [f"{'':<19} {label}: {value}" for label, value in details if value]
    counts = verdict_counts(results)
    total = counts.pop("total")
    lines.append(f"{total} links: " + ", ".join(f"{count} {verdict}" for verdict, count in counts.items()))
    return "\n".join(lines)


def _archive(result: LinkResult) -> str | None:
    if not result.archive_url:
        return None
    return f"{result.archive_url} ({result.archive_date})" if result.archive_date else result.archive_url


def _history(result: LinkResult) -> str | None:
    if not result.history:
        return None
    return ", ".join(f"{record.checked_at} {record.verdict}" for record in result.history[-5:])
