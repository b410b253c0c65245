"""What a URL is before any request: its parts, as the standard library reads them."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from hypothesis import example, given, settings
from hypothesis import strategies as st

from spector_refs.check.urls import _CONTROL, _PLAIN, _origin, _origin_problem, url_parts

_PIECES = st.sampled_from(
    ["a", "b.c", "http://", "HTTPS://", "a+b-c.d://", "http:/", "//", "/", "?", "#", ":", "@", "[", "]",
     "::1", "%20", "\\", '"', "\t", "\n", "\r", " ", "\x00", "\x7f", "ü", "é.org", "K", "80", "99999",
     ".", "-", "~"]
)  # fmt: skip
_HEADS = st.sampled_from(["http://", "HTTPS://", "a+b-c.d://", "1a://", ""])
_TAILS = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=10).map("".join)
urls = st.builds(str.__add__, _HEADS, _TAILS)


def _read(read: Callable[[str], object], url: str) -> object:
    """What ``read(url)`` returns, or the message of the ValueError it raises: a failure compares too."""
    try:
        return read(url)
    except ValueError as exc:
        return str(exc)


@settings(max_examples=500)
@given(urls)
@example("http://a?b#c")
@example("http://a#b?c")
@example("http://[::1]:8080/a?b#c")
@example("HTTP://User@Host:99999/a#b?c")
@example("http://ü.example/")
@example("http://a.example/\tb")
@example("http://a/b\rc")
@example("http://a?b\tc")
@example("http://a?b\nc")
@example("http://a#b\tc")
@example("http://a#b\rc")
@example("a:b://c/d")
def test_a_url_is_split_as_urlsplit_splits_it(url: str) -> None:
    assert _read(url_parts.__wrapped__, url) == _read(urlsplit, url), url


def test_the_usual_cited_urls_are_split_by_the_plain_pattern() -> None:
    """The pattern is the fast way only if the usual URLs take it (the rest go to urlsplit)."""
    usual = [
        "https://www.example.org/news/2023/05/02/story.html?id=7&lang=en#top",
        "http://127.0.0.2:8080/page/1",
        "https://user:secret@example.org/",
        "http://example.org",
    ]
    assert all(_PLAIN.fullmatch(url) for url in usual)
    assert not _PLAIN.fullmatch("http://[::1]/") and not _PLAIN.fullmatch("https://bücher.example/")


def _host(url: str) -> object:
    """urlsplit's host name of ``url``."""
    return urlsplit(url).hostname


@settings(max_examples=500)
@given(urls)
@example("http://a.example:99999/b")
@example("http://[::1/b")
@example("HTTP://User@Host.example:8080?q#f")
@example("http://exa\tmple.org/b")
@example(" http://a/b")
@example("mailto:someone@example.org")
@example("http:///b")
def test_a_url_is_judged_and_keyed_by_its_origin_as_by_the_whole_of_it(url: str) -> None:
    """The prechecks and the host key read the scheme and authority once per origin: nothing else counts."""
    origin = _origin(url)
    assert url.startswith(origin)
    assert _read(_host, origin) == _read(_host, url), url
    if not _CONTROL.search(url):  # url_problem answers those before the origin is looked at
        assert _origin_problem.__wrapped__(origin) == _origin_problem.__wrapped__(url), url
