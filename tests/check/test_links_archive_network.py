"""Archive suggestions (the Wayback API via ``responses``, cited pages on loopback) and an offline machine."""

from __future__ import annotations

import errno
import socket
from urllib.parse import parse_qs, urlsplit

import pytest
import responses

from spector_refs.check import LinkCheckConfig, LinkChecker, check_links
from spector_refs.model import Article, LinkTarget, Reference, Verdict

API = "https://archive.org/wayback/available"
PUBLIC = "93.184.215.14"


def wayback(timestamp: str, url: str) -> dict:
    return {
        "url": url,
        "archived_snapshots": {
            "closest": {
                "status": "200",
                "available": True,
                "timestamp": timestamp,
                "url": f"http://web.archive.org/web/{timestamp}/{url}",
            },
        },
    }


@pytest.fixture
def news(server, public_web):
    """news.test (a public name) served by the loopback ``server``: unknown paths answer 404."""
    return public_web({"news.test": server})


@pytest.fixture
def news_dns(fake_dns):
    return fake_dns({"news.test": PUBLIC})


@responses.activate
def test_a_broken_link_gets_the_snapshot_closest_to_its_access_date(news):
    url = "http://news.test/2023/05/spector"
    responses.get(API, json=wayback("20230503101500", url))
    config = LinkCheckConfig(archive_lookup=True)
    with LinkChecker(config, getaddrinfo=news.getaddrinfo) as checker:
        [result] = checker.check([LinkTarget(url, access_date="2023-05-02")])
    assert result.verdict is Verdict.BROKEN
    assert result.archive_url == f"https://web.archive.org/web/20230503101500/{url}"
    assert result.archive_date == "2023-05-03"
    [lookup] = responses.calls
    assert parse_qs(urlsplit(lookup.request.url).query) == {"url": [url], "timestamp": ["20230502"]}


@responses.activate
def test_check_links_on_an_article_passes_each_reference_access_date(server, news, monkeypatch):
    url = "http://news.test/gone"
    server.routes["/gone"] = lambda h: h.send(200, b"<title>Page not found</title>")
    responses.get(API, json=wayback("20220101000000", url))
    article = Article(None, "text", references=(Reference(1, url=url, access_date="2021-12-30"),))
    monkeypatch.setattr(socket, "getaddrinfo", news.getaddrinfo)
    [result] = check_links(article, LinkCheckConfig(archive_lookup=True))
    assert result.verdict is Verdict.SOFT_404
    assert result.archive_date == "2022-01-01"
    [lookup] = responses.calls
    assert "timestamp=20211230" in lookup.request.url


@responses.activate
def test_the_reference_s_own_archive_copy_is_used_without_asking(server, public_web):
    server.routes["/old"] = lambda h: h.send(410)
    server.routes["/copy"] = lambda h: h.send(200, b"<title>Old story</title>")
    web = public_web({"news.test": server, "archive.test": server})
    target = LinkTarget("http://news.test/old", "2020-01-01", "http://archive.test/copy", "2020-01-02")
    with LinkChecker(LinkCheckConfig(archive_lookup=True), getaddrinfo=web.getaddrinfo) as checker:
        results = checker.check([target, "http://archive.test/copy"])
    assert results[1].verdict is Verdict.OK
    assert results[0].archive_url == "http://archive.test/copy"
    assert results[0].archive_date == "2020-01-02"
    assert not responses.calls  # the Wayback Machine was not asked


@responses.activate
def test_archive_lookup_is_off_by_default_and_never_for_live_links(server, news):
    server.routes["/fine"] = lambda h: h.send(200, b"<title>Fine</title>")
    with LinkChecker(LinkCheckConfig(), getaddrinfo=news.getaddrinfo) as checker:
        [gone] = checker.check(["http://news.test/gone"])
    with LinkChecker(LinkCheckConfig(archive_lookup=True), getaddrinfo=news.getaddrinfo) as checker:
        [fine] = checker.check(["http://news.test/fine"])
    assert gone.verdict is Verdict.BROKEN and fine.verdict is Verdict.OK
    assert gone.archive_url is None and fine.archive_url is None
    assert not responses.calls


