"""Refusal of private addresses, proven to happen before any connection."""

from __future__ import annotations

import ipaddress

import pytest

from spector_refs.check import LinkCheckConfig, LinkChecker, check_links
from spector_refs.check.safety import HostResolver, address_problem, numeric_host
from spector_refs.model import Verdict

PUBLIC = "93.184.215.14"


@pytest.mark.parametrize(
    ("host", "address"),
    [
        pytest.param("2130706433", "127.0.0.1", id="decimal"),
        pytest.param("0x7f.1", "127.0.0.1", id="hex-short"),
        pytest.param("0x7f000001", "127.0.0.1", id="hex"),
        pytest.param("017700000001", "127.0.0.1", id="octal"),
        pytest.param("0177.0.0.1", "127.0.0.1", id="octal-dotted"),
        pytest.param("127.1", "127.0.0.1", id="short"),
        pytest.param("10.1.258", "10.1.1.2", id="three-part"),
        pytest.param("[::ffff:127.0.0.1]", "::ffff:7f00:1", id="ipv4-mapped-ipv6"),
        pytest.param("[::1]", "::1", id="ipv6-loopback"),
        pytest.param("169.254.169.254.", "169.254.169.254", id="trailing-dot"),
    ],
)
def test_numeric_hosts_are_read_like_a_browser_reads_them(host, address):
    assert numeric_host(host) == ipaddress.ip_address(address)


@pytest.mark.parametrize(
    "host", ["example.org", "1.2.3.4.5", "256.1.1.1", "09.1.1.1", "0x.example", "[zz::1]"]
)
def test_names_and_impossible_numbers_are_not_addresses(host):
    assert numeric_host(host) is None


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("127.0.0.1", "loopback"),
        ("10.0.0.1", "private"),
        ("172.16.5.4", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("224.0.0.1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-public"),
        ("::1", "loopback"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("::ffff:10.0.0.1", "private address 10.0.0.1"),
        ("2002:7f00:1::", "loopback address 127.0.0.1"),
    ],
)
def test_address_problem_names_the_range(address, words):
    assert words in address_problem(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", [PUBLIC, "2606:4700::6810:84e5", "8.8.8.8"])
def test_public_addresses_pass(address):
    assert address_problem(ipaddress.ip_address(address)) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost.test/",
        "http://2130706433/",
        "http://0x7f.1/",
        "http://017700000001/",
        "http://[::ffff:127.0.0.1]/",
        "http://[::1]:8080/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://10.0.0.1/",
        "https://192.168.0.1/router",
        "http://0.0.0.0/",
        "http://metadata.test/",
    ],
)
def test_private_addresses_are_refused_before_any_connection(url, no_connections, fake_dns):
    dns = fake_dns({"localhost.test": "127.0.0.1", "metadata.test": "169.254.169.254"})
    with LinkChecker(LinkCheckConfig(), getaddrinfo=dns) as checker:
        [result] = checker.check([url])
    assert result.verdict is Verdict.REFUSED
    assert "not checked (--allow-private checks it)" in result.reason
    assert no_connections == []


def test_a_host_with_any_private_address_is_refused(no_connections):
    def mixed(host, *args, **kwargs):
        return [(2, 1, 6, "", (PUBLIC, 0)), (2, 1, 6, "", ("10.0.0.5", 0))]

    resolution = HostResolver(getaddrinfo=mixed).resolve("mixed.test")
    assert resolution.verdict is Verdict.REFUSED and "10.0.0.5" in resolution.reason


def test_the_connection_layer_refuses_an_unvetted_host(no_connections):
    """Even a caller that skipped the resolver cannot connect: nothing is pinned."""
    resolver = HostResolver()
    with pytest.raises(OSError, match="not vetted"):
        resolver.pinned("example.org")


def test_a_redirect_to_a_private_address_is_refused_at_that_hop(server, public_web):
    server.routes["/story"] = lambda h: h.redirect(302, "http://127.0.0.1:8080/admin")
    web = public_web({"news.test": server})
    with LinkChecker(LinkCheckConfig(), getaddrinfo=web.getaddrinfo) as checker:
        [result] = checker.check(["http://news.test/story"])
    assert result.verdict is Verdict.REFUSED
    assert result.reason.startswith("redirected to http://127.0.0.1:8080/admin")
    assert [hop.url for hop in result.redirects] == ["http://news.test/story"]
    assert server.count("/story") == 1
    assert web.connections == [(web.addresses["news.test"], 80)]  # never to 127.0.0.1:8080


def test_a_redirect_to_a_name_resolving_privately_is_refused(server, public_web):
    server.routes["/a"] = lambda h: h.redirect(301, "http://intranet.test/")
    web = public_web({"news.test": server}, extra={"intranet.test": "192.168.1.10"})
    with LinkChecker(LinkCheckConfig(), getaddrinfo=web.getaddrinfo) as checker:
        [result] = checker.check(["http://news.test/a"])
    assert result.verdict is Verdict.REFUSED
    assert "intranet.test resolves to private address 192.168.1.10" in result.reason
    assert server.count("/a") == 1
    assert web.connections == [(web.addresses["news.test"], 80)]


def test_allow_private_lets_loopback_through(server):
    [refused] = check_links([server.url("/article")])
    [allowed] = check_links([server.url("/article")], LinkCheckConfig(allow_private=True))
    assert refused.verdict is Verdict.REFUSED
    assert allowed.verdict is Verdict.OK
    assert server.count("/article") == 1


@pytest.mark.parametrize(
    ("url", "verdict"),
    [
        ("ftp://ftp.example.org/file", Verdict.UNSUPPORTED),
        ("file:///etc/passwd", Verdict.UNSUPPORTED),
        ("javascript:alert(1)", Verdict.INVALID),
        ("gopher://example.org/", Verdict.UNSUPPORTED),
        ("www.example.org/page", Verdict.INVALID),
        ("http://", Verdict.INVALID),
        ("http://[::1/", Verdict.INVALID),
        ("http://example.org:99999/", Verdict.INVALID),
        ("http://exa\nmple.org/", Verdict.INVALID),
    ],
)
def test_only_http_and_https_are_requested(url, verdict, no_connections):
    [result] = check_links([url])
    assert result.verdict is verdict
    assert no_connections == []


def test_excluded_urls_are_not_requested(no_connections):
    config = LinkCheckConfig(exclude=(r"^https?://(www\.)?example\.org/",))
    [result] = check_links(["https://example.org/private"], config)
    assert result.verdict is Verdict.EXCLUDED
    assert "exclusion pattern" in result.reason
    assert no_connections == []
