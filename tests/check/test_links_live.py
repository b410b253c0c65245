"""Every hard case of issue 4 against a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import gzip
import time
from dataclasses import replace

import pycurl
import pytest
from loopback import ARTICLE, LoopbackServer

from spector_refs.check import LinkCheckConfig, LinkChecker, check_links
from spector_refs.check.http import Transport
from spector_refs.check.safety import HostResolver
from spector_refs.model import Hop, Verdict


def check_one(server: LoopbackServer, path: str, config: LinkCheckConfig):
    [result] = check_links([server.url(path)], config)
    return result


@pytest.mark.parametrize(
    ("path", "verdict", "status", "reason"),
    [
        pytest.param("/article", Verdict.OK, 200, "HTTP 200 OK", id="ok"),
        pytest.param("/missing", Verdict.BROKEN, 404, "404 Not Found", id="404"),
        pytest.param("/gone", Verdict.BROKEN, 410, "410 Gone", id="410"),
        pytest.param("/forbidden", Verdict.BLOCKED, 403, "may be fine", id="403"),
        pytest.param("/unauthorized", Verdict.BLOCKED, 401, "may be fine", id="401"),
        pytest.param("/legal", Verdict.BLOCKED, 451, "Legal Reasons", id="451"),
        pytest.param("/server-error", Verdict.SERVER_ERROR, 500, "500", id="500"),
        pytest.param(
            "/always-503", Verdict.SERVER_ERROR, 503, "retried after HTTP 503", id="503-after-retries"
        ),
        pytest.param("/soft-404", Verdict.SOFT_404, 200, "title says 'Page not found", id="soft-404-title"),
        pytest.param(
            "/soft-404-body", Verdict.SOFT_404, 200, "looking for does not exist", id="soft-404-body"
        ),
        pytest.param(
            "/news/2023/05/02/operation-spector", Verdict.SOFT_404, 200, "home page", id="deep-link-to-home"
        ),
        pytest.param("/story/12345", Verdict.BLOCKED, 200, "login page", id="redirect-to-login"),
        pytest.param("/loop/a", Verdict.REDIRECT_LOOP, 302, "loop back to", id="loop"),
        pytest.param("/self-loop", Verdict.REDIRECT_LOOP, 301, "loop back to", id="self-loop"),
        pytest.param("/to-ftp", Verdict.UNSUPPORTED, 302, "ftp: scheme", id="redirect-to-ftp"),
        pytest.param(
            "/bot-wall", Verdict.BLOCKED, 403, "Cloudflare challenge", id="cloudflare-challenge-403"
        ),
        pytest.param("/bot-wall-503", Verdict.BLOCKED, 503, "Just a moment", id="cloudflare-challenge-503"),
        pytest.param(
            "/rate-limited-long", Verdict.RATE_LIMITED, 429, "slow down", id="429-retry-after-too-long"
        ),
        pytest.param("/reset", Verdict.SERVER_ERROR, None, "closed the connection", id="connection-reset"),
        pytest.param(
            "/bad-status-line", Verdict.SERVER_ERROR, None, "malformed HTTP answer", id="bad-status-line"
        ),
        pytest.param("/bad-header", Verdict.OK, 200, "HTTP 200", id="malformed-header-line-tolerated"),
    ],
)
def test_verdict(server, loopback_config, path, verdict, status, reason):
    result = check_one(server, path, loopback_config)
    assert result.verdict is verdict, result.reason
    assert result.status_code == status
    assert reason in result.reason
    assert result.checked_at and result.checked_at.endswith("Z")


def test_permanent_chain_is_recorded_hop_by_hop_and_suggests_the_new_url(server, loopback_config):
    result = check_one(server, "/chain/1", loopback_config)
    assert result.verdict is Verdict.REDIRECTED
    assert result.redirects == (
        Hop(server.url("/chain/1"), 301),
        Hop(server.url("/chain/2"), 308),
        Hop(server.url("/chain/3"), 301),
    )
    assert result.final_url == server.url("/article")
    assert result.suggested_url == server.url("/article")


def test_temporary_redirect_suggests_nothing(server, loopback_config):
    result = check_one(server, "/found", loopback_config)
    assert result.verdict is Verdict.REDIRECTED
    assert result.final_url == server.url("/article")
    assert result.suggested_url is None


def test_too_many_redirects_is_a_loop(server, loopback_config):
    config = LinkCheckConfig(**{**loopback_config.__dict__, "max_redirects": 2})
    result = check_one(server, "/chain/1", config)
    assert result.verdict is Verdict.REDIRECT_LOOP
    assert "more than 2 redirects" in result.reason


def test_head_refused_falls_back_to_get(server, loopback_config):
    result = check_one(server, "/head-405.pdf", loopback_config)
    assert result.verdict is Verdict.OK
    assert "HEAD answered 405, checked with GET" in result.reason
    assert server.count("/head-405.pdf", "HEAD") == 1
    assert server.count("/head-405.pdf", "GET") == 1


def test_files_are_checked_with_head_only(server, loopback_config):
    result = check_one(server, "/report.pdf", loopback_config)
    assert result.verdict is Verdict.OK
    assert result.content_type == "application/pdf"
    assert server.count("/report.pdf", "HEAD") == 1
    assert server.count("/report.pdf", "GET") == 0


def test_pages_are_fetched_once_with_get_and_their_text_kept(server, loopback_config):
    result = check_one(server, "/article", loopback_config)
    assert server.count("/article", "GET") == 1 and server.count("/article", "HEAD") == 0
    assert "arrested 288 people" in result.text
    assert "var hidden" not in result.text  # scripts are not page text


def test_method_head_always_heads_first(server, loopback_config):
    config = LinkCheckConfig(**{**loopback_config.__dict__, "method": "head"})
    result = check_one(server, "/soft-404", config)
    assert result.verdict is Verdict.SOFT_404  # the HTML answer to HEAD is re-read with GET
    assert server.count("/soft-404", "HEAD") == 1 and server.count("/soft-404", "GET") == 1


def test_429_retry_after_is_honoured(server, loopback_config):
    started = time.monotonic()
    result = check_one(server, "/rate-limited", loopback_config)
    assert result.verdict is Verdict.OK
    assert time.monotonic() - started >= 0.95  # Retry-After: 1
    assert server.count("/rate-limited", "GET") == 2
    assert "retried after HTTP 429" in result.reason


def test_429_asking_too_long_is_rate_limited_without_waiting(server, loopback_config):
    started = time.monotonic()
    result = check_one(server, "/rate-limited-long", loopback_config)
    assert result.verdict is Verdict.RATE_LIMITED
    assert time.monotonic() - started < 1
    assert server.count("/rate-limited-long") == 1


def test_flaky_503_then_200_is_ok(server, loopback_config):
    result = check_one(server, "/flaky", loopback_config)
    assert result.verdict is Verdict.OK
    assert server.count("/flaky", "GET") == 2


def test_slow_server_times_out_within_the_read_timeout(server, loopback_config):
    started = time.monotonic()
    result = check_one(server, "/slow", loopback_config)
    assert result.verdict is Verdict.TIMEOUT
    assert time.monotonic() - started < 2.5  # timeout 1 s, read timeouts are not retried
    assert server.count("/slow") == 1


def test_trickling_body_stops_at_the_deadline(server, loopback_config):
    config = LinkCheckConfig(**{**loopback_config.__dict__, "deadline": 1.5})
    started = time.monotonic()
    result = check_one(server, "/trickle", config)
    assert time.monotonic() - started < 3
    assert result.status_code == 200
    assert "deadline" in result.reason


def test_trickling_headers_stop_at_the_deadline(server, loopback_config):
    """Each read gets a byte within the read timeout; only the deadline ends it."""
    config = LinkCheckConfig(**{**loopback_config.__dict__, "deadline": 1.5})
    started = time.monotonic()
    result = check_one(server, "/trickle-headers", config)
    assert result.verdict is Verdict.TIMEOUT
    assert "deadline" in result.reason
    assert time.monotonic() - started < 2.5


@pytest.mark.parametrize("path", ["/huge", "/endless"])
def test_huge_and_endless_bodies_are_capped(server, loopback_config, path):
    config = LinkCheckConfig(**{**loopback_config.__dict__, "max_body_bytes": 64 * 1024})
    started = time.monotonic()
    result = check_one(server, path, config)
    assert result.verdict is Verdict.OK
    assert f"first {64 * 1024} bytes" in result.reason
    assert len(result.text) <= 64 * 1024
    assert time.monotonic() - started < 2


def test_connection_refused_is_broken(loopback_config):
    with LoopbackServer("127.0.0.1") as world:
        url = world.url("/article")
    [result] = check_links([url], loopback_config)
    assert result.verdict is Verdict.BROKEN
    assert "connection refused" in result.reason


def test_honest_browser_like_user_agent_and_no_credentials_sent(server, loopback_config):
    url = server.url("/echo").replace("http://", "http://alice:secret@")
    [result] = check_links([url], loopback_config)
    assert result.verdict is Verdict.OK
    (_, _, headers) = server.requests[-1]
    assert "Authorization" not in headers
    assert headers["User-Agent"].startswith("Mozilla/5.0") and "spector-refs" in headers["User-Agent"]


def test_cookies_are_not_carried_to_another_host(server, other_server, loopback_config):
    def set_cookie_and_redirect(h):
        h.send(302, b"", headers={"Set-Cookie": "session=abc; Path=/", "Location": other_server.url("/echo")})

    server.routes["/cookie"] = set_cookie_and_redirect
    [result] = check_links([server.url("/cookie")], loopback_config)
    assert result.verdict is Verdict.REDIRECTED
    (_, _, headers) = other_server.requests[-1]
    assert "Cookie" not in headers


def test_a_connection_is_kept_alive_across_checks_and_redirects(server, loopback_config):
    """Pages read to their end, empty redirects and the probe's 404 all give the connection back."""
    ports: list[int] = []

    def article(h):
        ports.append(h.client_address[1])
        h.send(200, ARTICLE)

    server.routes["/page/"] = server.routes["/article"] = article
    urls = [server.url(f"/page/{n}") for n in range(5)] + [server.url("/moved")]
    results = check_links(urls, replace(loopback_config, concurrency=1, per_host=1))
    assert [r.verdict for r in results] == [Verdict.OK] * 5 + [Verdict.REDIRECTED]
    assert len(ports) == 6 and len(set(ports)) == 1


