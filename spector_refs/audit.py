"""The whole pipeline for one or more articles: parse → check links → assess → judge.

The URLs of all articles are checked in one pass, so a URL cited by several
articles is fetched once per run (cache or not) and the scheduler can
interleave hosts across articles. The result carries the policy and the exit
code it produced, so every report renders the same verdict.
"""

from __future__ import annotations

from collections.abc import Iterable

from spector_refs.assess import assess
from spector_refs.check import check_links
from spector_refs.check.checker import utc_now
from spector_refs.check.doi import doi_lookup_url, lookup_dois
from spector_refs.config import Config
from spector_refs.model import Article, AuditResult, LinkResult, distinct_targets
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
    articles = list(articles)
    checked = _check_all(articles, config, progress=progress) if links else {}
    if links and config.links.identifiers:
        checked.update(_look_up_dois(articles, config))
    assessments = tuple(assess(article, _links_of(article, checked), config.assess) for article in articles)
    return AuditResult(
        assessments=assessments,
        fail_on=config.fail_on,
        links_checked=links,
        exit_code=exit_code(assessments, config.fail_on),
    )


def _links_of(article: Article, checked: dict[str, LinkResult]) -> list[LinkResult]:
    """This article's share of the run's link results (and DOI lookups), in its own order."""
    urls = [target.url for target in article.link_targets()] + [doi_lookup_url(d) for d in _dois(article)]
    return [checked[url] for url in dict.fromkeys(urls) if url in checked]


def _dois(article: Article) -> list[str]:
    return [ref.identifiers["doi"] for ref in article.references if ref.identifiers.get("doi")]


def _look_up_dois(articles: list[Article], config: Config) -> dict[str, LinkResult]:
    """Every article's DOIs looked up at doi.org once (``--identifiers``), by lookup URL."""
    dois = [doi for article in articles for doi in _dois(article)]
    return {result.url: result for result in lookup_dois(dois, config.links, clock=utc_now)}


def _check_all(articles: list[Article], config: Config, *, progress: bool) -> dict[str, LinkResult]:
    """Every distinct URL of every article, checked once, by URL."""
    targets = distinct_targets(target for article in articles for target in article.link_targets())
    if not targets:
        return {}
    results = check_links(targets, config.links, progress=progress)
    return {target.url: result for target, result in zip(targets, results, strict=True)}
