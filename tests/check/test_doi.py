"""DOIs looked up at doi.org (``--identifiers``): existence, registered title, cache (doi.org mocked)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import requests
import responses

from spector_refs.audit import audit
from spector_refs.check import LinkCheckConfig
from spector_refs.check.doi import HANDLE_API, RESOLVER, doi_lookup_url, lookup_dois
from spector_refs.config import Config
from spector_refs.model import Article, Reference, Verdict

DOI = "10.1038/nature12373"
MISSING = "10.1038/nature99999"
TITLE = "Nanometre-scale thermometry in a living cell"


def clock() -> datetime:
    return datetime(2024, 5, 1, 12, tzinfo=UTC)


@pytest.fixture
def doi_org():
    with responses.RequestsMock(assert_all_requests_are_fired=False) as mock:
        mock.get(HANDLE_API + DOI, json={"responseCode": 1, "handle": DOI, "values": []})
        mock.get(RESOLVER + DOI, json={"type": "article-journal", "title": TITLE, "DOI": DOI})
        mock.get(HANDLE_API + MISSING, status=404, json={"responseCode": 100, "handle": MISSING})
        yield mock


def test_an_existing_doi_carries_its_registered_title(doi_org):
    [result] = lookup_dois([DOI], LinkCheckConfig(), clock=clock)
    assert (result.url, result.verdict, result.status_code) == (doi_lookup_url(DOI), Verdict.OK, 200)
    assert result.meta is not None and result.meta.citation_title == TITLE
    resolver_call = next(call for call in doi_org.calls if call.request.url == RESOLVER + DOI)
    assert resolver_call.request.headers["Accept"] == "application/vnd.citationstyles.csl+json"


def test_an_unknown_doi_is_broken(doi_org):
    [result] = lookup_dois([MISSING], LinkCheckConfig(), clock=clock)
    assert result.verdict is Verdict.BROKEN and "responseCode 100" in result.reason


def test_malformed_dois_are_not_sent(doi_org):
    assert lookup_dois(["10.5555/x", "not a doi"], LinkCheckConfig(), clock=clock) == []
    assert len(doi_org.calls) == 0


def test_doi_org_unreachable_is_no_verdict_on_the_doi():
    with responses.RequestsMock() as mock:
        mock.get(HANDLE_API + DOI, body=requests.ConnectionError("no route"))
        [result] = lookup_dois([DOI], LinkCheckConfig(), clock=clock)
    assert result.verdict is Verdict.TIMEOUT


def test_lookups_are_cached_like_links(doi_org, tmp_path):
    config = LinkCheckConfig(cache_path=str(tmp_path / "links.sqlite3"))
    [first] = lookup_dois([DOI], config, clock=clock)
    calls = len(doi_org.calls)
    [again] = lookup_dois([DOI], config, clock=clock)
    assert len(doi_org.calls) == calls and again.from_cache
    assert again.meta == first.meta and again.verdict is Verdict.OK


def test_audit_with_identifiers_reports_unknown_and_misregistered_dois(doi_org):
    refs = (
        Reference(1, title="Some other paper entirely", kind="journal", identifiers={"doi": DOI}),
        Reference(2, title="A paper", kind="journal", identifiers={"doi": MISSING}),
    )
    article = Article(title="A", source_format="wikitext", references=refs)
    config = Config(links=LinkCheckConfig(identifiers=True))
    result = audit([article], config)
    found = {(f.reference, f.reason) for f in result.assessments[0].findings if f.kind == "bad-identifier"}
    assert found == {
        (1, f"DOI {DOI} is registered for {TITLE!r}, not for the cited 'Some other paper entirely'"),
        (2, f"DOI {MISSING}: doi.org does not know this DOI"),
    }


def test_without_the_flag_doi_org_is_never_asked(doi_org):
    article = Article(
        title="A", source_format="wikitext", references=(Reference(1, identifiers={"doi": DOI}),)
    )
    audit([article], Config())
    assert len(doi_org.calls) == 0
