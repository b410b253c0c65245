"""Usurped domains: parking pages, for-sale pages, landers and casino takeovers are ``usurped``."""

from __future__ import annotations

import pytest
from loopback import LoopbackServer
from verify_world import routes

from spector_refs.check import LinkCheckConfig, check_links
from spector_refs.check.page import Page
from spector_refs.check.parking import is_parking_host, usurped_reason
from spector_refs.model import Verdict


@pytest.fixture
def world():
    with LoopbackServer("127.0.0.1", routes=routes()) as server:
        yield server


@pytest.mark.parametrize(
    ("path", "verdict", "reason"),
    [
        pytest.param("/2023/05/02/darknet-arrests", Verdict.OK, "HTTP 200", id="matching"),
        pytest.param("/2023/05/02/drifted", Verdict.OK, "HTTP 200", id="drifted-is-alive"),
        pytest.param("/2023/05/02/parked", Verdict.USURPED, "sedoparking", id="parking-script"),
        pytest.param("/2023/05/02/for-sale", Verdict.USURPED, "for sale", id="for-sale"),
        pytest.param("/2023/05/02/moved-away", Verdict.USURPED, "/lander", id="lander-redirect"),
        pytest.param("/2023/05/02/takeover", Verdict.USURPED, "gambling page", id="casino-takeover"),
        pytest.param("/2023/05/02/tycoon", Verdict.OK, "HTTP 200", id="news-about-a-casino"),
    ],
)
def test_usurped_verdicts(world, loopback_config, path, verdict, reason):
    [result] = check_links([world.url(path)], loopback_config)
    assert result.verdict is verdict, result.reason
    assert reason in result.reason
    assert result.verdict.is_dead is (verdict is Verdict.USURPED)


def test_redirect_to_a_parking_service_is_usurped(world, other_server, loopback_config, fake_dns):
    """The final host is a parking service's (resolved to a second loopback host)."""
    from spector_refs.check import LinkChecker

    world.routes["/old"] = lambda h: h.redirect(302, f"http://ww1.sedoparking.com:{other_server.port}/")
    other_server.routes["/"] = lambda h: h.send(200, b"<html><head><title>Welcome</title></head></html>")
    dns = fake_dns({"ww1.sedoparking.com": other_server.host})
    with LinkChecker(loopback_config, getaddrinfo=dns) as checker:
        [result] = checker.check([world.url("/old")])
    assert result.verdict is Verdict.USURPED
    assert "ww1.sedoparking.com" in result.reason


def test_usurped_links_get_an_archive_suggestion(world, other_server, loopback_config):
    """Dead for policy, so the closest Wayback snapshot is looked up as for broken links."""
    other_server.routes["/wayback/available"] = lambda h: h.send(
        200,
        b'{"archived_snapshots": {"closest": {"available": true, "status": "200", '
        b'"url": "http://web.archive.org/web/20230503000000/x", "timestamp": "20230503000000"}}}',
        content_type="application/json",
    )
    config = LinkCheckConfig(**{**loopback_config.__dict__, "archive_lookup": True,
                                "archive_api": other_server.url("/wayback/available")})  # fmt: skip
    [result] = check_links([world.url("/2023/05/02/parked")], config)
    assert result.verdict is Verdict.USURPED
    assert result.archive_url == "https://web.archive.org/web/20230503000000/x"
    assert result.archive_date == "2023-05-03"


@pytest.mark.parametrize(
    ("host", "parked"),
    [("sedoparking.com", True), ("ww1.sedoparking.com", True), ("dan.com", True),
     ("notsedoparking.com", False), ("example.com", False)],
)  # fmt: skip
def test_parking_hosts(host, parked):
    assert is_parking_host(host) is parked


def test_a_page_of_a_gambling_site_is_not_usurped():
    """A casino site's own page is what was cited: the URL speaks of gambling too."""
    page = Page(
        title="Slot online bonus", text="slot casino jackpot bonus deposit spin poker slots casino " * 3
    )
    assert usurped_reason("https://www.casino-reviews.example/slots", "https://x/", page) is None
    assert usurped_reason("https://news.example/2020/story", "https://x/", page) is not None