def test_workers_take_turns_on_one_kept_alive_connection(server, loopback_config):
    """Each worker's handle goes back to the host's pool after its check: the next worker reuses it."""
    ports: list[int] = []

    def article(h):
        ports.append(h.client_address[1])
        h.send(200, ARTICLE)

    server.routes["/page/"] = article
    config = replace(loopback_config, concurrency=4, per_host=1, soft_404_probe=False)
    results = check_links([server.url(f"/page/{n}") for n in range(8)], config)
    assert [r.verdict for r in results] == [Verdict.OK] * 8
    assert len(ports) == 8 and len(set(ports)) == 1


def test_idle_handles_are_kept_per_origin_and_the_one_left_longest_is_closed_first(loopback_config):
    transport = Transport(replace(loopback_config, concurrency=1), HostResolver())
    first = transport.take("http://a:80")
    transport.put_back("http://a:80", first)
    assert transport.take("http://a:80") is first  # its connection with it
    handles = [transport.take(f"http://h{n}:80") for n in range(32)]
    assert first not in handles
    transport.put_back("http://a:80", first)
    for n, curl in enumerate(handles):
        transport.put_back(f"http://h{n}:80", curl)  # 33 idle: one more than the 32 kept
    with pytest.raises(pycurl.error):
        first.curl.setopt(pycurl.URL, "http://a/")  # closed: it was left longest
    assert transport.take("http://h0:80") is handles[0]
    transport.close()