@pytest.mark.parametrize(
    ("answer", "status", "said"),
    [
        pytest.param({"archived_snapshots": {}}, 200, "the Wayback Machine has no copy", id="no-snapshot"),
        pytest.param(
            {"archived_snapshots": {"closest": {"available": False}}},
            200,
            "the Wayback Machine has no copy",
            id="unavailable",
        ),
        pytest.param("not json", 200, "lookup failed: its answer was not the expected JSON", id="garbage"),
        pytest.param("busy", 503, "lookup failed: HTTPError", id="archive-down"),
    ],
)
@responses.activate
def test_a_lookup_without_a_copy_says_why(news, answer, status, said):
    if isinstance(answer, dict):
        responses.get(API, json=answer, status=status)
    else:
        responses.get(API, body=answer, status=status)
    with LinkChecker(LinkCheckConfig(archive_lookup=True), getaddrinfo=news.getaddrinfo) as checker:
        [result] = checker.check(["http://news.test/gone"])
    assert result.verdict is Verdict.BROKEN and result.archive_url is None
    assert result.reason.endswith(said)


def _no_dns(host, *args, **kwargs):
    raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")


def test_no_dns_at_all_is_network_unavailable_never_broken(no_connections):
    urls = ["https://news.test/a", "https://example.org/b", "http://another.test/"]
    with LinkChecker(LinkCheckConfig(), getaddrinfo=_no_dns) as checker:
        results = checker.check(urls)
    assert [r.verdict for r in results] == [Verdict.NETWORK_UNAVAILABLE] * 3
    assert not any(r.dead for r in results)
    assert "Temporary failure" in results[0].reason


def test_no_route_to_any_host_is_network_unavailable(monkeypatch, news_dns):
    def unreachable(sock, address):
        raise OSError(errno.ENETUNREACH, "Network is unreachable")

    monkeypatch.setattr(socket.socket, "connect", unreachable)
    with LinkChecker(LinkCheckConfig(), getaddrinfo=news_dns) as checker:
        [result] = checker.check(["https://news.test/a"])
    assert result.verdict is Verdict.NETWORK_UNAVAILABLE
    assert "no route" in result.reason


def test_one_failed_dns_lookup_among_live_hosts_is_a_dns_failure_not_a_timeout(
    server, loopback_config, fake_dns
):
    table = {"live.test": "127.0.0.1"}

    def partial(host, *args, **kwargs):
        return fake_dns(table)(host, *args, **kwargs) if host in table else _no_dns(host)

    with LinkChecker(loopback_config, getaddrinfo=partial) as checker:
        live, dark = checker.check([f"http://live.test:{server.port}/article", "https://dark.test/"])
    assert live.verdict is Verdict.OK
    assert dark.verdict is Verdict.DNS_FAILURE and "Temporary failure" in dark.reason


def test_one_unreachable_host_among_live_ones_is_a_timeout(server, loopback_config, fake_dns, monkeypatch):
    table = {"live.test": "127.0.0.1", "dark.test": "93.184.216.34"}
    connect = socket.socket.connect

    def unreachable_dark(sock, address):
        if address[0] == "93.184.216.34":
            raise OSError(errno.EHOSTUNREACH, "No route to host")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", unreachable_dark)
    with LinkChecker(loopback_config, getaddrinfo=fake_dns(table)) as checker:
        live, dark = checker.check([f"http://live.test:{server.port}/article", "https://dark.test/"])
    assert live.verdict is Verdict.OK
    assert dark.verdict is Verdict.TIMEOUT and "no route" in dark.reason


def test_a_name_that_does_not_exist_is_broken(fake_dns, loopback_config):
    with LinkChecker(loopback_config, getaddrinfo=fake_dns({})) as checker:
        [result] = checker.check(["https://no-such-name.test/"])
    assert result.verdict is Verdict.BROKEN and "DNS name not found" in result.reason
