"""What a page says it is: titles, site name, date and authors from the head, h1 and JSON-LD."""

from __future__ import annotations

import json

import pytest
from verify_world import ARTICLE

from spector_refs.check.metadata import iso_date, read_metadata


def page(head: str, body: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


def test_a_news_article_declares_everything():
    meta = read_metadata(ARTICLE, "text/html; charset=utf-8")
    assert meta is not None
    assert meta.title == "Dark web drug market takedown nets 288 arrests | Example News"
    assert meta.og_title == meta.headline == meta.heading == "Dark web drug market takedown nets 288 arrests"
    assert (meta.site_name, meta.published, meta.authors) == ("Example News", "2023-05-02", ("Jane Smith",))
    assert meta.titles()[0] == "Dark web drug market takedown nets 288 arrests"


def test_scholarly_highwire_and_dublin_core_tags():
    meta = read_metadata(
        page(
            '<meta name="citation_title" '
            'content="Genome Sequencing Highlights the Dynamic Early History of Dogs">'
            '<meta name="citation_author" content="Freedman, Adam H.">'
            '<meta name="citation_author" content="Gronau, Ilan">'
            '<meta name="citation_publication_date" content="2014/01/16">'
            '<meta name="citation_journal_title" content="PLOS Genetics">'
            '<meta name="DC.title" content="ignored">'
        ),
        "text/html",
    )
    assert meta is not None
    assert meta.citation_title == "Genome Sequencing Highlights the Dynamic Early History of Dogs"
    assert meta.authors == ("Freedman, Adam H.", "Gronau, Ilan")
    assert (meta.published, meta.site_name) == ("2014-01-16", "PLOS Genetics")


def test_json_ld_in_a_graph_with_author_objects():
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "Example"},
        {"@type": "NewsArticle", "headline": "Police seize servers",
         "datePublished": "2021-01-12T09:00:00+01:00",
         "author": [{"@type": "Person", "name": "A. Writer"}, "B. Writer", {"url": "https://x"}]},
    ]}  # fmt: skip
    meta = read_metadata(page(f'<script type="application/ld+json">{json.dumps(ld)}</script>'), None)
    assert meta is not None
    assert (meta.headline, meta.published, meta.authors) == (
        "Police seize servers",
        "2021-01-12",
        ("A. Writer", "B. Writer"),
    )


@pytest.mark.parametrize(
    ("head", "canonical"),
    [
        pytest.param('<link rel="canonical" href="https://x.example/2023/05/02/story/">',
                     "https://x.example/2023/05/02/story/", id="link-canonical"),
        pytest.param('<meta property="og:url" content="https://x.example/story">', "https://x.example/story",
                     id="og-url"),
        pytest.param('<link rel="canonical" href="/story">', None, id="relative-ignored"),
        pytest.param("", None, id="none"),
    ],
)  # fmt: skip
def test_the_canonical_address(head, canonical):
    meta = read_metadata(page(f"<title>T</title>{head}"), None)
    assert meta is not None and meta.canonical_url == canonical


def test_a_hostile_title_is_cut_to_what_a_title_can_be():
    """A megabyte <title> must not make the word-by-word title comparison quadratic in its size."""
    meta = read_metadata(page("<title>" + "word " * 200_000 + "</title>"), None)
    assert meta is not None and meta.title is not None and len(meta.title) <= 2048


def test_the_declared_charset_is_honoured():
    body = '<html><head><meta charset="windows-1252"><title>Café crème</title></head></html>'.encode("cp1252")
    meta = read_metadata(body, "text/html")
    assert meta is not None and meta.title == "Café crème"


@pytest.mark.parametrize(
    "script",
    [
        pytest.param("{not json", id="broken-json"),
        pytest.param('"just a string"', id="scalar"),
        pytest.param("[" * 5000 + "]" * 5000, id="deeply-nested"),
    ],
)
def test_bad_json_ld_is_ignored(script):
    meta = read_metadata(page(f'<title>T</title><script type="application/ld+json">{script}</script>'), None)
    assert meta is not None and meta.title == "T" and meta.headline is None


@pytest.mark.parametrize(
    ("body", "content_type"),
    [(b"%PDF-1.4", "application/pdf"), (b"", "text/html"), (b"plain words", "text/plain")],
)
def test_no_metadata_for_what_is_not_html(body, content_type):
    assert read_metadata(body, content_type) is None


@pytest.mark.parametrize(
    ("text", "iso"),
    [("2023-05-02T14:05:00Z", "2023-05-02"), ("2 May 2023", "2023-05-02"), ("2014/01/16", "2014-01-16"),
     ("May 2023", "2023-05"), ("yesterday", None)],
)  # fmt: skip
def test_dates_as_iso(text, iso):
    assert iso_date(text) == iso


def test_the_kinds_a_page_declares_itself_as_it_gives_them():
    """og:type, then every JSON-LD @type (lists and @graph too); microdata is not read (a body walk)."""
    head = (
        '<title>T</title><meta property="og:type" content="article">'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"},'
        ' {"@type": ["Review", "CreativeWork"], "itemReviewed": {"@type": "Book", "name": "T"}}]}</script>'
        '<div itemscope itemtype="https://schema.org/Book"><span itemscope itemtype="https://schema.org/Person">'
        "</span></div>"
    )
    meta = read_metadata(page(head), None)
    assert meta is not None and meta.kinds == ("article", "WebPage", "Review", "CreativeWork")
    assert read_metadata(page("<title>T</title>"), None).kinds == ()
