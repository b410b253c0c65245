"""DOIs looked up at doi.org (opt-in): does the DOI exist, and under which title?

The handle API (``https://doi.org/api/handles/<doi>``) answers for every DOI
without passing through a publisher's site, so no bot wall stands in the way:
``responseCode`` 1 means the DOI exists, 100 (HTTP 404) that it does not.
The registered title comes from doi.org's content negotiation (CSL JSON from
the registration agency, Crossref or DataCite). Each lookup is a
:class:`~spector_refs.model.LinkResult` for the handle URL, so it is cached,
reused and aged exactly like a link check; the registered title travels in
``meta.citation_title``. Sending DOIs to doi.org discloses what an article
cites, so this only runs when asked (``--identifiers``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from urllib.parse import quote

import requests

from spector_refs.check.cache import open_cache
from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.identifiers import doi_fault
from spector_refs.model import LinkResult, PageMeta, Verdict

HANDLE_API = "https://doi.org/api/handles/"
RESOLVER = "https://doi.org/"
CSL_JSON = "application/vnd.citationstyles.csl+json"


def doi_lookup_url(doi: str) -> str:
    """The handle-API URL a DOI's lookup is cached under (DOIs are case-insensitive)."""
    return HANDLE_API + quote(doi.strip().lower(), safe="/:;()._-")


def lookup_dois(
    dois: Iterable[str],
    config: LinkCheckConfig,
    *,
    clock: Callable[[], datetime],
    session: requests.Session | None = None,
) -> list[LinkResult]:
    """One lookup per distinct well-formed DOI; fresh cached lookups are reused."""
    wanted = list(dict.fromkeys(d.strip() for d in dois if d and doi_fault(d.strip()) is None))
    cache = open_cache(config.cache_path) if config.cache_path else None
    own = session is None
    session = session or _session(config)
    try:
        since = (clock() - timedelta(seconds=config.max_age)).strftime("%Y-%m-%dT%H:%M:%SZ")
        fresh = cache.fresh([doi_lookup_url(d) for d in wanted], since=since) if cache else {}
        results = []
        for doi in wanted:
            result = fresh.get(doi_lookup_url(doi)) or lookup_doi(session, doi, config, clock)
            if cache is not None and not result.from_cache:
                cache.record(result)
            results.append(result)
        return results
    finally:
        if own:
            session.close()
        if cache is not None:
            cache.close()


def lookup_doi(
    session: requests.Session, doi: str, config: LinkCheckConfig, clock: Callable[[], datetime]
) -> LinkResult:
    """Ask the handle API whether the DOI exists, then doi.org for its registered title."""
    url = doi_lookup_url(doi)
    checked_at = clock().strftime("%Y-%m-%dT%H:%M:%SZ")
    timeout = (config.connect_timeout, config.timeout)
    try:
        answer = session.get(url, timeout=timeout)
        code = answer.json().get("responseCode") if answer.content else None
    except (requests.RequestException, ValueError, AttributeError) as exc:
        return LinkResult(
            url, Verdict.TIMEOUT, f"doi.org could not be asked ({type(exc).__name__})", checked_at=checked_at
        )
    if answer.status_code == 404 or code == 100:
        return LinkResult(
            url, Verdict.BROKEN, "handle not found (responseCode 100)", 404, checked_at=checked_at
        )
    if answer.status_code != 200 or code != 1:
        reason = f"unexpected answer (HTTP {answer.status_code}, responseCode {code})"
        return LinkResult(url, Verdict.SERVER_ERROR, reason, answer.status_code, checked_at=checked_at)
    title = registered_title(session, doi, timeout)
    meta = PageMeta(citation_title=title) if title else None
    return LinkResult(
        url, Verdict.OK, "the DOI exists (responseCode 1)", 200, checked_at=checked_at, meta=meta
    )


def registered_title(session: requests.Session, doi: str, timeout: tuple[float, float]) -> str | None:
    """The title the registration agency holds for the DOI (CSL JSON), or None if it cannot say."""
    try:
        answer = session.get(
            RESOLVER + quote(doi, safe="/:;()._-"), headers={"Accept": CSL_JSON}, timeout=timeout
        )
        answer.raise_for_status()
        title = answer.json().get("title")
    except (requests.RequestException, ValueError, AttributeError):
        return None
    if isinstance(title, list):
        title = next((item for item in title if isinstance(item, str)), None)
    return " ".join(title.split()) if isinstance(title, str) and title.strip() else None


def _session(config: LinkCheckConfig) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.headers["User-Agent"] = config.user_agent
    return session