def test_a_gzip_page_is_asked_for_and_read_decompressed(server, loopback_config):
    def compressed(h):
        h.send(200, gzip.compress(ARTICLE), headers={"Content-Encoding": "gzip"})

    server.routes["/gzip"] = compressed
    [result] = check_links([server.url("/gzip")], loopback_config)
    assert result.verdict is Verdict.OK
    assert result.text is not None and "arrested 288 people" in result.text
    (_, _, headers) = server.requests[0]
    assert "gzip" in headers["Accept-Encoding"]


def test_results_are_in_input_order_one_per_distinct_url(server, loopback_config):
    urls = [server.url("/gone"), server.url("/article"), server.url("/gone"), server.url("/moved")]
    results = check_links(urls, loopback_config)
    assert [r.url for r in results] == [urls[0], urls[1], urls[3]]


def test_dns_is_asked_once_and_the_address_pinned(server, loopback_config, fake_dns):
    """A rebinding DNS server answering differently the second time changes nothing."""
    answers = iter(["127.0.0.1"] + ["127.0.0.9"] * 10)
    calls = []

    def rebinding(host, *args, **kwargs):
        calls.append(host)
        return fake_dns({host: next(answers)})(host, *args, **kwargs)

    host = f"rebind.test:{server.port}"
    urls = [f"http://{host}/moved", f"http://{host}/article", f"http://{host}/head-405.pdf"]
    with LinkChecker(loopback_config, getaddrinfo=rebinding) as checker:
        results = checker.check(urls)
    assert [r.verdict for r in results] == [Verdict.REDIRECTED, Verdict.OK, Verdict.OK]
    assert calls == ["rebind.test"]
    assert all(headers["Host"] == host for _, _, headers in server.requests)


def test_a_malformed_location_is_an_invalid_redirect(server, loopback_config):
    server.routes["/garbage-location"] = lambda h: h.redirect(302, "http://[::1")
    result = check_one(server, "/garbage-location", loopback_config)
    assert result.verdict is Verdict.INVALID
    assert "redirected to a malformed URL" in result.reason
