"""Source classification: by URL, archive URL, path and title rule, DOI, names; user overrides."""

from __future__ import annotations

import pytest

from spector_refs.assess.config import AssessConfig, SourceOverride
from spector_refs.assess.sources import SourceIndex, classify_reference, is_primary, is_weak, page_url
from spector_refs.model import Name, Reference, Reliability


@pytest.fixture(scope="module")
def index() -> SourceIndex:
    return SourceIndex.create()


def classify(index: SourceIndex, **fields: object) -> tuple[str, str, str | None]:
    profile = classify_reference(Reference(number=1, **fields), index)
    assert profile.reason
    return profile.reliability.value, profile.kind, profile.matched


CASES = [
    pytest.param(
        {"url": "https://www.reuters.com/world/x"},
        ("generally-reliable", "news", "reuters.com"),
        id="url",
    ),
    pytest.param(
        {"url": "https://foo.blogspot.com/2020/x.html"},
        ("generally-unreliable", "blog", "blogspot.com"),
        id="blog-host",
    ),
    pytest.param(
        {"url": "https://www.forbes.com/sites/jane/2020/x"},
        ("generally-unreliable", "self-published", "forbes.com (path /sites/*)"),
        id="path-rule",
    ),
    pytest.param(
        {"url": "https://www.theguardian.com/world/blog/2020/x"},
        ("no-consensus", "blog", "theguardian.com (path */blog/*)"),
        id="newspaper-blog",
    ),
    pytest.param(
        {"url": "https://www.theguardian.com/world/2020/x"},
        ("generally-reliable", "news", "theguardian.com"),
        id="newspaper",
    ),
    pytest.param(
        {"url": "https://blogs.nytimes.com/2010/x"},
        ("no-consensus", "blog", "blogs.nytimes.com"),
        id="blog-subdomain",
    ),
    pytest.param(
        {"url": "https://www.justice.gov/opa/pr/x"},
        ("unknown", "press-release", "justice.gov (path */pr/*)"),
        id="doj-pr",
    ),
    pytest.param(
        {"url": "https://www.nasa.gov/x"},
        ("unknown", "government", "suffix:gov"),
        id="gov-suffix",
    ),
    pytest.param(
        {"url": "https://www.gov.uk/x"},
        ("unknown", "government", "suffix:gov.uk"),
        id="gov-uk",
    ),
    pytest.param(
        {"url": "https://example.org/x", "identifiers": {"doi": "10.1101/2020.01.01"}},
        ("no-consensus", "preprint", "doi:10.1101/"),
        id="doi",
    ),
    pytest.param(
        {"work": "Reuters"},
        ("generally-reliable", "news", "reuters.com"),
        id="name",
    ),
    pytest.param(
        {"work": "AP News"},
        ("generally-reliable", "news", "apnews.com"),
        id="ap",
    ),
    pytest.param(
        {"work": "CNBC"},
        ("unknown", "news", "cnbc.com"),
        id="cnbc",
    ),
    pytest.param(
        {"work": "Wired"},
        ("generally-reliable", "news", "wired.com"),
        id="wired",
    ),
    pytest.param(
        {"work": "Fortune Europe"},
        ("unknown", "news", "fortune.com"),
        id="edition-name",
    ),
    pytest.param(
        {"work": "BBC News Mundo"},
        ("generally-reliable", "news", "bbc.com"),
        id="shorter-name",
    ),
    pytest.param(
        {"work": "The Daily Mail"},
        ("deprecated", "tabloid", "dailymail.co.uk"),
        id="the-name",
    ),
    pytest.param(
        {"work": "www.justice.gov"},
        ("unknown", "government", "justice.gov"),
        id="website-name",
    ),
    pytest.param(
        {"publisher": "eucrim.eu"},
        ("unknown", "academic", "eucrim.eu"),
        id="publisher",
    ),
    pytest.param(
        {"title": "Market gone – Darknet Pages"},
        ("unknown", "blog", "name:darknet pages"),
        id="title-site",
    ),
    pytest.param(
        {"authors": (Name(literal="Local 3 News"),)},
        ("unknown", "news", "local3news.com"),
        id="org-author",
    ),
]


@pytest.mark.parametrize(("fields", "expected"), CASES)
def test_classification(index: SourceIndex, fields: dict, expected: tuple) -> None:
    assert classify(index, **fields) == expected


def test_archive_urls_classify_by_the_original(index: SourceIndex) -> None:
    url = "https://web.archive.org/web/20200101000000/https://www.dailymail.co.uk/news/x.html"
    assert classify(index, url=url)[:2] == ("deprecated", "tabloid")
    assert classify(index, archive_url=url)[:2] == ("deprecated", "tabloid")
    assert classify(index, url="https://archive.ph/AbCdE")[1] == "archive"
    assert page_url(Reference(number=1, url=url)) == "https://www.dailymail.co.uk/news/x.html"


def test_url_wins_over_names(index: SourceIndex) -> None:
    assert classify(index, url="https://medium.com/@x/y", work="Reuters")[2] == "medium.com"


def test_unknown_source_says_what_was_tried(index: SourceIndex) -> None:
    profile = classify_reference(Reference(number=1, work="Obscure Gazette of Nowhere"), index)
    assert profile.reliability is Reliability.UNKNOWN and profile.kind == "unknown"
    assert '"Obscure Gazette of Nowhere"' in profile.reason
    bare = classify_reference(Reference(number=1, title="Something"), index)
    assert "no URL, work or publisher" in bare.reason


def test_cs1_kind_is_the_fallback_and_press_release_refines(index: SourceIndex) -> None:
    journal = classify(index, work="Journal of Obscure Studies", kind="journal")
    assert journal[1:] == ("academic", "cs1:journal")
    release = Reference(number=1, url="https://www.apple.com/x", kind="press release")
    profile = classify_reference(release, index)
    assert profile.kind == "press-release" and "cited as a press release" in profile.reason


def test_overrides_by_domain_path_and_name() -> None:
    config = AssessConfig(
        sources={
            "foo.blogspot.com": SourceOverride(Reliability.GENERALLY_RELIABLE, "academic", "our lab's blog"),
            "example.org/blog/*": SourceOverride(kind="blog"),
            "Darknet Pages": SourceOverride(reliability=Reliability.GENERALLY_UNRELIABLE),
        }
    )
    index = SourceIndex.create(config)
    profile = classify_reference(Reference(number=1, url="https://foo.blogspot.com/x"), index)
    assert (profile.reliability, profile.kind, profile.matched) == (
        Reliability.GENERALLY_RELIABLE,
        "academic",
        "config:foo.blogspot.com",
    )
    assert "our lab's blog" in profile.reason
    assert classify(index, url="https://example.org/blog/post")[1:] == ("blog", "config:example.org/blog/*")
    assert classify(index, url="https://example.org/news/post")[1] == "unknown"
    # a partial override keeps the bundled kind
    expected = ("generally-unreliable", "blog", "config:darknet pages")
    assert classify(index, title="X – Darknet Pages") == expected
    # other blogspot blogs keep the bundled ruling
    assert classify(index, url="https://bar.blogspot.com/x")[1] == "blog"


def test_weak_and_primary_follow_the_config(index: SourceIndex) -> None:
    blog = classify_reference(Reference(number=1, url="https://foo.substack.com/x"), index)
    agency = classify_reference(Reference(number=1, url="https://www.fbi.gov/x"), index)
    assert is_weak(blog, AssessConfig()) and not is_weak(blog, AssessConfig(weak_kinds=frozenset()))
    assert is_primary(agency, AssessConfig()) and not is_weak(agency, AssessConfig())
