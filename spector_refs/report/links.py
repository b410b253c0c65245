"""What ``spector-refs links`` prints (one verdict per URL, as JSON or text) and ``bib --check-links`` adds.

The JSON document is the versioned ``spector-refs/links/1`` schema (see
``docs/links.md``); each result is the shared shape of
:func:`spector_refs.serialize.link_result_to_dict`, which the audit report
and the link cache use too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spector_refs.model import LinkResult, Verdict

if TYPE_CHECKING:
    from spector_refs.model import Article
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


def bib_link_feedback(article: Article, results: list[LinkResult]) -> list[str]:
    """What the check found that changes the bibliography: dead links, moved pages, and a count."""
    labels: dict[str, list[str]] = {}
    for ref in article.references:
        if ref.url:
            labels.setdefault(ref.url, []).append(ref.label)
    lines = []
    for result in results:
        cited = ", ".join(labels.get(result.url, ())) or "link"
        if result.verdict.is_dead:
            lines.append(f"{cited}: {result.verdict} {result.url} ({result.reason})")
        elif result.verdict is Verdict.NETWORK_UNAVAILABLE:
            lines.append(f"{cited}: not checked, the network is unavailable ({result.reason})")
        elif result.suggested_url:
            lines.append(f"{cited}: moved permanently to {result.suggested_url}; the entry cites the new URL")
    dead = sum(result.verdict.is_dead for result in results)
    lines.append(f"{dead} of {len(results)} links dead (broken, soft-404, usurped or looping)")
    return lines
