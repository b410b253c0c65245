"""The rules that turn answers into verdicts, and the small pure helpers."""

from __future__ import annotations

import pytest

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.http import head_suffices, retry_after, wants_head
from spector_refs.check.page import Page, read_page
from spector_refs.check.soft404 import bot_wall, landing_redirect, soft_404_reason
from spector_refs.check.verdict import classify
from spector_refs.errors import ConfigError
from spector_refs.model import Verdict


@pytest.mark.parametrize(
    "page",
    [
        Page(title="Page Not Found - The Guardian"),
        Page(title="404"),
        Page(title="Error 404 | BBC"),
        Page(title="404 - File or directory not found."),
        Page(title="Not Found"),
        Page(title="Example", headings=("Sorry, this page doesn't exist",)),
        Page(title="Example", headings=("We can't find the page you were looking for",)),
        Page(title="Story unavailable", headings=("This article is no longer available",)),
        Page(title="Example", text="Oops! The page you are looking for has been removed."),
        Page(title="Example", text="Error: the requested URL was not found on this server."),
    ],
)
def test_soft_404_pages(page):
    assert soft_404_reason(page)


@pytest.mark.parametrize(
    "page",
    [
        Page(
            title="HTTP 404 - Wikipedia",
            text="In computer network communications, the HTTP 404 ... not found",
        ),
        Page(title="Operation SpecTor nets 288 arrests", headings=("Operation SpecTor",)),
        Page(title="Lost and found: the missing files of the Met", text="Files found in a basement."),
        Page(title="Example", text=("news " * 1000) + "the page you are looking for does not exist"),
    ],
)
def test_real_pages_are_not_soft_404(page):
    assert soft_404_reason(page) is None


@pytest.mark.parametrize(
    ("original", "final", "landing"),
    [
        ("http://a.test/news/2023/story", "http://a.test/", "home page"),
        ("http://a.test/news/2023/story", "https://www.a.test/en/", "home page"),
        ("http://a.test/article?id=5", "http://a.test/index.html", "home page"),
        ("http://a.test/story/5", "http://a.test/errors/404.html", "error page"),
        ("http://a.test/story/5", "http://a.test/account/login?next=/story/5", "login page"),
        ("http://a.test/story/5", "https://a.test/story/5", None),
        ("http://a.test/story/5", "http://a.test/2023/story-5", None),
        ("http://a.test/", "https://www.a.test/", None),
        ("http://a.test/index.html", "http://a.test/", None),
    ],
)
def test_landing_redirects(original, final, landing):
    assert landing_redirect(original, final) == landing


def test_bot_walls():
    challenge = Page(title="Just a moment...", text="Enable JavaScript and cookies to continue")
    assert "Cloudflare challenge" in bot_wall(403, {"cf-mitigated": "challenge"}, Page())
    assert "Cloudflare bot-check" in bot_wall(503, {"server": "cloudflare"}, challenge)
    assert bot_wall(403, {}, Page(text="Incapsula incident ID: 123")) == "a bot-check page"
    assert (
        bot_wall(200, {}, Page(title="News", text="please complete the security check of your account"))
        is None
    )
    assert bot_wall(403, {"server": "nginx"}, Page(title="403 Forbidden")) is None


@pytest.mark.parametrize(
    ("status", "verdict"),
    [
        (200, Verdict.OK), (204, Verdict.OK), (404, Verdict.BROKEN), (410, Verdict.BROKEN),
        (400, Verdict.BROKEN), (401, Verdict.BLOCKED), (403, Verdict.BLOCKED), (451, Verdict.BLOCKED),
        (406, Verdict.BLOCKED), (999, Verdict.BLOCKED), (429, Verdict.RATE_LIMITED), (408, Verdict.TIMEOUT),
        (500, Verdict.SERVER_ERROR), (503, Verdict.SERVER_ERROR), (300, Verdict.BROKEN),
    ],
)  # fmt: skip
def test_status_codes(status, verdict):
    got, reason = classify(status, {}, Page(), original_url="http://a.test/x", final_url="http://a.test/x",
                           redirected=False)  # fmt: skip
    assert got is verdict
    assert str(status) in reason


def test_accepted_status_codes_are_ok():
    verdict, reason = classify(
        403, {}, Page(), original_url="u", final_url="u", redirected=False, accept_status=(403,)
    )
    assert verdict is Verdict.OK and "accepted by configuration" in reason


def test_retry_after_forms():
    assert retry_after("120") == 120
    assert retry_after(None) is None and retry_after("soon") is None
    assert retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0  # a past date: retry now


@pytest.mark.parametrize(
    ("url", "method", "head"),
    [
        ("http://a.test/report.pdf", "auto", True),
        ("http://a.test/IMAGE.JPG", "auto", True),
        ("http://a.test/news/story", "auto", False),
        ("http://a.test/news/story", "head", True),
        ("http://a.test/report.pdf", "get", False),
    ],
)
def test_head_first_for_files(url, method, head):
    assert wants_head(url, method) is head


def test_head_suffices_only_for_redirects_and_non_pages():
    from spector_refs.check.http import Answer

    assert head_suffices(Answer(200, {"content-type": "application/pdf"}))
    assert head_suffices(Answer(301, {"location": "/new"}))
    assert not head_suffices(Answer(200, {"content-type": "text/html"}))
    assert not head_suffices(Answer(405, {}))


def test_page_text_is_visible_text_only():
    page = read_page(
        b"<html><head><title>T</title><style>p{}</style></head><body><h1>Head</h1><p>One</p><p>Two</p>"
        b"<script>x()</script><!-- note --></body></html>",
        "text/html; charset=utf-8",
    )
    assert page == Page(title="T", headings=("Head",), text="Head One Two")


@pytest.mark.parametrize(
    ("changes", "key"),
    [
        ({"concurrency": 0}, "links.concurrency"),
        ({"per_host": "2"}, "links.per-host"),
        ({"timeout": -1}, "links.timeout"),
        ({"deadline": 0}, "links.deadline"),
        ({"per_host_interval": float("nan")}, "links.per-host-interval"),
        ({"allow_private": "yes"}, "links.allow-private"),
        ({"method": "post"}, "links.method"),
        ({"accept_status": (200, 700)}, "links.accept-status"),
        ({"exclude": ("(unclosed",)}, "links.exclude"),
        ({"user_agent": ""}, "links.user-agent"),
        ({"cache_path": ""}, "links.cache-path"),
    ],
)
def test_bad_configuration_names_the_key(changes, key):
    with pytest.raises(ConfigError, match=key):
        LinkCheckConfig(**changes)


def test_configuration_keys_are_the_hyphenated_fields():
    keys = LinkCheckConfig.keys()
    assert {"per-host", "per-host-interval", "max-age", "dead-after-failures", "allow-private"} <= set(keys)
    assert LinkCheckConfig(accept_status=["429"], exclude="^x").accept_status == (429,)


def test_cache_path_may_be_a_path(tmp_path):
    assert LinkCheckConfig(cache_path=tmp_path / "c.sqlite3").cache_path == str(tmp_path / "c.sqlite3")
