"""The whole pipeline for one or more articles: parse → check links → assess → judge.

Link checks of all articles share one configuration and one cache, so a URL
cited by several articles is fetched once per run (within the cache's
max-age). The result carries the policy and the exit code it produced, so
every report renders the same verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from spector_refs.assess import assess
from spector_refs.check import check_links
from spector_refs.config import Config
from spector_refs.model import Article, Assessment, AuditResult
from spector_refs.policy import exit_code


def audit(
    articles: Iterable[Article],
    config: Config | None = None,
    *,
    links: bool = True,
    progress: bool = False,
) -> AuditResult:
    """Audit parsed articles under ``config``; ``links=False`` skips the network."""
    config = config or Config()
    assessments = tuple(_audit_one(article, config, links=links, progress=progress) for article in articles)
    return AuditResult(
        assessments=assessments,
        fail_on=config.fail_on,
        links_checked=links,
        exit_code=exit_code(assessments, config.fail_on),
    )


def _audit_one(article: Article, config: Config, *, links: bool, progress: bool) -> Assessment:
    has_urls = any(ref.url or ref.archive_url for ref in article.references)
    results = check_links(article, config.links, progress=progress) if links and has_urls else []
    return assess(article, results, config.assess)
