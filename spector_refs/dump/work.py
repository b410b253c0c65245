"""What one task does with one partition: parse, assess and encode every page.

These functions run in worker processes (local or Dask), so everything
they take and return is picklable, and they return the partition's encoded
output rather than writing it: the driver owns the output files, which is
what lets a cluster without a shared file system write them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from spector_refs.assess import assess
from spector_refs.check.cache import LinkHistory, open_cache
from spector_refs.check.urls import precheck
from spector_refs.config import Config
from spector_refs.dump.source import DumpPage, PageFilter, Partition
from spector_refs.model import Article, Assessment, AuditResult, LinkResult, LinkTarget, distinct_targets
from spector_refs.parse.wikitext import parse_wikitext
from spector_refs.policy import exit_code, merge_exit_codes
from spector_refs.report import view
from spector_refs.report.json import article_to_dict

Encoder = Callable[[list[dict[str, Any]]], Any]


@dataclass(frozen=True)
class Job:
    """The settings every task of a run shares.

    ``links_since`` is set when links were checked in an earlier phase: the
    tasks then read each URL's result from the shared link history, taking
    results recorded at or after that time.
    """

    config: Config
    wanted: PageFilter
    encode: Encoder
    links_since: str | None = None


@dataclass(frozen=True)
class PartitionResult:
    """A finished partition: its encoded records and the counts the run adds up."""

    number: int
    pages: int
    citations: int
    payload: Any
    summary: dict[str, Any]
    exit_code: int


def audit_partition(partition: Partition, job: Job) -> PartitionResult:
    """Audit every wanted page of ``partition``; one record per page."""
    cache = (
        open_cache(job.config.links.cache_path) if job.links_since and job.config.links.cache_path else None
    )
    records: list[dict[str, Any]] = []
    summary: dict[str, Any] = {}
    code = 0
    citations = 0
    try:
        for page in partition.read(job.wanted):
            article = page_article(page)
            links = _links(article, cache, job) if cache is not None else []
            assessment = assess(article, links, job.config.assess)
            records.append(page_record(page, assessment, job.config.fail_on))
            summary = merge_summaries(summary, _summary(assessment, job))
            code = merge_exit_codes(code, exit_code([assessment], job.config.fail_on))
            citations += len(article.references)
    finally:
        if cache is not None:
            cache.close()
    return PartitionResult(partition.number, len(records), citations, job.encode(records), summary, code)


def partition_urls(partition: Partition, wanted: PageFilter) -> list[LinkTarget]:
    """Every distinct URL the partition's pages cite (the first pass of a link-checking run)."""
    return distinct_targets(
        target for page in partition.read(wanted) for target in page_article(page).link_targets()
    )


def page_article(page: DumpPage) -> Article:
    """The page's wikitext parsed as an article named by its title."""
    return replace(parse_wikitext(page.text, title=page.title), path=None)


def page_record(page: DumpPage, assessment: Assessment, fail_on: tuple[str, ...]) -> dict[str, Any]:
    """The audit schema's article object, with the page's identity in the dump first."""
    return {
        "page_id": page.page_id,
        "revision_id": page.revision_id,
        "namespace": page.namespace,
        **article_to_dict(assessment, fail_on),
    }


def _links(article: Article, cache: LinkHistory, job: Job) -> list[LinkResult]:
    """The article's link results from the shared history; unrequested URLs judged here."""
    targets = article.link_targets()
    found = cache.fresh([t.url for t in targets], since=job.links_since or "")
    results = []
    for target in targets:
        result = found.get(target.url)
        verdict = None if result else precheck(target.url, job.config.links)
        if verdict is not None:
            result = LinkResult(target.url, verdict[0], verdict[1])
        if result is not None:
            results.append(result)
    return results


def _summary(assessment: Assessment, job: Job) -> dict[str, Any]:
    return view.result_summary(AuditResult(assessments=(assessment,), fail_on=job.config.fail_on))


def merge_summaries(left: dict[str, Any], right: dict[str, Any]) -> dict[str, Any]:
    """Two run summaries added up: counts summed, per-kind tables merged."""
    merged = dict(left)
    for key, value in right.items():
        if isinstance(value, dict):
            merged[key] = dict(Counter(merged.get(key, {})) + Counter(value))
        else:
            merged[key] = merged.get(key, 0) + value
    return merged
